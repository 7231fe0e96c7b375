"""Quantities: how many, or what share, a claim is about ("most of their people", "about 1,000").

A :class:`Quantity` is a range ``low .. high`` whose ends may be left out (open) or unbounded
(``None``), in a unit: ``None`` for a count of things, :data:`PROPORTION` for a share from 0 to 1,
or any other string the user picks ("km", "USD"). Two quantities are :meth:`~Quantity.compatible`
when their ranges meet; quantities in different units never clash.

>>> Quantity.parse("about 1,000").compatible(Quantity.parse("a few dozen"))
False
>>> Quantity.parse("most").compatible(Quantity.parse("not all"))
True

What :meth:`Quantity.parse` understands (``n`` is any number; ``[`` and ``]`` include an end,
``(`` and ``)`` leave it out; a count never goes below 0, a share stays within 0..1):

=====================  =====  ==================================================================
range                  unit   phrases
=====================  =====  ==================================================================
exactly n              count  "1,000", "100", "2.5 million", "twenty-five", "a hundred",
                              "a thousand", "a dozen", "two dozen", "half a dozen"
[0.9 n, 1.1 n]         count  "about n", "around n", "roughly", "approximately", "some n",
                              "an estimated", "close to"
[0.9 n, n)             count  "nearly n", "almost", "just under"
(n, unbounded)         count  "more than n", "over", "above", "in excess of"
[n, unbounded]         count  "at least n" ("at least one"), "no fewer than", "no less than",
                              "not less than"
[0, n)                 count  "fewer than n", "less than", "under", "below"
[0, n]                 count  "up to n", "at most", "no more than", "not more than"
[a, b]                 count  "between a and b", "from a to b", "a to b", "a-b" (or a dash)
[2, 5]                 count  "a few", "a handful"
[3, 9]                 count  "several"
[2, 5] x scale         count  "a few dozen" ([24, 60]), "a few hundred", "a few thousand"...
[3, 9] x scale         count  "several dozen" ([36, 108]), "several hundred"...
[24, 100)              count  "dozens"
[2 x scale, next)      count  "hundreds" ([200, 1000)), "thousands" ([2000, 10000)), "tens of
                              thousands", "hundreds of thousands", "millions", "tens of
                              millions", "hundreds of millions", "billions"
exactly n / 100        share  "40%", "40 percent", "40 per cent"
exactly that share     share  "all", "half", "a third", "two thirds", "a quarter",
                              "three quarters"
as for counts          share  a modifier above before a share: "about 40 percent" [0.36, 0.44],
                              "nearly all" [0.9, 1), "about half" [0.45, 0.55], "more than
                              half" (0.5, 1], "at most a third" [0, 1/3]
(0.5, 1]               share  "most", "a majority", "the majority"
(0, 0.5)               share  "a minority"
(0, 1]                 share  "some"
[0, 1)                 share  "not all"
[0, 0]                 share  "none", "no"
[0, 0.1]               share  "almost none", "nearly none", "hardly any"
=====================  =====  ==================================================================

"At least one" is a count, ``[1, unbounded]``. "Some" alone is a share; "some 200" is about 200.
"A few" and "several" alone are **counts** (2 to 5, 3 to 9 things), the reading news most often
means ("a few specialists remain"), and the one that agrees with "a few dozen" (24 to 60). For a
small *share*, build it: ``Quantity.proportion(0, 0.25, low_open=True)``. A bare number is exact:
"100" does not match "101" (write "about 100" when the source hedges). Words are matched without
regard to case; anything else raises :class:`~diplostatements.exceptions.ParseError` pointing at
the first word not understood.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from . import _quantity_words as words
from ._validation import of_type, optional_non_empty_str, path_of
from .exceptions import FieldError

__all__ = ["PROPORTION", "Quantity"]

PROPORTION: Final = words.PROPORTION
"""The unit of a share of a whole, from 0 (none) to 1 (all)."""

Number = int | float


def _number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(path_of(instance, attribute), "None or a number", value)
    if not math.isfinite(value):
        raise FieldError(path_of(instance, attribute), "None or a finite number", value)


def _argument(path: str, value: object) -> Fraction:
    """A constructor's number argument, checked and made exact."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FieldError(path, "a finite number", value)
    return words.exact(value)


def _figure(value: Number, unit: str | None) -> str:
    """A number as people write it: "1,000", "13.5"; a share as a percentage without its sign.

    Every digit of the shortest form of a float is kept (never rounded), so that two different
    ends never read the same.
    """
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if unit == PROPORTION:
        exact = exact.scaleb(2)  # exact: only the exponent moves
    if exact == exact.to_integral_value():
        return f"{int(exact):,}"
    return f"{exact.normalize():,f}"


def _with_unit(figures: str, unit: str | None) -> str:
    if unit == PROPORTION:
        return f"{figures}%"
    return figures if unit is None else f"{figures} {unit}"


@attrs.frozen
class Quantity:
    """How many, or what share: a range whose ends may be open or unbounded.

    Build one with the named constructors (:meth:`exactly`, :meth:`about`, :meth:`at_least`,
    :meth:`at_most`, :meth:`between`, :meth:`proportion`) or read a phrase with :meth:`parse`.

    A count has a floor of 0, so a count's ``low`` of ``None`` is stored as ``0``:
    ``Quantity(None, 3)`` and ``Quantity(0, 3)`` are the same value ("at most 3"). Two quantities
    whose ranges read the same are equal, and contain and meet the same quantities.

    Args:
        low: the lower end, or ``None`` for no lower bound (a count's is then 0).
        high: the upper end, or ``None`` for no upper bound.
        unit: ``None`` for a count of things (both ends 0 or more), :data:`PROPORTION` for a
            share (both ends given, from 0 to 1), or any other unit's name.
        text: the words the quantity was read from, if any; :func:`str` shows them.
        low_open: the range leaves ``low`` itself out ("more than 50").
        high_open: the range leaves ``high`` itself out ("fewer than 10").

    Raises:
        FieldError: an end is not a finite number (``bool`` is not a number), the range is empty
            (``low > high``, or ``low == high`` with an end left out), an open end is
            unbounded, a count is negative, or a share lies outside 0..1.

    >>> Quantity(24, 60)
    Quantity(low=24, high=60, unit=None, text=None, low_open=False, high_open=False)
    >>> str(Quantity(0.5, 1, unit=PROPORTION, low_open=True))
    'more than 50%'
    """

    low: Number | None = attrs.field(validator=_number)
    high: Number | None = attrs.field(validator=_number)
    unit: str | None = attrs.field(default=None, kw_only=True, validator=optional_non_empty_str)
    text: str | None = attrs.field(default=None, kw_only=True, validator=optional_non_empty_str)
    low_open: bool = attrs.field(default=False, kw_only=True, validator=of_type(bool, "a bool"))
    high_open: bool = attrs.field(default=False, kw_only=True, validator=of_type(bool, "a bool"))

    def __attrs_post_init__(self) -> None:
        if self.low is None and self.low_open:
            raise FieldError("Quantity.low_open", "False when low is None (unbounded)", True)
        if self.low is None and self.unit is None:
            # A count has a floor of 0: "at most 3" is one value however its lower end was
            # written, so that equal ranges compare, hash, print and clash alike.
            object.__setattr__(self, "low", 0)
        low, high = self.low, self.high
        if high is None and self.high_open:
            raise FieldError("Quantity.high_open", "False when high is None (unbounded)", True)
        if low is not None and high is not None:
            if low > high:
                raise FieldError("Quantity.high", f"a number not below low ({low!r})", high)
            if low == high and (self.low_open or self.high_open):
                raise FieldError(
                    "Quantity.low_open" if self.low_open else "Quantity.high_open",
                    "False when low equals high (the range would be empty)",
                    True,
                )
        for name, end in (("low", low), ("high", high)):
            if self.unit == PROPORTION and (end is None or not 0 <= end <= 1):
                raise FieldError(f"Quantity.{name}", "a share from 0 to 1 (a proportion)", end)
            if self.unit is None and end is not None and end < 0:
                raise FieldError(f"Quantity.{name}", "None or a count (0 or more)", end)

    @classmethod
    def _of(cls, bounds: words.Bounds, text: str | None = None) -> Quantity:
        return cls(
            bounds.low,
            bounds.high,
            unit=bounds.unit,
            text=text,
            low_open=bounds.low_open,
            high_open=bounds.high_open,
        )

    @classmethod
    def exactly(cls, n: Number, *, unit: str | None = None) -> Quantity:
        """Exactly ``n``.

        >>> Quantity.exactly(100).compatible(Quantity.exactly(101))
        False
        """
        return cls._of(words.exactly(_argument("Quantity.exactly.n", n), unit))

    @classmethod
    def about(cls, n: Number, *, tolerance: float = 0.1, unit: str | None = None) -> Quantity:
        """``n`` give or take ``tolerance`` (a share of ``n``; 10 % unless said otherwise).

        A count never goes below 0 and a share stays within 0..1.

        Args:
            n: the number said.
            tolerance: how far either way, as a share of ``n``, from 0 up to (not including) 1.
            unit: the unit (``None``: a count).

        Returns:
            The range ``[n - tolerance * n, n + tolerance * n]``.

        Raises:
            FieldError: ``n`` or ``tolerance`` is not a number, or ``tolerance`` is not in
                ``[0, 1)``.

        >>> Quantity.about(1000)
        Quantity(low=900, high=1100, unit=None, text=None, low_open=False, high_open=False)
        """
        spread = _argument("Quantity.about.tolerance", tolerance)
        if not 0 <= spread < 1:
            raise FieldError("Quantity.about.tolerance", "a share from 0 up to 1", tolerance)
        return cls._of(words.about(_argument("Quantity.about.n", n), unit, spread))

    @classmethod
    def at_least(cls, n: Number, *, unit: str | None = None) -> Quantity:
        """``n`` or more (a share: up to 1).

        >>> str(Quantity.at_least(1))
        'at least 1'
        """
        return cls._of(words.at_least(_argument("Quantity.at_least.n", n), unit))

    @classmethod
    def at_most(cls, n: Number, *, unit: str | None = None) -> Quantity:
        """``n`` or less; a count or a share starts at 0, any other unit is unbounded below.

        >>> Quantity.at_most(20).low
        0
        """
        return cls._of(words.at_most(_argument("Quantity.at_most.n", n), unit))

    @classmethod
    def more_than(cls, n: Number, *, unit: str | None = None) -> Quantity:
        """More than ``n`` (a share: up to 1).

        >>> str(Quantity.more_than(50))
        'more than 50'
        """
        return cls._of(words.more_than(_argument("Quantity.more_than.n", n), unit))

    @classmethod
    def fewer_than(cls, n: Number, *, unit: str | None = None) -> Quantity:
        """Fewer (less) than ``n``; a count or a share starts at 0.

        >>> str(Quantity.fewer_than(10))
        'less than 10'
        """
        return cls._of(words.less_than(_argument("Quantity.fewer_than.n", n), unit))

    @classmethod
    def between(cls, a: Number, b: Number, *, unit: str | None = None) -> Quantity:
        """From ``a`` to ``b``, both included.

        >>> str(Quantity.between(24, 60))
        '24–60'
        """  # noqa: RUF002 -- an en dash is the right sign for a range
        low = _argument("Quantity.between.a", a)
        high = _argument("Quantity.between.b", b)
        return cls._of(words.Bounds(words.tidy(low), words.tidy(high), unit))

    @classmethod
    def proportion(
        cls, low: Number, high: Number, *, low_open: bool = False, high_open: bool = False
    ) -> Quantity:
        """A share of a whole from ``low`` to ``high`` (both from 0 to 1).

        >>> str(Quantity.proportion(0.5, 1, low_open=True))
        'more than 50%'
        """
        return cls(low, high, unit=PROPORTION, low_open=low_open, high_open=high_open)

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read a quantity phrase of news English; the table is in the module's docstring.

        Args:
            text: the phrase, e.g. ``"about 1,000"``, ``"a few dozen"``, ``"most"``, ``"40%"``.

        Returns:
            The quantity, with ``text`` kept as given.

        Raises:
            ParseError: the phrase is not understood; the error marks the first word that is not.
            FieldError: ``text`` is not a string.

        >>> Quantity.parse("a few dozen")
        Quantity(low=24, high=60, unit=None, text='a few dozen', low_open=False, high_open=False)
        >>> Quantity.parse("nearly all").high_open
        True
        >>> Quantity.parse("more than fifty people")
        Traceback (most recent call last):
        ...
        diplostatements.exceptions.ParseError: expected the end of the quantity
            more than fifty people
                            ^^^^^^
        """
        if not isinstance(text, str):
            raise FieldError("Quantity.parse.text", "a string", text)
        return cls._of(words.parse(text), text)

    def compatible(self, other: Quantity) -> bool:
        """Whether both can be true at once: the ranges meet, or the units differ.

        It is symmetric, and every quantity is compatible with itself.

        >>> Quantity.parse("about 100").compatible(Quantity.parse("dozens"))
        True
        >>> Quantity.parse("all").compatible(Quantity.parse("nearly all"))
        False
        >>> Quantity.parse("most").compatible(Quantity.exactly(3))
        True
        """
        if self.unit != other.unit:
            return True
        low, low_open = _inner_low(self, other)
        high, high_open = _inner_high(self, other)
        if low is None or high is None or low < high:
            return True
        return low == high and not low_open and not high_open

    def contains(self, other: Quantity) -> bool:
        """Whether every value of ``other`` is a value of this one (same unit only).

        Quantities of different units contain nothing of each other.

        >>> Quantity.parse("some").contains(Quantity.parse("most"))
        True
        >>> Quantity.parse("most").contains(Quantity.parse("some"))
        False
        """
        if self.unit != other.unit:
            return False
        return _inner_low(self, other) == (other.low, other.low_open) and _inner_high(
            self, other
        ) == (other.high, other.high_open)

    def __str__(self) -> str:
        """The words it was read from, else a readable range ("24 to 60", "more than 50%")."""
        return self.text if self.text is not None else _describe(self)


def _describe(q: Quantity) -> str:
    """A range in words: "12", "at least 1", "less than 10", "24–60", "more than 0% and ..."."""  # noqa: RUF002
    low, high, unit = q.low, q.high, q.unit
    if low is not None and low == high:
        return _with_unit(_figure(low, unit), unit)
    floor = 0 if unit in (None, PROPORTION) else None
    ceiling = 1 if unit == PROPORTION else None
    bounded_below = low is not None and (low != floor or q.low_open)
    bounded_above = high is not None and (high != ceiling or q.high_open)
    above = "more than" if q.low_open else "at least"
    below = "less than" if q.high_open else "at most"
    if low is not None and bounded_below and not bounded_above:
        return f"{above} {_with_unit(_figure(low, unit), unit)}"
    if high is not None and bounded_above and not bounded_below:
        return f"{below} {_with_unit(_figure(high, unit), unit)}"
    if low is None or high is None:
        return "any amount" if unit is None else f"any amount of {unit}"
    if not q.low_open and not q.high_open:
        return _with_unit(f"{_figure(low, unit)}{words.EN_DASH}{_figure(high, unit)}", unit)
    return (
        f"{above} {_with_unit(_figure(low, unit), unit)}"
        f" and {below} {_with_unit(_figure(high, unit), unit)}"
    )


def _inner_low(a: Quantity, b: Quantity) -> tuple[Number | None, bool]:
    """The lower end of the intersection of two ranges, and whether it is left out."""
    if a.low is None:
        return b.low, b.low_open
    if b.low is None or a.low > b.low:
        return a.low, a.low_open
    if b.low > a.low:
        return b.low, b.low_open
    return a.low, a.low_open or b.low_open


def _inner_high(a: Quantity, b: Quantity) -> tuple[Number | None, bool]:
    """The upper end of the intersection of two ranges, and whether it is left out."""
    if a.high is None:
        return b.high, b.high_open
    if b.high is None or a.high < b.high:
        return a.high, a.high_open
    if b.high < a.high:
        return b.high, b.high_open
    return a.high, a.high_open or b.high_open
