"""What the checker knows of each predicate, and the period each claim is about.

A :class:`Profile` is looked up once per predicate per check (:func:`profile_of`); the period of
a claim comes from its ``when``, or for a timeless predicate all time, or else the day its
statement was made (:func:`period_span`, and :func:`claim_period` for the checker's inner loop).
"""

from __future__ import annotations

from typing import NamedTuple

from .claims import Claim
from .rules import Period
from .statements import Statement
from .timespans import TimeSpan
from .vocabulary import Predicate, Vocabulary

__all__ = [
    "Implication",
    "Profile",
    "claim_period",
    "looked_up",
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
    claims that are put in buckets (see :meth:`Gathered.implied`).
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


def profile_of(vocabulary: Vocabulary, name: str) -> Profile | None:
    """The profile of a predicate, or ``None`` if the vocabulary does not know it."""
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
    return Profile(
        not (any(special) or chains),
        *special,
        any(other > name for other in predicate.contrary),
        bool(
            predicate.functional
            or predicate.inverse_functional
            or any(_stored_when_implied(vocabulary[chain[-1]]) for chain in chains)
        ),
        predicate.reporting,
        predicate.timeless,
        chains,
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
