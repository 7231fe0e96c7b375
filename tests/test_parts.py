from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from diplostatements import Actor, PartOf, StatementSet, TimeSpan
from diplostatements.exceptions import FieldError, UnknownReferenceError, ValidationError

RUS = Actor.state("RUS")
UKR = Actor.state("UKR")
FORCES = Actor.organization("rus-forces", "Russian Armed Forces", kind="government")
DISTRICT = Actor.organization("western-district", "Western Military District", kind="government")
BRIGADE = Actor.organization("53rd-brigade", "53rd Anti-Aircraft Missile Brigade", kind="group")
ACTORS = [RUS, UKR, FORCES, DISTRICT, BRIGADE]
JULY_17_2014 = date(2014, 7, 17)


def chain_set(*links: PartOf) -> StatementSet:
    """The actors above and these part-of links."""
    return StatementSet([*ACTORS, *links])


class TestPartOf:
    def test_defaults(self) -> None:
        """A link holds always unless a span is given; None says the same."""
        link = PartOf("53rd-brigade", "rus-forces")
        assert link.span == TimeSpan.always()
        assert PartOf("53rd-brigade", "rus-forces", span=None) == link
        assert repr(link) == "PartOf(part='53rd-brigade', whole='rus-forces')"

    def test_actors_and_dates(self) -> None:
        """Actors are stored as their ids, a date as that day."""
        link = PartOf(BRIGADE, FORCES, span=JULY_17_2014)
        assert (link.part, link.whole, link.span) == (
            "53rd-brigade",
            "rus-forces",
            TimeSpan.on(JULY_17_2014),
        )

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"part": "", "whole": "RUS"}, "PartOf.part"),
            ({"part": "a b", "whole": "RUS"}, "PartOf.part"),
            ({"part": "RUS", "whole": 5}, "PartOf.whole"),
            ({"part": "RUS", "whole": "RUS"}, "PartOf.whole"),
            ({"part": "x", "whole": "RUS", "span": "2019"}, "PartOf.span"),
        ],
    )
    def test_invalid(self, kwargs: dict[str, Any], path: str) -> None:
        """A bad field is a FieldError naming it."""
        with pytest.raises(FieldError) as caught:
            PartOf(**kwargs)
        assert caught.value.path == path


class TestPartOfInASet:
    def test_wholes_transitively(self) -> None:
        """A part's wholes are found through every link, nearest first, each with its chain."""
        first, second = PartOf("53rd-brigade", "rus-forces"), PartOf("rus-forces", "RUS")
        s = chain_set(second, first)
        assert s.wholes_of("53rd-brigade", JULY_17_2014) == {
            "rus-forces": (first,),
            "RUS": (first, second),
        }
        assert s.wholes_of(RUS, JULY_17_2014) == {}
        assert s.part_of == (first, second)

    def test_only_links_that_surely_cover(self) -> None:
        """A link whose period does not surely cover the time is not followed."""
        since_2015 = PartOf(
            "53rd-brigade", "western-district", span=TimeSpan.since(date(2015, 1, 1))
        )
        s = chain_set(since_2015, PartOf("western-district", "rus-forces"))
        assert s.wholes_of("53rd-brigade", JULY_17_2014) == {}
        assert list(s.wholes_of("53rd-brigade", date(2016, 1, 1))) == [
            "western-district",
            "rus-forces",
        ]
        assert s.wholes_of("53rd-brigade", TimeSpan.sometime_in(2014)) == {}

    def test_shortest_chain(self) -> None:
        """Of two ways to a whole, the shorter is given."""
        s = chain_set(
            PartOf("53rd-brigade", "western-district"),
            PartOf("western-district", "rus-forces"),
            PartOf("53rd-brigade", "rus-forces"),
        )
        assert s.wholes_of("53rd-brigade", JULY_17_2014)["rus-forces"] == (
            PartOf("53rd-brigade", "rus-forces"),
        )

    def test_unknown_actors(self) -> None:
        """Both ends must be known actors, given by id."""
        with pytest.raises(UnknownReferenceError) as caught:
            chain_set().add(PartOf("53rd-brigad", "RUS"))
        assert caught.value.path == "PartOf('53rd-brigad', 'RUS').part"
        assert caught.value.suggestions == ("53rd-brigade",)
        s = StatementSet([Actor.state("RUS", aliases=["Moscow"]), BRIGADE])
        with pytest.raises(FieldError, match=r"the actor's id 'RUS', not an alias"):
            s.add(PartOf("53rd-brigade", "Moscow"))

    def test_cycle_refused_and_named(self) -> None:
        """A link that would make an actor part of itself is refused, naming the cycle."""
        s = chain_set(PartOf("53rd-brigade", "rus-forces"), PartOf("rus-forces", "RUS"))
        with pytest.raises(FieldError) as caught:
            s.add(PartOf("RUS", "53rd-brigade"))
        assert caught.value.path == "PartOf('RUS', '53rd-brigade').whole"
        assert caught.value.got == "RUS -> 53rd-brigade -> rus-forces -> RUS"
        assert len(s.part_of) == 2  # nothing half-added

    def test_cycle_in_one_batch(self) -> None:
        """A cycle inside one batch is one of the batch's problems, with its position."""
        with pytest.raises(ValidationError) as caught:
            chain_set(PartOf("rus-forces", "RUS"), PartOf("RUS", "rus-forces"))
        assert caught.value.problems == [
            "[5] PartOf('rus-forces', 'RUS').whole: expected a whole that closes no part-of"
            " cycle (each actor of a cycle is part of the next at times that may overlap, so it"
            " would be part of itself), got 'rus-forces -> RUS -> rus-forces'"
        ]

    def test_no_cycle_when_periods_never_meet(self) -> None:
        """Links that hold at different times close no cycle (a unit moved, then back)."""
        before = TimeSpan.until(date(2010, 12, 31))
        after = TimeSpan.since(date(2011, 1, 1))
        s = chain_set(
            PartOf("western-district", "rus-forces", span=before),
            PartOf("rus-forces", "western-district", span=after),
        )
        assert len(s.part_of) == 2

    def test_same_link_twice(self) -> None:
        """Adding the same link again changes nothing; the set compares and copies them."""
        link = PartOf("53rd-brigade", "rus-forces")
        s = chain_set(link)
        s.add(link)
        assert s.part_of == (link,)
        assert link in s
        assert PartOf("rus-forces", "RUS") not in s
        assert s.copy() == s
        assert s != chain_set()
        merged = chain_set() | s
        assert merged.part_of == (link,)
        assert repr(s) == ("<StatementSet: 5 actors, 0 affiliations, 1 part-of link, 0 statements>")

    def test_when_is_checked(self) -> None:
        """wholes_of names its argument when the time is not a date or span."""
        with pytest.raises(FieldError, match=r"StatementSet\.wholes_of\(when\)"):
            chain_set().wholes_of("RUS", "2014")  # type: ignore[arg-type]
