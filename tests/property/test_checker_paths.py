"""Law: the report is the same whichever form the same set reaches the checker in.

A :class:`~diplostatements.StatementSet`, the iterable of its items, and its tables (in memory
and as a Parquet set) give equal reports: the same findings in the same order, the same
sentences, disputes and retractions, and the same notes on the whole set (unknown predicates,
names that look alike).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from diplostatements import tables as tables_module
from diplostatements.checker import check
from diplostatements.collection import Item, StatementSet
from diplostatements.strategies import SMALL_VOCABULARY, statement_sets

LAW = settings(max_examples=max(60, settings().max_examples), deadline=None)
BIG = settings(max_examples=max(3, settings().max_examples // 20), deadline=None)


FORM = tables_module


def same(one: Any, other: Any) -> None:
    """Two reports are the same, down to their sentences and what they note about the set."""
    assert one == other
    assert one.to_records() == other.to_records()
    assert str(one) == str(other)
    assert one.unknown_predicates == other.unknown_predicates
    assert one.similar_names == other.similar_names


class TestEveryPathGivesTheSameReport:
    """Law: "the report is identical on every path"."""

    @LAW
    @given(statement_sets(max_claims=60))
    def test_items_and_tables(self, found: StatementSet) -> None:
        """A set, its items, and its tables give the same report."""
        expected = check(found, vocabulary=SMALL_VOCABULARY)
        items: list[Item] = [*found.actors.values(), *found.affiliations, *found.part_of, *found]
        same(check(items, vocabulary=SMALL_VOCABULARY), expected)
        same(check(FORM.to_arrow(found), vocabulary=SMALL_VOCABULARY), expected)

    @BIG
    @given(statement_sets(min_claims=1000, max_claims=3000))
    def test_large_sets_from_parquet(self, found: StatementSet) -> None:
        """Thousands of claims, through a Parquet set: the same report."""
        with tempfile.TemporaryDirectory() as folder:
            FORM.write_parquet(FORM.to_arrow(found), Path(folder) / "set")
            from_file = check(Path(folder) / "set", vocabulary=SMALL_VOCABULARY)
        same(from_file, check(found, vocabulary=SMALL_VOCABULARY))
