"""The checker's rules, and the pure tests that decide whether two claims clash.

A :class:`Rule` names the kind of a finding. Listed from the most specific to the least, which is
also the order that decides a pair matched by several rules:

================ ===================================================================================
rule             two assertions clash when...
================ ===================================================================================
``DENIAL``       one is the negation a contradicting rebuttal implies, and the other is its target
``NEGATION``     same proposition, opposite polarity, the negation no narrower than the affirmation
``EXCLUSIVE``    a functional predicate with two objects (inverse-functional: two subjects)
``CONTRARY``     two predicates declared contrary, same subject and object
``QUANTITY``     same proposition and scope, quantities that cannot both be right
``ENTAILED``     one of the above holds between what the claims imply (the chain is in ``via``)
``ATTRIBUTION``  one attributes content to a side ("Russia told us it withdrew") whose own
                 assertion the content clashes with under one of the above
================ ===================================================================================

Every rule needs periods that may overlap. The functions below are the tests themselves, on plain
values, so that the checker, a test or a distributed engine apply exactly the same conditions.

>>> scope = Scope(frozenset({"official"}), None, None)
>>> covers(BROADEST, scope), covers(scope, BROADEST)
(True, False)
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from .claims import Claim
from .quantities import Quantity
from .timespans import Overlap

__all__ = [
    "ALL_RULES",
    "ATTRIBUTION",
    "BROADEST",
    "CONTRARY",
    "DENIAL",
    "ENTAILED",
    "EXCLUSIVE",
    "NEGATION",
    "QUANTITY",
    "Period",
    "Rule",
    "Scope",
    "comparable",
    "covers",
    "definite",
    "negation_clash",
    "orient",
    "overlap",
    "period_of",
    "quantity_clash",
]


class Rule(enum.Enum):
    """The kind of a contradiction; members are listed from the most specific to the least."""

    DENIAL = "denial"
    """A contradicting rebuttal (denial, correction, dismissal, retraction) against its target."""
    NEGATION = "negation"
    """The same proposition affirmed and negated."""
    EXCLUSIVE = "exclusive"
    """A functional (inverse-functional) predicate with two different objects (subjects)."""
    CONTRARY = "contrary"
    """Two predicates declared contrary, for the same subject and object."""
    QUANTITY = "quantity"
    """The same proposition with quantities that cannot both be right."""
    ENTAILED = "entailed"
    """A claim contradicts what another implies, through the vocabulary's ``implies``."""
    ATTRIBUTION = "attribution"
    """Content attributed to a side ("Russia told us that...") that the side's own words deny."""

    @property
    def rank(self) -> int:
        """0 for the most specific kind (DENIAL) up to 6 (ATTRIBUTION); the lowest rank wins.

        >>> min([ENTAILED, NEGATION], key=lambda rule: rule.rank)
        <Rule.NEGATION: 'negation'>
        """
        return _RANKS[self]


_RANKS = {rule: rank for rank, rule in enumerate(Rule)}

DENIAL = Rule.DENIAL
NEGATION = Rule.NEGATION
EXCLUSIVE = Rule.EXCLUSIVE
CONTRARY = Rule.CONTRARY
QUANTITY = Rule.QUANTITY
ENTAILED = Rule.ENTAILED
ATTRIBUTION = Rule.ATTRIBUTION
ALL_RULES: frozenset[Rule] = frozenset(Rule)
"""Every rule: what :func:`~diplostatements.check` applies unless told otherwise."""


class Scope(NamedTuple):
    """What narrows a proposition beyond subject, predicate and object.

    A claim with more qualifiers, a place, or a reported content is narrower than one without:
    "an official message about P" implies "a message". ``where`` and ``content`` are ``None``
    when the claim does not narrow by them.
    """

    qualifiers: frozenset[str]
    where: str | None
    content: Claim | None

    @classmethod
    def of(cls, claim: Claim, *, reporting: bool = True) -> Scope:
        """The scope of a claim.

        ``reporting=False`` drops the content: an implied claim of a predicate that reports
        nothing has none.
        """
        return cls(claim.qualifiers, claim.where, claim.content if reporting else None)


BROADEST = Scope(frozenset(), None, None)
"""The scope of a claim narrowed by nothing."""


class Period(NamedTuple):
    """A claim's period as day ordinals, reduced to what decides an overlap.

    ``start`` is the first day any reading may touch and ``end`` the last; ``last_start`` is the
    latest a reading may start and ``first_end`` the earliest it may end (a reading never ends
    before it starts). Build one with :func:`period_of`.
    """

    start: int
    last_start: int
    first_end: int
    end: int


def period_of(ordinals: tuple[int, int, int, int]) -> Period:
    """The :class:`Period` of a time span given by its :meth:`~TimeSpan.ordinals`.

    >>> from datetime import date
    >>> from diplostatements.timespans import TimeSpan
    >>> p = period_of(TimeSpan.sometime_in(2019, 3).ordinals())
    >>> date.fromordinal(p.last_start), date.fromordinal(p.first_end)
    (datetime.date(2019, 3, 31), datetime.date(2019, 3, 1))
    """
    start, start_latest, end_earliest, end = ordinals
    return Period(start, min(start_latest, end), max(end_earliest, start), end)


def overlap(a: Period, b: Period) -> Overlap:
    """How surely two periods meet: the same answer as :meth:`TimeSpan.overlap`.

    >>> from datetime import date
    >>> from diplostatements.timespans import TimeSpan
    >>> march = period_of(TimeSpan.sometime_in(2019, 3).ordinals())
    >>> spring = period_of(TimeSpan.between(date(2019, 3, 1), date(2019, 5, 31)).ordinals())
    >>> mid_march = period_of(TimeSpan.between(date(2019, 3, 10), date(2019, 3, 20)).ordinals())
    >>> overlap(march, spring), overlap(march, mid_march)
    (<Overlap.DEFINITE: 'definite'>, <Overlap.POSSIBLE: 'possible'>)
    """
    if a.start > b.end or b.start > a.end:
        return Overlap.NONE
    if a.last_start <= b.first_end and b.last_start <= a.first_end:
        return Overlap.DEFINITE
    return Overlap.POSSIBLE


def definite(a: Period, b: Period, *, certain: bool) -> bool:
    """Whether a clash between claims over these periods is DEFINITE.

    Args:
        a: one claim's period.
        b: the other's.
        certain: whether both claims (for a rebuttal's implied negation: the rebuttal) are
            stated as CERTAIN.
    """
    return certain and overlap(a, b) is Overlap.DEFINITE


def orient(subject: str, object: str | None, *, symmetric: bool) -> tuple[str, str | None]:
    """Subject and object in a canonical order: sorted for a symmetric predicate.

    >>> orient("VEN", "RUS", symmetric=True), orient("VEN", "RUS", symmetric=False)
    (('RUS', 'VEN'), ('VEN', 'RUS'))
    """
    if symmetric and object is not None and object < subject:
        return object, subject
    return subject, object


def covers(broad: Scope, narrow: Scope) -> bool:
    """Whether ``narrow`` is at least as narrow as ``broad``.

    That is, every claim of ``narrow`` is one of ``broad``: its qualifiers include ``broad``'s,
    and ``broad``'s place and content, if any, are its own.
    """
    return (
        broad.qualifiers <= narrow.qualifiers
        and (broad.where is None or broad.where == narrow.where)
        and (broad.content is None or broad.content == narrow.content)
    )


def comparable(a: Scope, b: Scope) -> bool:
    """Whether one scope covers the other.

    "Military support" and "support" are comparable; "military support" and "economic support"
    are not.

    >>> military = Scope(frozenset({"military"}), None, None)
    >>> economic = Scope(frozenset({"economic"}), None, None)
    >>> comparable(military, BROADEST), comparable(military, economic)
    (True, False)
    """
    return covers(a, b) or covers(b, a)


def negation_clash(
    negated: Scope,
    negated_quantity: Quantity | None,
    affirmed: Scope,
    affirmed_quantity: Quantity | None,
) -> bool:
    """Whether a negated claim denies an affirmed claim of the same proposition.

    A negation clashes with every affirmation at least as narrow as itself: "no messages" denies
    "an official message", "no official messages" does not deny "a message". A negated quantity
    ("not about 1,000") denies only an affirmed quantity of the same unit inside it.

    >>> official = Scope(frozenset({"official"}), None, None)
    >>> negation_clash(BROADEST, None, official, None)
    True
    >>> negation_clash(official, None, BROADEST, None)
    False
    """
    if not covers(negated, affirmed):
        return False
    if negated_quantity is None:
        return True
    return affirmed_quantity is not None and negated_quantity.contains(affirmed_quantity)


def quantity_clash(
    a: Scope, a_quantity: Quantity | None, b: Scope, b_quantity: Quantity | None
) -> bool:
    """Whether two affirmed claims of the same proposition disagree on how many.

    Only the same scope and the same unit compare: "about 1,000" and "a few dozen" clash;
    "most" (a share) and "a few dozen" (a count) do not.

    >>> quantity_clash(BROADEST, Quantity.about(1000), BROADEST, Quantity(24, 60))
    True
    """
    if a_quantity is None or b_quantity is None or a != b:
        return False
    return a_quantity.unit == b_quantity.unit and not a_quantity.compatible(b_quantity)
