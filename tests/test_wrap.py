from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplostatements._wrap import fill, wrap

# Words, runs of every kind of ASCII white space, hyphens and long words: what a quote holds.
TEXT = st.lists(
    st.sampled_from(
        ["a", "bb", "é", "-", "x" * 7, "y" * 40, " ", "  ", "\t", "\n", "\r", " " * 30]
    ),
    max_size=30,
).map("".join)
INDENTS = st.sampled_from(["", "  ", "    ", "- "])


class TestWrap:
    @given(TEXT, st.integers(5, 30), INDENTS, INDENTS)
    def test_lays_text_out_as_textwrap_does(
        self, text: str, width: int, indent: str, subsequent: str
    ) -> None:
        """The lines are textwrap's (breaking at white space only), long words and all."""
        expected = textwrap.wrap(
            text,
            width,
            initial_indent=indent,
            subsequent_indent=subsequent,
            break_on_hyphens=False,
        )
        assert wrap(text, width, indent=indent, subsequent=subsequent) == expected

    # (text, width, lines)
    CASES: tuple[tuple[str, int, list[str]], ...] = (
        ("", 10, []),
        ("   ", 10, []),
        ("one two three", 8, ["one two", "three"]),
        ("x" * 12, 5, ["xxxxx", "xxxxx", "xx"]),
        ("ab " + "x" * 9 + " cd", 5, ["ab xx", "xxxxx", "xx cd"]),
        # a hyphenated id stays whole when it fits on a line
        ("see peskov-2019-06-04-denial", 24, ["see", "peskov-2019-06-04-denial"]),
        # a no-break space is part of a word
        ("a\u00a0b c", 3, ["a\u00a0b", "c"]),
    )

    @pytest.mark.parametrize(("text", "width", "lines"), CASES)
    def test_cases(self, text: str, width: int, lines: list[str]) -> None:
        """Words fill lines greedily; a word longer than a line is cut at the line's end."""
        assert wrap(text, width) == lines

    def test_a_long_word_is_cut_into_full_lines(self) -> None:
        """A word of a million characters makes full lines, the indent on each, none lost."""
        lines = wrap("x" * 1_000_000, 100, indent="    ", subsequent="  ")
        assert lines[0] == "    " + "x" * 96
        assert all(line == "  " + "x" * 98 for line in lines[1:-1])
        assert sum(len(line.lstrip()) for line in lines) == 1_000_000

    def test_fill_joins_the_lines(self) -> None:
        """fill() is the lines joined by newlines."""
        assert fill("one two three", 8, indent=">") == ">one two\nthree"
