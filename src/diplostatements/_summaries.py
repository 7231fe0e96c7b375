"""A report's findings counted by the sides they are between (:meth:`Report.summary_by_sides`).

One row per pair of sides that contradict each other (the pair taken in either order) and one row
per side that contradicts itself, each with its counts by certainty and by kind. The rows are
counted from the report's compact findings: no finding is written out to count it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from . import _phrases
from ._html import table
from .rules import Rule

__all__ = ["SidesSummary", "count_by_sides"]

Counted = tuple[str, str, bool, Rule]
"""What is counted of a finding: its two sides, whether it is DEFINITE, and its kind."""


class SidesSummary(Sequence[dict[str, Any]]):
    """Counts of contradictions by the pair of sides they are between.

    A sequence of flat records (dicts of plain values, ready for ``pandas.DataFrame``), one per
    pair of sides and one per side that contradicts itself (``internal``); it shows as a table
    in a notebook and as text with ``str()``. Each record has the keys ``side``, ``side_name``,
    ``other_side``, ``other_side_name`` (the same side again for an internal row), ``internal``,
    ``contradictions``, ``definite``, ``possible``, and each kind's name (``denial``...).

    Rows between two sides come first, then the internal ones; within each, the pairs with the
    most contradictions first, then by name. The two sides of a pair are in name order.
    """

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self._rows = tuple(dict(row) for row in rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> SidesSummary: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | SidesSummary:
        if isinstance(index, slice):
            return SidesSummary(self._rows[index])
        return dict(self._rows[index])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (dict(row) for row in self._rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SidesSummary):
            return NotImplemented
        return self._rows == other._rows

    __hash__ = None  # type: ignore[assignment]  # a sequence of dicts is not hashable

    def to_records(self) -> list[dict[str, Any]]:
        """The rows as a list of new dicts."""
        return list(self)

    def __repr__(self) -> str:
        return f"<SidesSummary: {len(self._rows)} rows>"

    def lines(self) -> list[str]:
        """The table as lines of text: the sides, then the counts."""
        header = ["sides", "contradictions", "definite", "possible", "kinds"]
        rows = [header] + [_cells(row) for row in self._rows]
        widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
        return [
            "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)),
                       row[-1]]).rstrip()
            for row in rows
        ]  # fmt: skip

    def __str__(self) -> str:
        return "\n".join(self.lines()) if self._rows else "no contradictions"

    def _repr_html_(self) -> str:
        return table(
            "sides-summary",
            (_cells(row) for row in self._rows),
            header=("sides", "contradictions", "definite", "possible", "kinds"),
            caption="Contradictions by sides",
        )


def _cells(row: Mapping[str, Any]) -> list[str]:
    if row["internal"]:
        sides = f"{row['side_name']}, internal"
    else:
        sides = f"{row['side_name']} vs {row['other_side_name']}"
    sides = _phrases.capitalized(sides)
    kinds = ", ".join(f"{rule.value} {row[rule.value]}" for rule in Rule if row[rule.value])
    return [
        sides,
        str(row["contradictions"]),
        str(row["definite"]),
        str(row["possible"]),
        kinds,
    ]


def count_by_sides(found: Iterable[Counted], names: Mapping[str, str]) -> SidesSummary:
    """Count findings by their pair of sides.

    Args:
        found: each finding's sides, whether it is DEFINITE, and its kind.
        names: actor id -> name, for the ``*_name`` columns and the order.
    """
    counts: dict[tuple[str, str], dict[str, Any]] = {}

    def key(side: str) -> tuple[str, str]:
        return (names.get(side, side).casefold(), side)

    for first, second, definite, kind in found:
        pair = (first, second) if key(first) <= key(second) else (second, first)
        row = counts.get(pair)
        if row is None:
            row = counts[pair] = _row(*pair, names)
        row["contradictions"] += 1
        row["definite" if definite else "possible"] += 1
        row[kind.value] += 1
    ordered = sorted(
        counts.values(),
        key=lambda row: (
            row["internal"],
            -row["contradictions"],
            key(row["side"]),
            key(row["other_side"]),
        ),
    )
    return SidesSummary(ordered)


def _row(side: str, other: str, names: Mapping[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "side": side,
        "side_name": _phrases.running_name(side, names),
        "other_side": other,
        "other_side_name": _phrases.running_name(other, names),
        "internal": side == other,
        "contradictions": 0,
        "definite": 0,
        "possible": 0,
    }
    row.update(dict.fromkeys((rule.value for rule in Rule), 0))
    return row


def sides_of(findings: Sequence[Any]) -> Iterator[Counted]:
    """What :func:`count_by_sides` counts, read from written-out contradictions."""
    for finding in findings:
        first, second = finding.sides
        yield first, second, finding.certainty.value == "definite", finding.kind
