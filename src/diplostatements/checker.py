"""The consistency checker: which assertions cannot all be true.

:func:`check` reads a :class:`~diplostatements.StatementSet` and returns a
:class:`~diplostatements.Report`. The rules are in :mod:`diplostatements.rules`; what the
predicates mean comes from a :class:`~diplostatements.Vocabulary`.

How it works, in four steps, never comparing all pairs:

1. **Assertions.** Each top-level claim of each statement is an assertion of the statement's side;
   a contradicting rebuttal (denial, correction, dismissal, retraction) also asserts the negation
   of each claim it targets, over the target's period, with the rebuttal's modality.
2. **Buckets.** Each assertion goes in the bucket of its proposition ``(subject, predicate,
   object)``; an affirmed claim of a functional, inverse-functional or contrary-bearing predicate
   also goes in the bucket of its functional key or its (subject, object) pair; and each claim an
   affirmed assertion implies through the vocabulary goes where a stated claim of that predicate
   would. That is one pass, O(n) dictionary work (times the implications per predicate).
3. **Sweeps.** Each bucket of two or more entries is handed to one pure function
   (:mod:`diplostatements._buckets`) that sorts it by period and sweeps, comparing an entry only
   with the live entries it can clash with: O(b log b + k) for a bucket of ``b`` entries and ``k``
   candidate pairs. A denial is paired with its target directly.
4. **Findings.** The hits for a pair of assertions are merged: one finding per pair, the most
   specific kind winning (DENIAL > NEGATION > EXCLUSIVE > CONTRARY > QUANTITY > ENTAILED; for
   ENTAILED the shortest chains). Only then are sides resolved and sentences written, for the
   findings alone.

In all, O(n log n + findings).

Details worth knowing:

- A claim of a symmetric predicate stands for itself and its mirror, for every rule: "A allied
  with B" is contrary to "B fights A" even though only one of the two predicates is symmetric.
- Reported content narrows like a qualifier or a place: "sent no message" denies "informed us
  that P", but "sent no message about P" does not deny "informed us" (of something).
- An implied claim keeps the subject, object, qualifiers, place and period of the claim that
  implies it; it keeps the content only if its predicate is a reporting one, and has no quantity.
- Two claims of one statement may contradict each other; a claim never contradicts itself.
- A rebuttal denies top-level claims only: answering a claimless denial denies nothing.
- In a DENIAL the denied claim is ``first``; otherwise ``first`` is the assertion about the
  earlier period, then the one said earlier, then by statement id and claim index.

>>> from datetime import date
>>> from diplostatements import Claim, Statement
>>> from diplostatements.checker import check
>>> report = check([
...     Statement("a", "RUS", date(2019, 6, 3), [Claim("RUS", "informed", "USA")]),
...     Statement("b", "RUS", date(2019, 6, 3), [Claim("RUS", "informed", "USA").negated()]),
... ])
>>> [(c.kind.value, c.certainty.value, c.internal) for c in report]
[('negation', 'definite', True)]
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from . import _reasons
from ._buckets import Entry, Hit, check_contrary, check_exclusive, check_proposition
from ._gather import Gathered, Raw, gather
from ._lookups import contrary_pairs, implied_at, implying
from ._making import make_assertion, make_contradiction
from ._profiles import claim_period, may_meet, period_span
from .actors import Actor, ActorKind
from .claims import Claim, Modality, Polarity
from .collection import Assertion, Item, StatementSet
from .exceptions import FieldError
from .rebuttals import ClaimRef, Rebuttal, RebuttalKind
from .report import Certainty, Contradiction, Dispute, Report, Retraction
from .rules import ALL_RULES, BROADEST, DENIAL, ENTAILED, Rule, Scope
from .statements import Statement
from .vocabulary import DEFAULT_VOCABULARY, Vocabulary

__all__ = ["check"]

Chains = tuple[tuple[str, ...], tuple[str, ...]]
_NO_CHAINS: Chains = ((), ())
# Read once per finding: looking a member up on its enum is slow (see claims.describe_claim).
_DEFINITE, _POSSIBLE = Certainty.DEFINITE, Certainty.POSSIBLE


def check(
    statements: StatementSet | Iterable[Item],
    *,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    rules: Iterable[Rule | str] = ALL_RULES,
) -> Report:
    """Find the pairs of assertions that cannot both be true.

    Args:
        statements: a :class:`~diplostatements.StatementSet`, or any iterable of statements (and
            actors and affiliations). From an iterable a set is built; an actor a statement
            names as speaker, ``on_behalf_of`` or relay but that the iterable does not hold is
            made up as an actor of kind OTHER named by its id, which is its own side.
        vocabulary: what the predicates mean.
        rules: the kinds of finding to report (rules or their names). Every pair still gets its
            most specific kind; pairs of other kinds are left out, so restricting the rules
            only ever removes findings.

    Returns:
        The report: contradictions, disputes and retractions.

    Raises:
        FieldError: ``vocabulary`` is not a :class:`~diplostatements.Vocabulary`, or ``rules``
            names no rule.
        ValidationError: an iterable holds items that do not make a valid set.
    """
    if not isinstance(vocabulary, Vocabulary):
        raise FieldError("check(vocabulary)", "a Vocabulary", vocabulary)
    enabled = _rules(rules)
    found = _as_set(statements)
    with _collector_paused():
        return _check(found, vocabulary, enabled)


def _check(found: StatementSet, vocabulary: Vocabulary, enabled: frozenset[Rule]) -> Report:
    # Everything but the report is freed when this returns, before the collector resumes: so
    # resuming it does not set off a pass over the whole heap.
    gathered = gather(found, vocabulary, entailed=ENTAILED in enabled)
    run = _Run(found, gathered, vocabulary)
    best = run.merge(run.hits())
    names = found.names
    writer = _reasons.Writer(names, vocabulary.phrases)
    # Looked up in a tuple, by identity: hashing a rule (an enum member) is a Python call.
    kinds = tuple(enabled)
    written = [
        run.contradiction(lo, hi, finding, writer)
        for (lo, hi), finding in best.items()
        if finding[0] in kinds
    ]
    written.sort(key=itemgetter(0))
    disputes, retracted = run.rebuttals(writer)
    return Report(tuple(map(itemgetter(1), written)), disputes, retracted, names=names)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the whole check.

    A check allocates a few small lists and tuples per claim (buckets, entries, periods), and a
    few objects per finding, none of which form cycles; with the collector running, they trigger
    passes over a heap of millions of objects (the set being checked), which cost more than the
    sweeps themselves on large sets.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _rules(rules: Iterable[Rule | str]) -> frozenset[Rule]:
    chosen: set[Rule] = set()
    items = (rules,) if isinstance(rules, Rule | str) else rules
    for item in items:
        if isinstance(item, Rule):
            chosen.add(item)
            continue
        try:
            chosen.add(Rule(str(item).lower()))
        except ValueError:
            names = ", ".join(rule.name for rule in Rule)
            raise FieldError("check(rules)", f"rules or names of rules ({names})", item) from None
    return frozenset(chosen)


def _as_set(statements: StatementSet | Iterable[Item]) -> StatementSet:
    if isinstance(statements, StatementSet):
        return statements
    if isinstance(statements, str | bytes) or not isinstance(statements, Iterable):
        raise FieldError(
            "check(statements)", "a StatementSet or an iterable of statements", statements
        )
    items = list(statements)
    known = {item.id for item in items if isinstance(item, Actor)}
    aliases = {alias for item in items if isinstance(item, Actor) for alias in item.aliases}
    wanted: dict[str, None] = {}
    for item in items:
        if isinstance(item, Statement):
            refs = [item.speaker, item.on_behalf_of, *(relay.via for relay in item.relays)]
            wanted.update((ref, None) for ref in refs if ref is not None)
    made_up = [
        Actor(ref, ref, ActorKind.OTHER)
        for ref in wanted
        if ref not in known and ref not in aliases
    ]
    return StatementSet([*made_up, *items])


# A finding before it is written out: (kind, rule that matched, definite, chains of lo and hi).
Finding = tuple[Rule, Rule, bool, Chains]
# An assertion as findings show it: (sort key, the assertion, what it says).
Written = tuple[tuple[Any, ...], Assertion, str]


class _Run:
    """One check: the gathered buckets, and the assertions and sides resolved on demand."""

    def __init__(self, found: StatementSet, gathered: Gathered, vocabulary: Vocabulary) -> None:
        self.set = found
        self.gathered = gathered
        self.vocabulary = vocabulary
        self._written: dict[int, Written] = {}

    # -- buckets ----------------------------------------------------------------------------

    def certain(self, aid: int) -> bool:
        """Whether assertion ``aid`` is stated as CERTAIN (an implied negation: its rebuttal)."""
        return self.gathered.claims[aid].modality is Modality.CERTAIN

    def entries(self, raws: Sequence[int | Raw]) -> list[Entry]:
        """A group's entries, with their periods and scopes.

        The inner loop of the sweeps' preparation: the entries are made without their Python
        constructor. A period is computed afresh for each entry: most assertions are in one
        group only, so remembering periods costs more than it saves.
        """
        entries = []
        gathered = self.gathered
        claims, profiles, said_by = gathered.claims, gathered.profiles, gathered.statements
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

    def hits(self) -> list[Hit]:
        """Every group of entries that may hold a clash, checked by its pure function.

        Only what can clash is looked at, before any entry is built: the keys that hold both an
        affirmed and a negated claim (NEGATION), two quantities (QUANTITY), two different objects
        or subjects of an exclusive predicate (EXCLUSIVE), or claims of two contrary predicates
        about the same subject and object (CONTRARY). Most keys hold none of these; and in most
        groups that remain no two periods may overlap, so nothing can clash: those are skipped
        before their entries are built (:func:`~diplostatements._profiles.may_meet`).
        """
        gathered = self.gathered
        claims, said_by = gathered.claims, gathered.statements
        affirmed, negated = gathered.affirmed, gathered.negated
        timeless = {name for name, p in gathered.profiles.items() if p is not None and p.timeless}
        entries = self.entries
        hits: list[Hit] = []
        implied_by = implying(gathered)
        for key, denials in negated.items():
            claimed = affirmed.get(key)
            sources = implied_by.get(key[1])
            implied = implied_at(gathered, key, sources) if sources else []
            if claimed is None and not implied:
                continue
            group: list[int | Raw] = [
                *implied,
                *(denials if isinstance(denials, list) else (denials,)),
                *(() if claimed is None else claimed if isinstance(claimed, list) else (claimed,)),
            ]
            if may_meet(group, claims, said_by, timeless):
                hits += check_proposition(entries(group))
        for key, counted in gathered.counted.items():
            # A bucket of one entry is that entry, not a list: only lists hold two or more.
            if (
                isinstance(counted, list)
                and key not in negated  # else checked just above
                and may_meet(counted, claims, said_by, timeless)
            ):
                hits += check_proposition(entries(counted))
        for functional in gathered.functional.values():
            if (
                isinstance(functional, list)
                and _differ(functional, claims, subjects=False)
                and may_meet(functional, claims, said_by, timeless)
            ):
                hits += check_exclusive(entries(functional), inverse=False)
        for inverse in gathered.inverse.values():
            if (
                isinstance(inverse, list)
                and _differ(inverse, claims, subjects=True)
                and may_meet(inverse, claims, said_by, timeless)
            ):
                hits += check_exclusive(entries(inverse), inverse=True)
        if gathered.contrary:
            contraries = self.contraries()
            for one, other in contrary_pairs(gathered, contraries):
                group = [
                    *(one if isinstance(one, list) else (one,)),
                    *(other if isinstance(other, list) else (other,)),
                ]
                if may_meet(group, claims, said_by, timeless):
                    hits += check_contrary(entries(group), contraries)
        return hits

    def contraries(self) -> dict[str, frozenset[str]]:
        profiles = self.gathered.profiles
        return {
            name: self.vocabulary.contraries(name)
            for name, profile in profiles.items()
            if profile is not None and profile.contrary
        }

    def merge(self, hits: list[Hit]) -> dict[tuple[int, int], Finding]:
        best: dict[tuple[int, int], tuple[tuple[Any, ...], Finding]] = {}
        for aid, (_, target) in self.gathered.denied.items():
            # A denial and its target: the same period by construction, so only modality counts.
            both = self.certain(aid) and self.certain(target)
            best[(target, aid)] = ((DENIAL.rank,), (DENIAL, DENIAL, both, _NO_CHAINS))
        entailed = ENTAILED.rank
        rank: tuple[Any, ...]
        for first, second, rule, definite, first_chain, second_chain in hits:
            if first < second:
                key, chains = (first, second), (first_chain, second_chain)
            else:
                key, chains = (second, first), (second_chain, first_chain)
            if first_chain or second_chain:
                kind = ENTAILED
                rank = (entailed, len(first_chain) + len(second_chain), sorted(chains), rule.rank)
            else:  # its rule alone ranks it: every rule of a hit ranks before ENTAILED
                kind = rule
                rank = (rule.rank,)
            known = best.get(key)
            # Equally ranked hits of a pair are the same finding: their chains are equal as
            # sorted lists, and could differ only in which assertion took which, which needs both
            # to imply by both chains, so that the pairing of equal chains ranks first. So the
            # order of the hits (the order the set stores its statements) decides nothing.
            if known is None or rank < known[0]:
                best[key] = (rank, (kind, rule, definite, chains))
        return {key: finding for key, (_, finding) in best.items()}

    # -- findings ---------------------------------------------------------------------------

    def written(self, aid: int, writer: _reasons.Writer) -> Written:
        """Assertion ``aid`` as findings show it, with its sort key (built once per check).

        The key orders by period first; then by when it was said; then by statement id, index
        and denied claim. Periods compare as their four dates, in field order: the order of
        :class:`~diplostatements.TimeSpan`, compared in C rather than through attrs' generated
        ``__lt__``. The key leads with the period's first day as an ordinal, which settles most
        comparisons of the final sort as an integer made with the key, without reading two dates
        (objects of their own, far apart in memory).
        """
        known = self._written.get(aid)
        if known is None:
            source = self.gathered.source(aid)
            statement, position, claim, denies = (
                source.statement,
                source.position,
                source.claim,
                source.denies,
            )
            span = claim.when  # else the day it was said, or all time: see period_span
            if span is None:
                span = period_span(claim, statement, self.gathered.profiles[claim.predicate])
            said = statement.said_on
            first = span.start_earliest
            key = (
                first.toordinal(),
                first,
                span.start_latest,
                span.end_earliest,
                span.end_latest,
                said.start_earliest,
                said.start_latest,
                said.end_earliest,
                said.end_latest,
                statement.id,
                -1 if position is None else position,
                "" if denies is None else str(denies),
            )
            side = self.set.side_of_statement(statement)  # the set remembers what it resolved
            assertion = make_assertion(statement, claim, side, position, denies)
            told = writer.telling(statement, claim, side, denies=denies is not None)
            known = self._written[aid] = (key, assertion, told)
        return known

    def contradiction(
        self, lo: int, hi: int, finding: Finding, writer: _reasons.Writer
    ) -> tuple[tuple[Any, ...], Contradiction]:
        """The finding written out, with its sort key."""
        kind, rule, definite, chains = finding
        low, high = self.written(lo, writer), self.written(hi, writer)
        # The denied claim comes first in a DENIAL (its number is the lower: the negations a
        # rebuttal implies are numbered after every stated claim); else the earlier assertion.
        if kind is DENIAL or low[0] <= high[0]:
            (first_key, first, first_told), (second_key, second, second_told) = low, high
        else:
            (first_key, first, first_told), (second_key, second, second_told) = high, low
            chains = (chains[1], chains[0])
        retracted = kind is DENIAL and _retracts(second, first)
        certainty = _DEFINITE if definite else _POSSIBLE
        reason = writer.reason(
            kind,
            rule,
            first,
            second,
            chains,
            told=(first_told, second_told),
            definite=definite,
            retracted=retracted,
        )
        via = (*chains[0], *chains[1]) if kind is ENTAILED else ()
        contradiction = make_contradiction(first, second, kind, certainty, reason, via)
        # One flat key (the keys of assertions are all as long): the sort compares integers first.
        return first_key + second_key, contradiction

    def rebuttals(
        self, writer: _reasons.Writer
    ) -> tuple[tuple[Dispute, ...], tuple[Retraction, ...]]:
        """The disputes (qualifications, challenges) and the retractions by a target's side."""
        disputes: list[Dispute] = []
        retracted: list[Retraction] = []
        for statement in self.gathered.rebuttals:
            side = self.set.side_of_statement(statement)
            for target_id, claim in _targets(statement):
                target = self.set.statements[target_id]
                target_side = self.set.side_of_statement(target)
                if statement.kind in (RebuttalKind.QUALIFICATION, RebuttalKind.CHALLENGE):
                    reason = writer.dispute(
                        statement, target, claim=claim, side=side, target_side=target_side
                    )
                    disputes.append(
                        Dispute(statement, target, claim, statement.kind, side, target_side, reason)
                    )
                elif statement.kind is RebuttalKind.RETRACTION and side == target_side:
                    retracted.append(Retraction(statement, target, claim, side))
        return tuple(disputes), tuple(retracted)


def _differ(bucket: Sequence[int | Raw], claims: Sequence[Claim], *, subjects: bool) -> bool:
    """Whether an exclusive bucket holds two different objects (subjects).

    Otherwise :func:`check_exclusive` finds nothing in it.
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


def _targets(rebuttal: Rebuttal) -> list[tuple[str, int | None]]:
    return [
        (target.statement_id, target.claim) if isinstance(target, ClaimRef) else (target, None)
        for target in rebuttal.targets
    ]


def _retracts(rebuttal: Assertion, target: Assertion) -> bool:
    statement = rebuttal.statement
    return (
        isinstance(statement, Rebuttal)
        and statement.kind is RebuttalKind.RETRACTION
        and rebuttal.side == target.side
    )
