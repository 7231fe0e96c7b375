"""Problems found in tables, each named by table, row and column, gathered into one error.

Checks work a column at a time: each hands :meth:`Found.rows` a mask of the bad rows, and only
the first :data:`~diplostatements._problems.MAX_PROBLEMS` of them are turned into messages (the
rest are counted). :meth:`Found.check` lists every kept problem in table, row and column order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc

from ._problems import MAX_PROBLEMS
from .exceptions import DiplostatementsError, ValidationError

__all__ = ["Found", "Place", "column_path", "row_path"]

Place = tuple[int, int, int]
"""Where a problem sorts: the table's position, the row (-1 for the whole table), the column's
position."""

_TABLE: Final = -1


def column_path(label: str, column: str) -> str:
    """The path of a whole column: ``claims.parquet: column 'speaker'``."""
    return f"{label}: column {column!r}"


def row_path(label: str, row: int, column: str) -> str:
    """The path of one value: ``claims.parquet: row 1041, column 'when_start_earliest'``."""
    return f"{label}: row {row}, column {column!r}"


class Found:
    """The problems found so far; each check adds at most :data:`MAX_PROBLEMS` of its own."""

    __slots__ = ("count", "kept")

    def __init__(self) -> None:
        self.kept: list[tuple[Place, int, DiplostatementsError]] = []
        self.count = 0

    def add(self, place: Place, problem: DiplostatementsError) -> None:
        """Record one problem at ``place``."""
        self.count += 1
        self.kept.append((place, len(self.kept), problem))

    def table(self, table: int, column: int, problem: DiplostatementsError) -> None:
        """Record a problem of a whole table or column."""
        self.add((table, _TABLE, column), problem)

    def rows(
        self,
        table: int,
        column: int,
        bad: pa.Array | pa.ChunkedArray | None,
        problem: Callable[[int, Any], DiplostatementsError],
        values: pa.Array | pa.ChunkedArray | None = None,
    ) -> int:
        """Record a problem for each row where ``bad`` is true (null counts as false).

        Args:
            table: the table's position.
            column: the column's position (for the order of the listing).
            bad: a boolean mask over the table's rows, or None (nothing bad).
            problem: makes the problem of one row from its number and its value in ``values``.
            values: the column whose value each problem shows (None: the problem gets None).

        Returns:
            How many rows were bad.
        """
        if bad is None:
            return 0
        mask = pc.fill_null(bad, False) if bad.null_count else bad
        count = pc.sum(mask).as_py() or 0
        if not count:
            return 0
        rows = pc.indices_nonzero(mask).slice(0, MAX_PROBLEMS)
        shown: Sequence[Any] = (
            [None] * len(rows) if values is None else values.take(rows).to_pylist()
        )
        for row, value in zip(rows.to_pylist(), shown, strict=True):
            self.add((table, row, column), problem(row, value))
        self.count += count - len(rows)
        return int(count)

    def check(self, source: str | None) -> None:
        """Raise one :class:`~diplostatements.exceptions.ValidationError` if anything was found.

        ``source`` names where the tables came from (a directory), if anywhere.
        """
        if not self.count:
            return
        ordered = [problem for _, _, problem in sorted(self.kept, key=lambda kept: kept[:2])]
        listed = ordered[:MAX_PROBLEMS]
        message = (
            "the tables are not a valid diplostatements table set"
            if source is None
            else f"{source} is not a valid diplostatements table set"
        )
        if self.count > len(listed):
            message += f"; the first {len(listed)} of {self.count} problems are listed"
        raise ValidationError(message, listed)
