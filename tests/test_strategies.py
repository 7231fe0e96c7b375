from __future__ import annotations

import collections
import importlib
import pickle
import subprocess
import sys
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from diplostatements import _generating
from diplostatements.checker import check
from diplostatements.collection import StatementSet
from diplostatements.exceptions import DiplostatementsError, FieldError, MissingExtraError
from diplostatements.rebuttals import ClaimRef, Rebuttal
from diplostatements.statements import Statement
from diplostatements.strategies import (
    PLAIN_PREDICATE,
    SMALL_VOCABULARY,
    rich_statement_sets,
    statement_sets,
    statements,
    time_spans,
)

QUICK = settings(max_examples=20, deadline=None)


def claim_count(found: StatementSet) -> int:
    """How many claims the set's statements hold (a claimless statement holds none)."""
    return sum(len(statement.claims) for statement in found)


class TestStatementSets:
    def test_bad_sizes_are_refused(self) -> None:
        """A maximum below the minimum is refused when the strategy is made."""
        with pytest.raises(FieldError, match="max_claims"):
            statement_sets(min_claims=5, max_claims=2)

    # (fewest claims, most claims): drawn claim by claim up to 200, from a seed above
    @pytest.mark.parametrize(
        ("low", "high"), [(0, 0), (1, 1), (5, 20), (40, 60), (250, 300), (2990, 3000)]
    )
    @QUICK
    @given(data=st.data())
    def test_the_claims_asked_for(self, low: int, high: int, data: st.DataObject) -> None:
        """A drawn set holds between min_claims and max_claims claims, claimless ones aside."""
        found = data.draw(statement_sets(min_claims=low, max_claims=high))
        assert low <= claim_count(found) <= high

    @QUICK
    @given(statement_sets(max_claims=30))
    def test_sets_use_the_small_pools(self, found: StatementSet) -> None:
        """Claims come from the vocabulary's predicates and the plain one, speakers from a-d."""
        said = [claim for statement in found for claim in statement.claims]
        assert {c.predicate for c in said} <= {*SMALL_VOCABULARY, PLAIN_PREDICATE}
        assert {statement.speaker for statement in found} <= set(_generating.SPEAKERS)

    @pytest.mark.parametrize("size", [8, 40, 400])
    def test_few_statements_are_claimless(self, size: int) -> None:
        """At most one statement in eight claims (and one more) holds no claim."""
        for seed in range(20):
            found = _generating.statement_set(_generating.Seeded(seed), SMALL_VOCABULARY, size)
            bare = sum(not statement.claims for statement in found)
            assert claim_count(found) == size
            assert bare <= 1 + size // 8

    def test_a_seed_gives_one_set(self) -> None:
        """The same seed and size give the same set: a failing large set can be rebuilt."""
        made = [
            _generating.statement_set(_generating.Seeded(7), SMALL_VOCABULARY, 500)
            for _ in range(2)
        ]
        assert made[0] == made[1]
        assert list(made[0]) == list(made[1])


Found = tuple[collections.Counter[str], collections.Counter[str], int]


@pytest.fixture(scope="module")
def found() -> Found:
    """Findings by kind, and sets with a finding of each kind, over 150 sets of 30 claims."""
    findings: collections.Counter[str] = collections.Counter()
    sets_with: collections.Counter[str] = collections.Counter()
    empty = 0
    for seed in range(150):
        made = _generating.statement_set(_generating.Seeded(seed), SMALL_VOCABULARY, 30)
        kinds = collections.Counter(c.kind.value for c in check(made, vocabulary=SMALL_VOCABULARY))
        findings.update(kinds)
        sets_with.update(set(kinds))
        empty += not kinds
    return findings, sets_with, empty


class TestEveryRuleIsExercised:
    """Generated sets exercise every rule, none of them crowding out the others."""

    RULES = ("denial", "negation", "exclusive", "contrary", "quantity", "entailed")

    @pytest.mark.parametrize("rule", RULES)
    def test_each_rule_is_found_in_many_sets(self, rule: str, found: Found) -> None:
        """Each rule finds something in at least a fifth of the sets."""
        _, sets_with, _ = found
        assert sets_with[rule] >= 150 // 5

    def test_no_rule_crowds_out_the_others(self, found: Found) -> None:
        """No kind makes up half the findings, and each makes up at least one in fifty."""
        findings, _, _ = found
        total = sum(findings.values())
        assert all(findings[rule] < total / 2 for rule in self.RULES)
        assert all(findings[rule] >= total / 50 for rule in self.RULES)

    def test_almost_every_set_has_a_finding(self, found: Found) -> None:
        """Fewer than one set in twenty has nothing to find."""
        _, _, empty = found
        assert empty < 150 / 20


class TestSmallVocabulary:
    def test_a_directed_predicate_implies_a_symmetric_one(self) -> None:
        """Some directed predicate implies a symmetric one (and some symmetric a directed one)."""
        declared = SMALL_VOCABULARY.declared
        pairs = {
            (declared[name].symmetric, declared[implied].symmetric)
            for name in declared
            for implied in declared[name].implies
        }
        assert (False, True) in pairs
        assert (True, False) in pairs

    def test_some_predicate_reaches_another_by_chains_of_two_lengths(self) -> None:
        """A predicate implies another directly and through a third: the shorter chain counts."""
        declared = SMALL_VOCABULARY.declared
        assert any(
            target in declared[middle].implies
            for name in declared
            for middle in declared[name].implies
            for target in declared[name].implies
        )


class TestTimeSpans:
    def test_an_empty_range_is_refused(self) -> None:
        """A latest day before the earliest is refused when the strategy is made."""
        with pytest.raises(FieldError, match="max_value"):
            time_spans(min_value=date(2020, 1, 2), max_value=date(2020, 1, 1))


class TestStatements:
    @QUICK
    @given(statements(max_claims=2))
    def test_plain_statements(self, statement: Statement) -> None:
        """statements() draws plain statements (never rebuttals) of up to max_claims claims."""
        assert not isinstance(statement, Rebuttal)
        assert len(statement.claims) <= 2


class TestWithoutHypothesis:
    def test_importing_says_which_extra_to_install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without Hypothesis, importing the strategies names the extra that installs it."""
        monkeypatch.setitem(sys.modules, "hypothesis", None)
        monkeypatch.delitem(sys.modules, "diplostatements.strategies")
        with pytest.raises(MissingExtraError) as caught:
            importlib.import_module("diplostatements.strategies")
        assert isinstance(caught.value, DiplostatementsError)
        assert isinstance(caught.value, ImportError)
        assert caught.value.extra == "strategies"
        assert "'strategies' extra" in str(caught.value)
        assert "pip install -e '.[strategies]'" in str(caught.value)
        again = pickle.loads(pickle.dumps(caught.value))
        assert (again.feature, again.package, again.extra) == (
            "diplostatements.strategies",
            "hypothesis",
            "strategies",
        )

    def test_the_core_needs_no_hypothesis(self) -> None:
        """The package and its checker import and run with Hypothesis blocked."""
        code = (
            "import sys; sys.modules['hypothesis'] = None\n"
            "import diplostatements\n"
            "from diplostatements import examples\n"
            "print(len(examples.venezuela_2019().check()))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert int(done.stdout) > 0


class TestNewItems:
    @pytest.mark.parametrize(
        "wanted",
        [
            lambda s: any(statement.cosigners for statement in s),
            lambda s: bool(s.part_of),
            lambda s: any(
                isinstance(target, ClaimRef) and target.content
                for statement in s
                if isinstance(statement, Rebuttal)
                for target in statement.targets
            ),
        ],
        ids=["joint statement", "part-of link", "target in content"],
    )
    def test_rich_sets_hold_them(self, wanted: Callable[[StatementSet], bool]) -> None:
        """Rich sets hold joint statements, part-of links, content targets (find fails if not)."""
        found = find(
            rich_statement_sets(),
            wanted,
            settings=settings(max_examples=2000, phases=[Phase.generate], database=None),
        )
        assert wanted(found)

    @pytest.mark.parametrize(
        "wanted",
        [lambda s: any(statement.cosigners for statement in s), lambda s: bool(s.part_of)],
        ids=["joint statement", "part-of link"],
    )
    def test_checker_sets_hold_them(self, wanted: Callable[[StatementSet], bool]) -> None:
        """The checker's sets hold joint statements and part-of links (find fails if never)."""
        found = find(
            statement_sets(min_claims=20),
            wanted,
            settings=settings(max_examples=500, phases=[Phase.generate], database=None),
        )
        assert wanted(found)
