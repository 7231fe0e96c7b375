from __future__ import annotations

from datetime import date, datetime
from typing import Any

import attrs
import pytest

from diplostatements import Actor, Claim, Modality, Polarity, Quantity, TimeSpan
from diplostatements.claims import describe_claim
from diplostatements.exceptions import FieldError, ParseError

JUNE_4 = date(2019, 6, 4)


class TestPolarity:
    def test_values(self) -> None:
        """Values are the lower-case member names (the file format relies on it)."""
        assert [(p.name, p.value) for p in Polarity] == [
            ("AFFIRMED", "affirmed"),
            ("NEGATED", "negated"),
        ]

    @pytest.mark.parametrize(
        ("polarity", "flipped"),
        [(Polarity.AFFIRMED, Polarity.NEGATED), (Polarity.NEGATED, Polarity.AFFIRMED)],
    )
    def test_flipped(self, polarity: Polarity, flipped: Polarity) -> None:
        """flipped() gives the other polarity."""
        assert polarity.flipped() is flipped


class TestModalityFromHedge:
    # (hedge as written, modality)
    HEDGES = (
        # stated as fact
        ("certainly", Modality.CERTAIN),
        ("definitely", Modality.CERTAIN),
        ("clearly", Modality.CERTAIN),
        ("confirmed", Modality.CERTAIN),
        ("it is a fact", Modality.CERTAIN),
        # stated as likely
        ("highly likely", Modality.PROBABLE),
        ("likely", Modality.PROBABLE),
        ("probably", Modality.PROBABLE),
        ("evidence indicates", Modality.PROBABLE),
        ("evidence suggests", Modality.PROBABLE),
        ("we believe", Modality.PROBABLE),
        ("they thought", Modality.PROBABLE),
        ("as far as I know", Modality.PROBABLE),
        ("as far as we know", Modality.PROBABLE),
        ("it appears", Modality.PROBABLE),
        ("reportedly", Modality.PROBABLE),
        # stated as possible
        ("may", Modality.POSSIBLE),
        ("may have", Modality.POSSIBLE),
        ("might", Modality.POSSIBLE),
        ("could", Modality.POSSIBLE),
        ("possibly", Modality.POSSIBLE),
        ("perhaps", Modality.POSSIBLE),
        ("maybe", Modality.POSSIBLE),
        ("it is possible", Modality.POSSIBLE),
        ("cannot exclude", Modality.POSSIBLE),
        # the negated "rule out" family is possible, however it is spelled
        ("not ruled out", Modality.POSSIBLE),
        ("has not been ruled out", Modality.POSSIBLE),
        ("cannot rule out", Modality.POSSIBLE),
        ("can not rule out", Modality.POSSIBLE),
        ("cannot be ruled out", Modality.POSSIBLE),
        ("can't rule out", Modality.POSSIBLE),
        ("can\u2019t be ruled out", Modality.POSSIBLE),
        ("cannot be excluded", Modality.POSSIBLE),
        # the more specific phrase wins over the words inside it
        ("it is highly likely", Modality.PROBABLE),
        ("it is likely", Modality.PROBABLE),
        # case and spacing do not matter
        ("Highly   LIKELY", Modality.PROBABLE),
        ("  MAY\n", Modality.POSSIBLE),
    )

    @pytest.mark.parametrize(("hedge", "modality"), HEDGES)
    def test_table(self, hedge: str, modality: Modality) -> None:
        """Each hedge of the documented table maps to its modality."""
        assert Modality.from_hedge(hedge) is modality

    # text with no hedge from the table
    UNKNOWN = ("", "   ", "surely", "allegedly", "mayday", "couldn't care")

    @pytest.mark.parametrize("text", UNKNOWN)
    def test_unknown_text(self, text: str) -> None:
        """Text without a known hedge raises ParseError quoting the whole text; no guess."""
        with pytest.raises(ParseError) as caught:
            Modality.from_hedge(text)
        assert caught.value.text == text
        assert (caught.value.start, caught.value.end) == (0, len(text))
        assert "a hedge such as" in str(caught.value)

    # negated hedges: the negation belongs in the claim's polarity, so no modality is guessed
    NEGATED = (
        ("unlikely", "unlikely"),
        ("it is not likely", "not likely"),
        ("Not  very probable", "Not  very probable"),
        ("we doubt it", "doubt"),
        ("it is impossible", "impossible"),
    )

    @pytest.mark.parametrize(("text", "marked"), NEGATED)
    def test_negated_hedge(self, text: str, marked: str) -> None:
        """A negated hedge is refused with the negating words marked, never read as likely."""
        with pytest.raises(ParseError) as caught:
            Modality.from_hedge(text)
        error = caught.value
        assert error.text == text
        assert text[error.start : error.end] == marked
        assert "polarity=NEGATED" in str(error)

    @pytest.mark.parametrize("text", ["it is unclear", "it is"])
    def test_it_is_alone_is_no_hedge(self, text: str) -> None:
        """'it is' alone says nothing about certainty ('it is unclear' is not CERTAIN)."""
        with pytest.raises(ParseError):
            Modality.from_hedge(text)

    @pytest.mark.parametrize("text", [None, 3, Modality.PROBABLE])
    def test_not_a_string(self, text: Any) -> None:
        """A hedge that is not a string is a FieldError, not a crash in the regex engine."""
        with pytest.raises(FieldError) as caught:
            Modality.from_hedge(text)
        assert caught.value.path == "Modality.from_hedge.text"
        assert caught.value.got is text


class TestClaim:
    def test_defaults(self) -> None:
        """A claim is affirmed, certain, with no object, content, quantity, time or qualifiers."""
        claim = Claim("RUS", "supports", "maduro")
        assert attrs.asdict(claim, recurse=False) == {
            "subject": "RUS",
            "predicate": "supports",
            "object": "maduro",
            "content": None,
            "polarity": Polarity.AFFIRMED,
            "modality": Modality.CERTAIN,
            "quantity": None,
            "when": None,
            "where": None,
            "qualifiers": frozenset(),
        }
        assert claim.affirmed
        assert Claim("S-300", "is_operational").object is None

    # (keyword arguments, field, value stored)
    CONVERSIONS: tuple[tuple[dict[str, Any], str, object], ...] = (
        # an Actor stands for its id, as subject and as object
        ({"subject": Actor.state("RUS")}, "subject", "RUS"),
        ({"object": Actor.person("maduro", "Nicolás Maduro")}, "object", "maduro"),
        # enums accept a member, its value or its name in any case
        ({"polarity": Polarity.NEGATED}, "polarity", Polarity.NEGATED),
        ({"polarity": "negated"}, "polarity", Polarity.NEGATED),
        ({"polarity": "NEGATED"}, "polarity", Polarity.NEGATED),
        ({"polarity": "Negated"}, "polarity", Polarity.NEGATED),
        ({"modality": Modality.POSSIBLE}, "modality", Modality.POSSIBLE),
        ({"modality": "probable"}, "modality", Modality.PROBABLE),
        ({"modality": "PROBABLE"}, "modality", Modality.PROBABLE),
        # a date is that day; a datetime loses its time; a span is kept
        ({"when": JUNE_4}, "when", TimeSpan.on(JUNE_4)),
        ({"when": datetime(2019, 6, 4, 23, 59)}, "when", TimeSpan.on(JUNE_4)),
        ({"when": TimeSpan.sometime_in(2019, 3)}, "when", TimeSpan.sometime_in(2019, 3)),
        # qualifiers: any collection of strings, or one string, becomes a frozenset
        (
            {"qualifiers": ["official", "military"]},
            "qualifiers",
            frozenset({"official", "military"}),
        ),
        ({"qualifiers": ("official",)}, "qualifiers", frozenset({"official"})),
        ({"qualifiers": {"official"}}, "qualifiers", frozenset({"official"})),
        ({"qualifiers": "official"}, "qualifiers", frozenset({"official"})),
        ({"qualifiers": frozenset()}, "qualifiers", frozenset()),
        # plain values are kept as given
        ({"where": "Caracas"}, "where", "Caracas"),
        ({"quantity": Quantity.parse("most")}, "quantity", Quantity.parse("most")),
        ({"subject": "a newspaper report"}, "subject", "a newspaper report"),
    )

    @pytest.mark.parametrize(("kwargs", "field", "stored"), CONVERSIONS)
    def test_valid(self, kwargs: dict[str, Any], field: str, stored: object) -> None:
        """Valid arguments are stored in their normal form."""
        arguments: dict[str, Any] = {"subject": "RUS", "predicate": "informed", **kwargs}
        claim = Claim(**arguments)
        assert getattr(claim, field) == stored
        assert type(getattr(claim, field)) is type(stored)

    # (keyword arguments, path named by the error)
    INVALID = (
        # subject and predicate: non-empty strings (or an Actor, for the subject)
        ({"subject": ""}, "Claim.subject"),
        ({"subject": "   "}, "Claim.subject"),
        ({"subject": None}, "Claim.subject"),
        ({"subject": 7}, "Claim.subject"),
        ({"predicate": ""}, "Claim.predicate"),
        ({"predicate": None}, "Claim.predicate"),
        ({"predicate": ("informed",)}, "Claim.predicate"),
        # the object may be absent, but not empty
        ({"object": ""}, "Claim.object"),
        ({"object": 1.5}, "Claim.object"),
        # content is another claim
        ({"content": "they removed their people"}, "Claim.content"),
        ({"content": [Claim("RUS", "withdrew")]}, "Claim.content"),
        # enums: an unknown name, a wrong type, a bool
        ({"polarity": "denied"}, "Claim.polarity"),
        ({"polarity": False}, "Claim.polarity"),
        ({"modality": "sure"}, "Claim.modality"),
        ({"modality": 1}, "Claim.modality"),
        # quantity: a Quantity, not a number or words
        ({"quantity": 100}, "Claim.quantity"),
        ({"quantity": "most"}, "Claim.quantity"),
        # when: a date or a span, not words or a year
        ({"when": "in March"}, "Claim.when"),
        ({"when": 2019}, "Claim.when"),
        # where: a non-empty string
        ({"where": ""}, "Claim.where"),
        ({"where": 3}, "Claim.where"),
        # qualifiers: non-empty strings only
        ({"qualifiers": [""]}, "Claim.qualifiers"),
        ({"qualifiers": ["official", 3]}, "Claim.qualifiers"),
        ({"qualifiers": {"a": 1}}, "Claim.qualifiers"),
        ({"qualifiers": 5}, "Claim.qualifiers"),
    )

    @pytest.mark.parametrize(("kwargs", "path"), INVALID)
    def test_invalid(self, kwargs: dict[str, Any], path: str) -> None:
        """A bad argument raises FieldError naming Class.field and showing what came."""
        arguments: dict[str, Any] = {"subject": "RUS", "predicate": "informed", **kwargs}
        with pytest.raises(FieldError) as caught:
            Claim(**arguments)
        assert caught.value.path == path
        field = path.split(".")[1]
        came = kwargs[field]
        if field != "qualifiers":  # a set's message shows the bad item, not the whole set
            assert caught.value.got == came
        assert path in str(caught.value)

    def test_enum_error_lists_the_allowed_names(self) -> None:
        """An unknown enum value is answered with every allowed name."""
        with pytest.raises(FieldError, match="one of Modality: CERTAIN, PROBABLE, POSSIBLE"):
            Claim("RUS", "informed", modality="sure")  # type: ignore[arg-type]

    def test_positional_arguments(self) -> None:
        """Only subject, predicate and object are positional; the rest are keyword-only."""
        with pytest.raises(TypeError):
            Claim("RUS", "informed", "USA", None)  # type: ignore[call-arg]

    def test_nested_content(self) -> None:
        """A reporting claim carries another claim as content, itself with an Actor stored as id."""
        inner = Claim(Actor.state("RUS"), "withdrew_personnel_from", Actor.state("VEN"))
        outer = Claim("RUS", "informed", "USA", content=inner)
        assert outer.content == Claim("RUS", "withdrew_personnel_from", "VEN")

    def test_value_semantics(self) -> None:
        """Claims are frozen, equal by value and hash by value."""
        first = Claim("RUS", "informed", "USA", qualifiers=["official"], when=JUNE_4)
        second = Claim("RUS", "informed", "USA", qualifiers={"official"}, when=TimeSpan.on(JUNE_4))
        assert first == second
        assert hash(first) == hash(second)
        assert len({first, second}) == 1
        assert first != Claim("RUS", "informed", "USA")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            first.subject = "USA"  # type: ignore[misc]

    def test_evolve_validates(self) -> None:
        """attrs.evolve converts and validates like the constructor."""
        claim = Claim("RUS", "informed", "USA")
        assert attrs.evolve(claim, when=JUNE_4).when == TimeSpan.on(JUNE_4)
        with pytest.raises(FieldError, match=r"Claim\.subject"):
            attrs.evolve(claim, subject="")


class TestNegated:
    @pytest.mark.parametrize("polarity", list(Polarity))
    def test_flips_polarity_only(self, polarity: Polarity) -> None:
        """negated() flips the polarity and keeps every other field, content included."""
        inner = Claim("RUS", "withdrew_personnel_from", "VEN", quantity=Quantity.parse("most"))
        claim = Claim(
            "RUS",
            "informed",
            "USA",
            content=inner,
            polarity=polarity,
            modality=Modality.PROBABLE,
            when=JUNE_4,
            qualifiers={"official"},
        )
        negated = claim.negated()
        assert negated.polarity is polarity.flipped()
        assert negated.affirmed is (polarity is Polarity.NEGATED)
        assert attrs.evolve(negated, polarity=polarity) == claim
        assert negated.content == inner  # the content is attributed, not negated

    def test_involution(self) -> None:
        """Negating twice gives the same claim back."""
        claim = Claim("RUS", "informed", "USA", qualifiers="official")
        assert claim.negated().negated() == claim
        assert claim.negated() != claim


class TestDescribe:
    # (claim, names, description)
    DESCRIPTIONS = (
        # subject and predicate; underscores read as spaces
        (Claim("S-300", "is_operational"), None, "S-300 is operational"),
        (Claim("RUS", "supports", "maduro"), None, "RUS supports maduro"),
        # names replace ids where given, and only there
        (
            Claim("RUS", "supports", "maduro"),
            {"RUS": "Russia"},
            "Russia supports maduro",
        ),
        # a state's name takes its article where English gives it one
        (
            Claim("USA", "supports", "GBR"),
            {"USA": "United States", "GBR": "United Kingdom"},
            "the United States supports the United Kingdom",
        ),
        # the quantity where the predicate counts something, then where, qualifiers (sorted)
        # in square brackets, and the period as a phrase
        (
            Claim(
                "RUS",
                "deployed_personnel_to",
                "VEN",
                where="Caracas",
                qualifiers={"military", "air-defence"},
                quantity=Quantity.parse("about 100"),
                when=TimeSpan.sometime_in(2019, 3),
            ),
            None,
            "RUS deployed about 100 personnel to VEN in Caracas [air-defence, military]"
            " in March 2019",
        ),
        # a share reads as a share of the subject's
        (
            Claim("RUS", "withdrew_personnel_from", "VEN", quantity=Quantity.parse("most")),
            {"RUS": "Russia", "VEN": "Venezuela"},
            "Russia withdrew most of its personnel from Venezuela",
        ),
        # a quantity nothing counts follows the object, with the word the predicate gives it
        (
            Claim("rostec", "reduced_personnel_in", "VEN", quantity=Quantity.parse("a few dozen")),
            {"rostec": "Rostec"},
            "Rostec reduced its personnel in VEN to a few dozen",
        ),
        (
            Claim("RUS", "supports", "maduro", quantity=Quantity.parse("about 100")),
            None,
            "RUS supports maduro [about 100]",
        ),
        # negation is grammar
        (
            Claim("RUS", "informed", "USA", polarity="negated", qualifiers="official"),
            None,
            "RUS did not inform USA [official]",
        ),
        (
            Claim("RUS", "responsible_for", "the poisoning", polarity="negated"),
            None,
            "RUS is not responsible for the poisoning",
        ),
        # modality is an adverb
        (
            Claim("trump", "referred_to", "a newspaper report", modality="possible"),
            {"trump": "Donald Trump"},
            "Donald Trump possibly referred to a newspaper report",
        ),
        (
            Claim("RUS", "has_personnel_in", "VEN", polarity="negated", modality="probable"),
            None,
            "RUS probably does not have personnel in VEN",
        ),
        (
            Claim("RUS", "responsible_for", "the attack", modality="probable"),
            None,
            "RUS is probably responsible for the attack",
        ),
        # periods as phrases; all time says nothing
        (
            Claim("RUS", "has_personnel_in", "VEN", when=TimeSpan.always()),
            None,
            "RUS has personnel in VEN",
        ),
        (
            Claim(
                "RUS",
                "has_personnel_in",
                "VEN",
                when=TimeSpan.between(date(2019, 1, 1), date(2019, 6, 30)),
            ),
            None,
            "RUS has personnel in VEN from January to June 2019",
        ),
        # content follows "that", described with the same names
        (
            Claim(
                "RUS",
                "informed",
                "USA",
                content=Claim("RUS", "withdrew_personnel_from", "VEN"),
            ),
            {"RUS": "Russia", "USA": "United States"},
            "Russia informed the United States that Russia withdrew personnel from VEN",
        ),
        # a predicate the library does not know reads as its name
        (
            Claim("a", "poisoned", "b", polarity="negated"),
            None,
            "a did not poison b",
        ),
    )

    @pytest.mark.parametrize(("claim", "names", "text"), DESCRIPTIONS)
    def test_describe(self, claim: Claim, names: dict[str, str] | None, text: str) -> None:
        """describe() reads the claim as a short sentence."""
        assert claim.describe(names) == text

    def test_describe_with_phrases(self) -> None:
        """A vocabulary's phrase replaces the name, in nested content too, negated as a verb."""
        claim = Claim("RUS", "informed", "USA", content=Claim("maduro", "heads", "VEN").negated())
        phrases = {"heads": "is the head of"}
        assert claim.describe({"RUS": "Russia"}, phrases) == (
            "Russia informed USA that maduro is not the head of VEN"
        )

    @pytest.mark.parametrize("polarity", list(Polarity))
    @pytest.mark.parametrize("modality", [Modality.CERTAIN, Modality.POSSIBLE])
    def test_describe_negated(self, polarity: Polarity, modality: Modality) -> None:
        """describe_claim(negated=True) writes what the negated claim's describe() does."""
        claim = Claim(
            "RUS",
            "informed",
            "USA",
            polarity=polarity,
            modality=modality,
            when=TimeSpan.sometime_in(2019, 3),
            content=Claim("RUS", "withdrew").negated(),
        )
        names = {"RUS": "Russia"}
        assert describe_claim(claim, names, {}, negated=True) == claim.negated().describe(names)
        assert describe_claim(claim, names, {}) == claim.describe(names)

    def test_str_is_describe(self) -> None:
        """str() is describe() without names."""
        claim = Claim("RUS", "informed", "USA", content=Claim("RUS", "withdrew"))
        assert str(claim) == claim.describe() == "RUS informed USA that RUS withdrew"


class TestRepr:
    # (claim, repr)
    REPRS = (
        # only subject, predicate and object when everything else is default
        (Claim("RUS", "informed", "USA"), "Claim('RUS', 'informed', 'USA')"),
        (Claim("S-300", "is_operational"), "Claim('S-300', 'is_operational')"),
        # fields that differ from their default, by keyword, qualifiers sorted
        (
            Claim("RUS", "informed", "USA", polarity="negated", qualifiers={"b", "a"}),
            "Claim('RUS', 'informed', 'USA', polarity=<Polarity.NEGATED: 'negated'>,"
            " qualifiers={'a', 'b'})",
        ),
        (
            Claim("RUS", "x", when=JUNE_4, where="Caracas", modality="possible"),
            "Claim('RUS', 'x', modality=<Modality.POSSIBLE: 'possible'>,"
            " when=TimeSpan.on(2019-06-04), where='Caracas')",
        ),
        (
            Claim("RUS", "informed", "USA", content=Claim("RUS", "withdrew")),
            "Claim('RUS', 'informed', 'USA', content=Claim('RUS', 'withdrew'))",
        ),
    )

    @pytest.mark.parametrize(("claim", "text"), REPRS)
    def test_repr(self, claim: Claim, text: str) -> None:
        """repr() shows the positional fields and only the keyword fields that were set."""
        assert repr(claim) == text

    def test_repr_shows_quantity(self) -> None:
        """A quantity shows as its own repr."""
        most = Quantity.parse("most")
        assert repr(Claim("RUS", "withdrew", quantity=most)) == (
            f"Claim('RUS', 'withdrew', quantity={most!r})"
        )
