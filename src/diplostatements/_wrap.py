"""Wrapping text for a terminal in time linear in its length, whatever the text holds.

:func:`textwrap.wrap` cuts a word longer than a line by copying the rest of the word once per
line, so a statement quoting five megabytes without a space took seconds per line of output.
:func:`wrap` lays text out as ``textwrap.wrap(text, width, initial_indent=...,
subsequent_indent=..., break_on_hyphens=False)`` does (the tests hold it to that), but cuts a long
word into lines in one pass. Lines break at white space only: ids and dates with hyphens
("peskov-2019-06-04") stay whole when they fit on a line, and only ASCII white space is white
space: a no-break space is part of a word and is never dropped (textwrap drops one now and then).
"""

from __future__ import annotations

import re

__all__ = ["fill", "wrap"]

# What textwrap counts as white space (ASCII only: a no-break space is part of a word); each
# becomes a space, as in textwrap.
_TO_SPACE = str.maketrans("\t\n\x0b\x0c\r", "     ")
_SPACES = re.compile("( +)")


def wrap(text: str, width: int, *, indent: str = "", subsequent: str = "") -> list[str]:
    """The lines of ``text`` filled to ``width`` characters, the indents included.

    Args:
        text: the text; tabs are expanded and every white-space character becomes a space.
        width: the most characters a line holds, indent included (more than either indent).
        indent: what starts the first line.
        subsequent: what starts every other line.

    Returns:
        The lines, without newlines; none when the text is empty or only white space.
    """
    # Each chunk is a run of spaces or a word (which holds no space).
    chunks = [chunk for chunk in _SPACES.split(text.expandtabs().translate(_TO_SPACE)) if chunk]
    chunks.reverse()  # consumed from the end, as textwrap does
    lines: list[str] = []
    while chunks:
        prefix = subsequent if lines else indent
        room = width - len(prefix)
        if lines and chunks[-1][0] == " ":
            del chunks[-1]  # spaces that would start a line are dropped
            if not chunks:
                break
        line: list[str] = []
        used = 0
        while chunks:
            size = len(chunks[-1])
            if used + size > room:
                break
            used += size
            line.append(chunks.pop())
        full: list[str] = []
        if chunks and len(chunks[-1]) > room:
            if chunks[-1][0] != " ":
                full = _cut(chunks, line, room - used, width - len(subsequent))
            elif lines or line:
                # Spaces that end this line (dropped from it) and would start the next (dropped
                # there): cut once.
                spaces = chunks.pop()
                line.append(spaces[: room - used])
                chunks.append(spaces[room - used :])
            else:
                # Spaces that start the text are cut a line at a time, each cut line dropped as
                # white space, until what is left fits on the first line.
                chunks[-1] = chunks[-1][-((len(chunks[-1]) - 1) % room + 1) :]
                continue
        if line and line[-1][:1] == " ":
            del line[-1]  # nor do spaces end one
        if line:
            lines.append(prefix + "".join(line))
        lines.extend(subsequent + part for part in full)
    return lines


def _cut(chunks: list[str], line: list[str], space: int, room: int) -> list[str]:
    """Fill the line from a word too long for any line; the full lines the rest makes.

    A word is cut as textwrap cuts it, a line at a time, but in one pass: the full lines come
    back as a list, and the last part (which later words may join) goes back on ``chunks``.
    """
    word = chunks.pop()
    line.append(word[:space])
    rest = word[space:]
    count = (len(rest) - 1) // room  # full lines, leaving a last part of 1 to room characters
    chunks.append(rest[count * room :])
    return [rest[i * room : (i + 1) * room] for i in range(count)]


def fill(text: str, width: int, *, indent: str = "", subsequent: str = "") -> str:
    """:func:`wrap`'s lines joined by newlines."""
    return "\n".join(wrap(text, width, indent=indent, subsequent=subsequent))
