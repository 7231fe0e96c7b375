"""The last stage: hits merged into findings, and the report that writes them when read.

:func:`findings` merges the hits of each pair of assertions into one finding (the most specific
kind winning: DENIAL > NEGATION > EXCLUSIVE > CONTRARY > QUANTITY > ENTAILED; for ENTAILED the
shortest chains), adds the DENIAL of each implied negation against its target, keeps the kinds
asked for, resolves the sides of the assertions in findings, and orders the findings by their
content. That is all it does per finding: the :class:`~diplostatements.Assertion` and
:class:`~diplostatements.Contradiction` objects and their sentences are made when the report is
read (:class:`~diplostatements.report.Report` holds the findings compactly; its length, its
filters by kind, certainty and side, and its summary need none of them).

The order puts what matters first: DEFINITE findings before POSSIBLE ones, findings between two
sides before those within one side, then by kind (DENIAL, NEGATION, EXCLUSIVE, CONTRARY, QUANTITY,
ENTAILED), then the newest first (by the last day on which the later of the two statements may
have been made), and last by content: the first assertion's key, then the second's. An
assertion's key is its period (four day numbers), then when it was said (four more), its
statement id, its claim index and the claim it denies, so that the order depends on what was
said, never on how the set was built. In a DENIAL the denied claim is first; otherwise the
assertion with the lower key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from ..claims import Modality
from ..collection import Assertion
from ..rebuttals import ClaimRef, Rebuttal, RebuttalKind
from ..report import Certainty, Contradiction, Dispute, Report, Retraction, _LazyFindings
from ..rules import DENIAL, ENTAILED, Rule
from ..vocabulary import Vocabulary
from . import _reasons
from ._making import make_assertion, make_contradiction
from ._profiles import Profile, period_span, profile_of
from .rows import Rows
from .sweep import Hit

__all__ = ["Finding", "findings"]

Chains = tuple[tuple[str, ...], tuple[str, ...]]
_NO_CHAINS: Chains = ((), ())
# Read once: looking a member up on its enum is slow (see claims.describe_claim).
_DEFINITE, _POSSIBLE = Certainty.DEFINITE, Certainty.POSSIBLE
_CERTAIN = Modality.CERTAIN
# Day numbers fit in 22 bits (date.max is day 3,652,059): a finding's lead packs two of them.
_LAST = date.max.toordinal()

Finding = tuple[int, int, Rule, Rule, bool, Chains]
"""A finding before it is written: (first, second, kind, rule that matched, definite, chains).

``first`` and ``second`` are assertion numbers in the report's order; the chains are theirs.
"""


def findings(
    hits: Iterable[list[Hit]],
    rows: Rows,
    vocabulary: Vocabulary,
    enabled: frozenset[Rule],
) -> Report:
    """Merge the hits into findings, and the report that holds them.

    Args:
        hits: the hits of each group (as :func:`~diplostatements.checker.sweep.sweep` returns
            them), in any order.
        rows: the numbered assertions (carried forward by the stages before).
        vocabulary: what the predicates mean (their phrases, and which are timeless).
        enabled: the kinds of finding to report.

    Returns:
        The report.
    """
    best = _merge(hits, rows)
    # Looked up in a tuple, by identity: hashing a rule (an enum member) is a Python call.
    kinds = tuple(enabled)
    aids = {aid for pair, found in best.items() if found[1] in kinds for aid in pair}
    keys, sides = _keys(rows, vocabulary, aids)
    placed: list[tuple[tuple[Any, ...], Finding, bool]] = []
    append = placed.append
    rules = list(Rule)  # a kind's rank is its place here, found by identity in C
    for (lo, hi), (_, kind, rule, definite, chains) in best.items():
        if kind not in kinds:
            continue
        low, high = keys[lo], keys[hi]
        internal = sides[lo] == sides[hi]
        # The denied claim comes first in a DENIAL (its number is the lower: the negations a
        # rebuttal implies are numbered after every stated claim); else the earlier assertion.
        if kind is not DENIAL and high < low:
            lo, hi, low, high, chains = hi, lo, high, low, (chains[1], chains[0])
        # What matters first (see the module docstring), and the first assertion's first day, in
        # one int: the sort compares most pairs by it alone, in C. Index 8 of a key is the last
        # day its statement may have been said.
        lead = (
            (((not definite) << 1 | internal) << 3 | rules.index(kind)) << 22
            | _LAST - max(low[8], high[8]).toordinal()
        ) << 22 | low[0]
        append(((lead, *low, *high), (lo, hi, kind, rule, definite, chains), internal))
    placed.sort(key=itemgetter(0))
    writer = _reasons.Writer(rows.names, vocabulary.phrases)
    found = [finding for _, finding, _ in placed]
    lazy = _LazyFindings(
        [finding[2] for finding in found],
        [finding[4] for finding in found],
        [internal for _, _, internal in placed],
        _Maker(found, rows, sides, writer),
        sides=lambda number: (sides[found[number][0]], sides[found[number][1]]),
    )
    disputes, retracted = _rebuttals(rows, writer)
    return Report(lazy, disputes, retracted, names=rows.names)


_Best = tuple[tuple[Any, ...], Rule, Rule, bool, Chains]
"""A pair's best hit so far: (its rank, kind, rule that matched, definite, chains)."""


def _merge(hits: Iterable[list[Hit]], rows: Rows) -> dict[tuple[int, int], _Best]:
    """One finding per pair of assertion numbers (lower first): the best-ranked hit."""
    best: dict[tuple[int, int], _Best] = {}
    claims = rows.claims
    for aid, (_, target) in rows.denied.items():
        # A denial and its target: the same period by construction, so only modality counts.
        both = claims[aid].modality is _CERTAIN and claims[target].modality is _CERTAIN
        best[(target, aid)] = ((DENIAL.rank,), DENIAL, DENIAL, both, _NO_CHAINS)
    entailed = ENTAILED.rank
    rank: tuple[Any, ...]
    # Each rule's rank as a key, found by identity in C (Rule.rank hashes the rule in Python).
    rules, ranks = list(Rule), [(rule.rank,) for rule in Rule]
    for group in hits:
        for first, second, rule, definite, first_chain, second_chain in group:
            if first < second:
                key, chains = (first, second), (first_chain, second_chain)
            else:
                key, chains = (second, first), (second_chain, first_chain)
            if first_chain or second_chain:
                kind = ENTAILED
                rank = (entailed, len(first_chain) + len(second_chain), sorted(chains), rule.rank)
            else:  # its rule alone ranks it: every rule of a hit ranks before ENTAILED
                kind = rule
                rank = ranks[rules.index(rule)]
            known = best.get(key)
            # Equally ranked hits of a pair are the same finding: their chains are equal as
            # sorted lists, and could differ only in which assertion took which, which needs
            # both to imply by both chains, so that the pairing of equal chains ranks first. So
            # the order of the hits (and of the groups) decides nothing.
            if known is None or rank < known[0]:
                best[key] = (rank, kind, rule, definite, chains)
    return best


def _keys(
    rows: Rows, vocabulary: Vocabulary, aids: Iterable[int]
) -> tuple[dict[int, tuple[Any, ...]], dict[int, str]]:
    """The sort key and the side of each assertion in findings.

    A key (see the module docstring) leads with its period's first day as a number, which
    settles most comparisons of the final sort in C without reading a date; the dates that
    follow compare as their day numbers would, in the order of
    :class:`~diplostatements.TimeSpan`'s fields.
    """
    keys: dict[int, tuple[Any, ...]] = {}
    sides: dict[int, str] = {}
    said_by, claims, denied, side = rows.statements, rows.claims, rows.denied, rows.sides
    profiles: dict[str, Profile | None] = {}
    for aid in aids:
        statement, claim = said_by[aid], claims[aid]
        span = claim.when  # else the day it was said, or all time: see period_span
        if span is None:
            name = claim.predicate
            if name not in profiles:
                profiles[name] = profile_of(vocabulary, name)
            span = period_span(claim, statement, profiles[name])
        said = statement.said_on
        denies = denied.get(aid)
        if denies is None:
            # Its claims are numbered one after the other: count back to the first.
            first = aid
            while first and said_by[first - 1] is statement:
                first -= 1
            position, what = aid - first, ""
        else:
            position, what = -1, str(denies[0])
        start = span.start_earliest
        keys[aid] = (
            start.toordinal(),
            start,
            span.start_latest,
            span.end_earliest,
            span.end_latest,
            said.start_earliest,
            said.start_latest,
            said.end_earliest,
            said.end_latest,
            statement.id,
            position,
            what,
        )
        sides[aid] = side(statement)
    return keys, sides


# What an assertion says in findings: the assertion, and its sentence.
_Written = tuple[Assertion, str]


class _Maker:
    """Writes a finding out as a :class:`Contradiction`, when the report is read."""

    def __init__(
        self, found: Sequence[Finding], rows: Rows, sides: dict[int, str], writer: _reasons.Writer
    ) -> None:
        self.found = found
        self.rows = rows
        self.sides = sides
        self.writer = writer
        self.written: dict[int, _Written] = {}

    def assertion(self, aid: int) -> _Written:
        """Assertion ``aid`` and what it says (made once per report)."""
        known = self.written.get(aid)
        if known is None:
            source = self.rows.source(aid)
            statement, claim, denies = source.statement, source.claim, source.denies
            side = self.sides[aid]
            assertion = make_assertion(statement, claim, side, source.position, denies)
            told = self.writer.telling(statement, claim, side, denies=denies is not None)
            known = self.written[aid] = (assertion, told)
        return known

    def __call__(self, index: int) -> Contradiction:
        first_aid, second_aid, kind, rule, definite, chains = self.found[index]
        (first, first_told), (second, second_told) = (
            self.assertion(first_aid),
            self.assertion(second_aid),
        )
        retracted = kind is DENIAL and _retracts(second, first)
        reason = self.writer.reason(
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
        certainty = _DEFINITE if definite else _POSSIBLE
        return make_contradiction(first, second, kind, certainty, reason, via)


def _rebuttals(
    rows: Rows, writer: _reasons.Writer
) -> tuple[tuple[Dispute, ...], tuple[Retraction, ...]]:
    """The disputes (qualifications, challenges) and the retractions by a target's side."""
    disputes: list[Dispute] = []
    retracted: list[Retraction] = []
    for statement in rows.rebuttals:
        side = rows.sides(statement)
        for target_id, claim in _targets(statement):
            target = rows.targets[target_id]
            target_side = rows.sides(target)
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
