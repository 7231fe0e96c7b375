"""Tests for diplostatements.vocabulary: predicates, vocabularies and the default vocabulary."""

from __future__ import annotations

import re
from typing import Any

import pytest

from diplostatements.exceptions import DuplicateIdError, FieldError, UnknownReferenceError
from diplostatements.vocabulary import (
    DEFAULT_VOCABULARY,
    Predicate,
    Vocabulary,
    VocabularyError,
)


class TestPhrases:
    def test_phrases_hold_only_declared_phrases(self) -> None:
        """Vocabulary.phrases maps the predicates that declare a phrase, and no others."""
        vocabulary = Vocabulary(
            [Predicate("heads", phrase="is the head of"), Predicate("supports")]
        )
        assert vocabulary.phrases == {"heads": "is the head of"}

    def test_default_phrases_read_as_sentences(self) -> None:
        """The default vocabulary's noun-like predicates read with a verb."""
        phrases = DEFAULT_VOCABULARY.phrases
        assert phrases["legitimate_president_of"] == "is the legitimate president of"
        assert all(phrase.startswith("is ") for phrase in phrases.values())

    def test_phrase_must_be_a_string(self) -> None:
        """A phrase that is not a string is a FieldError naming the field."""
        with pytest.raises(FieldError, match=r"Predicate\.phrase"):
            Predicate("heads", phrase=3)  # type: ignore[arg-type]


class TestPredicate:
    @pytest.mark.parametrize(
        ("given", "stored"),
        [
            # Any collection of names, or a lone name, becomes a frozenset.
            (["opposes"], frozenset({"opposes"})),
            ({"opposes", "fights"}, frozenset({"opposes", "fights"})),
            ("opposes", frozenset({"opposes"})),
            ((), frozenset()),
        ],
    )
    def test_names_become_frozensets(self, given: Any, stored: frozenset[str]) -> None:
        """Contrary and implied names are stored as a frozenset whatever collection came."""
        assert Predicate("supports", contrary=given).contrary == stored
        assert Predicate("supports", implies=given).implies == stored

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            # Names.
            ({"name": ""}, "Predicate.name"),
            ({"name": "  "}, "Predicate.name"),
            ({"name": 3}, "Predicate.name"),
            # Properties are booleans, not truthy values.
            ({"name": "p", "functional": 1}, "Predicate.functional"),
            ({"name": "p", "symmetric": "yes"}, "Predicate.symmetric"),
            ({"name": "p", "timeless": None}, "Predicate.timeless"),
            ({"name": "p", "distributive": "yes"}, "Predicate.distributive"),
            ({"name": "p", "attributive": 1}, "Predicate.attributive"),
            # Only a reporting predicate carries content to attribute.
            ({"name": "p", "attributive": True}, "Predicate.attributive"),
            # References to other predicates.
            ({"name": "p", "contrary": {"p"}}, "Predicate.contrary"),
            ({"name": "p", "implies": {"p"}}, "Predicate.implies"),
            ({"name": "p", "implies": {""}}, "Predicate.implies"),
            ({"name": "p", "contrary": 5}, "Predicate.contrary"),
            # Descriptions and CAMEO codes.
            ({"name": "p", "description": None}, "Predicate.description"),
            ({"name": "p", "cameo": "54x"}, "Predicate.cameo"),
            ({"name": "p", "cameo": 54}, "Predicate.cameo"),
        ],
    )
    def test_bad_fields_are_refused(self, kwargs: dict[str, Any], path: str) -> None:
        """A bad field raises FieldError naming the field."""
        with pytest.raises(FieldError) as caught:
            Predicate(**kwargs)
        assert caught.value.path == path

    def test_str_is_the_name(self) -> None:
        """str() of a predicate is its name."""
        assert str(Predicate("met_with", symmetric=True)) == "met_with"

    def test_is_a_hashable_value(self) -> None:
        """Predicates compare and hash by value."""
        assert Predicate("p", implies=["q"]) == Predicate("p", implies={"q"})
        assert len({Predicate("p"), Predicate("p")}) == 1


class TestVocabularyMapping:
    def test_is_a_mapping_in_name_order(self) -> None:
        """A vocabulary maps names to predicates and iterates in name order."""
        vocab = Vocabulary([Predicate("b"), Predicate("a")])
        assert list(vocab) == ["a", "b"]
        assert vocab["a"] == Predicate("a")
        assert len(vocab) == 2
        assert "c" not in vocab
        assert vocab.get("c") is None

    def test_contrary_is_closed_symmetrically(self) -> None:
        """Declaring p contrary to q makes q contrary to p."""
        vocab = Vocabulary([Predicate("supports", contrary={"opposes"}), Predicate("opposes")])
        assert vocab["opposes"].contrary == frozenset({"supports"})
        assert vocab.contraries("opposes") == frozenset({"supports"})
        assert vocab.declared["opposes"].contrary == frozenset()

    def test_equality_and_hash_follow_the_declarations(self) -> None:
        """Two vocabularies with the same predicates are equal and hash alike."""
        one = Vocabulary([Predicate("a"), Predicate("b", contrary={"a"})])
        two = Vocabulary([Predicate("b", contrary={"a"}), Predicate("a")])
        assert one == two
        assert hash(one) == hash(two)
        assert one != Vocabulary([Predicate("a")])
        assert one != "a vocabulary"

    def test_repr_names_a_few_predicates(self) -> None:
        """The repr counts the predicates and shows the first names."""
        assert repr(Vocabulary([Predicate("a")])) == "<Vocabulary of 1 predicate: a>"
        assert repr(DEFAULT_VOCABULARY).endswith(", ...>")

    def test_the_same_predicate_twice_is_fine(self) -> None:
        """Listing one predicate twice is not an error."""
        assert len(Vocabulary([Predicate("a"), Predicate("a")])) == 1

    def test_two_predicates_with_one_name_are_refused(self) -> None:
        """Two different predicates with one name raise DuplicateIdError."""
        with pytest.raises(DuplicateIdError, match="'a'"):
            Vocabulary([Predicate("a"), Predicate("a", symmetric=True)])

    def test_items_must_be_predicates(self) -> None:
        """Anything but a Predicate is refused with its position."""
        with pytest.raises(FieldError, match=re.escape("Vocabulary.predicates[1]")):
            Vocabulary([Predicate("a"), "b"])  # type: ignore[list-item]


class TestVocabularyChecks:
    @pytest.mark.parametrize(
        ("predicates", "path", "suggestion"),
        [
            (
                [Predicate("invaded", implies={"atacked"}), Predicate("attacked")],
                "implies",
                "attacked",
            ),
            (
                [Predicate("supports", contrary={"oposes"}), Predicate("opposes")],
                "contrary",
                "opposes",
            ),
            ([Predicate("p", implies={"zzz"})], "implies", None),
        ],
    )
    def test_unknown_references_suggest_close_matches(
        self, predicates: list[Predicate], path: str, suggestion: str | None
    ) -> None:
        """A reference to a predicate the vocabulary lacks names the field and close matches."""
        with pytest.raises(UnknownReferenceError) as caught:
            Vocabulary(predicates)
        assert caught.value.path.endswith(f".{path}")
        assert caught.value.suggestions == ((suggestion,) if suggestion else ())

    @pytest.mark.parametrize(
        ("predicates", "cycle"),
        [
            # Two steps.
            ([Predicate("a", implies={"b"}), Predicate("b", implies={"a"})], ("a", "b", "a")),
            # Three steps, entered from outside the cycle.
            (
                [
                    Predicate("start", implies={"a"}),
                    Predicate("a", implies={"b"}),
                    Predicate("b", implies={"c"}),
                    Predicate("c", implies={"a"}),
                ],
                ("a", "b", "c", "a"),
            ),
        ],
    )
    def test_implication_cycles_are_refused(
        self, predicates: list[Predicate], cycle: tuple[str, ...]
    ) -> None:
        """Implications that loop raise VocabularyError naming the cycle."""
        with pytest.raises(VocabularyError, match=" -> ".join(cycle)) as caught:
            Vocabulary(predicates)
        assert caught.value.predicates == cycle

    @pytest.mark.parametrize(
        "predicates",
        [
            # p implies q, and q is contrary to p.
            [Predicate("p", implies={"q"}), Predicate("q", contrary={"p"})],
            # p implies q and r, which are contrary.
            [Predicate("p", implies={"q", "r"}), Predicate("q"), Predicate("r", contrary={"q"})],
            # Through two steps.
            [
                Predicate("p", implies={"q"}),
                Predicate("q", implies={"r"}),
                Predicate("r", contrary={"p"}),
            ],
        ],
    )
    def test_self_contradicting_predicates_are_refused(self, predicates: list[Predicate]) -> None:
        """A predicate that implies contrary things raises VocabularyError."""
        with pytest.raises(VocabularyError, match="contradicts itself"):
            Vocabulary(predicates)

    def test_diamond_implications_are_not_a_cycle(self) -> None:
        """Two paths to one predicate are fine; the shorter chain is kept."""
        vocab = Vocabulary(
            [
                Predicate("a", implies={"b", "d"}),
                Predicate("b", implies={"c"}),
                Predicate("c", implies={"d"}),
                Predicate("d"),
            ]
        )
        assert vocab.implications("a") == (("a", "b"), ("a", "d"), ("a", "b", "c"))

    def test_ties_are_broken_in_name_order(self) -> None:
        """Among chains of one length to the same predicate, the first in name order is kept."""
        vocab = Vocabulary(
            [
                Predicate("top", implies={"y", "x"}),
                Predicate("x", implies={"end"}),
                Predicate("y", implies={"end"}),
                Predicate("end"),
            ]
        )
        assert ("top", "x", "end") in vocab.implications("top")
        assert ("top", "y", "end") not in vocab.implications("top")

    def test_unknown_names_have_no_helpers(self) -> None:
        """A name the vocabulary lacks has no contraries and no implications."""
        assert DEFAULT_VOCABULARY.contraries("no_such_predicate") == frozenset()
        assert DEFAULT_VOCABULARY.implications("no_such_predicate") == ()


class TestCombining:
    def test_right_side_wins(self) -> None:
        """On a name clash, `|` keeps the right side's predicate."""
        left = Vocabulary([Predicate("p", description="left")])
        right = Vocabulary([Predicate("p", description="right")])
        assert (left | right)["p"].description == "right"

    @pytest.mark.parametrize(
        "extension",
        [
            Predicate("annexed", implies={"occupies"}),
            [Predicate("annexed", implies={"occupies"})],
            (Predicate("annexed", implies={"occupies"}),),
        ],
    )
    def test_extensions_may_refer_to_the_left_side(self, extension: Any) -> None:
        """A predicate or iterable of predicates may refer to the vocabulary it extends."""
        vocab = DEFAULT_VOCABULARY | extension
        assert ("annexed", "occupies", "has_personnel_in") in vocab.implications("annexed")
        assert len(vocab) == len(DEFAULT_VOCABULARY) + 1

    def test_redefining_drops_the_old_contrary(self) -> None:
        """Replacing a predicate drops the contrary only it declared."""
        base = Vocabulary([Predicate("a", contrary={"b"}), Predicate("b")])
        assert (base | Predicate("a"))["b"].contrary == frozenset()

    def test_combining_checks_again(self) -> None:
        """A combination that makes a cycle is refused."""
        base = Vocabulary([Predicate("a", implies={"b"}), Predicate("b")])
        with pytest.raises(VocabularyError):
            _ = base | Predicate("b", implies={"a"})

    @pytest.mark.parametrize("other", ["a", 3, {"p": Predicate("p")}])
    def test_other_operands_are_not_supported(self, other: object) -> None:
        """`|` with anything but predicates is a TypeError."""
        with pytest.raises(TypeError):
            _ = DEFAULT_VOCABULARY | other

    def test_non_predicates_in_an_iterable_are_refused(self) -> None:
        """An iterable holding something else raises FieldError."""
        with pytest.raises(FieldError):
            _ = DEFAULT_VOCABULARY | [Predicate("x"), "y"]


class TestDefaultVocabulary:
    def test_has_at_least_thirty_documented_predicates(self) -> None:
        """Every predicate has a snake_case name and a description."""
        assert len(DEFAULT_VOCABULARY) >= 30
        for name, predicate in DEFAULT_VOCABULARY.items():
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", name), name
            assert len(predicate.description) > 20, name

    @pytest.mark.parametrize(
        "name",
        [
            # Personnel and force.
            "has_personnel_in",
            "deployed_personnel_to",
            "withdrew_personnel_from",
            "attacked",
            "invaded",
            "intends_to_attack",
            "responsible_for",
            "threatened",
            # Support, recognition, leadership.
            "supports",
            "opposes",
            "increased_support_for",
            "reduced_support_for",
            "recognizes",
            "legitimate_president_of",
            "head_of_state_of",
            "head_of_government_of",
            "changed_stance_on",
            "interferes_in",
            # Sanctions, contacts, messages.
            "imposed_sanctions_on",
            "talked_with",
            "had_phone_call_with",
            "met_with",
            "informed",
            "sent_message_to",
            "requested",
            # Agreements, alliances, cooperation.
            "signed_agreement_with",
            "allied_with",
            "delivered_arms_to",
            "cooperates_militarily_with",
        ],
    )
    def test_covers_the_diplomatic_basics(self, name: str) -> None:
        """The vocabulary holds the predicates ordinary diplomatic news needs."""
        assert name in DEFAULT_VOCABULARY

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            # A state has one legitimate president at a time...
            ("legitimate_president_of", {"inverse_functional": True, "functional": False}),
            # ...but recognising someone is an act of the recogniser: rivals are both recognised.
            ("recognizes", {"functional": False, "inverse_functional": False}),
            # Collective heads of state exist.
            ("head_of_state_of", {"inverse_functional": False}),
            # Several parties may share responsibility; who did a past deed does not change.
            ("responsible_for", {"functional": False, "timeless": True}),
            # Talks and calls go both ways.
            ("talked_with", {"symmetric": True}),
            ("had_phone_call_with", {"symmetric": True}),
            ("met_with", {"symmetric": True}),
            # Messages carry content.
            ("informed", {"reporting": True}),
            ("sent_message_to", {"reporting": True}),
            ("requested", {"reporting": True}),
            # What a subject told or accused of is its own claim; a request or promise is not.
            ("informed", {"attributive": True}),
            ("accused", {"attributive": True}),
            ("requested", {"attributive": False}),
            ("promised", {"attributive": False}),
            ("sent_message_to", {"attributive": False}),
            # What a part does there, its whole does...
            ("has_personnel_in", {"distributive": True}),
            ("crossed_border_into", {"distributive": True}),
            ("fired_on", {"distributive": True}),
            ("attacked", {"distributive": True}),
            # ...but not its positions, nor responsibility, which is the disputed question.
            ("supports", {"distributive": False}),
            ("recognizes", {"distributive": False}),
            ("responsible_for", {"distributive": False}),
        ],
    )
    def test_properties(self, name: str, expected: dict[str, bool]) -> None:
        """Each predicate has the properties diplomacy gives it, and no more."""
        predicate = DEFAULT_VOCABULARY[name]
        for field, value in expected.items():
            assert getattr(predicate, field) is value, field

    @pytest.mark.parametrize(
        ("name", "implied"),
        [
            ("increased_support_for", "supports"),
            ("deployed_personnel_to", "has_personnel_in"),
            ("invaded", "attacked"),
            ("informed", "sent_message_to"),
            ("had_phone_call_with", "talked_with"),
            ("imposed_sanctions_on", "maintains_sanctions_on"),
            ("delivered_arms_to", "cooperates_with"),
        ],
    )
    def test_implications(self, name: str, implied: str) -> None:
        """Implications diplomacy really has are declared."""
        assert implied in {chain[-1] for chain in DEFAULT_VOCABULARY.implications(name)}

    @pytest.mark.parametrize(
        ("name", "not_implied"),
        [
            # Doing more of the same is not a change of stance (the seed: "stance unchanged").
            ("increased_support_for", "changed_stance_on"),
            # A partial withdrawal leaves people behind.
            ("withdrew_personnel_from", "has_personnel_in"),
            # An intention is not an attack.
            ("intends_to_attack", "attacked"),
        ],
    )
    def test_no_false_implications(self, name: str, not_implied: str) -> None:
        """Implications that are only usually true are not declared."""
        assert not_implied not in {chain[-1] for chain in DEFAULT_VOCABULARY.implications(name)}

    @pytest.mark.parametrize(
        ("one", "other", "contrary"),
        [
            ("supports", "opposes", True),
            ("allied_with", "at_war_with", True),
            # Withdrawing some personnel does not contradict having personnel there.
            ("withdrew_personnel_from", "has_personnel_in", False),
            # Praise of one act and condemnation of another can both be true.
            ("praised", "condemned", False),
            # Sanctions are often lifted in part.
            ("lifted_sanctions_on", "maintains_sanctions_on", False),
        ],
    )
    def test_contrary_pairs(self, one: str, other: str, contrary: bool) -> None:
        """Only predicates that can never hold together are contrary, in both directions."""
        assert (other in DEFAULT_VOCABULARY.contraries(one)) is contrary
        assert (one in DEFAULT_VOCABULARY.contraries(other)) is contrary

    def test_cameo_codes_are_well_formed(self) -> None:
        """The CAMEO codes given are two to four digits, and many predicates have one."""
        codes = [p.cameo for p in DEFAULT_VOCABULARY.values() if p.cameo is not None]
        assert len(codes) >= 20
        assert all(re.fullmatch(r"\d{2,4}", code) for code in codes)
        assert DEFAULT_VOCABULARY["recognizes"].cameo == "054"
