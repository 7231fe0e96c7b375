"""The phrase tables and the small parser behind :meth:`diplostatements.Quantity.parse`.

Everything here works on exact :class:`~fractions.Fraction` values, so that "2.5 million" is
2,500,000 and "about 100" is 90 to 110 without floating-point noise; :func:`tidy` turns the result
into an ``int`` where it is whole. The parser returns :class:`Bounds`; the public module wraps them
in a :class:`~diplostatements.Quantity`. The table of phrases is documented in that module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import NamedTuple

from .exceptions import ParseError

PROPORTION = "proportion"

Number = int | float

NEARLY = Fraction(9, 10)
""""nearly n" is at least this share of n (and less than n)."""

DEFAULT_TOLERANCE = 0.1


class Bounds(NamedTuple):
    """A range before it becomes a Quantity: ``None`` ends are unbounded."""

    low: Number | None
    high: Number | None
    unit: str | None = None
    low_open: bool = False
    high_open: bool = False


def exact(value: Number) -> Fraction:
    """``value`` as an exact fraction: a float as it is written (0.1 is 1/10), not as stored."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def tidy(value: Fraction) -> Number:
    """An ``int`` where ``value`` is whole, else the nearest ``float``."""
    return value.numerator if value.denominator == 1 else float(value)


def _floor(unit: str | None) -> Fraction | None:
    # Counts and shares cannot go below zero: "at most 20" starts at 0, not at minus infinity.
    return Fraction(0) if unit in (None, PROPORTION) else None


def _ceiling(unit: str | None) -> Fraction | None:
    return Fraction(1) if unit == PROPORTION else None


def _bounds(
    low: Fraction | None,
    high: Fraction | None,
    unit: str | None,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> Bounds:
    return Bounds(
        None if low is None else tidy(low),
        None if high is None else tidy(high),
        unit,
        low_open,
        high_open,
    )


def exactly(value: Fraction, unit: str | None) -> Bounds:
    """Exactly ``value``."""
    return _bounds(value, value, unit)


def about(value: Fraction, unit: str | None, tolerance: Fraction) -> Bounds:
    """``value`` give or take ``tolerance`` of it, kept within what the unit allows."""
    spread = abs(value) * tolerance
    low, high = value - spread, value + spread
    floor, ceiling = _floor(unit), _ceiling(unit)
    if floor is not None:
        low = max(low, floor)
    if ceiling is not None:
        high = min(high, ceiling)
    return _bounds(low, high, unit)


def nearly(value: Fraction, unit: str | None) -> Bounds:
    """Close to ``value`` from below: at least 90 % of it, less than it."""
    return _bounds(value * NEARLY, value, unit, high_open=True)


def more_than(value: Fraction, unit: str | None) -> Bounds:
    """More than ``value``."""
    return _bounds(value, _ceiling(unit), unit, low_open=True)


def at_least(value: Fraction, unit: str | None) -> Bounds:
    """``value`` or more."""
    return _bounds(value, _ceiling(unit), unit)


def less_than(value: Fraction, unit: str | None) -> Bounds:
    """Less than ``value``."""
    return _bounds(_floor(unit), value, unit, high_open=True)


def at_most(value: Fraction, unit: str | None) -> Bounds:
    """``value`` or less."""
    return _bounds(_floor(unit), value, unit)


def _about_default(value: Fraction, unit: str | None) -> Bounds:
    return about(value, unit, exact(DEFAULT_TOLERANCE))


Modifier = Callable[[Fraction, str | None], Bounds]

# --- the tables (keep in step with the table in quantities.py's docstring) ---

MODIFIERS: Mapping[tuple[str, ...], Modifier] = {
    ("about",): _about_default,
    ("around",): _about_default,
    ("roughly",): _about_default,
    ("approximately",): _about_default,
    ("some",): _about_default,
    ("an", "estimated"): _about_default,
    ("close", "to"): _about_default,
    ("nearly",): nearly,
    ("almost",): nearly,
    ("just", "under"): nearly,
    ("more", "than"): more_than,
    ("over",): more_than,
    ("above",): more_than,
    ("in", "excess", "of"): more_than,
    ("at", "least"): at_least,
    ("no", "fewer", "than"): at_least,
    ("no", "less", "than"): at_least,
    ("not", "less", "than"): at_least,
    ("fewer", "than"): less_than,
    ("less", "than"): less_than,
    ("under",): less_than,
    ("below",): less_than,
    ("up", "to"): at_most,
    ("at", "most"): at_most,
    ("no", "more", "than"): at_most,
    ("not", "more", "than"): at_most,
}

_HALF = Fraction(1, 2)
_ONE = Fraction(1)
_ZERO = Fraction(0)

# Whole phrases that are a quantity by themselves and take no modifier.
FIXED: Mapping[tuple[str, ...], Bounds] = {
    ("most",): _bounds(_HALF, _ONE, PROPORTION, low_open=True),
    ("a", "majority"): _bounds(_HALF, _ONE, PROPORTION, low_open=True),
    ("the", "majority"): _bounds(_HALF, _ONE, PROPORTION, low_open=True),
    ("a", "minority"): _bounds(_ZERO, _HALF, PROPORTION, low_open=True, high_open=True),
    ("some",): _bounds(_ZERO, _ONE, PROPORTION, low_open=True),
    ("not", "all"): _bounds(_ZERO, _ONE, PROPORTION, high_open=True),
    ("none",): _bounds(_ZERO, _ZERO, PROPORTION),
    ("no",): _bounds(_ZERO, _ZERO, PROPORTION),
    ("almost", "none"): _bounds(_ZERO, Fraction(1, 10), PROPORTION),
    ("nearly", "none"): _bounds(_ZERO, Fraction(1, 10), PROPORTION),
    ("hardly", "any"): _bounds(_ZERO, Fraction(1, 10), PROPORTION),
}

# Shares that behave like numbers: "about half", "nearly all", "more than two thirds".
FRACTIONS: Mapping[tuple[str, ...], Fraction] = {
    ("all",): _ONE,
    ("half",): _HALF,
    ("one", "half"): _HALF,
    ("a", "third"): Fraction(1, 3),
    ("one", "third"): Fraction(1, 3),
    ("two", "thirds"): Fraction(2, 3),
    ("a", "quarter"): Fraction(1, 4),
    ("one", "quarter"): Fraction(1, 4),
    ("three", "quarters"): Fraction(3, 4),
}

# "a few dozen" is 2 to 5 dozen; "several hundred" 3 to 9 hundred. Alone they count things.
VAGUE_COUNTS: Mapping[tuple[str, ...], tuple[int, int]] = {
    ("a", "few"): (2, 5),
    ("a", "handful"): (2, 5),
    ("several",): (3, 9),
}

# A plural of a scale: at least two of it, fewer than the next scale up.
VAGUE_PLURALS: Mapping[tuple[str, ...], tuple[int, int]] = {
    ("dozens",): (24, 100),
    ("hundreds",): (200, 1_000),
    ("thousands",): (2_000, 10_000),
    ("tens", "of", "thousands"): (20_000, 100_000),
    ("hundreds", "of", "thousands"): (200_000, 1_000_000),
    ("millions",): (2_000_000, 10_000_000),
    ("tens", "of", "millions"): (20_000_000, 100_000_000),
    ("hundreds", "of", "millions"): (200_000_000, 1_000_000_000),
    ("billions",): (2_000_000_000, 10_000_000_000),
}

SCALES: Mapping[str, int] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}

UNITS: Mapping[str, int] = {
    word: number
    for number, word in enumerate(
        [
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
            *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
            *("seventeen", "eighteen", "nineteen"),
        ]
    )
}

TENS: Mapping[str, int] = {
    word: 10 * number
    for number, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}

PERCENT: tuple[tuple[str, ...], ...] = (("%",), ("percent",), ("per", "cent"))

EN_DASH = "\u2013"
EM_DASH = "\u2014"

RANGE_JOINS: tuple[tuple[str, ...], ...] = (("to",), ("-",), (EN_DASH,), (EM_DASH,))

# --- the parser ---

_TOKEN = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sign>[%\-\u2013\u2014])"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)"
)

_GENERAL = "a quantity such as 'about 1,000', 'more than 50', 'a few dozen', 'most', 'all' or '40%'"


class _Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind != "space":
            tokens.append(_Token(kind, match.group().casefold(), match.start(), match.end()))
    return tokens


class _Amount(NamedTuple):
    value: Fraction
    unit: str | None
    bare: bool
    """A plain number with no scale or percent sign: "10" in "10-20%" takes the second's unit."""
    start: int
    end: int


class _Parser:
    """Recursive descent over the tokens; it remembers the furthest point any rule reached."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0
        self.furthest = 0
        self.expected: set[str] = set()

    # --- helpers ---

    def _word(self, offset: int = 0) -> str | None:
        index = self.pos + offset
        return self.tokens[index].text if index < len(self.tokens) else None

    def _fail(self, index: int, expected: str | None = None) -> None:
        if index > self.furthest:
            self.furthest = index
            self.expected = set()
        if expected is not None and index == self.furthest:
            self.expected.add(expected)

    def _match(self, words: tuple[str, ...]) -> bool:
        """Consume ``words`` if they come next; otherwise note how far they got."""
        for offset, word in enumerate(words):
            if self._word(offset) != word:
                self._fail(self.pos + offset, repr(word) if offset else None)
                return False
        self.pos += len(words)
        return True

    def _match_any(
        self, table: Mapping[tuple[str, ...], object] | tuple[tuple[str, ...], ...]
    ) -> tuple[str, ...] | None:
        # Longest phrases first, so "no more than" wins over "no".
        for words in sorted(table, key=len, reverse=True):
            if self._match(words):
                return words
        return None

    def _span(self, first: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[self.pos - 1].end

    def error(self) -> ParseError:
        """The error for the furthest point reached, naming what could have come there."""
        if self.furthest >= len(self.tokens):
            start = end = len(self.text.rstrip())
        else:
            start, end = self.tokens[self.furthest].start, self.tokens[self.furthest].end
        if self.furthest == 0 or not self.expected:
            return ParseError(_GENERAL, self.text, start, end)
        options = sorted(self.expected)
        wanted = options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]
        return ParseError(wanted, self.text, start, end)

    def check(self, bounds: Bounds, first: int) -> Bounds:
        """Reject a range that is empty or leaves 0..1 for a proportion, pointing at its words."""
        low, high = bounds.low, bounds.high
        empty = (
            low is not None
            and high is not None
            and (low > high or (low == high and (bounds.low_open or bounds.high_open)))
        )
        if empty:
            start, end = self._span(first)
            raise ParseError("a quantity whose range is not empty", self.text, start, end)
        return bounds

    # --- rules ---

    def parse(self) -> Bounds:
        if not self.tokens:
            raise ParseError(_GENERAL, self.text, 0, len(self.text))
        for rule in (self.fixed, self.modified, self.between, self.vague, self.amount_or_range):
            self.pos = 0
            bounds = rule()
            if bounds is not None:
                if self.pos == len(self.tokens):
                    return self.check(bounds, 0)
                self._fail(self.pos, "the end of the quantity")
        raise self.error()

    def fixed(self) -> Bounds | None:
        words = self._match_any(FIXED)
        return None if words is None else FIXED[words]

    def modified(self) -> Bounds | None:
        words = self._match_any(MODIFIERS)
        if words is None:
            return None
        first = self.pos
        amount = self.amount()
        if amount is None:
            return None
        return self.check(MODIFIERS[words](amount.value, amount.unit), first)

    def between(self) -> Bounds | None:
        if not (self._match(("between",)) or self._match(("from",))):
            return None
        joint = ("and",) if self.tokens[0].text == "between" else ("to",)
        first = self.amount()
        if first is None:
            return None
        if not self._match(joint):
            self._fail(self.pos, repr(joint[0]))
            return None
        return self.range_from(first)

    def amount_or_range(self) -> Bounds | None:
        first = self.amount()
        if first is None:
            return None
        if self._match_any(RANGE_JOINS) is None:
            return exactly(first.value, first.unit)
        return self.range_from(first)

    def range_from(self, first: _Amount) -> Bounds | None:
        second = self.amount()
        if second is None:
            return None
        unit = first.unit
        if first.bare and second.unit == PROPORTION:
            unit = PROPORTION
            first = first._replace(value=first.value / 100)
            self.check_share(first)
        if unit != second.unit:
            raise ParseError(
                "a second amount of the same kind as the first (both counts or both shares)",
                self.text,
                second.start,
                second.end,
            )
        if second.value < first.value:
            raise ParseError(
                "a second amount no smaller than the first", self.text, second.start, second.end
            )
        return _bounds(first.value, second.value, unit)

    def vague(self) -> Bounds | None:
        words = self._match_any(VAGUE_PLURALS)
        if words is not None:
            low, high = VAGUE_PLURALS[words]
            return _bounds(Fraction(low), Fraction(high), None, high_open=True)
        words = self._match_any(VAGUE_COUNTS)
        if words is None:
            return None
        low, high = VAGUE_COUNTS[words]
        scale = self.scales()
        return _bounds(low * scale, high * scale, None)

    def scales(self) -> Fraction:
        """The product of the scale words that come next ("hundred thousand"), 1 if none."""
        scale = Fraction(1)
        word = self._word()
        while word is not None and word in SCALES:
            scale *= SCALES[word]
            self.pos += 1
            word = self._word()
        self._fail(self.pos)
        return scale

    def amount(self) -> _Amount | None:
        """A number of things or a share: "1,000", "2.5 million", "two dozen", "40%", "half"."""
        first = self.pos
        words = self._match_any(FRACTIONS)
        if words is not None and self._word() != "a":
            return _Amount(FRACTIONS[words], PROPORTION, False, *self._span(first))
        self.pos = first
        value = self.number()
        if value is None:
            self._fail(self.pos, "a number")
            return None
        after_number = self.pos
        value *= self.scales()
        if self._match_any(PERCENT) is not None:
            amount = _Amount(value / 100, PROPORTION, False, *self._span(first))
            return self.check_share(amount)
        bare = self.pos == after_number and self.tokens[first].kind == "number"
        return _Amount(value, None, bare, *self._span(first))

    def check_share(self, amount: _Amount) -> _Amount:
        """Reject a percentage above 100."""
        if amount.value > 1:
            raise ParseError("a percentage from 0 to 100", self.text, amount.start, amount.end)
        return amount

    def number(self) -> Fraction | None:
        """Digits, number words ("twenty-five"), or "a"/"half a" before a scale word."""
        word = self._word()
        if word is None:
            return None
        if self.tokens[self.pos].kind == "number":
            self.pos += 1
            return Fraction(word.replace(",", ""))
        if word in ("a", "an"):
            if self._word(1) in SCALES:
                self.pos += 1
                return Fraction(1)
            self._fail(self.pos + 1, "a scale word ('dozen', 'hundred', 'thousand', 'million')")
        if word == "half" and self._word(1) == "a" and self._word(2) in SCALES:
            self.pos += 2
            return _HALF
        return self.number_words(word)

    def number_words(self, word: str) -> Fraction | None:
        """A number in words up to ninety-nine: "seven", "forty", "twenty-five", "twenty five"."""
        if word in UNITS:
            self.pos += 1
            return Fraction(UNITS[word])
        if word not in TENS:
            return None
        self.pos += 1
        value = TENS[word]
        hyphen = 1 if self._word() == "-" else 0
        unit = self._word(hyphen)
        if unit is not None and 0 < UNITS.get(unit, 0) < 10:
            self.pos += hyphen + 1
            value += UNITS[unit]
        return Fraction(value)


def parse(text: str) -> Bounds:
    """Read a quantity phrase; a :class:`ParseError` points at the first word not understood."""
    return _Parser(text).parse()
