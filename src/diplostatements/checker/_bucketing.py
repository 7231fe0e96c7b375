"""Rows into buckets: the assertions, what they imply, and their keys.

Each assertion (a :class:`~diplostatements.checker.rows.Rows` number) gets:

- one entry in a *proposition* bucket, by the key ``(subject, predicate, object)`` (sorted subject
  and object for a symmetric predicate): among the *affirmed* buckets or the *negated* ones, so
  that only the keys held by both are compared for NEGATION, without reading the claims of the
  others; an affirmed claim with a quantity also goes in the *counted* bucket of its key (QUANTITY);
- if affirmed, entries in the *exclusive* buckets of a functional or inverse-functional predicate
  (a claim of a symmetric predicate stands for itself and its mirror, so it goes in both
  orientations);
- if affirmed and the predicate implies others, the same entries for each implied claim, tagged
  with the chain of implications; except that an implied claim of a predicate neither exclusive
  nor contrary is not put in a proposition bucket: it can clash only with a negated claim of its
  key, so it is looked up from each negated claim
  (:func:`~diplostatements.checker._lookups.implied_at`).

CONTRARY needs no buckets of its own: the keys of the affirmed buckets of predicates that have
contraries are listed (:attr:`Buckets.contrary`; only from one predicate of each contrary pair),
and the affirmed buckets of its contraries with the same subject and object are looked up.

Buckets hold compact tuples (:data:`Raw`), or bare assertion numbers; a bucket of one entry is
that entry itself, not a list (most buckets hold one entry: a list each would cost a tenth of a
gigabyte on a million claims).
"""

from __future__ import annotations

from typing import TypeVar

import attrs

from ..claims import Claim, Polarity
from ..rules import orient
from ..timespans import TimeSpan
from ..vocabulary import Vocabulary
from ._profiles import Implication, Profile, looked_up, period_span, profile_of
from .rows import Rows

__all__ = ["Bucket", "Buckets", "Key", "Raw", "bucket"]

K = TypeVar("K", bound=tuple[str | None, ...])

Key = tuple[str, str, "str | None"]
"""A proposition key: ``(subject, predicate, object)``, sorted for a symmetric predicate."""

Raw = tuple[int, str, str, "str | None", tuple[str, ...]]
"""``(assertion number, predicate, subject, object, chain)`` of one bucket entry."""

Bucket = int | Raw | list[int | Raw]
"""One entry (a bare number or a :data:`Raw` tuple), or a list of two or more."""


@attrs.define
class Buckets:
    """Everything :func:`bucket` found; see the module docstring.

    A proposition bucket holds a bare number for a stated claim, a :data:`Raw` tuple for an
    implied one; an exclusive bucket, also a :data:`Raw` tuple for a stated claim in its mirrored
    orientation.
    """

    affirmed: dict[Key, Bucket] = attrs.field(factory=dict)
    negated: dict[Key, Bucket] = attrs.field(factory=dict)
    counted: dict[Key, Bucket] = attrs.field(factory=dict)
    functional: dict[tuple[str, str], Bucket] = attrs.field(factory=dict)
    inverse: dict[tuple[str, str], Bucket] = attrs.field(factory=dict)
    contrary: list[Key] = attrs.field(factory=list)
    profiles: dict[str, Profile | None] = attrs.field(factory=dict)
    implications: dict[str, tuple[Implication, ...]] = attrs.field(factory=dict)
    entailed: bool = False
    lifter: _Lifter | None = None

    def implied(
        self, vocabulary: Vocabulary, name: str, profile: Profile
    ) -> tuple[Implication, ...]:
        """What an affirmed claim of a predicate implies and must be put in buckets for.

        That is the implied predicates that are exclusive or contrary (looked up once). The
        others can clash only with a negated claim of the implied key, and are found from that
        side: see :func:`~diplostatements.checker._lookups.implied_at`.
        """
        try:
            return self.implications[name]
        except KeyError:
            found = []
            for chain in profile.chains:
                implied_profile = self.profile(vocabulary, chain[-1])
                assert implied_profile is not None  # a vocabulary implies only what it holds
                if looked_up(implied_profile):
                    continue
                # A symmetric claim implies its mirror's implications too; a symmetric implied
                # predicate needs no mirroring (its proposition key is oriented already).
                mirror = profile.symmetric and not implied_profile.symmetric
                found.append(Implication(chain[-1], chain, implied_profile, mirror))
            implications = self.implications[name] = tuple(found)
            return implications

    def profile(self, vocabulary: Vocabulary, name: str) -> Profile | None:
        """The profile of a predicate (looked up once)."""
        try:
            return self.profiles[name]
        except KeyError:
            profile = self.profiles[name] = profile_of(
                vocabulary, name, parts=self.lifter is not None
            )
            return profile


class _Lifter:
    """The wholes of the parts claims are about, looked up once per part and period.

    A distributive claim about a part holds of each whole the part belongs to over the claim's
    period (the set's :meth:`~diplostatements.StatementSet.wholes_of`), with the part-of steps
    ("53rd-brigade part of rus-forces") added to its chain.
    """

    def __init__(self, rows: Rows, vocabulary: Vocabulary) -> None:
        assert rows.wholes is not None  # made only for a set with part-of links
        self.wholes_of = rows.wholes
        self.parts = rows.parts
        self.rows = rows
        self.vocabulary = vocabulary
        self.known: dict[tuple[str, TimeSpan], list[tuple[str, tuple[str, ...]]]] = {}

    def wholes(self, aid: int, part: str) -> list[tuple[str, tuple[str, ...]]]:
        """Each whole of ``part`` over assertion ``aid``'s period, with the steps to it."""
        if part not in self.parts:
            return []
        claim, statement = self.rows.claims[aid], self.rows.statements[aid]
        span = period_span(claim, statement, profile_of(self.vocabulary, claim.predicate))
        known = self.known.get((part, span))
        if known is None:
            known = self.known[part, span] = [
                (whole, tuple(f"{link.part} part of {link.whole}" for link in links))
                for whole, links in self.wholes_of(part, span).items()
            ]
        return known


def bucket(rows: Rows, vocabulary: Vocabulary, *, entailed: bool) -> Buckets:  # noqa: PLR0912
    """Put the numbered assertions in buckets.

    Args:
        rows: the assertions.
        vocabulary: what the predicates mean.
        entailed: whether to add the claims assertions imply (the ENTAILED rule).

    Returns:
        The buckets.
    """
    found = Buckets(entailed=entailed)
    lifting = entailed and rows.wholes is not None
    if lifting:
        found.lifter = _Lifter(rows, vocabulary)
    # The hot loop: one pass over every stated claim. A predicate that needs nothing but its
    # proposition bucket costs one key and one insertion, close to the floor of PERFORMANCE.md.
    # The proposition bucket is filled inline, for every claim (as in _put); only an affirmed
    # claim with a quantity, or of a predicate that needs more than that bucket (Profile.more),
    # calls out. The loop avoids calls where a subscript or an operator does (``in``, ``[]``):
    # on a set that fits in the cache, calls are most of its cost.
    positive, negative, profiles = found.affirmed, found.negated, found.profiles
    listed = found.contrary
    affirmed = Polarity.AFFIRMED
    # Each predicate's profile, or None for one that needs nothing but its proposition bucket
    # (a simple or undeclared predicate).
    plain: dict[str, Profile | None] = {}
    claims = rows.claims
    for aid in range(rows.stated):
        claim = claims[aid]
        name, subject, obj = claim.predicate, claim.subject, claim.object
        try:
            profile = plain[name]
        except KeyError:
            declared = profiles[name] = profile_of(vocabulary, name, parts=lifting)
            profile = plain[name] = None if declared is None or declared.simple else declared
        if profile is None:
            key = (subject, name, obj)
        elif profile.symmetric and obj is not None and obj < subject:
            key = (obj, name, subject)
        else:
            key = (subject, name, obj)
        if claim.polarity is affirmed:
            if key in positive:
                held = positive[key]
                if isinstance(held, list):
                    held.append(aid)
                else:
                    positive[key] = [held, aid]
            else:
                positive[key] = aid
                if profile is not None and profile.leads:
                    listed.append(key)
            if claim.quantity is not None:
                _append(found.counted, key, aid)
            if profile is not None and profile.more:
                _affirmed(found, vocabulary, aid, claim, profile)
        elif key in negative:  # _append, inlined like the affirmed bucket's above
            held = negative[key]
            if isinstance(held, list):
                held.append(aid)
            else:
                negative[key] = [held, aid]
        else:
            negative[key] = aid
    # The implied negations, numbered after the stated claims, then attributed content.
    for aid in (*rows.denied, *rows.attributed):
        claim = claims[aid]
        _put(found, vocabulary, aid, claim, found.profile(vocabulary, claim.predicate))
    return found


def _put(
    found: Buckets,
    vocabulary: Vocabulary,
    aid: int,
    claim: Claim,
    profile: Profile | None,
) -> None:
    """Put a stated claim in its proposition bucket and, if affirmed, its other buckets."""
    name, subject, obj = claim.predicate, claim.subject, claim.object
    symmetric = profile is not None and profile.symmetric
    first, second = orient(subject, obj, symmetric=symmetric)
    key = (first, name, second)
    if claim.polarity is not Polarity.AFFIRMED:
        _append(found.negated, key, aid)
        return
    _add_affirmed(found, key, aid, profile)
    if claim.quantity is not None:
        _append(found.counted, key, aid)
    if profile is not None and profile.more:
        _affirmed(found, vocabulary, aid, claim, profile)


def _add_affirmed(found: Buckets, key: Key, item: int | Raw, profile: Profile | None) -> None:
    """Put an affirmed claim in its proposition bucket; list its key if CONTRARY starts there."""
    if key not in found.affirmed and profile is not None and profile.leads:
        found.contrary.append(key)
    _append(found.affirmed, key, item)


def _affirmed(
    found: Buckets,
    vocabulary: Vocabulary,
    aid: int,
    claim: Claim,
    profile: Profile,
) -> None:
    """Put an affirmed claim of a declared predicate in its other buckets, with its implications."""
    name, subject, obj = claim.predicate, claim.subject, claim.object
    if obj is not None and (profile.functional or profile.inverse_functional):
        if profile.symmetric:
            _exclusive(found, (aid, name, subject, obj, ()), profile)
        else:  # _exclusive, inlined for the common case: one orientation, a bare number
            if profile.functional:
                _append(found.functional, (name, subject), aid)
            if profile.inverse_functional:
                _append(found.inverse, (name, obj), aid)
    if found.entailed and profile.chains:
        _implied(found, vocabulary, aid, claim, profile)
    if found.lifter is not None and profile.lifts:
        _lifted(found, vocabulary, aid, claim, profile)


def _lifted(
    found: Buckets, vocabulary: Vocabulary, aid: int, claim: Claim, profile: Profile
) -> None:
    """Put the claims an affirmed claim about a part implies of each whole, with their chains.

    For each distributive predicate the claim has or implies, in each orientation the claim
    stands for (both for a symmetric predicate, stated or implied), the subject is replaced by
    each of its wholes.
    """
    lifter = found.lifter
    assert lifter is not None  # called only when lifting
    name, subject, obj = claim.predicate, claim.subject, claim.object
    affirmed, listed = found.affirmed, found.contrary
    for chain in profile.lifts:
        lifted = chain[-1]
        lifted_profile = found.profile(vocabulary, lifted)
        assert lifted_profile is not None  # a vocabulary implies only what it holds
        mirrored = profile.symmetric or (lifted != name and lifted_profile.symmetric)
        for part, other in _orientations(subject, obj, mirror=mirrored):
            for whole, steps in lifter.wholes(aid, part):
                raw: Raw = (aid, lifted, whole, other, (*chain, *steps))
                key: Key = (whole, lifted, other)
                if lifted_profile.symmetric and other is not None and other < whole:
                    key = (other, lifted, whole)
                if key not in affirmed and lifted_profile.leads:
                    listed.append(key)
                _append(affirmed, key, raw)
                if lifted_profile.functional or lifted_profile.inverse_functional:
                    _exclusive(found, raw, lifted_profile)


def _implied(
    found: Buckets, vocabulary: Vocabulary, aid: int, claim: Claim, profile: Profile
) -> None:
    """Put what an affirmed claim implies in the buckets, each implied claim with its chain."""
    name, subject, obj = claim.predicate, claim.subject, claim.object
    # What _add_affirmed and orient do, inlined: a claim may imply several others.
    affirmed, listed = found.affirmed, found.contrary
    for implied, chain, implied_profile, mirror in found.implied(vocabulary, name, profile):
        raw: Raw = (aid, implied, subject, obj, chain)
        raws: tuple[Raw, ...] = (
            (raw, (aid, implied, obj, subject, chain))
            if mirror and obj is not None and obj != subject
            else (raw,)
        )
        for raw in raws:
            s, o = raw[2], raw[3]
            if implied_profile.symmetric and o is not None and o < s:
                key: Key = (o, implied, s)
            else:
                key = (s, implied, o)
            if key in affirmed:
                bucket = affirmed[key]
                if isinstance(bucket, list):
                    bucket.append(raw)
                else:
                    affirmed[key] = [bucket, raw]
            else:
                affirmed[key] = raw
                if implied_profile.leads:
                    listed.append(key)
            if implied_profile.functional or implied_profile.inverse_functional:
                _exclusive(found, raw, implied_profile)


def _orientations(
    subject: str, obj: str | None, *, mirror: bool
) -> tuple[tuple[str, str | None], ...]:
    if mirror and obj is not None and obj != subject:
        return ((subject, obj), (obj, subject))
    return ((subject, obj),)


def _exclusive(found: Buckets, raw: Raw, profile: Profile) -> None:
    """Put an affirmed claim in its exclusive buckets, in each orientation."""
    if not (profile.functional or profile.inverse_functional):
        return
    aid, name, subject, obj, chain = raw
    for s, o in _orientations(subject, obj, mirror=profile.symmetric):
        # A stated claim in its own orientation goes in as its bare number.
        item: int | Raw = aid if not chain and s == subject else (aid, name, s, o, chain)
        if o is not None:
            if profile.functional:
                _append(found.functional, (name, s), item)
            if profile.inverse_functional:
                _append(found.inverse, (name, o), item)


def _append(buckets: dict[K, Bucket], key: K, item: int | Raw) -> None:
    # A bucket of one entry is the entry; the second makes it a list.
    bucket = buckets.get(key)
    if bucket is None:
        buckets[key] = item
    elif isinstance(bucket, list):
        bucket.append(item)
    else:
        buckets[key] = [bucket, item]
