"""The third stage: one pure function per group, the checker's inner loop.

:func:`sweep` takes one :class:`~diplostatements.checker.gather.Group` (the entries of one
proposition, one exclusive key, or two contrary predicates about one subject and object) and
returns the pairs that clash as :class:`Hit` values. It sees nothing but the group, so a group can
be checked anywhere (another process, a distributed engine) and the hits merged: the result is
the same whatever runs it, and whatever order the groups are swept in.

Inside a group the entries are sorted by the first day their period may touch and swept: an
entry is compared only with the *active* entries of the classes it can clash with (whose period
may still reach it); an active entry whose period ended before the current start is dropped the
first time it is met. Entries are classed by polarity (NEGATION), object or subject (EXCLUSIVE),
predicate (CONTRARY), or scope, unit and figures (QUANTITY: equal figures are one class, and two
classes are related only if their figures cannot both be right, so a thousand reports of "about
100" are never compared with each other). So a group of ``n`` entries costs ``O(n log n + k)``
comparisons of entries, where ``k`` counts the pairs whose periods may overlap and whose classes
can clash, plus, per entry, one look at each class live at its start. Such a pair is a finding
unless the qualifiers or quantities say otherwise, so ``k`` is close to the number of findings.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from itertools import combinations
from operator import itemgetter, ne
from typing import NamedTuple

from ..rules import (
    CONTRARY,
    EXCLUSIVE,
    NEGATION,
    QUANTITY,
    Rule,
    comparable,
    negation_clash,
)
from . import gather
from .gather import Entry, Group

__all__ = ["Hit", "check_contrary", "check_exclusive", "check_proposition", "sweep"]

Chain = tuple[str, ...]


class Hit(NamedTuple):
    """Two entries that clash under ``rule``.

    ``first_chain`` and ``second_chain`` are the entries' chains (empty for a stated claim), so
    the hit is ENTAILED when either is not empty.
    """

    first: int
    second: int
    rule: Rule
    definite: bool
    first_chain: Chain
    second_chain: Chain


def sweep(group: Group) -> list[Hit]:
    """The clashing pairs of one group.

    Args:
        group: entries that may clash, and the test to run on them.

    Returns:
        The hits, in an order that depends only on the group's entries.
    """
    if group.test == gather.PROPOSITION:
        return check_proposition(group.entries)
    if group.test == gather.CONTRARY:
        assert group.contraries is not None  # a CONTRARY group carries them
        return check_contrary(group.entries, group.contraries)
    return check_exclusive(group.entries, inverse=group.test == gather.INVERSE)


def _sweep(
    entries: Sequence[Entry],
    group: Callable[[Entry], Hashable],
    related: Callable[[Hashable, Hashable], bool],
) -> list[tuple[Entry, Entry]]:
    """Every pair of entries whose periods may overlap and whose groups are related.

    Args:
        entries: the bucket.
        group: the class of an entry (its polarity, its object, its predicate...).
        related: whether entries of two classes can clash (a symmetric relation).

    Returns:
        ``(earlier, later)`` pairs, ``earlier`` having the earlier (or equal) first day; for a
        bucket of at most ``_FEW`` entries, in the order they came in (every caller treats a
        pair alike either way round, and which pairs are found is the same).
    """
    if len(entries) <= _FEW:  # most groups: every pair, without sorting or active lists
        found: list[tuple[Entry, Entry]] = []
        # The periods first: the cheapest test, and one many pairs fail; no class is computed
        # for those.
        for a, b in combinations(entries, 2):
            one, other = a.period, b.period
            if (
                one.end >= other.start
                and other.end >= one.start
                and a.aid != b.aid
                and related(group(a), group(b))
            ):
                found.append((a, b))
        return found
    pairs: list[tuple[Entry, Entry]] = []
    active: dict[Hashable, list[Entry]] = {}
    # Sorted by period: by its first day, ties by the rest of it (which pairs are found does
    # not depend on how ties are ordered: an active entry always reaches a later one's start).
    for entry in sorted(entries, key=_period):
        mine = group(entry)
        if not active:
            active[mine] = [entry]
            continue
        start = entry.period.start
        for other_group in [other for other in active if related(mine, other)]:
            members = active[other_group]
            live = [other for other in members if other.period.end >= start]
            if not live:
                del active[other_group]
                continue
            if len(live) != len(members):
                active[other_group] = live
            pairs += [(other, entry) for other in live if other.aid != entry.aid]
        active.setdefault(mine, []).append(entry)
    return pairs


_FEW = 4
"""Up to this many entries, comparing every pair costs less than sorting and sweeping."""

_new = tuple.__new__
_period = itemgetter(1)  # an entry's period (a C function, unlike a lambda)


def _hit(rule: Rule, a: Entry, b: Entry) -> Hit:
    """The hit of two entries whose periods may overlap (as every swept pair's may).

    :func:`~diplostatements.rules.definite`, written out: for periods that may overlap, the
    overlap is DEFINITE when each may start no later than the other must have ended.
    """
    one, other = a.period, b.period
    sure = (
        a.certain
        and b.certain
        and one.last_start <= other.first_end
        and other.last_start <= one.first_end
    )
    return _new(Hit, (a.aid, b.aid, rule, sure, a.chain, b.chain))  # a NamedTuple's __new__, in C


# An entry's fields as its class (C functions, unlike lambdas).
_polarity = itemgetter(2)
_subject = itemgetter(4)
_predicate = itemgetter(5)
_object = itemgetter(6)


def _figures(entry: Entry) -> Hashable:
    """An entry's QUANTITY class: scope, unit and figures (the text is only how it was said)."""
    q = entry.quantity
    assert q is not None  # only entries with a quantity are classed this way
    return (entry.scope, q.unit, q.low, q.high, q.low_open, q.high_open)


def check_proposition(entries: list[Entry]) -> list[Hit]:
    """NEGATION and QUANTITY within one proposition (subject, predicate, object).

    Args:
        entries: every entry with that proposition key.

    Returns:
        The clashing pairs.
    """
    hits: list[Hit] = []
    if False in map(_polarity, entries):  # a negated entry (in C, unlike all() of a generator)
        for a, b in _sweep(entries, _polarity, ne):
            negated, affirmed = (b, a) if a.affirmed else (a, b)
            if negation_clash(negated.scope, negated.quantity, affirmed.scope, affirmed.quantity):
                hits.append(_hit(NEGATION, a, b))
    counted = [entry for entry in entries if entry.affirmed and entry.quantity is not None]
    if len(counted) > 1:
        figures = {_figures(entry): entry.quantity for entry in counted}
        if len(figures) > 1:  # one class: the same figures throughout, which never clash
            known: dict[tuple[Hashable, Hashable], bool] = {}

            def clash(mine: Hashable, other: Hashable) -> bool:
                # Classes of one scope and unit clash when their figures are incompatible;
                # each pair of classes is decided once; a class never clashes with itself.
                if mine == other:
                    return False
                found = known.get((mine, other))
                if found is None:
                    one, two = figures[mine], figures[other]
                    assert one is not None  # counted entries have quantities
                    assert two is not None
                    assert isinstance(mine, tuple)  # _figures makes tuples
                    assert isinstance(other, tuple)
                    found = mine[:2] == other[:2] and not one.compatible(two)
                    known[(mine, other)] = known[(other, mine)] = found
                return found

            hits += [_hit(QUANTITY, a, b) for a, b in _sweep(counted, _figures, clash)]
    return hits


def check_exclusive(entries: list[Entry], *, inverse: bool) -> list[Hit]:
    """EXCLUSIVE within one functional key.

    The key is (predicate, subject), or for an inverse-functional predicate (predicate, object).

    Args:
        entries: affirmed entries with an object.
        inverse: compare subjects (inverse-functional) instead of objects.

    Returns:
        The clashing pairs: different objects (subjects), comparable scopes.
    """
    return [
        _hit(EXCLUSIVE, a, b)
        for a, b in _sweep(entries, _subject if inverse else _object, ne)
        if a.scope is b.scope or comparable(a.scope, b.scope)  # most share BROADEST
    ]


def check_contrary(entries: list[Entry], contraries: Mapping[str, frozenset[str]]) -> list[Hit]:
    """CONTRARY within one (subject, object) pair.

    Args:
        entries: affirmed entries of predicates that have contraries.
        contraries: each predicate's contrary predicates (closed symmetrically).

    Returns:
        The clashing pairs: contrary predicates, comparable scopes.
    """

    def related(mine: Hashable, other: Hashable) -> bool:
        assert isinstance(mine, str)
        return other in contraries[mine]

    return [
        _hit(CONTRARY, a, b)
        for a, b in _sweep(entries, _predicate, related)
        if a.scope is b.scope or comparable(a.scope, b.scope)
    ]
