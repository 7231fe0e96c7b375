"""The second stage: rows into buckets, and the groups of entries that may hold a clash.

:func:`gather` puts every assertion (and every claim an assertion implies) in buckets by key
(:mod:`~diplostatements.checker._bucketing`), then hands on the groups that can hold a clash,
each as a :class:`Group` of :class:`Entry` rows for one pure function of
:mod:`~diplostatements.checker.sweep`:

- a proposition that is both affirmed (or implied) and negated, or that holds two quantities
  (NEGATION, QUANTITY);
- a functional key with two different objects, an inverse-functional key with two different
  subjects (EXCLUSIVE);
- the claims of two contrary predicates about one subject and object (CONTRARY).

Most keys hold none of these; and in most groups that remain no two periods may overlap, so
nothing can clash: those are dropped before their entries are built
(:func:`~diplostatements.checker._profiles.may_meet`). An entry's period is computed here, for the
entries of groups that are kept only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

import attrs

from ..claims import Claim, Modality, Polarity
from ..quantities import Quantity
from ..rules import BROADEST, Period, Scope
from ..vocabulary import Vocabulary
from ._bucketing import Buckets, Raw, bucket
from ._lookups import contrary_pairs, implied_at, implying
from ._profiles import claim_period, may_meet
from .rows import Rows

__all__ = ["CONTRARY", "EXCLUSIVE", "INVERSE", "PROPOSITION", "Entry", "Group", "Groups", "gather"]

Chain = tuple[str, ...]

PROPOSITION = "proposition"
"""A group of one proposition's claims: NEGATION and QUANTITY."""
EXCLUSIVE = "exclusive"
"""A group of one functional key's claims (predicate, subject): EXCLUSIVE."""
INVERSE = "inverse"
"""A group of one inverse-functional key's claims (predicate, object): EXCLUSIVE."""
CONTRARY = "contrary"
"""A group of the claims of contrary predicates about one subject and object: CONTRARY."""


class Entry(NamedTuple):
    """One row in a group: an assertion's own claim, or one it implies (``chain`` not empty).

    Attributes:
        aid: the number of the assertion it belongs to.
        period: when it holds.
        affirmed: its polarity.
        certain: whether it is stated as CERTAIN.
        subject: its subject (for a symmetric predicate, in the orientation of this group).
        predicate: its predicate (for an implied claim, the implied predicate).
        object: its object.
        scope: qualifiers, place and content.
        quantity: its quantity (an implied claim has none).
        chain: for an implied claim, the predicates from the stated one to this one.
    """

    aid: int
    period: Period
    affirmed: bool
    certain: bool
    subject: str
    predicate: str
    object: str | None
    scope: Scope
    quantity: Quantity | None
    chain: Chain


class Group(NamedTuple):
    """Entries that may clash, and which test to run on them.

    Attributes:
        test: :data:`PROPOSITION`, :data:`EXCLUSIVE`, :data:`INVERSE` or :data:`CONTRARY`.
        entries: the rows.
        contraries: for a CONTRARY group, each predicate's contrary predicates.
    """

    test: str
    entries: list[Entry]
    contraries: Mapping[str, frozenset[str]] | None = None


@attrs.define
class Groups:
    """What :func:`gather` hands on: the groups, and the rows carried forward for findings.

    Attributes:
        groups: the groups that may hold a clash, each for one pure function.
        rows: the numbered assertions (findings read their sources and sides).
    """

    groups: list[Group]
    rows: Rows


def gather(rows: Rows, vocabulary: Vocabulary, *, entailed: bool) -> Groups:
    """Put the rows in buckets, and keep the groups that may hold a clash.

    Args:
        rows: the numbered assertions.
        vocabulary: what the predicates mean.
        entailed: whether to add the claims assertions imply (the ENTAILED rule).

    Returns:
        The groups, with the rows carried forward.
    """
    buckets = bucket(rows, vocabulary, entailed=entailed)
    return Groups(list(_groups(rows, buckets, vocabulary)), rows)


def _groups(rows: Rows, buckets: Buckets, vocabulary: Vocabulary) -> Iterator[Group]:
    claims, said_by = rows.claims, rows.statements
    affirmed, negated = buckets.affirmed, buckets.negated
    timeless = {name for name, p in buckets.profiles.items() if p is not None and p.timeless}
    implied_by = implying(buckets)

    def entries(raws: Sequence[int | Raw]) -> list[Entry]:
        return _entries(rows, buckets, raws)

    for key, denials in negated.items():
        claimed = affirmed.get(key)
        sources = implied_by.get(key[1])
        implied = implied_at(buckets, key, sources) if sources else []
        if claimed is None and not implied:
            continue
        group: list[int | Raw] = [
            *implied,
            *(denials if isinstance(denials, list) else (denials,)),
            *(() if claimed is None else claimed if isinstance(claimed, list) else (claimed,)),
        ]
        if may_meet(group, claims, said_by, timeless):
            yield Group(PROPOSITION, entries(group))
    for key, counted in buckets.counted.items():
        # A bucket of one entry is that entry, not a list: only lists hold two or more.
        if (
            isinstance(counted, list)
            and key not in negated  # else kept just above
            and may_meet(counted, claims, said_by, timeless)
        ):
            yield Group(PROPOSITION, entries(counted))
    for functional in buckets.functional.values():
        if (
            isinstance(functional, list)
            and _differ(functional, claims, subjects=False)
            and may_meet(functional, claims, said_by, timeless)
        ):
            yield Group(EXCLUSIVE, entries(functional))
    for inverse in buckets.inverse.values():
        if (
            isinstance(inverse, list)
            and _differ(inverse, claims, subjects=True)
            and may_meet(inverse, claims, said_by, timeless)
        ):
            yield Group(INVERSE, entries(inverse))
    if buckets.contrary:
        contraries = {
            name: vocabulary.contraries(name)
            for name, profile in buckets.profiles.items()
            if profile is not None and profile.contrary
        }
        for one, other in contrary_pairs(buckets, contraries):
            group = [
                *(one if isinstance(one, list) else (one,)),
                *(other if isinstance(other, list) else (other,)),
            ]
            if may_meet(group, claims, said_by, timeless):
                yield Group(CONTRARY, entries(group), contraries)


def _entries(rows: Rows, buckets: Buckets, raws: Sequence[int | Raw]) -> list[Entry]:
    """A group's entries, with their periods and scopes.

    The inner loop of the sweeps' preparation: the entries are made without their Python
    constructor. A period is computed afresh for each entry: most assertions are in one group
    only, so remembering periods costs more than it saves.
    """
    entries = []
    claims, said_by, profiles = rows.claims, rows.statements, buckets.profiles
    certain, affirmed_polarity, make = Modality.CERTAIN, Polarity.AFFIRMED, tuple.__new__
    chain: tuple[str, ...]
    for item in raws:
        if isinstance(item, int):  # a stated claim, in its own orientation
            aid = item
            claim = claims[aid]
            name, subject, obj, chain = claim.predicate, claim.subject, claim.object, ()
        else:
            aid, name, subject, obj, chain = item
            claim = claims[aid]
        if not claim.qualifiers and claim.where is None and claim.content is None:
            scope = BROADEST  # most claims: no need to build a scope each
        elif chain:
            profile = profiles[name]
            scope = Scope.of(claim, reporting=profile is not None and profile.reporting)
        else:
            scope = Scope.of(claim)
        if chain:
            affirmed, quantity = True, None
        else:
            affirmed, quantity = claim.polarity is affirmed_polarity, claim.quantity
        period = claim_period(claim, said_by[aid], profiles[claim.predicate])
        entries.append(
            make(
                Entry,
                (
                    aid,
                    period,
                    affirmed,
                    claim.modality is certain,
                    subject,
                    name,
                    obj,
                    scope,
                    quantity,
                    chain,
                ),
            )
        )
    return entries


def _differ(bucket: Sequence[int | Raw], claims: Sequence[Claim], *, subjects: bool) -> bool:
    """Whether an exclusive bucket holds two different objects (subjects).

    Otherwise the sweep finds nothing in it.
    """
    seen: set[str | None] = set()
    for item in bucket:
        if isinstance(item, int):
            claim = claims[item]
            seen.add(claim.subject if subjects else claim.object)
        else:
            seen.add(item[2] if subjects else item[3])
        if len(seen) > 1:
            return True
    return False
