"""The keys a claims table's rows go under, for the table path's pre-filter: one producer per rule.

The gathering stage puts each assertion (and each claim an assertion implies) in buckets by key;
two entries can clash only when they share a key. The pre-filter of
:mod:`~diplostatements.checker._tables` makes the same keys with Arrow compute, for every row at
once, and keeps the rows under a key where two rows of different *classes* have periods that may
meet.

Each producer is one rule's keys: a function of the table's :class:`Columns` that yields
:class:`Keys`, one key row per selected claim row, each with its class. Key rows clash only when
they come from the same producer, share a key and differ in class, so a producer decides what
"different" means for its rule (the polarity for NEGATION, the object for EXCLUSIVE, ...). A new
rule adds its producer to :data:`PRODUCERS` and nothing else. A producer may yield more than its
rule can clash on (the filter then keeps too much), never less.

Keys and classes are integers: a subject or object is a code into one dictionary of names
(``-1`` for a null object), a predicate its code in :attr:`Columns.codes`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from .._tables_statements import arange
from ..vocabulary import Vocabulary
from ._profiles import Profile, profile_of

__all__ = ["PRODUCERS", "Columns", "Keys", "Producer", "predicates"]


class Columns(NamedTuple):
    """What the producers read of a claims table (null on a row without a claim).

    Attributes:
        subject: each claim's subject, as a code (int32).
        object: each claim's object as a code, ``-1`` when it has none (int32).
        predicate: each claim's predicate, as its code (int32).
        affirmed: whether the claim is affirmed (bool).
        rebutted: whether a rebuttal targets the claim's statement, so that it may imply the
            claim's negation (bool).
        quantity: the claim's figures and unit as a code (equal figures, equal codes), null when
            it has none (int32).
        low: the low end of the claim's figures (float64; null: none, or no quantity).
        high: the high end of the claim's figures (float64; null: none, or no quantity).
        open_end: whether either end of the claim's figures is open (bool; null: no quantity).
        codes: the code of each predicate a claim names or implies.
        seen: the predicates claims name (not only imply).
        profiles: each of those predicates' profile (``None``: not in the vocabulary).
        vocabulary: what the predicates mean.
        cache: what :meth:`ends` computed (each once).
    """

    subject: pa.Array
    object: pa.Array
    predicate: pa.Array
    affirmed: pa.Array
    rebutted: pa.Array
    quantity: pa.Array
    low: pa.Array
    high: pa.Array
    open_end: pa.Array
    codes: dict[str, int]
    seen: frozenset[str]
    profiles: dict[str, Profile | None]
    vocabulary: Vocabulary
    cache: dict[Any, Any]

    def flag(self, test: Callable[[Profile], bool]) -> pa.Array:
        """Whether each row's predicate has a property (false for one not in the vocabulary)."""
        by_code = [False] * len(self.codes)
        for name, code in self.codes.items():
            profile = self.profiles[name]
            by_code[code] = profile is not None and test(profile)
        return pc.fill_null(pc.take(pa.array(by_code, pa.bool_()), self.predicate), False)

    def ends(
        self, *, symmetric: bool | None = None, mirrored: bool = False
    ) -> tuple[pa.Array, pa.Array]:
        """The two ends of each row's proposition key: its subject and object, in that order.

        Mirrored: object first. Symmetric: sorted (by code: any fixed order groups alike), for
        every row (``True``) or where the row's own predicate is symmetric (``None``).
        """
        if symmetric is False:
            return (self.object, self.subject) if mirrored else (self.subject, self.object)
        found = self.cache.get(symmetric)
        if found is None:
            swap = pc.less(self.object, self.subject)
            if symmetric is None:
                swap = pc.and_(swap, self.flag(lambda p: p.symmetric))
            found = self.cache[symmetric] = (
                pc.if_else(swap, self.object, self.subject),
                pc.if_else(swap, self.subject, self.object),
            )
        first, last = found
        return first, last

    def named(self, names: list[str]) -> pa.Array:
        """Whether each row's predicate is one of ``names``."""
        wanted = {self.codes[name] for name in names}
        by_code = pa.array([code in wanted for code in range(len(self.codes))], pa.bool_())
        return pc.fill_null(pc.take(by_code, self.predicate), False)

    def stated(self) -> pa.Array:
        """The rows whose claim is affirmed, or whose negation a rebuttal may imply (affirmed).

        These are the claims that imply others, and that exclusive and contrary keys hold.
        """
        found = self.cache.get("stated")
        if found is None:
            found = self.cache["stated"] = pc.or_(self.affirmed, self.rebutted)
        return found


def predicates(names: list[str], vocabulary: Vocabulary) -> tuple[dict[str, int], dict[str, Any]]:
    """Codes and profiles for the predicates claims name, and every predicate they imply."""
    codes = {name: code for code, name in enumerate(names)}
    profiles = {name: profile_of(vocabulary, name) for name in names}
    for name in names:
        profile = profiles[name]
        for chain in () if profile is None else profile.chains:
            if chain[-1] not in codes:
                codes[chain[-1]] = len(codes)
                profiles[chain[-1]] = profile_of(vocabulary, chain[-1])
    return codes, profiles


class Keys(NamedTuple):
    """Key rows: the claim rows ``where`` selects, each under a key, with its class.

    ``first``, ``middle`` and ``last`` are the key and ``cls`` the class, each an integer array
    over every claim row (read at the selected ones) or one integer for all. A key row's period
    is its claim's.

    ``pivot`` (an array of booleans, one boolean for all, or ``None``) splits a producer's key
    rows in two so that every clash pairs a row of one part with a row of the other (NEGATION:
    a negated claim with an affirmed one). When a producer gives it, its rows are first matched
    part against part by key, which drops most rows before anything is grouped; ``None`` (in
    any of a producer's :class:`Keys`) means no such split.
    """

    where: pa.Array
    first: Any
    middle: Any
    last: Any
    cls: Any
    pivot: Any = None


Producer = Callable[[Columns], Iterator[Keys]]
"""One rule's keys."""

_AFFIRMED, _NEGATED = 0, 1
"""The classes of NEGATION: opposite polarities clash."""


def negation_keys(columns: Columns) -> Iterator[Keys]:
    """NEGATION and DENIAL: a proposition's affirmed and negated claims.

    A claim a rebuttal targets is also, as the negation the rebuttal implies, of the other
    polarity; what an affirmed claim implies is affirmed, under the implied proposition's key.
    """
    first, last = columns.ends()
    polarity = pc.if_else(columns.affirmed, _AFFIRMED, _NEGATED)
    # A clash pairs a negated claim with an affirmed one: the negated claims are the pivot.
    negated = pc.invert(columns.affirmed)
    everywhere = pc.is_valid(columns.predicate)
    yield Keys(everywhere, first, columns.predicate, last, polarity, negated)
    flipped = pc.if_else(columns.affirmed, _NEGATED, _AFFIRMED)
    yield Keys(columns.rebutted, first, columns.predicate, last, flipped, columns.affirmed)
    for name, where, both in _implied(columns, lambda _: True):
        profile = columns.profiles[name]
        assert profile is not None  # a vocabulary implies only what it holds
        # A symmetric implied predicate keys both orientations alike: one is enough.
        for mask, mirrored in _orientations(columns, where, both=both and not profile.symmetric):
            one, two = columns.ends(symmetric=profile.symmetric, mirrored=mirrored)
            yield Keys(mask, one, columns.codes[name], two, _AFFIRMED, pivot=False)


def quantity_keys(columns: Columns) -> Iterator[Keys]:
    """QUANTITY: a proposition's affirmed claims with figures (equal figures never clash).

    A denied negated claim counts too: its negation, which the rebuttal implies, is affirmed.
    Figures clash only when their ranges do not meet, so a proposition whose ranges all share
    a value (the greatest low end below the least high end) is left out.
    """
    first, last = columns.ends()
    counted = pc.and_(pc.is_valid(columns.quantity), columns.stated())
    rows = pc.indices_nonzero(counted)
    if len(rows) == 0:
        return
    figures = pa.table(
        {
            "row": rows,
            "first": pc.take(first, rows),
            "middle": pc.take(columns.predicate, rows),
            "last": pc.take(last, rows),
            "low": pc.fill_null(pc.take(columns.low, rows), -math.inf),
            "high": pc.fill_null(pc.take(columns.high, rows), math.inf),
            "open": pc.take(columns.open_end, rows),
        }
    )
    key = ["first", "middle", "last"]
    ranges = figures.group_by(key).aggregate([("low", "max"), ("high", "min"), ("open", "any")])
    # Closed ranges of which the greatest low end is at most the least high end all meet, each
    # pair (in one dimension, all pairs meeting is all meeting): nothing to clash. An open end
    # meets only below the least high end.
    low, high = ranges["low_max"], ranges["high_min"]
    touching = pc.and_(pc.equal(low, high), ranges["open_any"])
    apart = ranges.filter(pc.or_(pc.greater(low, high), touching))
    held = figures.join(apart.select(key), key, join_type="left semi")["row"]
    where = pc.is_in(arange(len(counted)), value_set=held.cast(pa.int64()))
    yield Keys(where, first, columns.predicate, last, columns.quantity)


def exclusive_keys(columns: Columns) -> Iterator[Keys]:
    """EXCLUSIVE: a functional predicate's objects for one subject (inverse: its subjects)."""
    for name, where, both in _stated_and_implied(columns, _exclusive):
        profile = columns.profiles[name]
        assert profile is not None  # only declared predicates are exclusive
        code = columns.codes[name]
        for mask, mirrored in _orientations(columns, where, both=both):
            s, o = columns.ends(symmetric=False, mirrored=mirrored)
            with_object = pc.and_(mask, pc.greater_equal(o, 0))
            # The middle of the key tells the two apart from each other (and from codes).
            if profile.functional:
                yield Keys(with_object, s, -1 - 2 * code, -1, o)
            if profile.inverse_functional:
                yield Keys(with_object, o, -2 - 2 * code, -1, s)


def contrary_keys(columns: Columns) -> Iterator[Keys]:
    """CONTRARY: the claims of two contrary predicates about one subject and object."""
    pairs: dict[tuple[str, ...], int] = {}
    with_object = pc.greater_equal(columns.object, 0)
    for name, where, _ in _stated_and_implied(columns, _contrary):
        mirrored = pc.and_(where, with_object)
        code = columns.codes[name]
        for other in sorted(columns.vocabulary.contraries(name)):
            pair = pairs.setdefault(tuple(sorted((name, other))), len(pairs))
            # A clash pairs the claims of the pair's two predicates: the first is the pivot.
            pivot = name < other
            # Both orientations under the pair's key: a symmetric claim stands for its mirror,
            # so two readings of one pair meet whichever way either was stated.
            yield Keys(where, columns.subject, pair, columns.object, code, pivot)
            yield Keys(mirrored, columns.object, pair, columns.subject, code, pivot)


PRODUCERS: tuple[Producer, ...] = (negation_keys, quantity_keys, exclusive_keys, contrary_keys)
"""Every rule's keys. A key row clashes only with key rows of its own producer."""


def _exclusive(profile: Profile) -> bool:
    return profile.functional or profile.inverse_functional


def _contrary(profile: Profile) -> bool:
    return profile.contrary


def _orientations(columns: Columns, where: pa.Array, *, both: bool) -> list[tuple[pa.Array, bool]]:
    """The rows, and whether mirrored: also mirrored for claims that stand for their mirror."""
    if not both:
        return [(where, False)]
    return [(where, False), (pc.and_(where, pc.greater_equal(columns.object, 0)), True)]


def _implied(
    columns: Columns, test: Callable[[Profile], bool]
) -> Iterator[tuple[str, pa.Array, bool]]:
    """Each predicate passing ``test`` that claims imply, with the rows that imply it.

    Also whether those rows stand for both orientations (the implying or the implied predicate
    is symmetric). Only affirmed claims imply (and the affirmed negations rebuttals imply).
    """
    implying: dict[tuple[str, bool], list[str]] = {}
    for name, profile in columns.profiles.items():
        if profile is None or name not in columns.seen:
            continue
        for chain in profile.chains:
            implied = columns.profiles[chain[-1]]
            assert implied is not None  # a vocabulary implies only what it holds
            if test(implied):
                both = profile.symmetric or implied.symmetric
                implying.setdefault((chain[-1], both), []).append(name)
    stated = columns.stated()
    for (name, both), sources in sorted(implying.items()):
        yield name, pc.and_(stated, columns.named(sources)), both


def _stated_and_implied(
    columns: Columns, test: Callable[[Profile], bool]
) -> Iterator[tuple[str, pa.Array, bool]]:
    """The stated claims of each predicate passing ``test``, then the claims implying one."""
    stated = columns.stated()
    for name, profile in columns.profiles.items():
        if name in columns.seen and profile is not None and test(profile):
            yield name, pc.and_(stated, columns.named([name])), profile.symmetric
    yield from _implied(columns, test)
