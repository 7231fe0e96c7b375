"""Laws every StatementSet obeys, on random items drawn from small pools.

The pools are small on purpose: a few states with aliases ("Moscow", "Washington"), people and
bodies with speaks-for affiliations that start and end, claims that name actors by id, by alias
(in any case) or by a plain entity name, and rebuttals aimed at earlier statements or at one of
their claims. Items meet, clash and refer to each other often.
"""

from __future__ import annotations

import contextlib
import random
import warnings
from collections.abc import Sequence
from datetime import date
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplostatements import (
    Actor,
    ActorKind,
    Affiliation,
    Claim,
    ClaimRef,
    Rebuttal,
    RebuttalKind,
    Relay,
    Statement,
    StatementSet,
    TimeSpan,
    collection,
)
from diplostatements.collection import Item
from diplostatements.exceptions import DiplostatementsError, ValidationError
from diplostatements.strategies import time_spans

LAW = settings(deadline=None)

STATES = [
    Actor.state("RUS", aliases={"Moscow", "Russia"}),
    Actor.state("USA", aliases={"Washington"}),
    Actor.state("VEN"),
]
OTHERS = [
    Actor.person("peskov", "Dmitry Peskov", country="RUS"),
    Actor.person("trump", "Donald Trump", country="USA"),
    Actor.person("lavrov", "Sergei Lavrov"),
    Actor("kremlin", "The Kremlin", ActorKind.GOVERNMENT),
    Actor.organization("interfax", "Interfax", kind="media", aliases="Interfax news agency"),
]
ACTORS = [*STATES, *OTHERS]
OWNER = {name.casefold(): actor.id for actor in ACTORS for name in (actor.id, *actor.aliases)}
AFFILIATIONS = [
    Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True),
    Affiliation("kremlin", "RUS", speaks_for=True),
    Affiliation(
        "trump",
        "USA",
        span=TimeSpan.between(date(2017, 1, 20), date(2019, 6, 30)),
        speaks_for=True,
    ),
    Affiliation("lavrov", "RUS", span=TimeSpan.since(date(2019, 3, 1)), speaks_for=True),
    Affiliation("lavrov", "kremlin", span=TimeSpan.until(date(2019, 2, 28)), speaks_for=True),
    Affiliation("interfax", "RUS"),
]
SPEAKERS = ["RUS", "USA", "peskov", "trump", "lavrov", "kremlin", "Moscow", "washington"]
# Actors by id and by alias in any case, and plain entity names that look like no actor.
ENTITIES = [
    "RUS",
    "USA",
    "VEN",
    "maduro",
    "Moscow",
    "russia",
    "WASHINGTON",
    "S-300",
    "Caracas",
    "a newspaper report",
]
PREDICATES = ["informed", "supports", "withdrew_personnel_from", "recognizes"]
SPANS = time_spans(min_value=date(2019, 1, 1), max_value=date(2019, 12, 31))


@st.composite
def claims(draw: st.DrawFn, depth: int = 1) -> Claim:
    content = draw(st.none() | claims(depth - 1)) if depth > 0 else None
    return Claim(
        draw(st.sampled_from(ENTITIES)),
        draw(st.sampled_from(PREDICATES)),
        draw(st.none() | st.sampled_from(ENTITIES)),
        content=content,
        polarity=draw(st.sampled_from(["affirmed", "negated"])),
        modality=draw(st.sampled_from(["certain", "probable", "possible"])),
        when=draw(st.none() | SPANS),
        qualifiers=draw(st.frozensets(st.sampled_from(["official", "military"]))),
    )


@st.composite
def statement_lists(draw: st.DrawFn) -> list[Statement]:
    found: list[Statement] = []
    for index in range(draw(st.integers(0, 6))):
        fields: dict[str, Any] = {
            "id": f"s{index}",
            "speaker": draw(st.sampled_from(SPEAKERS)),
            "said_on": draw(SPANS),
            "claims": draw(st.lists(claims(), max_size=3)),
            "on_behalf_of": draw(st.none() | st.sampled_from(["kremlin", "Russia", "USA"])),
            "relays": draw(
                st.sampled_from([(), (Relay("interfax"),), (Relay("Interfax News Agency"),)])
            ),
        }
        rebuts = draw(st.booleans())
        if rebuts and found:
            targets: list[str | ClaimRef] = []
            for target in draw(st.lists(st.sampled_from(found), min_size=1, max_size=2)):
                whole = draw(st.booleans())
                if whole or not target.claims:
                    targets.append(target.id)
                else:
                    targets.append(
                        ClaimRef(target.id, draw(st.integers(0, len(target.claims) - 1)))
                    )
            kind = draw(st.sampled_from(RebuttalKind))
            found.append(Rebuttal(**fields, targets=targets, kind=kind))
        else:
            found.append(Statement(**fields))
    return found


@st.composite
def item_lists(draw: st.DrawFn) -> list[Item]:
    affiliations = draw(st.lists(st.sampled_from(AFFILIATIONS), unique=True))
    return [*ACTORS, *affiliations, *draw(statement_lists())]


def snapshot(s: StatementSet) -> tuple[Any, ...]:
    """Everything a reader can see of a set, in the order it is seen."""
    return (
        list(s.actors.items()),
        s.affiliations,
        list(s.statements.items()),
        s.timeline(),
        list(s),
        list(s.assertions()),
    )


def references(item: Item) -> set[str]:
    """The actor and statement ids an item needs before it can be added on its own."""
    if isinstance(item, Actor):
        return set()
    if isinstance(item, Affiliation):
        return {item.member, item.organization}
    assert isinstance(item, Statement)
    names = [item.speaker, item.on_behalf_of, *(relay.via for relay in item.relays)]
    needed = {OWNER[name.casefold()] for name in names if name is not None}
    if isinstance(item, Rebuttal):
        needed.update(item.target_ids)
    return needed


def dependency_order(items: Sequence[Item], rng: random.Random) -> list[Item]:
    """A random order in which each item comes after what it refers to (aliases are no refs)."""
    remaining = list(items)
    rng.shuffle(remaining)
    known: set[str] = set()
    order: list[Item] = []
    while remaining:
        position = next(i for i, item in enumerate(remaining) if references(item) <= known)
        item = remaining.pop(position)
        order.append(item)
        if isinstance(item, Actor | Statement):
            known.add(item.id)
    return order


class TestInsertionOrder:
    """The same items added in any order give an equal set, read in the same order.

    timeline(), assertions(), iteration over the set and its statements, and the affiliations are
    identical whatever order the items came in.
    """

    @LAW
    @given(item_lists(), st.randoms(use_true_random=False))
    def test_shuffled_batch(self, items: list[Item], rng: random.Random) -> None:
        """A shuffled batch gives an equal set that reads the same in every way."""
        shuffled = list(items)
        rng.shuffle(shuffled)
        first, second = StatementSet(items), StatementSet(shuffled)
        assert first == second
        assert snapshot(first) == snapshot(second)


class TestOneAtATime:
    """Adding items one at a time, in any order their references allow, equals one batch.

    An actor may come after a claim that names it by alias: the claim is then resolved.
    """

    @LAW
    @given(item_lists(), st.randoms(use_true_random=False))
    def test_one_at_a_time(self, items: list[Item], rng: random.Random) -> None:
        """Items added one by one give the set the batch gives."""
        s = StatementSet()
        for item in dependency_order(items, rng):
            s.add(item)
        assert s == StatementSet(items)
        assert snapshot(s) == snapshot(StatementSet(items))


def bad_items(s: StatementSet) -> list[Any]:
    """Items that the set must refuse: unknown references, reused ids, clashing aliases."""
    bad: list[Any] = [
        Statement("new", "nobody", date(2019, 6, 4)),
        Statement("new", "peskov", date(2019, 6, 4), on_behalf_of="nowhere"),
        Statement("new", "peskov", date(2019, 6, 4), relays=[Relay("tass")]),
        Rebuttal("new", "peskov", date(2019, 6, 4), targets=["missing"], kind="denial"),
        Affiliation("nobody", "RUS", speaks_for=True),
        Actor.person("peskov", "Somebody Else"),
        Actor("city", "Moscow", ActorKind.OTHER, aliases={"MOSCOW", "Moskva"}),
        "not an item",
    ]
    for statement in s:
        bad.append(attrs.evolve(statement, channel="letter"))
        bad.append(
            Rebuttal(
                "new",
                "peskov",
                date(2019, 6, 4),
                targets=[ClaimRef(statement.id, 9)],
                kind="denial",
            )
        )
    return bad


class TestFailedAdd:
    """An add that fails leaves the set exactly as it was; so does an extend with a bad item."""

    @LAW
    @given(item_lists(), st.data())
    def test_add(self, items: list[Item], data: st.DataObject) -> None:
        """add() of a bad item raises and changes nothing."""
        s = StatementSet(items)
        before, seen = s.copy(), snapshot(s)
        with pytest.raises(DiplostatementsError):
            s.add(data.draw(st.sampled_from(bad_items(s))))
        assert s == before
        assert snapshot(s) == seen

    @LAW
    @given(item_lists(), statement_lists(), st.data())
    def test_extend(self, items: list[Item], more: list[Statement], data: st.DataObject) -> None:
        """extend() with one bad item among good ones raises ValidationError and adds nothing."""
        s = StatementSet(items[: len(ACTORS)])
        before, seen = s.copy(), snapshot(s)
        batch: list[Any] = [*items[len(ACTORS) :], *more]
        bad = data.draw(st.sampled_from(bad_items(StatementSet(items))))
        batch.insert(data.draw(st.integers(0, len(batch))), bad)
        with pytest.raises(ValidationError) as caught:
            s.extend(batch)
        assert all(str(p).startswith("[") for p in caught.value.problems)
        assert s == before
        assert snapshot(s) == seen


class TestIdempotence:
    """Adding an item the set already holds, or all of them again, changes nothing."""

    @LAW
    @given(item_lists())
    def test_again(self, items: list[Item]) -> None:
        """Every item added again, one by one and as a batch, leaves the set as it was."""
        s = StatementSet(items)
        seen = snapshot(s)
        for item in items:
            s.add(item)
        s.extend(items)
        s.extend(list(s))
        assert snapshot(s) == seen


class TestMerge:
    """s | t == t | s, and the merge holds every item of both; neither operand changes."""

    @LAW
    @given(item_lists(), st.data())
    def test_merge(self, items: list[Item], data: st.DataObject) -> None:
        """Two sets that share no conflicting ids merge the same way round either way."""
        statements = [item for item in items if isinstance(item, Statement)]
        cut = data.draw(st.integers(0, len(statements)))
        head = statements[:cut]
        # The left set holds only the actors its statements need: states named only by alias in
        # its claims come with the right set, and are resolved in the merge.
        needed = set().union(*(references(st_) for st_ in head))
        left = StatementSet([*(a for a in ACTORS if a.id in needed or a in OTHERS), *head])
        right = StatementSet(items)
        left_seen, right_seen = snapshot(left), snapshot(right)
        merged = left | right
        assert merged == right | left == left.merge(right) == StatementSet(items)
        assert snapshot(merged) == snapshot(StatementSet(items))
        assert (snapshot(left), snapshot(right)) == (left_seen, right_seen)


def side_by_hand(s: StatementSet, statement: Statement) -> str:
    """A statement's side read from the affiliations as the documentation words it.

    From whom the statement is on behalf of (else its speaker), follow the speaks-for
    affiliations whose period surely covers the day it was said, to the organization with the
    smallest id, up to an actor that speaks for no one then.
    """
    current = statement.on_behalf_of or statement.speaker
    seen = {current}
    while True:
        above = sorted(
            a.organization
            for a in s.affiliations
            if a.member == current and a.speaks_for and a.span.contains(statement.said_on)
        )
        if not above or above[0] in seen:
            return current
        current = above[0]
        seen.add(current)


class TestAssertions:
    """assertions() yields each top-level claim once, in timeline order; nested content never."""

    @LAW
    @given(item_lists())
    def test_assertions(self, items: list[Item]) -> None:
        """The assertions are exactly (statement, index) over the timeline, with the sides."""
        s = StatementSet(items)
        found = list(s.assertions())
        assert [(a.statement, a.index) for a in found] == [
            (statement, index)
            for statement in s.timeline()
            for index in range(len(statement.claims))
        ]
        for assertion in found:
            assert assertion.claim is assertion.statement.claims[assertion.index or 0]
            assert assertion.side == side_by_hand(s, assertion.statement)


class TestSideIsTheTop:
    """side_of() ends the speaks-for chain: the side speaks for no one else at that time."""

    @LAW
    @given(item_lists(), st.sampled_from(ACTORS), SPANS)
    def test_top(self, items: list[Item], actor: Actor, when: TimeSpan) -> None:
        """No speaks-for affiliation of the side surely covers the time (no cycles here)."""
        s = StatementSet(items)
        side = s.side_of(actor.id, when)
        assert not any(
            a.member == side and a.speaks_for and a.span.contains(when) for a in s.affiliations
        )
        if side != actor.id:
            assert any(
                a.member == actor.id and a.speaks_for and a.span.contains(when)
                for a in s.affiliations
            )


def _built(items: list[Any], *, one_pass: bool) -> tuple[Any, ...]:
    """What building a set from ``items`` gives: the set as read, its warnings, or its problems."""
    with contextlib.ExitStack() as stack:
        if not one_pass:
            stack.enter_context(mock.patch.object(collection, "stage_batch", return_value=False))
        caught = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always")
        try:
            s = StatementSet(items)
        except ValidationError as error:
            return ("refused", error.problems, [str(w.message) for w in caught])
        return (
            snapshot(s),
            [statement.id for statement in s._stored()],
            dict(s._rebutted()),
            [str(w.message) for w in caught],
        )


@st.composite
def plain_item_lists(draw: st.DrawFn) -> list[Any]:
    """Items that name actors by id and others by plain names only: the one-pass kind of batch."""
    items: list[Any] = [*ACTORS, *draw(st.lists(st.sampled_from(AFFILIATIONS), unique=True))]
    ids = [actor.id for actor in ACTORS]
    names = [*ids, "maduro", "S-300", "a newspaper report", "kremlim", "rus"]
    for index in range(draw(st.integers(0, 8))):
        claims = [
            Claim(
                draw(st.sampled_from(names)), "supports", draw(st.none() | st.sampled_from(names))
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
        ident = draw(st.sampled_from([f"s{index}", "s0"]))  # now and then an id used again
        speaker = draw(st.sampled_from([*ids, "nobody"]))
        items.append(Statement(ident, speaker, draw(SPANS), claims))
    if draw(st.booleans()) and len(items) > len(ACTORS):
        items.append(Rebuttal("r", "RUS", date(2019, 6, 4), targets=["s0"], kind="denial"))
    return draw(st.permutations(items))


class TestOnePass:
    """A batch staged in one pass gives what staging it item by item gives.

    The same set, stored in the same order, with the same warnings; or the same problems.
    """

    @LAW
    @given(st.one_of(item_lists(), plain_item_lists()))
    def test_same_result(self, items: list[Any]) -> None:
        """One pass and item by item agree on every batch, good or bad."""
        assert _built(items, one_pass=True) == _built(items, one_pass=False)

    @LAW
    @given(item_lists(), st.data())
    def test_same_problems(self, items: list[Any], data: st.DataObject) -> None:
        """A batch with bad items is refused with the same problems either way."""
        more = data.draw(st.lists(st.sampled_from(bad_items(StatementSet(items))), max_size=2))
        batch = data.draw(st.permutations([*items, *more]))
        assert _built(batch, one_pass=True) == _built(batch, one_pass=False)
