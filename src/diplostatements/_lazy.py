"""Findings held compactly by a report, each written out as a contradiction when first read."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from ._summaries import sides_of
from .rules import Rule

if TYPE_CHECKING:
    from .report import Contradiction

__all__ = ["_LazyFindings"]


class _LazyFindings(Sequence["Contradiction"]):
    """Findings held compactly, each written out as a :class:`Contradiction` when first read.

    The checker hands a report its findings as three columns (kind, whether definite, whether
    internal) and a function that writes finding ``i`` out; a view of some of them (a filter)
    shares what was written with the findings it was taken from.

    Args:
        kinds: each finding's kind.
        definite: whether each is DEFINITE.
        internal: whether each is internal.
        make: writes finding ``i`` out.
        order: the findings of this view, by number (``None``: all of them).
        made: what was written so far, by number (shared between views).
    """

    __slots__ = ("_definite", "_internal", "_kinds", "_made", "_make", "_order", "_sides")

    def __init__(  # noqa: PLR0917 -- three columns and what reads them
        self,
        kinds: Sequence[Rule],
        definite: Sequence[bool],
        internal: Sequence[bool],
        make: Callable[[int], Contradiction],
        order: Sequence[int] | None = None,
        made: list[Contradiction | None] | None = None,
        sides: Callable[[int], tuple[str, str]] | None = None,
    ) -> None:
        self._kinds = kinds
        self._definite = definite
        self._internal = internal
        self._make = make
        # The two sides of finding i, read without writing it out (None: by writing it out).
        self._sides = sides
        self._order = range(len(kinds)) if order is None else order
        self._made: list[Contradiction | None] = [None] * len(kinds) if made is None else made

    def __len__(self) -> int:
        return len(self._order)

    def _one(self, number: int) -> Contradiction:
        found = self._made[number]
        if found is None:
            found = self._made[number] = self._make(number)
        return found

    @overload
    def __getitem__(self, index: int) -> Contradiction: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Contradiction, ...]: ...
    def __getitem__(self, index: int | slice) -> Contradiction | tuple[Contradiction, ...]:
        if isinstance(index, slice):
            return tuple(map(self._one, self._order[index]))
        return self._one(self._order[index])

    def __iter__(self) -> Iterator[Contradiction]:
        return map(self._one, self._order)

    def where(
        self,
        *,
        kinds: frozenset[Rule] | None = None,
        definite: bool | None = None,
        internal: bool | None = None,
    ) -> _LazyFindings:
        """The findings of some kinds, certainty or sides, without writing any out."""
        order = [
            number
            for number in self._order
            if (kinds is None or self._kinds[number] in kinds)
            and (definite is None or self._definite[number] is definite)
            and (internal is None or self._internal[number] is internal)
        ]
        return self._view(order)

    def _view(self, order: Sequence[int]) -> _LazyFindings:
        return _LazyFindings(
            self._kinds,
            self._definite,
            self._internal,
            self._make,
            order,
            self._made,
            self._sides,
        )

    def sliced(self, index: slice) -> _LazyFindings:
        """Some of the findings, by position, without writing any out."""
        return self._view(self._order[index])

    def counted_by_sides(self) -> Iterator[tuple[str, str, bool, Rule]]:
        """Each finding's sides, certainty and kind (written out only if sides are unknown)."""
        sides = self._sides
        if sides is None:
            yield from sides_of(self)
            return
        for number in self._order:
            first, second = sides(number)
            yield first, second, self._definite[number], self._kinds[number]

    def counts(self) -> tuple[int, int, int, dict[Rule, int]]:
        """How many are definite, possible and internal, and how many of each kind."""
        definite = sum(self._definite[number] for number in self._order)
        internal = sum(self._internal[number] for number in self._order)
        kinds = dict.fromkeys(Rule, 0)
        for number in self._order:
            kinds[self._kinds[number]] += 1
        return definite, len(self._order) - definite, internal, kinds
