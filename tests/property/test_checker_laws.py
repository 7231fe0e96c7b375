"""Laws the checker obeys, on random statement sets from strategies.statement_sets().

The sets use a small vocabulary with one predicate of every sort and small pools of subjects,
objects, qualifiers and periods, so that clashes are frequent. The last law compares the checker
with :func:`brute_force`, an all-pairs reference written here from the clash conditions of the
checker's specification, sharing no code with the checker.
"""

from __future__ import annotations

import itertools
import random
from datetime import date
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplostatements.checker import check
from diplostatements.checker._profiles import claim_period, may_meet, period_span, profile_of
from diplostatements.claims import Claim, Modality
from diplostatements.collection import Item, StatementSet
from diplostatements.exceptions import FieldError
from diplostatements.quantities import Quantity
from diplostatements.rebuttals import ClaimRef, Rebuttal
from diplostatements.report import Report
from diplostatements.rules import period_of
from diplostatements.statements import Statement
from diplostatements.strategies import (
    PLAIN_PREDICATE,
    SMALL_VOCABULARY,
    ContradictingPair,
    claims,
    contradicting_pairs,
    statement_sets,
    statements,
)
from diplostatements.timespans import Overlap, TimeSpan
from diplostatements.vocabulary import Vocabulary

DAY = date(2019, 1, 20)
LAW = settings(max_examples=max(100, settings().max_examples), deadline=None)
# The all-pairs reference takes seconds on 3,000 claims: a few examples unless "thorough".
BIG = settings(max_examples=max(3, settings().max_examples // 20), deadline=None)

# One finding, as the laws compare them: the two assertions (unordered), kind and certainty.
Key = tuple[frozenset[str], str, str]


def findings(report: Report) -> set[Key]:
    """The findings of a report in a form independent of order and wording."""
    return {
        (frozenset({c.first.ref, c.second.ref}), c.kind.value, c.certainty.value) for c in report
    }


def rebuilt(found: StatementSet, order: list[int]) -> StatementSet:
    """The same set, its items added in another order."""
    items: list[Item] = [*found.actors.values(), *found.affiliations, *found]
    return StatementSet([items[i] for i in order])


class TestOrderIndependence:
    """Law: "findings do not depend on input order"."""

    @LAW
    @given(statement_sets(), st.randoms(use_true_random=False))
    def test_shuffled_items_give_the_same_report(
        self, found: StatementSet, rng: random.Random
    ) -> None:
        """Adding the same items in any order gives the same findings, in the same order."""
        count = len(found.actors) + len(found.affiliations) + len(found)
        order = list(range(count))
        rng.shuffle(order)
        again = check(rebuilt(found, order), vocabulary=SMALL_VOCABULARY)
        first = check(found, vocabulary=SMALL_VOCABULARY)
        assert again.to_records() == first.to_records()
        assert again.disputes == first.disputes
        assert again.retracted == first.retracted


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
        after = findings(
            check(
                found | StatementSet([*found.actors.values(), *renamed]),
                vocabulary=SMALL_VOCABULARY,
            )
        )
        assert before <= after


# --- the brute-force reference --------------------------------------------------------------


class Said(NamedTuple):
    """One assertion, as the reference sees it."""

    ref: str
    claim: Claim
    span: TimeSpan
    certain: bool
    denies: str | None  # the ref of the assertion a rebuttal's negation denies


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
    chain: tuple[str, ...]


def assertions(found: StatementSet, vocabulary: Vocabulary) -> list[Said]:
    """Every top-level claim, and every negation a contradicting rebuttal implies."""

    def span_of(claim: Claim, statement: Statement) -> TimeSpan:
        if claim.when is not None:
            return claim.when
        known = vocabulary.get(claim.predicate)
        return TimeSpan.always() if known is not None and known.timeless else statement.said_on

    said: list[Said] = []
    for statement in found:
        for index, claim in enumerate(statement.claims):
            certain = claim.modality is Modality.CERTAIN
            said.append(
                Said(f"{statement.id}#{index}", claim, span_of(claim, statement), certain, None)
            )
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
            target_statement = found.statements[ref.statement_id]
            claim = target_statement.claims[ref.claim]
            span = span_of(claim, target_statement)
            negation = attrs.evolve(claim.negated(), when=span, modality=statement.modality)
            certain = statement.modality is Modality.CERTAIN
            said.append(Said(f"{statement.id}#denies:{ref}", negation, span, certain, str(ref)))
    return said


def scope(claim: Claim) -> tuple[frozenset[str], str | None, Claim | None]:
    """What narrows a claim: qualifiers, place and reported content."""
    return claim.qualifiers, claim.where, claim.content


def forms(claim: Claim, vocabulary: Vocabulary) -> list[Form]:
    """The claim in every orientation it stands for, and (if affirmed) what it implies."""
    declared = vocabulary.get(claim.predicate)
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
    for chain in vocabulary.implications(claim.predicate):
        target = vocabulary[chain[-1]]
        content = claim.content if target.reporting else None
        mirrored = symmetric or target.symmetric
        for a, b in turns if mirrored else turns[:1]:
            implied.append(
                Form(target.name, a, b, True, claim.qualifiers, claim.where, content, None, chain)
            )
    return stated + implied


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
    return affirmed.quantity is not None and negated.quantity.contains(affirmed.quantity)


def exclusive(x: Form, y: Form, vocabulary: Vocabulary) -> bool:
    """One predicate, functional with two objects or inverse-functional with two subjects."""
    declared = vocabulary.get(x.predicate)
    if declared is None or x.predicate != y.predicate:
        return False
    two_objects = (
        x.subject == y.subject and None not in (x.object, y.object) and x.object != y.object
    )
    two_subjects = x.object == y.object and x.object is not None and x.subject != y.subject
    return (declared.functional and two_objects) or (declared.inverse_functional and two_subjects)


def contrary(x: Form, y: Form, vocabulary: Vocabulary) -> bool:
    """Contrary predicates, same subject and object."""
    same_pair = (x.subject, x.object) == (y.subject, y.object)
    return same_pair and y.predicate in vocabulary.contraries(x.predicate)


def quantity(x: Form, y: Form) -> bool:
    """Same proposition and scope, same unit, ranges that do not meet."""
    if (x.predicate, x.subject, x.object) != (y.predicate, y.subject, y.object):
        return False
    if x.quantity is None or y.quantity is None or scope_of(x) != scope_of(y):
        return False
    return x.quantity.unit == y.quantity.unit and not x.quantity.compatible(y.quantity)


def scope_of(form: Form) -> tuple[frozenset[str], str | None, Claim | None]:
    """A form's qualifiers, place and content."""
    return form.qualifiers, form.where, form.content


def clash(x: Form, y: Form, vocabulary: Vocabulary) -> str | None:
    """The rule under which two forms clash, if any (time aside)."""
    if negation(x, y):
        return "negation"
    if not (x.affirmed and y.affirmed):
        return None
    comparable = narrower_or_equal(x, y) or narrower_or_equal(y, x)
    found = None
    if comparable and exclusive(x, y, vocabulary):
        found = "exclusive"
    elif comparable and contrary(x, y, vocabulary):
        found = "contrary"
    elif quantity(x, y):
        found = "quantity"
    return found


RANK = ["denial", "negation", "exclusive", "contrary", "quantity", "entailed"]


def brute_force(found: StatementSet, vocabulary: Vocabulary) -> set[Key]:
    """Every pair of assertions compared with every other: the reference findings."""
    said = assertions(found, vocabulary)
    expanded = [forms(a.claim, vocabulary) for a in said]
    # Only forms of one predicate, or of contrary predicates, can clash: skipping the pairs that
    # have neither keeps the reference fast without deciding anything about time or scope.
    names = [{form.predicate for form in each} for each in expanded]
    contraries = [set().union(*(vocabulary.contraries(n) for n in each)) for each in names]
    result: set[Key] = set()
    for (i, a), (j, b) in itertools.combinations(enumerate(said), 2):
        certain = a.certain and b.certain
        if a.denies == b.ref or b.denies == a.ref:
            result.add((frozenset({a.ref, b.ref}), "denial", "definite" if certain else "possible"))
            continue
        if names[i].isdisjoint(names[j]) and contraries[i].isdisjoint(names[j]):
            continue
        overlap = a.span.overlap(b.span)
        if overlap is Overlap.NONE:
            continue
        best = None
        for x, y in itertools.product(expanded[i], expanded[j]):
            rule = clash(x, y, vocabulary)
            if rule is None:
                continue
            kind = "entailed" if x.chain or y.chain else rule
            if best is None or RANK.index(kind) < RANK.index(best):
                best = kind
        if best is not None:
            sure = certain and overlap is Overlap.DEFINITE
            result.add((frozenset({a.ref, b.ref}), best, "definite" if sure else "possible"))
    return result


class TestBruteForce:
    """Law: "the findings equal those of a brute-force all-pairs reference" (up to 3,000 claims)."""

    @LAW
    @given(statement_sets(max_claims=60))
    def test_small_sets(self, found: StatementSet) -> None:
        """Sets drawn claim by claim: exactly the reference's findings."""
        assert findings(check(found, vocabulary=SMALL_VOCABULARY)) == brute_force(
            found, SMALL_VOCABULARY
        )

    @BIG
    @given(statement_sets(min_claims=1000, max_claims=3000))
    def test_large_sets(self, found: StatementSet) -> None:
        """Thousands of claims: exactly the reference's findings."""
        assert findings(check(found, vocabulary=SMALL_VOCABULARY)) == brute_force(
            found, SMALL_VOCABULARY
        )

    @LAW
    @given(statement_sets(max_claims=60))
    def test_shortest_chain_is_named(self, found: StatementSet) -> None:
        """An ENTAILED finding names a chain starting at a stated predicate."""
        for c in check(found, vocabulary=SMALL_VOCABULARY).of_kind("entailed"):
            assert c.via
            assert c.via[0] in (c.first.claim.predicate, c.second.claim.predicate)


class TestStrategies:
    """The strategies the laws rely on build what they promise."""

    def test_bad_sizes_are_refused(self) -> None:
        """A maximum below the minimum is refused when the strategy is made."""
        with pytest.raises(FieldError, match="max_claims"):
            statement_sets(min_claims=5, max_claims=2)

    @LAW
    @given(statement_sets(max_claims=20))
    def test_sets_use_the_small_pools(self, found: StatementSet) -> None:
        """Drawn sets hold at most the claims asked for, from the small vocabulary's predicates."""
        claims_in_set = [claim for statement in found for claim in statement.claims]
        assert len(claims_in_set) <= 20
        assert {c.predicate for c in claims_in_set} <= {*SMALL_VOCABULARY, PLAIN_PREDICATE}


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
