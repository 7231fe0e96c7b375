"""Changing a set in place, looking actors up by name, messages that show the way out.

StatementSet.remove, replace and add(replace=True); StatementSet.actor by display name.
"""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

import pytest

from diplostatements import (
    Actor,
    Affiliation,
    Claim,
    ClaimRef,
    DuplicateIdError,
    FieldError,
    Modality,
    PartOf,
    Quantity,
    Rebuttal,
    Statement,
    StatementSet,
    TimeSpan,
    UnknownReferenceError,
)

JUNE_3, JUNE_4 = date(2019, 6, 3), date(2019, 6, 4)
RUS = Actor.state("RUS", aliases=["Moscow"])
USA = Actor.state("USA", aliases=["Washington"])
PESKOV = Actor.person("peskov", "Dmitry Peskov", country="RUS")
KREMLIN = Actor.organization("kremlin", "The Kremlin", kind="government", country="RUS")
SPOKESMAN = Affiliation("peskov", "kremlin", speaks_for=True)
KREMLIN_RUS = Affiliation("kremlin", "RUS", speaks_for=True)
TWEET = Statement(
    "tweet",
    "USA",
    JUNE_3,
    [Claim("RUS", "informed", "USA", content=Claim("RUS", "withdrew_personnel_from", "VEN"))],
)
DENIAL = Rebuttal(
    "denial", "peskov", JUNE_4, targets=[ClaimRef("tweet", 0, content=True)], kind="denial"
)


def seed() -> StatementSet:
    """Actors, speaks-for links, a tweet and a denial of what it conveyed."""
    return StatementSet([RUS, USA, PESKOV, KREMLIN, SPOKESMAN, KREMLIN_RUS, TWEET, DENIAL])


def same_as_built(s: StatementSet, items: list[Any]) -> None:
    """The set equals one built afresh from the items, and answers queries as it does."""
    fresh = StatementSet(items)
    assert s == fresh
    assert s.timeline() == fresh.timeline()
    for statement in s:
        assert s.rebuttals_of(statement.id) == fresh.rebuttals_of(statement.id)
        assert s.sides_of_statement(statement) == fresh.sides_of_statement(statement)


class TestRemove:
    def test_a_rebuttal_then_its_target(self) -> None:
        """Removing a rebuttal frees its target; every index follows."""
        s = seed()
        assert s.remove("denial") == DENIAL
        assert s.rebuttals_of("tweet") == ()
        assert s.remove(TWEET) == TWEET
        assert len(s) == 0
        same_as_built(s, [RUS, USA, PESKOV, KREMLIN, SPOKESMAN, KREMLIN_RUS])

    def test_refused_while_targeted(self) -> None:
        """A statement a rebuttal targets is not removed; the error names the rebuttal."""
        s = seed()
        with pytest.raises(FieldError) as caught:
            s.remove("tweet")
        assert str(caught.value) == (
            "StatementSet.remove(item): expected an item that nothing else in the set refers to"
            " (statement 'tweet' is referred to by rebuttal 'denial': remove or replace those"
            " first), got 'tweet'"
        )
        assert "tweet" in s

    def test_actor_refused_while_named(self) -> None:
        """An actor that statements, affiliations or claims name is not removed."""
        s = seed()
        with pytest.raises(FieldError) as caught:
            s.remove("kremlin")
        assert "referred to by affiliations ('kremlin', 'RUS') and ('peskov', 'kremlin'):" in str(
            caught.value
        )
        named = r"by affiliation \('kremlin', 'RUS'\), statement 'tweet':"
        with pytest.raises(FieldError, match=named):
            s.remove(RUS)

    def test_actor_and_its_aliases(self) -> None:
        """A removed actor's id and aliases are forgotten: a later claim keeps them as names."""
        s = StatementSet([RUS, USA])
        s.remove("RUS")
        stored = s.add(Statement("st", "USA", JUNE_4, [Claim("Moscow", "supports", "maduro")]))
        assert stored.claims[0].subject == "Moscow"
        with pytest.raises(UnknownReferenceError):
            s.actor("RUS")
        s.add(RUS)  # the alias names Russia again, and the stored claim follows it
        assert s.statements["st"].claims[0].subject == "RUS"

    def test_affiliation_changes_sides(self) -> None:
        """Removing a speaks-for link changes the sides it gave."""
        s = seed()
        assert s.side_of("peskov", JUNE_4) == "RUS"
        s.remove(KREMLIN_RUS)
        assert s.side_of("peskov", JUNE_4) == "kremlin"
        same_as_built(s, [RUS, USA, PESKOV, KREMLIN, SPOKESMAN, TWEET, DENIAL])

    def test_part_of(self) -> None:
        """Removing a part-of link takes it out of wholes_of."""
        link = PartOf("kremlin", "RUS")
        s = StatementSet([RUS, KREMLIN, link])
        s.remove(link)
        assert s.wholes_of("kremlin", JUNE_4) == {}
        assert s.part_of == ()

    @pytest.mark.parametrize(
        ("item", "error", "words"),
        [
            ("twet", UnknownReferenceError, "did you mean 'tweet'?"),
            (Statement("tweet", "USA", JUNE_4), FieldError, "this one is not in it"),
            (Affiliation("peskov", "RUS"), FieldError, "this one is not in it"),
            (PartOf("kremlin", "RUS"), FieldError, "this one is not in it"),
            (5, FieldError, "an item the set holds"),
        ],
    )
    def test_not_held(self, item: Any, error: type[Exception], words: str) -> None:
        """Removing what the set does not hold is an error that says so."""
        with pytest.raises(error, match=words):
            seed().remove(item)

    def test_id_of_a_statement_and_an_actor(self) -> None:
        """An id that both a statement and an actor have must be given as the item."""
        s = StatementSet([RUS, Statement("RUS", "RUS", JUNE_4)])
        with pytest.raises(FieldError, match="a statement and an actor both have it"):
            s.remove("RUS")
        s.remove(s.statements["RUS"])
        assert s.remove("RUS") == RUS


class TestReplace:
    def test_statement(self) -> None:
        """A replaced statement is held in its new form, in its new place in the order."""
        s = seed()
        later = Statement("tweet", "USA", JUNE_4, TWEET.claims, text="Russia informed us.")
        assert s.replace(later) == later
        assert s.statements["tweet"] == later
        assert s.rebuttals_of("tweet") == (DENIAL,)
        same_as_built(s, [RUS, USA, PESKOV, KREMLIN, SPOKESMAN, KREMLIN_RUS, later, DENIAL])

    def test_aliases_resolved(self) -> None:
        """The replacement is stored as add stores it, aliases resolved."""
        s = seed()
        stored = s.replace(Statement("tweet", "Washington", JUNE_3, TWEET.claims))
        assert stored.speaker == "USA"

    def test_rebuttal_would_lose_its_target(self) -> None:
        """A replacement without the claim a rebuttal targets is refused; nothing changes."""
        s = seed()
        with pytest.raises(FieldError) as caught:
            s.replace(Statement("tweet", "USA", JUNE_3, [Claim("RUS", "informed", "USA")]))
        assert caught.value.path == "Rebuttal('denial').targets[0].content"
        assert s.statements["tweet"] == TWEET
        same_as_built(s, [RUS, USA, PESKOV, KREMLIN, SPOKESMAN, KREMLIN_RUS, TWEET, DENIAL])

    def test_bad_replacement_changes_nothing(self) -> None:
        """A replacement with an unknown speaker is refused and the old one stays."""
        s = seed()
        with pytest.raises(UnknownReferenceError):
            s.replace(Statement("tweet", "trump", JUNE_3))
        assert s.statements["tweet"] == TWEET

    def test_actor(self) -> None:
        """A replaced actor keeps its id; new aliases resolve stored names."""
        s = StatementSet([RUS, USA, Statement("st", "USA", JUNE_4, [Claim("Kremlin", "said")])])
        renamed = Actor.state("RUS", aliases=["Moscow", "Kremlin"])
        assert s.replace(renamed) == renamed
        assert s.statements["st"].claims[0].subject == "RUS"
        assert s.actor("Kremlin") == renamed

    def test_actor_alias_taken(self) -> None:
        """An actor whose new alias another actor has is refused; the old one stays."""
        s = StatementSet([RUS, USA])
        with pytest.raises(DuplicateIdError):
            s.replace(Actor.state("RUS", aliases=["Washington"]))
        assert s.actor("Moscow") == RUS

    def test_unknown(self) -> None:
        """Replacing what the set does not hold is an error: add it instead."""
        with pytest.raises(UnknownReferenceError):
            seed().replace(Statement("other", "USA", JUNE_4))

    def test_no_id(self) -> None:
        """An affiliation has no id to replace by."""
        with pytest.raises(FieldError, match="remove the old one and add the new"):
            seed().replace(SPOKESMAN)

    def test_add_with_replace(self) -> None:
        """add(replace=True) adds a new item and replaces a held one: a cell can run again."""
        s = StatementSet([RUS, USA])
        for text in ("first draft", "second draft"):
            s.add(Statement("st", "USA", JUNE_4, text=text), replace=True)
        assert s.statements["st"].text == "second draft"
        assert len(s) == 1

    def test_duplicate_suggests_replace(self) -> None:
        """Adding a different item under a held id says how to replace it."""
        s = seed()
        with pytest.raises(DuplicateIdError) as caught:
            s.add(Statement("tweet", "USA", JUNE_4))
        assert "add(item, replace=True)" in caught.value.__notes__[0]


class TestActorByName:
    def test_names(self) -> None:
        """An actor is found by id, alias, or display name in any case."""
        s = seed()
        assert s.actor("Dmitry Peskov") == PESKOV
        assert s.actor("the kremlin") == KREMLIN
        assert s.actor("United States") == USA

    def test_ambiguous(self) -> None:
        """A name that several actors have lists them."""
        s = StatementSet(
            [
                Actor.state("GEO"),
                Actor.organization("georgia-us", "Georgia", kind="government", country="USA"),
            ]
        )
        with pytest.raises(UnknownReferenceError) as caught:
            s.actor("Georgia")
        assert caught.value.suggestions == ("GEO", "georgia-us")
        assert "2 actors are named 'Georgia'" in caught.value.__notes__[0]

    def test_unknown(self) -> None:
        """An unknown name suggests actors whose name looks like it."""
        with pytest.raises(UnknownReferenceError) as caught:
            seed().actor("Dmitri Peskov")
        assert caught.value.suggestions == ("peskov",)


class TestMessagesShowTheWayOut:
    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (
                lambda: Statement("s", "USA", "2019-06-03"),  # type: ignore[arg-type]
                "Statement.said_on: expected a date or a TimeSpan (for text:"
                " date.fromisoformat('2019-06-03')), got '2019-06-03'",
            ),
            (
                lambda: Statement("s", "USA", "last Monday"),  # type: ignore[arg-type]
                "Statement.said_on: expected a date or a TimeSpan (for a phrase:"
                " parse_when('last Monday', dateline=...)), got 'last Monday'",
            ),
            (
                lambda: Claim("RUS", "responsible_for", "attack", modality="highly likely"),  # type: ignore[arg-type]
                "Claim.modality: expected one of Modality: CERTAIN, PROBABLE, POSSIBLE (for a"
                " hedge: Modality.from_hedge('highly likely'), which is PROBABLE), got"
                " 'highly likely'",
            ),
            (
                lambda: Claim(
                    "RUS",
                    "withdrew_personnel_from",
                    "VEN",
                    quantity="most",  # type: ignore[arg-type]
                ),
                "Claim.quantity: expected a Quantity (for a phrase: Quantity.parse('most')),"
                " got 'most'",
            ),
            (
                lambda: Claim("RUS", "present_in", "VEN", when="2019-03-01"),  # type: ignore[arg-type]
                "Claim.when: expected a TimeSpan or a date (for text:"
                " date.fromisoformat('2019-03-01')), got '2019-03-01'",
            ),
        ],
    )
    def test_text_where_a_value_goes(self, make: Any, message: str) -> None:
        """Text a named constructor reads is refused with that constructor named."""
        with pytest.raises(FieldError) as caught:
            make()
        assert str(caught.value) == message

    def test_no_hint_for_other_text(self) -> None:
        """Text no constructor reads gets the plain message."""
        with pytest.raises(FieldError) as caught:
            Claim("RUS", "p", modality="sure")  # type: ignore[arg-type]
        assert caught.value.expected == "one of Modality: CERTAIN, PROBABLE, POSSIBLE"

    @pytest.mark.parametrize(
        ("items", "expected"),
        [
            ("hello", "a list of actors, affiliations, part-of links, statements and rebuttals"),
            (RUS, "a list of items (for one item, use add)"),
            (5, "a list of actors, affiliations, part-of links, statements and rebuttals"),
        ],
    )
    def test_extend_with_one_thing(self, items: Any, expected: str) -> None:
        """extend("hello") is one error, not one per character; a lone item says to add it."""
        with pytest.raises(FieldError) as caught:
            StatementSet().extend(items)
        assert caught.value.expected == expected
        with pytest.raises(FieldError):
            StatementSet(items)

    def test_datetime_counts_as_its_day(self) -> None:
        """A datetime's time of day is dropped, as documented: the day is what counts."""
        from datetime import datetime  # noqa: PLC0415

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            statement = Statement("s", "USA", datetime(2019, 6, 3, 18, 30))
        assert statement.said_on == TimeSpan.on(JUNE_3)

    def test_hedge_and_quantity_as_values(self) -> None:
        """What the hints name makes the values the fields take."""
        claim = Claim(
            "RUS",
            "withdrew_personnel_from",
            "VEN",
            modality=Modality.from_hedge("highly likely"),
            quantity=Quantity.parse("most"),
        )
        assert claim.quantity == Quantity.parse("most")
        assert claim.modality is Modality.PROBABLE
