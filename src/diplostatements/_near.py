"""Names one slip apart: an index for "did you mean ...?" that costs the same however many names.

Comparing a word with every known name (``difflib``) costs a pass over all of them; for each of
10^4 plain entity names against 10^4 actor ids that is 10^8 comparisons. :class:`NearNames`
indexes each name under its lowercase form and every form with one character left out, and looks
a word up the same way: the names found are those that one character left out of each (or none)
makes equal to the word. That takes in one character added, left out or changed, and two
neighbours swapped, with a dictionary look-up per character of the word. Those few are then
ranked as ``difflib`` ranks them.

>>> near = NearNames()
>>> for name in ("kremlin", "peskov", "RUS"):
...     near.add(name)
>>> near.near("Kremlim"), near.near("rus"), near.near("maduro")
(['kremlin'], ['RUS'], [])
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["NearNames"]


def _keys(lowered: str) -> set[str]:
    """The word and each form of it with one character left out."""
    keys = {lowered[:at] + lowered[at + 1 :] for at in range(len(lowered))}
    keys.add(lowered)
    return keys


class NearNames:
    """Names, found by any word at most one slip away from them (case is ignored).

    A slip: one character left out of the name, of the word, or of both (a character changed,
    or two neighbours swapped).
    """

    __slots__ = ("_by_key", "_lengths", "_pending")

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._by_key: dict[str, list[str]] = {}
        # The lengths a word may have to be one slip from some name: most plain entity names
        # are much longer or shorter than any actor id, and are done with at once.
        self._lengths: set[int] = set()
        # Names added but not yet indexed: the index is built on the first look-up, so a set
        # read from a file (which asks for no hint) never pays for it.
        self._pending: dict[str, None] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        """Index one more name (each name is added once)."""
        size = len(name.lower())
        self._lengths.update((size - 1, size, size + 1))
        self._pending[name] = None

    def _index(self) -> None:
        by_key = self._by_key
        for name in self._pending:
            for key in _keys(name.lower()):
                found = by_key.get(key)
                if found is None:
                    by_key[key] = [name]
                else:
                    found.append(name)
        self._pending.clear()

    @property
    def lengths(self) -> set[int]:
        """The lengths a lower-cased word may have to be near some name (a superset)."""
        return self._lengths

    def discard(self, name: str) -> None:
        """Forget one name (indexed once by :meth:`add`); an unknown name is ignored."""
        if name in self._pending:
            del self._pending[name]
            return
        by_key = self._by_key
        for key in _keys(name.lower()):
            found = by_key.get(key)
            if found is not None and name in found:
                found.remove(name)
                if not found:
                    del by_key[key]

    def update(self, other: NearNames) -> None:
        """Index every name of ``other`` too (``other`` holds none of this index's names)."""
        by_key = self._by_key
        self._lengths |= other._lengths
        self._pending.update(other._pending)
        for key, names in other._by_key.items():
            found = by_key.get(key)
            if found is None:
                by_key[key] = list(names)
            else:
                found.extend(names)

    def copy(self) -> NearNames:
        """An independent copy."""
        new = NearNames()
        new._by_key = {key: list(names) for key, names in self._by_key.items()}
        new._lengths = set(self._lengths)
        new._pending = dict(self._pending)
        return new

    def near(self, word: str) -> list[str]:
        """The indexed names that one character left out of each (or none) makes equal to it."""
        lowered = word.lower()
        if len(lowered) not in self._lengths:
            return []
        if self._pending:
            self._index()
        by_key = self._by_key
        found: set[str] = set()
        for key in _keys(lowered):
            names = by_key.get(key)
            if names is not None:
                found.update(names)
        return sorted(found)
