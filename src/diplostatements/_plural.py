"""Counts in words: "1 contradiction", "2 contradictions", everywhere the library prints one."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one and plural otherwise.

    Args:
        n: how many.
        noun: the singular ("contradiction").
        plural: the plural, when it is not the singular with an "s" ("rebuttals" is).

    >>> counted(1, "actor"), counted(0, "actor"), counted(2, "entry", "entries")
    ('1 actor', '0 actors', '2 entries')
    """
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun + 's' if plural is None else plural}"
