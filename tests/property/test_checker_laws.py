"""Laws the checker obeys, on random statement sets from strategies.statement_sets().

The sets use a small vocabulary with one predicate of every sort and small pools of subjects,
objects, qualifiers and periods, so that clashes are frequent. The last law compares the checker
with :func:`brute_force`, an all-pairs reference written here from the clash conditions of the
checker's specification, sharing no code with the checker.
"""

from __future__ import annotations

import itertools
import random
import warnings
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplostatements.checker import check
from diplostatements.checker._profiles import claim_period, may_meet, period_span, profile_of
from diplostatements.claims import Claim, Modality
from diplostatements.collection import Assertion, Item, StatementSet
from diplostatements.quantities import Quantity
from diplostatements.rebuttals import ClaimRef, Rebuttal
from diplostatements.report import Certainty, Contradiction, Report
from diplostatements.rules import Rule, period_of
from diplostatements.statements import Statement
from diplostatements.strategies import (
    SMALL_VOCABULARY,
    ContradictingPair,
    claims,
    contradicting_pairs,
    statement_sets,
    statements,
)
from diplostatements.timespans import Overlap, TimeSpan
from diplostatements.vocabulary import Predicate, Vocabulary

DAY = date(2019, 1, 20)
LAW = settings(max_examples=max(100, settings().max_examples), deadline=None)
# The all-pairs reference takes about a second on 3,000 claims: a few examples unless "thorough".
BIG = settings(max_examples=max(6, settings().max_examples // 10), deadline=None)

# One finding, as the laws compare them: the two assertions (unordered), kind and certainty.
Key = tuple[frozenset[str], str, str]


def findings(report: Report) -> set[Key]:
    """The findings of a report in a form independent of order and wording."""
    return {
        (frozenset({c.first.ref, c.second.ref}), c.kind.value, c.certainty.value) for c in report
    }


def rebuilt(found: StatementSet, order: list[int]) -> StatementSet:
    """The same set, its items added in another order."""
    items: list[Item] = [*found.actors.values(), *found.affiliations, *found.part_of, *found]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # typo warnings about drawn entity names
        return StatementSet([items[i] for i in order])


class TestOrderIndependence:
    """Law: "findings do not depend on input order"."""

    @LAW
    @given(statement_sets(), st.randoms(use_true_random=False))
    def test_shuffled_items_give_the_same_report(
        self, found: StatementSet, rng: random.Random
    ) -> None:
        """Adding the same items in any order gives the same findings, in the same order."""
        count = len(found.actors) + len(found.affiliations) + len(found.part_of) + len(found)
        order = list(range(count))
        rng.shuffle(order)
        again = check(rebuilt(found, order), vocabulary=SMALL_VOCABULARY)
        first = check(found, vocabulary=SMALL_VOCABULARY)
        assert again.to_records() == first.to_records()
        assert again.disputes == first.disputes
        assert again.retracted == first.retracted


def documented_key(c: Contradiction, vocabulary: Vocabulary) -> tuple[object, ...]:
    """The order the checker's findings module documents, computed from the finding alone.

    DEFINITE first, between two sides before within one, by kind, the newest first (the last
    day the later statement may have been said), then the first assertion's key and the
    second's (period, when said, statement id, claim index, claim denied), then the sides.
    """

    def key(a: Assertion) -> tuple[object, ...]:
        profile = profile_of(vocabulary, a.claim.predicate)
        period = period_span(a.claim, a.statement, profile)
        said = a.statement.said_on
        return (
            period.start_earliest,
            period.start_latest,
            period.end_earliest,
            period.end_latest,
            said.start_earliest,
            said.start_latest,
            said.end_earliest,
            said.end_latest,
            a.statement.id,
            -1 if a.index is None else a.index,
            "" if a.denies is None else str(a.denies),
        )

    newest = max(c.first.statement.said_on.end_latest, c.second.statement.said_on.end_latest)
    return (
        c.certainty is not Certainty.DEFINITE,
        c.internal,
        list(Rule).index(c.kind),
        -newest.toordinal(),
        key(c.first),
        key(c.second),
        c.first.side,
        c.second.side,
    )


class TestReportOrder:
    """Law: the report's order is the documented one, whatever the set."""

    @LAW
    @given(statement_sets())
    def test_the_order_is_the_documented_one(self, found: StatementSet) -> None:
        report = list(check(found, vocabulary=SMALL_VOCABULARY))
        assert report == sorted(report, key=lambda c: documented_key(c, SMALL_VOCABULARY))


class TestSymmetry:
    """Law: "the relation is symmetric (swapping never changes whether a pair is found)"."""

    @LAW
    @given(claims(), claims())
    def test_swapping_claims_between_statements(self, x: Claim, y: Claim) -> None:
        """Two claims said on the same day clash the same way whichever statement holds which."""

        def kinds(one: Claim, two: Claim) -> set[tuple[str, str]]:
            report = check(
                [Statement("s1", "a", DAY, [one]), Statement("s2", "b", DAY, [two])],
                vocabulary=SMALL_VOCABULARY,
            )
            return {(c.kind.value, c.certainty.value) for c in report}

        assert kinds(x, y) == kinds(y, x)

    @LAW
    @given(contradicting_pairs())
    def test_a_contradicting_pair_is_found_either_way(self, pair: ContradictingPair) -> None:
        """A pair built to contradict is found, with its kind, in either order of the input."""
        first, second, kind = pair
        for items in ([first, second], [second, first]):
            report = check(items, vocabulary=SMALL_VOCABULARY)
            assert [c.kind for c in report] == [kind]


class TestNoSelfContradiction:
    """Law: "no claim contradicts itself"."""

    @LAW
    @given(claims())
    def test_a_claim_with_itself(self, claim: Claim) -> None:
        """A claim stated twice, in one statement or by two sides, is never a contradiction."""
        report = check(
            [
                Statement("s1", "a", DAY, [claim, claim]),
                Statement("s2", "b", DAY, [claim]),
            ],
            vocabulary=SMALL_VOCABULARY,
        )
        assert len(report) == 0

    @LAW
    @given(statement_sets())
    def test_no_finding_pairs_an_assertion_with_itself(self, found: StatementSet) -> None:
        """Every finding pairs two different assertions."""
        for c in check(found, vocabulary=SMALL_VOCABULARY):
            assert c.first.ref != c.second.ref


class TestMonotonicity:
    """Law: "adding statements never removes a finding between earlier ones"."""

    @LAW
    @given(statement_sets(), st.lists(statements(), max_size=4))
    def test_adding_statements_keeps_findings(
        self, found: StatementSet, extra: list[Statement]
    ) -> None:
        """Every finding of a set is still found once more statements are added."""
        before = findings(check(found, vocabulary=SMALL_VOCABULARY))
        renamed = [attrs.evolve(s, id=f"extra{n}") for n, s in enumerate(extra)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # typo warnings about drawn entity names
            more = StatementSet([*found.actors.values(), *renamed])
        after = findings(
            check(
                found | more,
                vocabulary=SMALL_VOCABULARY,
            )
        )
        assert before <= after


# --- the brute-force reference --------------------------------------------------------------
#
# Written from the clash conditions of the checker's specification, with its own reading of
# what the rules lean on: quantities (ranges of exact fractions, a count's floor at 0),
# implications (every chain of declared ``implies``, the shortest kept), contraries (declared in
# either direction) and symmetry. It calls no method of Quantity or Vocabulary that decides
# anything, so a bug in those cannot hide in both.


class Said(NamedTuple):
    """One assertion, as the reference sees it."""

    ref: str
    claim: Claim
    span: TimeSpan
    certain: bool
    denies: str | None  # the ref of the assertion a rebuttal's negation denies
    sides: tuple[str, ...]  # every side it commits (a joint statement: each signatory's)
    statement: str  # the id of the statement that says it
    hedged_by: bool = False  # a rebuttal's own claim: the rebuttal's modality is not CERTAIN
    attributed_to: str | None = None  # attributed content: the side it is attributed to
    denied_certain: bool = True  # an implied negation: whether the claim it denies is CERTAIN


class Stated(NamedTuple):
    """A denial a rebuttal states in a claim of its own: the target's ref and that claim's."""

    target: str
    own: str
    span: TimeSpan  # the period of the claim denied (nested content: see denied())
    certain: bool  # whether the claim denied, and every claim conveying it, is CERTAIN


def denied(ref: ClaimRef, target: Statement, reading: Reading) -> tuple[Claim, TimeSpan, bool]:
    """The claim a reference names, its period and whether it is certain all the way down.

    Nested content is about its own ``when``, else the period of the claim that conveys it
    (all time for a timeless predicate).
    """
    claim = target.claims[ref.claim]
    span = period(claim, target.said_on, reading)
    certain = claim.modality is Modality.CERTAIN
    for _ in range(ref.content):
        assert claim.content is not None  # the set checked the reference
        claim = claim.content
        span = period(claim, span, reading)
        certain = certain and claim.modality is Modality.CERTAIN
    return claim, span, certain


Chain = tuple[str, ...]


class Form(NamedTuple):
    """A claim in one orientation, stated or implied (``chain`` not empty)."""

    predicate: str
    subject: str
    object: str | None
    affirmed: bool
    qualifiers: frozenset[str]
    where: str | None
    content: Claim | None
    quantity: Quantity | None
    chain: Chain


class Reading(NamedTuple):
    """What the reference reads from a vocabulary's declarations, once per check."""

    declared: dict[str, Predicate]
    chains: dict[str, list[Chain]]  # predicate -> the shortest chain to each implied predicate
    contraries: dict[str, set[str]]


def read(vocabulary: Vocabulary) -> Reading:
    """Chains and contraries, worked out here from each predicate's declaration."""
    declared = dict(vocabulary.declared)

    def walk(path: Chain, found: dict[str, Chain]) -> None:
        for target in declared[path[-1]].implies:
            if target in path:
                continue  # a vocabulary refuses cycles; never loop on one
            chain = (*path, target)
            known = found.get(target)
            if known is None or (len(chain), chain) < (len(known), known):
                found[target] = chain
            walk(chain, found)

    chains: dict[str, list[Chain]] = {}
    for name in declared:
        found: dict[str, Chain] = {}
        walk((name,), found)
        chains[name] = list(found.values())
    contraries: dict[str, set[str]] = {name: set() for name in declared}
    for name, predicate in declared.items():
        for other in predicate.contrary:
            contraries[name].add(other)
            contraries[other].add(name)
    return Reading(declared, chains, contraries)


# A range's end as (value, left out); None is unbounded.
End = tuple[Fraction | None, bool]


def lower(q: Quantity) -> End:
    """The lower end, a count's floor being 0 however it was written."""
    if q.low is None:
        return (Fraction(0), False) if q.unit is None else (None, False)
    return Fraction(repr(q.low)) if isinstance(q.low, float) else Fraction(q.low), q.low_open


def upper(q: Quantity) -> End:
    """The upper end."""
    if q.high is None:
        return None, False
    return Fraction(repr(q.high)) if isinstance(q.high, float) else Fraction(q.high), q.high_open


def holds(q: Quantity, value: Fraction) -> bool:
    """Whether ``value`` lies in ``q``'s range, end by end."""
    (low, low_out), (high, high_out) = lower(q), upper(q)
    above = low is None or value > low or (value == low and not low_out)
    below = high is None or value < high or (value == high and not high_out)
    return above and below


def meet(a: Quantity, b: Quantity) -> bool:
    """Some value lies in both ranges (quantities of other units never clash).

    Two ranges that meet share their greatest lower end, or the midpoint of it and their least
    upper end, or a value beyond an end where one is unbounded: one of these candidates.
    """
    if a.unit != b.unit:
        return True
    ends = {end for q in (a, b) for end in (lower(q)[0], upper(q)[0]) if end is not None}
    candidates = {Fraction(0)} | ends | {end + step for end in ends for step in (-1, 1)}
    candidates |= {(first + second) / 2 for first in ends for second in ends}
    return any(holds(a, value) and holds(b, value) for value in candidates)


def within(inner: Quantity, outer: Quantity) -> bool:
    """Every value of ``inner`` lies in ``outer`` (same unit only)."""
    if inner.unit != outer.unit:
        return False

    def before(first: End, second: End, *, lows: bool) -> bool:
        # Whether the range ``first`` ends no further out than ``second`` on this side.
        (bound, left_out), (other, other_out) = first, second
        if other is None:
            return True
        if bound is None:
            return False
        if bound == other:
            return left_out or not other_out
        return bound > other if lows else bound < other

    return before(lower(inner), lower(outer), lows=True) and before(
        upper(inner), upper(outer), lows=False
    )


def same_proposition(one: Claim, other: Claim, reading: Reading) -> bool:
    """Same subject, predicate and object (either way round for a symmetric predicate)."""
    if one.predicate != other.predicate:
        return False
    if (one.subject, one.object) == (other.subject, other.object):
        return True
    declared = reading.declared.get(one.predicate)
    return (
        declared is not None
        and declared.symmetric
        and (one.subject, one.object) == (other.object, other.subject)
    )


def period(claim: Claim, default: TimeSpan, reading: Reading) -> TimeSpan:
    """A claim's period: its ``when``, all time if timeless, else ``default``."""
    if claim.when is not None:
        return claim.when
    known = reading.declared.get(claim.predicate)
    return TimeSpan.always() if known is not None and known.timeless else default


def attributed(found: StatementSet, reading: Reading) -> list[Said]:
    """Content attributed to a side: by an affirmed claim of an attributive predicate.

    Each is named by the attributing claim's ref, about the content's own period or else the
    attributing claim's, certain only if both claims are, and of the side the attributing
    claim's subject commits over that claim's period (only an actor can have statements).
    """
    found_content: list[Said] = []
    for statement in found:
        for index, claim in enumerate(statement.claims):
            declared = reading.declared.get(claim.predicate)
            content = claim.content
            if content is None or declared is None or not declared.attributive:
                continue
            if not claim.affirmed or claim.subject not in found.actors:
                continue
            span = period(claim, statement.said_on, reading)
            certain = claim.modality is Modality.CERTAIN and content.modality is Modality.CERTAIN
            side = found.side_of(claim.subject, span)
            found_content.append(
                Said(
                    f"{statement.id}#{index}",
                    content,
                    period(content, span, reading),
                    certain,
                    None,
                    found.sides_of_statement(statement),
                    statement.id,
                    attributed_to=side,
                )
            )
    return found_content


def assertions(found: StatementSet, reading: Reading) -> tuple[list[Said], list[Stated]]:
    """Every top-level claim, and every negation a contradicting rebuttal implies.

    A rebuttal that states a target claim's proposition with the other polarity implies no
    negation of it: that pair is listed apart.
    """
    said: list[Said] = []
    stated: list[Stated] = []
    for statement in found:
        hedged = isinstance(statement, Rebuttal) and statement.modality is not Modality.CERTAIN
        for index, claim in enumerate(statement.claims):
            certain = claim.modality is Modality.CERTAIN
            span = period(claim, statement.said_on, reading)
            sides = found.sides_of_statement(statement)
            name = f"{statement.id}#{index}"
            said.append(Said(name, claim, span, certain, None, sides, statement.id, hedged))
    for statement in found:
        if not isinstance(statement, Rebuttal) or not statement.kind.contradicts:
            continue
        refs: list[ClaimRef] = []
        for target in statement.targets:
            if isinstance(target, ClaimRef):
                refs.append(target)
            else:
                refs += [ClaimRef(target, i) for i in range(len(found.statements[target].claims))]
        for ref in dict.fromkeys(refs):
            claim, span, sure = denied(ref, found.statements[ref.statement_id], reading)
            target = f"{ref.statement_id}#{ref.claim}"  # nested content: its conveying claim
            own = [
                f"{statement.id}#{index}"
                for index, mine in enumerate(statement.claims)
                if mine.affirmed != claim.affirmed and same_proposition(mine, claim, reading)
            ]
            if own:
                stated += [Stated(target, ref_of_own, span, sure) for ref_of_own in own]
                continue
            negation = attrs.evolve(claim.negated(), when=span, modality=statement.modality)
            certain = statement.modality is Modality.CERTAIN
            sides = found.sides_of_statement(statement)
            ref_of_negation = f"{statement.id}#denies:{ref}"
            said.append(
                Said(
                    ref_of_negation,
                    negation,
                    span,
                    certain,
                    target,
                    sides,
                    statement.id,
                    denied_certain=sure,
                )
            )
    return said, stated


def scope(claim: Claim) -> tuple[frozenset[str], str | None, Claim | None]:
    """What narrows a claim: qualifiers, place and reported content."""
    return claim.qualifiers, claim.where, claim.content


Wholes = Callable[[str], list[tuple[str, Chain]]]
"""A part's wholes over an assertion's period, each with the part-of steps to it."""


def wholes(found: StatementSet, span: TimeSpan) -> Wholes:
    """The wholes of each part over ``span``: breadth first over the links that surely hold.

    Nearest first; at one distance the first reached from the part's nearer wholes taken in id
    order (links in order of their whole) wins.
    """
    links = sorted(
        (link for link in found.part_of if link.span.contains(span)), key=lambda link: link.whole
    )

    def of(part: str) -> list[tuple[str, Chain]]:
        reached: dict[str, Chain] = {}
        frontier: dict[str, Chain] = {part: ()}
        while frontier:
            following: dict[str, Chain] = {}
            for member in sorted(frontier):
                for link in links:
                    whole = link.whole
                    if link.part != member or whole == part or whole in reached:
                        continue
                    if whole not in following:
                        step = f"{link.part} part of {whole}"
                        following[whole] = (*frontier[member], step)
            reached |= following
            frontier = following
        return list(reached.items())

    return of


def forms(claim: Claim, reading: Reading, lift: Wholes | None = None) -> list[Form]:
    """The claim in every orientation it stands for, and (if affirmed) what it implies.

    With ``lift``, each distributive predicate the claim has or implies holds of the wholes of
    the subject of each orientation, the part-of steps added to the chain.
    """
    declared = reading.declared.get(claim.predicate)
    symmetric = declared is not None and declared.symmetric
    s, o = claim.subject, claim.object
    turns: list[tuple[str, str | None]] = [(s, o)] if o is None else [(s, o), (o, s)]
    stated = [
        Form(claim.predicate, a, b, claim.affirmed, *scope(claim), claim.quantity, ())
        for a, b in (turns if symmetric else turns[:1])
    ]
    if not claim.affirmed or declared is None:
        return stated
    implied = []
    for chain in reading.chains[claim.predicate]:
        target = reading.declared[chain[-1]]
        content = claim.content if target.reporting else None
        mirrored = symmetric or target.symmetric
        for a, b in turns if mirrored else turns[:1]:
            implied.append(
                Form(target.name, a, b, True, claim.qualifiers, claim.where, content, None, chain)
            )
    lifted = []
    if lift is not None:
        for chain in [(claim.predicate,), *reading.chains[claim.predicate]]:
            target = reading.declared[chain[-1]]
            if not target.distributive:
                continue
            content = claim.content if target.reporting else None
            mirrored = symmetric or target.symmetric
            for a, b in turns if mirrored else turns[:1]:
                for whole, steps in lift(a):
                    lifted.append(
                        Form(
                            target.name,
                            whole,
                            b,
                            True,
                            claim.qualifiers,
                            claim.where,
                            content,
                            None,
                            (*chain, *steps),
                        )
                    )
                    if target.symmetric and b is not None:  # stands for its mirror too
                        lifted.append(lifted[-1]._replace(subject=b, object=whole))
    return stated + implied + lifted


def narrower_or_equal(narrow: Form, broad: Form) -> bool:
    """Every claim of ``narrow`` is a claim of ``broad``."""
    return (
        broad.qualifiers <= narrow.qualifiers
        and broad.where in (None, narrow.where)
        and broad.content in (None, narrow.content)
    )


def negation(x: Form, y: Form) -> bool:
    """Same proposition, opposite polarity, the negation no narrower, quantities agreeing."""
    if (x.predicate, x.subject, x.object) != (y.predicate, y.subject, y.object):
        return False
    if x.affirmed == y.affirmed:
        return False
    negated, affirmed = (x, y) if y.affirmed else (y, x)
    if not narrower_or_equal(affirmed, negated):
        return False
    if negated.quantity is None:
        return True
    return affirmed.quantity is not None and within(affirmed.quantity, negated.quantity)


def exclusive(x: Form, y: Form, reading: Reading) -> bool:
    """One predicate, functional with two objects or inverse-functional with two subjects."""
    declared = reading.declared.get(x.predicate)
    if declared is None or x.predicate != y.predicate:
        return False
    two_objects = (
        x.subject == y.subject and None not in (x.object, y.object) and x.object != y.object
    )
    two_subjects = x.object == y.object and x.object is not None and x.subject != y.subject
    return (declared.functional and two_objects) or (declared.inverse_functional and two_subjects)


def contrary(x: Form, y: Form, reading: Reading) -> bool:
    """Contrary predicates, same subject and object."""
    same_pair = (x.subject, x.object) == (y.subject, y.object)
    return same_pair and y.predicate in reading.contraries.get(x.predicate, ())


def quantity(x: Form, y: Form) -> bool:
    """Same proposition and scope, ranges of one unit that do not meet."""
    if (x.predicate, x.subject, x.object) != (y.predicate, y.subject, y.object):
        return False
    if x.quantity is None or y.quantity is None or scope_of(x) != scope_of(y):
        return False
    return x.quantity.unit == y.quantity.unit and not meet(x.quantity, y.quantity)


def scope_of(form: Form) -> tuple[frozenset[str], str | None, Claim | None]:
    """A form's qualifiers, place and content."""
    return form.qualifiers, form.where, form.content


def clash(x: Form, y: Form, reading: Reading) -> str | None:
    """The rule under which two forms clash, if any (time aside)."""
    if negation(x, y):
        return "negation"
    if not (x.affirmed and y.affirmed):
        return None
    comparable = narrower_or_equal(x, y) or narrower_or_equal(y, x)
    found = None
    if comparable and exclusive(x, y, reading):
        found = "exclusive"
    elif comparable and contrary(x, y, reading):
        found = "contrary"
    elif quantity(x, y):
        found = "quantity"
    return found


RANK = ["denial", "negation", "exclusive", "contrary", "quantity", "entailed", "attribution"]


class Expected(NamedTuple):
    """A finding of the reference: its kind and certainty, and the chain(s) it may name.

    ``chains`` holds each way the best-ranked hits assign chains to the two assertions (more
    than one only when equally ranked hits swap equal-length chains): ref -> chain.
    """

    kind: str
    certainty: str
    chains: list[dict[str, Chain]]


Pair = frozenset[tuple[str, str]]
"""A finding's two assertions, each as (ref, side): a joint statement commits several sides."""


def side_pairs(a: Said, b: Said) -> list[Pair]:
    """The pairs of sides a clash between two assertions is reported for, each once.

    Every side of one against every side of the other; within one statement, each side against
    itself; for attributed content, against the side it is attributed to.
    """
    if a.statement == b.statement:
        pairs = [(side, side) for side in a.sides]
    else:
        others = b.sides if a.attributed_to is None else (a.attributed_to,)
        pairs = [(one, other) for one in a.sides for other in others]
    return [frozenset({(a.ref, one), (b.ref, other)}) for one, other in dict.fromkeys(pairs)]


def brute_force(found: StatementSet, vocabulary: Vocabulary) -> dict[Pair, Expected]:
    """Every pair of assertions compared with every other: the reference findings."""
    reading = read(vocabulary)
    said, stated = assertions(found, reading)
    scoped = {frozenset({pair.target, pair.own}): pair for pair in stated}
    expanded = [forms(a.claim, reading, wholes(found, a.span)) for a in said]
    # Only forms of one predicate, or of contrary predicates, can clash: skipping the pairs that
    # have neither keeps the reference fast without deciding anything about time or scope.
    names = [{form.predicate for form in each} for each in expanded]
    contraries = [set().union(*(reading.contraries.get(n, ()) for n in each)) for each in names]
    result: dict[frozenset[str], tuple[Expected, list[Pair]]] = {}
    for (i, a), (j, b) in itertools.combinations(enumerate(said), 2):
        pair = frozenset({a.ref, b.ref})
        if a.denies == b.ref or b.denies == a.ref:
            # The negation's certainty, and the denied claim's (a target's own is not enough
            # when the reference points into its content).
            negation = a if a.denies == b.ref else b
            sure = negation.certain and negation.denied_certain
            denial = Expected("denial", "definite" if sure else "possible", [{}])
            result[pair] = (denial, side_pairs(a, b))
            continue
        if pair in scoped:
            # The rebuttal's own claim decides the period, and its hedge counts.
            scope = scoped[pair]
            own = a if a.ref == scope.own else b
            meeting = own.span.overlap(scope.span)
            if meeting is not Overlap.NONE:
                sure = own.certain and scope.certain and not own.hedged_by
                sure = sure and meeting is Overlap.DEFINITE
                denial = Expected("denial", "definite" if sure else "possible", [{}])
                result[pair] = (denial, side_pairs(a, b))
            continue
        if names[i].isdisjoint(names[j]) and contraries[i].isdisjoint(names[j]):
            continue
        expected = strongest(a, b, expanded[i], expanded[j], reading)
        if expected is not None:
            result[pair] = (expected, side_pairs(a, b))
    # Content attributed to a side against that side's own assertions: the lowest rank.
    for content in attributed(found, reading):
        content_forms = forms(content.claim, reading, wholes(found, content.span))
        for other, other_forms in zip(said, expanded, strict=True):
            pair = frozenset({content.ref, other.ref})
            if content.attributed_to not in other.sides or other.ref == content.ref:
                continue
            if pair in result:
                continue
            expected = strongest(content, other, content_forms, other_forms, reading)
            if expected is not None:
                found_kind = Expected("attribution", expected.certainty, expected.chains)
                result[pair] = (found_kind, side_pairs(content, other))
    return {key: expected for expected, keys in result.values() for key in keys}


def strongest(
    a: Said, b: Said, a_forms: list[Form], b_forms: list[Form], reading: Reading
) -> Expected | None:
    """The best-ranked clash between two assertions' forms, if their periods may overlap."""
    overlap = a.span.overlap(b.span)
    if overlap is Overlap.NONE:
        return None
    best: tuple[object, ...] | None = None
    best_kind = ""
    ways: list[dict[str, Chain]] = []
    for x, y in itertools.product(a_forms, b_forms):
        rule = clash(x, y, reading)
        if rule is None:
            continue
        if x.chain or y.chain:  # ranked by the chains' length, then the chains, then rule
            rank: tuple[object, ...] = (
                RANK.index("entailed"),
                len(x.chain) + len(y.chain),
                sorted([x.chain, y.chain]),
                RANK.index(rule),
            )
            kind = "entailed"
        else:
            rank, kind = (RANK.index(rule),), rule
        way = {a.ref: x.chain, b.ref: y.chain}
        if best is None or rank < best:
            best, ways, best_kind = rank, [way], kind
        elif rank == best and way not in ways:
            ways.append(way)
    if best is None:
        return None
    sure = a.certain and b.certain and overlap is Overlap.DEFINITE
    return Expected(best_kind, "definite" if sure else "possible", ways)


def agrees(report: Report, expected: dict[Pair, Expected]) -> None:
    """The report holds exactly the expected findings, each naming an expected chain."""
    got = {
        frozenset({(c.first.ref, c.first.side), (c.second.ref, c.second.side)}): c for c in report
    }
    assert len(got) == len(report)
    assert got.keys() == expected.keys()
    for pair, finding in got.items():
        want = expected[pair]
        assert (finding.kind.value, finding.certainty.value) == (want.kind, want.certainty)
        if want.kind not in {"entailed", "attribution"}:
            assert finding.via == ()
            continue
        named = [(*way[finding.first.ref], *way[finding.second.ref]) for way in want.chains]
        assert finding.via in named


class TestBruteForce:
    """Law: "the findings equal those of a brute-force all-pairs reference" (up to 3,000 claims)."""

    @LAW
    @given(statement_sets(max_claims=60))
    def test_small_sets(self, found: StatementSet) -> None:
        """Sets drawn claim by claim: exactly the reference's findings, kinds and chains."""
        agrees(check(found, vocabulary=SMALL_VOCABULARY), brute_force(found, SMALL_VOCABULARY))

    @BIG
    @given(statement_sets(min_claims=1000, max_claims=3000))
    def test_large_sets(self, found: StatementSet) -> None:
        """Thousands of claims: exactly the reference's findings, kinds and chains."""
        agrees(check(found, vocabulary=SMALL_VOCABULARY), brute_force(found, SMALL_VOCABULARY))


class TestShortestChain:
    """Law: an ENTAILED finding names, for each implied claim, its shortest chain."""

    # A vocabulary in which "raids" reaches "fights" in one step and in two (through "invades"),
    # and "sieges" reaches "fights" in two steps two ways ("blockades" before "encircles").
    CHAINS = Vocabulary(
        [
            Predicate("raids", implies={"invades", "fights"}),
            Predicate("invades", implies={"fights"}),
            Predicate("sieges", implies={"encircles", "blockades"}),
            Predicate("encircles", implies={"fights"}),
            Predicate("blockades", implies={"fights"}),
            Predicate("fights"),
        ]
    )

    @pytest.mark.parametrize(
        ("stated", "via"),
        [
            ("raids", ("raids", "fights")),  # the one-step chain, not the two-step one
            ("invades", ("invades", "fights")),
            ("sieges", ("sieges", "blockades", "fights")),  # equal lengths: name order
        ],
    )
    def test_the_shortest_chain_is_named(self, stated: str, via: tuple[str, ...]) -> None:
        """Of two chains to the clashing predicate, the finding names the shorter one."""
        report = check(
            [
                Statement("s1", "a", DAY, [Claim("x", stated, "y")]),
                Statement("s2", "b", DAY, [Claim("x", "fights", "y").negated()]),
            ],
            vocabulary=self.CHAINS,
        )
        assert [(c.kind.value, c.via) for c in report] == [("entailed", via)]


class TestPeriods:
    """Law: the checker's one-call period of a claim is the period of its span."""

    @LAW
    @given(statements())
    def test_claim_period_is_period_of_span(self, statement: Statement) -> None:
        """``claim_period`` writes out ``period_of(period_span(...).ordinals())``."""
        for claim in statement.claims:
            for name in ("blames", claim.predicate):  # a timeless predicate, and its own
                profile = profile_of(SMALL_VOCABULARY, name)
                expected = period_of(period_span(claim, statement, profile).ordinals())
                assert claim_period(claim, statement, profile) == expected

    @LAW
    @given(st.lists(statements(), min_size=1, max_size=4), st.data())
    def test_may_meet_is_whether_two_periods_may_overlap(
        self, said: list[Statement], data: st.DataObject
    ) -> None:
        """``may_meet`` of a group is whether two of its entries' periods may overlap.

        Whether an entry is a bare number or a tuple, and a stated or implied claim, does not
        matter: the period is its assertion's.
        """
        claims_said = [(claim, statement) for statement in said for claim in statement.claims]
        if len(claims_said) < 2:
            return
        claims_by_aid = [claim for claim, _ in claims_said]
        said_by = [statement for _, statement in claims_said]
        profiles = {name: profile_of(SMALL_VOCABULARY, name) for name in SMALL_VOCABULARY}
        timeless = {name for name, profile in profiles.items() if profile and profile.timeless}
        group: list[int | tuple[int, str, str, str | None, tuple[str, ...]]] = [
            (aid, "implied", claim.object or "", claim.subject, ("implied",))
            if data.draw(st.booleans())
            else aid
            for aid, claim in enumerate(claims_by_aid)
        ]
        periods = [
            claim_period(claim, statement, profiles.get(claim.predicate))
            for claim, statement in claims_said
        ]
        expected = any(
            a.start <= b.end and b.start <= a.end for a, b in itertools.combinations(periods, 2)
        )
        assert may_meet(group, claims_by_aid, said_by, timeless) is expected
