"""From a statement set to buckets: the assertions, what they imply, and their keys.

Assertions are numbered in the order the set stores its statements, which is the cheapest to
read (on a million claims, reading them chronologically instead takes about twice as long: the
objects are visited out of their order in memory). That order depends on how the set was built,
so nothing the checker reports may depend on the numbers: it orders findings by their content.
Each assertion gets:

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
  key, so the checker looks it up from each negated claim
  (:func:`~diplostatements._lookups.implied_at`).

CONTRARY needs no buckets of its own: the keys of the affirmed buckets of predicates that have
contraries are listed (:attr:`Gathered.contrary`; only from one predicate of each contrary pair),
and the checker looks up, for each, the affirmed buckets of its contraries with the same subject
and object.

Buckets hold compact tuples (:data:`Raw`), or bare assertion numbers; a bucket of one entry is
that entry itself, not a list (most buckets hold one entry: a list each would cost a tenth of a
gigabyte on a million claims). The checker turns the groups of bucket entries that may clash
into :class:`~diplostatements._buckets.Entry` lists, computing periods only for those.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, TypeVar

import attrs

from ._profiles import Implication, Profile, looked_up, period_span, profile_of
from .claims import Claim, Polarity
from .collection import StatementSet
from .collection import _statement_key as statement_key
from .rebuttals import ClaimRef, Rebuttal
from .rules import orient
from .statements import Statement
from .vocabulary import Vocabulary

__all__ = [
    "Bucket",
    "Gathered",
    "Key",
    "Raw",
    "Source",
    "gather",
]

K = TypeVar("K", bound=tuple[str | None, ...])

Key = tuple[str, str, "str | None"]
"""A proposition key: ``(subject, predicate, object)``, sorted for a symmetric predicate."""

Raw = tuple[int, str, str, "str | None", tuple[str, ...]]
"""``(assertion number, predicate, subject, object, chain)`` of one bucket entry."""

Bucket = int | Raw | list[int | Raw]
"""One entry (a bare number or a :data:`Raw` tuple), or a list of two or more."""


class Source(NamedTuple):
    """Where an assertion comes from.

    Attributes:
        statement: the statement that asserts it.
        position: the claim's index, or ``None`` for a rebuttal's implied negation.
        claim: the claim asserted.
        denies: for an implied negation, the claim it denies.
        target: for an implied negation, the number of the assertion it denies.
    """

    statement: Statement
    position: int | None
    claim: Claim
    denies: ClaimRef | None = None
    target: int | None = None


@attrs.define
class Gathered:
    """Everything :func:`gather` found; see the module docstring.

    Assertion ``aid`` is ``claims[aid]`` asserted by ``statements[aid]`` (the claims of a
    statement are numbered one after the other); the implied negations of rebuttals come after
    the top-level claims and are listed in ``denied``. A proposition bucket holds a bare number
    for a stated claim, a :data:`Raw` tuple for an implied one; an exclusive bucket, also a
    :data:`Raw` tuple for a stated claim in its mirrored orientation.
    """

    statements: list[Statement] = attrs.field(factory=list)
    claims: list[Claim] = attrs.field(factory=list)
    denied: dict[int, tuple[ClaimRef, int]] = attrs.field(factory=dict)
    rebuttals: list[Rebuttal] = attrs.field(factory=list)
    affirmed: dict[Key, Bucket] = attrs.field(factory=dict)
    negated: dict[Key, Bucket] = attrs.field(factory=dict)
    counted: dict[Key, Bucket] = attrs.field(factory=dict)
    functional: dict[tuple[str, str], Bucket] = attrs.field(factory=dict)
    inverse: dict[tuple[str, str], Bucket] = attrs.field(factory=dict)
    contrary: list[Key] = attrs.field(factory=list)
    profiles: dict[str, Profile | None] = attrs.field(factory=dict)
    implications: dict[str, tuple[Implication, ...]] = attrs.field(factory=dict)
    entailed: bool = False

    def source(self, aid: int) -> Source:
        """Where assertion ``aid`` comes from."""
        statement = self.statements[aid]
        denied = self.denied.get(aid)
        if denied is None:
            # Its claims are numbered one after the other: count back to the first.
            said_by, first = self.statements, aid
            while first and said_by[first - 1] is statement:
                first -= 1
            return Source(statement, aid - first, self.claims[aid])
        return Source(statement, None, self.claims[aid], denied[0], denied[1])

    def implied(
        self, vocabulary: Vocabulary, name: str, profile: Profile
    ) -> tuple[Implication, ...]:
        """What an affirmed claim of a predicate implies and must be put in buckets for.

        That is the implied predicates that are exclusive or contrary (looked up once). The
        others can clash only with a negated claim of the implied key, and are found from that
        side: see :func:`~diplostatements._lookups.implied_at`.
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
            profile = self.profiles[name] = profile_of(vocabulary, name)
            return profile


def gather(  # noqa: PLR0912, PLR0915 -- the hot loop is inlined on purpose
    statements: StatementSet, vocabulary: Vocabulary, *, entailed: bool
) -> Gathered:
    """Number the assertions of ``statements`` and put them in buckets.

    Args:
        statements: the set to check.
        vocabulary: what the predicates mean.
        entailed: whether to add the claims assertions imply (the ENTAILED rule).

    Returns:
        The assertions and buckets.
    """
    found = Gathered(entailed=entailed)
    # The hot loop: one pass over every claim. A predicate that needs nothing but its
    # proposition bucket costs one key and one insertion, close to the floor of PERFORMANCE.md.
    # Nothing is kept per statement (a dict of statement ids would cost more than the buckets):
    # a claim's statement is ``statements[aid]``. The proposition bucket is filled inline, for
    # every claim (as in _put); only an affirmed claim with a quantity, or of a predicate that
    # needs more than that bucket (Profile.more), calls out. The loop avoids calls where a
    # subscript or an operator does (``in``, ``[]``): on a set that fits in the
    # cache, calls are most of its cost.
    said_by, claims = found.statements, found.claims
    positive, negative, profiles = found.affirmed, found.negated, found.profiles
    listed = found.contrary
    affirmed = Polarity.AFFIRMED
    # Each predicate's profile, or None for one that needs nothing but its proposition bucket
    # (a simple or undeclared predicate).
    plain: dict[str, Profile | None] = {}
    # The statements rebuttals target: the number of each one's first claim is noted, for the
    # negations the rebuttals imply.
    rebutted = statements._rebutted()
    found.rebuttals = _rebuttals(statements)
    first_aid: dict[str, int] = {}
    aid = -1
    for statement in statements._stored():
        if statement.id in rebutted:
            first_aid[statement.id] = aid + 1
        for claim in statement.claims:
            aid += 1
            said_by.append(statement)
            claims.append(claim)
            name, subject, obj = claim.predicate, claim.subject, claim.object
            try:
                profile = plain[name]
            except KeyError:
                declared = profiles[name] = profile_of(vocabulary, name)
                profile = plain[name] = None if declared is None or declared.simple else declared
            if profile is None:
                key = (subject, name, obj)
            elif profile.symmetric and obj is not None and obj < subject:
                key = (obj, name, subject)
            else:
                key = (subject, name, obj)
            if claim.polarity is affirmed:
                if key in positive:
                    bucket = positive[key]
                    if isinstance(bucket, list):
                        bucket.append(aid)
                    else:
                        positive[key] = [bucket, aid]
                else:
                    positive[key] = aid
                    if profile is not None and profile.leads:
                        listed.append(key)
                if claim.quantity is not None:
                    _append(found.counted, key, aid)
                if profile is not None and profile.more:
                    _affirmed(found, vocabulary, aid, claim, profile)
            elif key in negative:  # _append, inlined like the affirmed bucket's above
                bucket = negative[key]
                if isinstance(bucket, list):
                    bucket.append(aid)
                else:
                    negative[key] = [bucket, aid]
            else:
                negative[key] = aid
    _add_negations(found, statements, vocabulary, first_aid)
    return found


def _rebuttals(statements: StatementSet) -> list[Rebuttal]:
    """The rebuttals that target statements of the set, in the set's order."""
    stored = statements.statements
    found = {
        id(rebuttal): rebuttal
        for ids in statements._rebutted().values()
        for ident in ids
        if isinstance(rebuttal := stored[ident], Rebuttal)
    }
    return sorted(found.values(), key=statement_key)


def _add_negations(
    found: Gathered,
    statements: StatementSet,
    vocabulary: Vocabulary,
    first_aid: dict[str, int],
) -> None:
    """Number and place the negation each contradicting rebuttal implies of each target."""
    claims = found.claims
    for rebuttal in found.rebuttals:
        if not rebuttal.kind.contradicts:
            continue
        for ref, target in _denied(rebuttal, statements, first_aid):
            aid = len(claims)
            negation = _negation(found, vocabulary, rebuttal, target)
            found.statements.append(rebuttal)
            claims.append(negation)
            found.denied[aid] = (ref, target)
            profile = found.profile(vocabulary, negation.predicate)
            _put(found, vocabulary, aid, negation, profile)


def _denied(
    rebuttal: Rebuttal, statements: StatementSet, first_aid: dict[str, int]
) -> Iterator[tuple[ClaimRef, int]]:
    """Each claim a contradicting rebuttal denies, once, with its assertion number."""
    seen: set[ClaimRef] = set()
    for target in rebuttal.targets:
        if isinstance(target, ClaimRef):
            refs: list[ClaimRef] = [target]
        else:
            count = len(statements.statements[target].claims)
            refs = [ClaimRef(target, index) for index in range(count)]
        for ref in refs:
            if ref not in seen:
                seen.add(ref)
                yield ref, first_aid[ref.statement_id] + ref.claim


def _negation(found: Gathered, vocabulary: Vocabulary, rebuttal: Rebuttal, target: int) -> Claim:
    """The negation of a targeted claim, over its period, with the rebuttal's modality."""
    claim = found.claims[target]
    profile = found.profile(vocabulary, claim.predicate)
    span = period_span(claim, found.statements[target], profile)
    return attrs.evolve(
        claim, polarity=claim.polarity.flipped(), modality=rebuttal.modality, when=span
    )


def _put(
    found: Gathered,
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


def _add_affirmed(found: Gathered, key: Key, item: int | Raw, profile: Profile | None) -> None:
    """Put an affirmed claim in its proposition bucket; list its key if CONTRARY starts there."""
    if key not in found.affirmed and profile is not None and profile.leads:
        found.contrary.append(key)
    _append(found.affirmed, key, item)


def _affirmed(
    found: Gathered,
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


def _implied(
    found: Gathered, vocabulary: Vocabulary, aid: int, claim: Claim, profile: Profile
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


def _exclusive(found: Gathered, raw: Raw, profile: Profile) -> None:
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
