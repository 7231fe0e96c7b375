"""What the checker knows of each predicate, and the period each claim is about.

A :class:`Profile` is looked up once per predicate per check (:func:`profile_of`); the period of
a claim comes from its ``when``, or for a timeless predicate all time, or else the day its
statement was made (:func:`period_span`, and :func:`claim_period` for the checker's inner loop).
:func:`may_meet` tells, from the periods alone, whether a group of claims may hold a clash.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..claims import Claim
from ..rules import Period
from ..statements import Statement
from ..timespans import TimeSpan
from ..vocabulary import Predicate, Vocabulary

if TYPE_CHECKING:  # _bucketing imports this module
    from ._bucketing import Raw

__all__ = [
    "Implication",
    "Profile",
    "claim_period",
    "looked_up",
    "may_meet",
    "period_span",
    "profile_of",
]

_ALWAYS = TimeSpan.always()


class Profile(NamedTuple):
    """What the checker needs to know of one predicate, looked up once per check.

    ``simple`` is true when the predicate needs nothing but its proposition bucket (it is not
    symmetric, functional, inverse-functional or contrary, and implies nothing). ``leads`` is
    true when it has a contrary whose name sorts after its own: CONTRARY looks up the buckets of
    its contraries from its buckets (from one side of each pair only). ``more`` is true when an
    affirmed claim of it needs more than its proposition bucket: it is exclusive, or implies
    claims that are put in buckets (see
    :meth:`~diplostatements.checker._bucketing.Buckets.implied`), or is lifted to the wholes of
    its subject's parts. ``lifts`` are the chains from it to each distributive predicate it is
    or implies (``(name,)`` for itself): an affirmed claim about a part is lifted along them to
    each whole of the part (:mod:`~diplostatements.checker._bucketing`).
    """

    simple: bool
    symmetric: bool
    functional: bool
    inverse_functional: bool
    contrary: bool
    leads: bool
    more: bool
    reporting: bool
    timeless: bool
    chains: tuple[tuple[str, ...], ...]
    lifts: tuple[tuple[str, ...], ...] = ()


class Implication(NamedTuple):
    """One predicate that a claim of another implies.

    ``mirror`` is true when the implying predicate is symmetric and the implied one is not: the
    claim then implies both orientations.
    """

    name: str
    chain: tuple[str, ...]
    profile: Profile
    mirror: bool


def period_span(claim: Claim, statement: Statement, profile: Profile | None) -> TimeSpan:
    """The period a claim is about.

    Its ``when``; for a timeless predicate without one, all time; otherwise the day the
    statement was made.
    """
    if claim.when is not None:
        return claim.when
    if profile is not None and profile.timeless:
        return _ALWAYS
    return statement.said_on


def claim_period(claim: Claim, statement: Statement, profile: Profile | None) -> Period:
    """The :class:`~diplostatements.rules.Period` of :func:`period_span`, in one call.

    The same as ``period_of(period_span(claim, statement, profile).ordinals())``, written out for
    the checker's inner loop, where those three calls cost more than the arithmetic.
    """
    span = claim.when
    if span is None:
        span = _ALWAYS if profile is not None and profile.timeless else statement.said_on
    # Most spans are one day, their four fields the same date object: read it once.
    first, latest, earliest, last = (
        span.start_earliest,
        span.start_latest,
        span.end_earliest,
        span.end_latest,
    )
    start = first.toordinal()
    end = start if last is first else last.toordinal()
    last_start = start if latest is first else end if latest is last else latest.toordinal()
    first_end = start if earliest is first else end if earliest is last else earliest.toordinal()
    return _new(
        Period,
        (
            start,
            last_start if last_start < end else end,
            first_end if first_end > start else start,
            end,
        ),
    )


_new = tuple.__new__


def may_meet(
    group: Sequence[int | Raw],
    claims: Sequence[Claim],
    said_by: Sequence[Statement],
    timeless: Container[str],
) -> bool:
    """Whether the periods of two of a group's entries may overlap.

    The prefilter before the pure functions. Every rule needs two periods that may overlap, so a
    group where no two may finds nothing, and is skipped without building its entries. Only the
    first and last day of each period are read (the ``start`` and ``end`` of its
    :class:`~diplostatements.rules.Period`, as dates) and compared as the sweeps compare them:
    every group in which a sweep would pair two entries is kept (and some where the pure
    function then finds nothing). A claim of a timeless predicate without a ``when`` holds at all
    times: its group is kept.

    Args:
        group: bucket entries (assertion numbers, or
            :data:`~diplostatements.checker._bucketing.Raw` tuples).
        claims: each assertion's claim, by number.
        said_by: each assertion's statement, by number.
        timeless: the names of the timeless predicates.
    """
    spans = []
    for item in group:
        aid = item if isinstance(item, int) else item[0]
        claim = claims[aid]
        span = claim.when
        if span is None:
            if claim.predicate in timeless:
                return True
            span = said_by[aid].said_on
        # Dates compare as their ordinals do, in C: no need to compute those.
        spans.append((span.start_earliest, span.end_latest))
    if len(spans) == 2:  # most groups
        (first, last), (other_first, other_last) = spans
        return first <= other_last and other_first <= last
    # Sorted by first day: two periods may overlap if and only if one starts no later than the
    # last day of those sorted before it.
    spans.sort()
    reach = spans[0][1]
    for first, last in spans[1:]:
        if first <= reach:
            return True
        reach = max(reach, last)
    return False


def profile_of(vocabulary: Vocabulary, name: str, *, parts: bool = False) -> Profile | None:
    """The profile of a predicate, or ``None`` if the vocabulary does not know it.

    With ``parts`` (the set holds part-of links), a distributive predicate, or one implying a
    distributive predicate, needs more than its proposition bucket: its claims are lifted.
    """
    predicate = vocabulary.get(name)
    if predicate is None:
        return None
    chains = vocabulary.implications(name)
    special = (
        predicate.symmetric,
        predicate.functional,
        predicate.inverse_functional,
        bool(predicate.contrary),
    )
    lifts = (
        tuple(chain for chain in ((name,), *chains) if vocabulary[chain[-1]].distributive)
        if parts
        else ()
    )
    return Profile(
        not (any(special) or chains or lifts),
        *special,
        any(other > name for other in predicate.contrary),
        bool(
            predicate.functional
            or predicate.inverse_functional
            or lifts
            or any(_stored_when_implied(vocabulary[chain[-1]]) for chain in chains)
        ),
        predicate.reporting,
        predicate.timeless,
        chains,
        lifts,
    )


def _stored_when_implied(predicate: Predicate) -> bool:
    """Whether implied claims of this predicate are put in buckets (not :func:`looked_up`)."""
    return bool(predicate.contrary or predicate.functional or predicate.inverse_functional)


def looked_up(implied: Profile) -> bool:
    """Whether implied claims of this predicate are found from the negated claims' side.

    An implied claim is affirmed and has no quantity: unless its predicate is exclusive or
    contrary, it can clash only with a negated claim of its own key.
    """
    return not (implied.contrary or implied.functional or implied.inverse_functional)
