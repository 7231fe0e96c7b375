"""The last stage: hits merged into findings, and the report that writes them when read.

:func:`findings` merges the hits of each pair of assertions into one finding (the most specific
kind winning: DENIAL > NEGATION > EXCLUSIVE > CONTRARY > QUANTITY > ENTAILED > ATTRIBUTION; for
ENTAILED and ATTRIBUTION the shortest chains), adds the DENIAL of each implied negation (and of
each rebuttal's own claim that says what it denies) against its target, keeps only the hits of
attributed content against its own side (ATTRIBUTION), keeps the kinds asked for, resolves the
sides of the assertions in findings (a joint statement's, one per signatory), and orders the
findings by their content. That is all it does per finding: the
:class:`~diplostatements.Assertion` and :class:`~diplostatements.Contradiction` objects and their
sentences are made when the report is read (:class:`~diplostatements.report.Report` holds the
findings compactly; its length, its filters by kind, certainty and side, and its summary need
none of them).

The order puts what matters first: DEFINITE findings before POSSIBLE ones, findings between two
sides before those within one side, then by kind (DENIAL, NEGATION, EXCLUSIVE, CONTRARY, QUANTITY,
ENTAILED, ATTRIBUTION), then the newest first (by the last day on which the later of the two
statements may have been made), and last by content: the first assertion's key, then the
second's. An assertion's key is its period (four day numbers), then when it was said (four
more), its statement id, its claim index and the claim it denies, so that the order depends on
what was said, never on how the set was built. In a DENIAL the denied claim is first, in an
ATTRIBUTION the attributing claim; otherwise the assertion with the lower key. A joint
statement's finding comes once per pair of sides, in the order of the sides' ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

import attrs

from ..claims import Claim, Modality
from ..collection import Assertion
from ..rebuttals import ClaimRef, Rebuttal, RebuttalKind
from ..report import (
    Certainty,
    Contradiction,
    Dispute,
    Report,
    Retraction,
    _LazyFindings,
    _NotesLater,
)
from ..rules import ATTRIBUTION, DENIAL, ENTAILED, Rule, overlap
from ..statements import Statement
from ..timespans import Overlap
from ..vocabulary import Vocabulary
from . import _reasons
from ._making import make_assertion, make_contradiction
from ._notes import Used, notes
from ._profiles import Profile, claim_period, period_span, profile_of
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

Finding = tuple[int, int, Rule, Rule, bool, Chains, str, str]
"""A finding before it is written.

(first, second, kind, rule that matched, definite, chains, first's side, second's side):
``first`` and ``second`` are assertion numbers in the report's order; the chains and sides are
theirs. A joint statement commits each signatory's side, so one pair of assertions may make a
finding for each pair of sides.
"""


def findings(
    hits: Iterable[list[Hit]],
    rows: Rows,
    vocabulary: Vocabulary,
    enabled: frozenset[Rule],
    used: Used | None = None,
) -> Report:
    """Merge the hits into findings, and the report that holds them.

    Args:
        hits: the hits of each group (as :func:`~diplostatements.checker.sweep.sweep` returns
            them), in any order.
        rows: the numbered assertions (carried forward by the stages before).
        vocabulary: what the predicates mean (their phrases, and which are timeless).
        enabled: the kinds of finding to report.
        used: the names the whole set uses, for the report's notes, when ``rows`` hold only
            the claims of a set's tables that may clash.

    Returns:
        The report.
    """
    best = _merge(hits, rows, vocabulary)
    # Looked up in a tuple, by identity: hashing a rule (an enum member) is a Python call.
    kinds = tuple(enabled)
    aids = {aid for pair, found in best.items() if found[1] in kinds for aid in pair}
    keys, sides = _keys(rows, vocabulary, aids)
    placed: list[tuple[tuple[Any, ...], Finding, bool]] = []
    append = placed.append
    rules = list(Rule)  # a kind's rank is its place here, found by identity in C
    for pair, (_, kind, rule, definite, paired, lead) in best.items():
        if kind not in kinds:
            continue
        lo, hi = pair
        low, high = keys[lo], keys[hi]
        # The denied claim comes first in a DENIAL, the attributing claim in an ATTRIBUTION;
        # else the earlier assertion.
        if lead == lo if lead is not None else low <= high:
            first, second, chains = lo, hi, paired
        else:
            first, second, low, high = hi, lo, high, low
            chains = paired if paired is _NO_CHAINS else (paired[1], paired[0])
        # What matters first (see the module docstring), then the first assertion's first day,
        # in one int: the sort compares most pairs by it alone, in C. Index 8 of a key is the
        # last day its statement may have been said; index 0 its period's first day.
        rank = (not definite) << 4 | rules.index(kind)
        days = (_LAST - max(low[8], high[8]).toordinal()) << 22 | low[0]
        one, other = sides[first], sides[second]
        if len(one) == 1 and len(other) == 1:  # most findings: one side each
            internal = one[0] == other[0]
            finding = (first, second, kind, rule, definite, chains, one[0], other[0])
            append((((rank | internal << 3) << 44 | days, low, high), finding, internal))
            continue
        for first_side, second_side in _side_pairs(rows, first, second, kind, (one, other)):
            internal = first_side == second_side
            finding = (first, second, kind, rule, definite, chains, first_side, second_side)
            lead_key = (rank | internal << 3) << 44 | days
            append(((lead_key, low, high, first_side, second_side), finding, internal))
    placed.sort(key=itemgetter(0))
    writer = _reasons.Writer(rows.names, vocabulary.phrases)
    found = [finding for _, finding, _ in placed]
    lazy = _LazyFindings(
        [finding[2] for finding in found],
        [finding[4] for finding in found],
        [internal for _, _, internal in placed],
        _Maker(found, rows, writer),
        sides=lambda number: (found[number][6], found[number][7]),
    )
    disputes, retracted = _rebuttals(rows, writer)
    later = _NotesLater(lambda: notes(rows, vocabulary, used))
    return Report(
        lazy,
        disputes,
        retracted,
        names=rows.names,
        phrases=vocabulary.phrases,
        notes=later,
        described=writer.described,
    )


def _side_pairs(
    rows: Rows, first: int, second: int, kind: Rule, sides: tuple[tuple[str, ...], ...]
) -> list[tuple[str, str]]:
    """The pairs of sides a finding between two assertions is reported for.

    Each side of one against each side of the other, once; but two claims of one joint statement
    clash for each signatory alone (each contradicts itself), and an ATTRIBUTION is about the
    side the content is attributed to.
    """
    ones, others = sides
    if rows.statements[first] is rows.statements[second]:
        return [(side, side) for side in ones]
    if kind is ATTRIBUTION:
        attributed_to = rows.attributed[rows.attributions[first]][1]
        others = (attributed_to,)
    pairs = dict.fromkeys((one, other) for one in ones for other in others)
    return list(pairs)


_Best = tuple[tuple[Any, ...], Rule, Rule, bool, Chains, "int | None"]
"""A pair's best hit so far: (its rank, kind, rule that matched, definite, chains, lead).

``lead`` is the assertion that must come first (a DENIAL's target, an ATTRIBUTION's attributing
claim), or ``None``.
"""


def _merge(
    hits: Iterable[list[Hit]], rows: Rows, vocabulary: Vocabulary
) -> dict[tuple[int, int], _Best]:
    """One finding per pair of assertion numbers (lower first): the best-ranked hit."""
    best: dict[tuple[int, int], _Best] = {}
    claims = rows.claims
    for aid, (ref, target) in rows.denied.items():
        # A denial and its target: the same period by construction, so only modality counts.
        denied = rows.denied_claim(target, ref)
        both = claims[aid].modality is _CERTAIN and denied.modality is _CERTAIN
        best[(target, aid)] = ((DENIAL.rank,), DENIAL, DENIAL, both, _NO_CHAINS, target)
    for target, own, ref in rows.scoped:
        # A rebuttal's own claim denies the target over its own period: that decides.
        definite = _scoped_denial(rows, vocabulary, rows.denied_claim(target, ref), own)
        if definite is not None:
            pair = (target, own) if target < own else (own, target)
            best[pair] = ((DENIAL.rank,), DENIAL, DENIAL, definite, _NO_CHAINS, target)
    entailed = ENTAILED.rank
    rank: tuple[Any, ...]
    # Each rule's rank as a key, found by identity in C (Rule.rank hashes the rule in Python).
    rules, ranks = list(Rule), [(rule.rank,) for rule in Rule]
    attributed = rows.attributed
    attributions = _Attributions(rows)
    for group in hits:
        for hit in group:
            first, second, rule, definite, first_chain, second_chain = hit
            if attributed and (first in attributed or second in attributed):
                attributions.add(best, hit)
                continue
            if first_chain or second_chain:
                if first < second:
                    key, chains = (first, second), (first_chain, second_chain)
                else:
                    key, chains = (second, first), (second_chain, first_chain)
                kind = ENTAILED
                rank = (entailed, len(first_chain) + len(second_chain), sorted(chains), rule.rank)
            else:  # its rule alone ranks it: every rule of a hit ranks before ENTAILED
                key = (first, second) if first < second else (second, first)
                chains, kind, rank = _NO_CHAINS, rule, ranks[rules.index(rule)]
            known = best.get(key)
            # Equally ranked hits of a pair are the same finding: their chains are equal as
            # sorted lists, and could differ only in which assertion took which, which needs
            # both to imply by both chains, so that the pairing of equal chains ranks first. So
            # the order of the hits (and of the groups) decides nothing.
            if known is None or rank < known[0]:
                best[key] = (rank, kind, rule, definite, chains, None)
    return best


class _Attributions:
    """The ATTRIBUTION findings of a check, from the hits of attributed content.

    Content attributed to a side clashes, for this rule, only with that side's own assertions:
    not with other attributed content, nor with the claim that conveys it. The finding is the
    pair (attributing claim, the side's assertion), the attributing claim first; among several
    hits of a pair the one through the shortest chains wins, as for ENTAILED.
    """

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        self.sides: dict[int, tuple[str, ...]] = {}

    def every_side(self, aid: int) -> tuple[str, ...]:
        known = self.sides.get(aid)
        if known is None:
            known = self.sides[aid] = self.rows.every_side_of(aid)
        return known

    def add(self, best: dict[tuple[int, int], _Best], hit: Hit) -> None:
        """Record a hit that involves attributed content, if it is an ATTRIBUTION."""
        attributed = self.rows.attributed
        first, second, rule, definite, first_chain, second_chain = hit
        if first in attributed:
            content, other, content_chain, other_chain = first, second, first_chain, second_chain
        else:
            content, other, content_chain, other_chain = second, first, second_chain, first_chain
        if other in attributed:
            return
        teller, side = attributed[content]
        if other == teller or side not in self.every_side(other):
            return
        if teller < other:
            key, chains = (teller, other), (content_chain, other_chain)
        else:
            key, chains = (other, teller), (other_chain, content_chain)
        rank = (
            ATTRIBUTION.rank,
            len(content_chain) + len(other_chain),
            sorted(chains),
            rule.rank,
        )
        known = best.get(key)
        if known is None or rank < known[0]:
            best[key] = (rank, ATTRIBUTION, rule, definite, chains, teller)


def _scoped_denial(rows: Rows, vocabulary: Vocabulary, denied: Claim, own: int) -> bool | None:
    """Whether a rebuttal's own claim denies a target claim definitely; ``None``: not at all.

    The periods decide (the own claim's, not the target's), with the modality of both claims
    and of the rebuttal: claims about periods that cannot overlap do not clash. ``denied`` is
    the target claim as :meth:`Rows.denied_claim` gives it (its period in its ``when``).
    """
    said_by, claims = rows.statements, rows.claims
    one = claim_period(denied, said_by[own], None)
    other = claim_period(claims[own], said_by[own], profile_of(vocabulary, claims[own].predicate))
    meeting = overlap(one, other)
    if meeting is Overlap.NONE:
        return None
    rebuttal = said_by[own]
    certain = (
        denied.modality is _CERTAIN
        and claims[own].modality is _CERTAIN
        and getattr(rebuttal, "modality", _CERTAIN) is _CERTAIN
    )
    return certain and meeting is Overlap.DEFINITE


def _keys(
    rows: Rows, vocabulary: Vocabulary, aids: Iterable[int]
) -> tuple[dict[int, tuple[Any, ...]], dict[int, tuple[str, ...]]]:
    """The sort key and the sides of each assertion in findings.

    A key (see the module docstring) leads with its period's first day as a number, which
    settles most comparisons of the final sort in C without reading a date; the dates that
    follow compare as their day numbers would, in the order of
    :class:`~diplostatements.TimeSpan`'s fields.
    """
    keys: dict[int, tuple[Any, ...]] = {}
    sides: dict[int, tuple[str, ...]] = {}
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
        sides[aid] = rows.every_side(statement) if statement.cosigners else (side(statement),)
    return keys, sides


# What an assertion says in findings: the assertion, and its sentence.
_Written = tuple[Assertion, str]


class _Maker:
    """Writes a finding out as a :class:`Contradiction`, when the report is read."""

    def __init__(self, found: Sequence[Finding], rows: Rows, writer: _reasons.Writer) -> None:
        self.found = found
        self.rows = rows
        self.writer = writer
        self.written: dict[tuple[int, str], _Written] = {}
        self.scoped: dict[tuple[int, int], ClaimRef] | None = None

    def assertion(self, aid: int, side: str) -> _Written:
        """Assertion ``aid`` for ``side``, and what it says (made once per report)."""
        known = self.written.get((aid, side))
        if known is None:
            source = self.rows.source(aid)
            statement, claim, denies = source.statement, source.claim, source.denies
            assertion = make_assertion(statement, claim, side, source.position, denies)
            told = self.writer.telling(statement, claim, side, denies=denies is not None)
            known = self.written[aid, side] = (assertion, told)
        return known

    def __call__(self, index: int) -> Contradiction:
        first_aid, second_aid, kind, rule, definite, chains, one, other = self.found[index]
        (first, first_told), (second, second_told) = (
            self.assertion(first_aid, one),
            self.assertion(second_aid, other),
        )
        retracted = kind is DENIAL and _retracts(second, first)
        if kind is ATTRIBUTION:
            content = self.rows.claims[self.rows.attributions[first_aid]]
            side = self.rows.attributed[self.rows.attributions[first_aid]][1]
            reason = self.writer.attribution(
                rule,
                attrs.evolve(first, claim=content),
                second,
                chains,
                side=side,
                told=(first_told, second_told),
                definite=definite,
            )
        else:
            reason = self.writer.reason(
                kind,
                rule,
                first,
                second,
                chains,
                told=(first_told, second_told),
                definite=definite,
                retracted=retracted,
                content=self._content_denied(first_aid, second_aid) if kind is DENIAL else None,
            )
        via = (*chains[0], *chains[1]) if kind is ENTAILED or kind is ATTRIBUTION else ()
        certainty = _DEFINITE if definite else _POSSIBLE
        return make_contradiction(first, second, kind, certainty, reason, via)

    def _content_denied(self, target: int, denier: int) -> Claim | None:
        """The nested content a DENIAL denies, if its reference points into content."""
        rows = self.rows
        if denier in rows.denied:
            ref = rows.denied[denier][0]
        else:
            if self.scoped is None:
                self.scoped = {(t, own): ref for t, own, ref in rows.scoped}
            ref = self.scoped[target, denier]
        if not ref.content:
            return None
        return ref.find(rows.statements[target])


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
            elif statement.kind is RebuttalKind.RETRACTION:
                # Each side that signed both withdraws its claim (one for most statements).
                ours = _every_side(rows, statement)
                retracted += [
                    Retraction(statement, target, claim, common)
                    for common in _every_side(rows, target)
                    if common in ours
                ]
    return tuple(disputes), tuple(retracted)


def _every_side(rows: Rows, statement: Statement) -> tuple[str, ...]:
    return rows.every_side(statement) if statement.cosigners else (rows.sides(statement),)


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
