r"""Text that is safe to print: every character a terminal would not show as itself is escaped.

Messages quote what came in (a line of a file, a name, a file's name). Printed raw, an ESC byte
could clear the user's terminal or recolour it, and a zero-width space or a right-to-left mark
would hide what is wrong. :func:`printable` writes each such character as Python writes it in a
``repr``: ``\x1b``, ``\u200b``, ``\ud800``.

>>> print(printable("bad\x1b[2Jname\u200b"))
bad\x1b[2Jname\u200b
>>> printable("a\nb", keep="\n") == "a\nb"
True
"""

from __future__ import annotations

__all__ = ["printable"]

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str, *, keep: str = "") -> str:
    """``text`` with every non-printable character escaped (``keep``: characters left as they are).

    Printable means what :meth:`str.isprintable` says: everything but the control, format,
    surrogate, private-use and unassigned characters and the separators other than the space.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char in keep else _escape(char) for char in text)
