"""The index of names one slip apart behind "did you mean ...?" (``_near.py``, ``_resolver.py``)."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplostatements import Actor, ActorKind
from diplostatements._near import NearNames
from diplostatements._resolver import SCAN_LIMIT, SUGGESTED, Resolver
from diplostatements._validation import close_matches


def near_by_brute_force(word: str, name: str) -> bool:
    """Whether leaving out at most one character of each (ignoring case) makes them equal."""
    a, b = word.lower(), name.lower()
    forms_a = {a, *(a[:i] + a[i + 1 :] for i in range(len(a)))}
    forms_b = {b, *(b[:i] + b[i + 1 :] for i in range(len(b)))}
    return bool(forms_a & forms_b)


words = st.text(alphabet="abcAB-1", min_size=1, max_size=6)


class TestNearNames:
    @given(st.lists(words, unique=True, max_size=12), words)
    def test_finds_exactly_the_names_one_slip_away(self, names: list[str], word: str) -> None:
        """near(word) is every name one character-out from a form of the word, and no other."""
        index = NearNames(names)
        assert index.near(word) == sorted(name for name in names if near_by_brute_force(word, name))

    @given(
        st.lists(words, unique=True, max_size=8), st.lists(words, unique=True, max_size=8), words
    )
    def test_update_and_copy(self, first: list[str], second: list[str], word: str) -> None:
        """An index updated with another finds what both find; a copy is independent."""
        second = [name for name in second if name not in first]
        merged = NearNames(first)
        copy = merged.copy()
        merged.update(NearNames(second))
        assert merged.near(word) == sorted(
            {*NearNames(first).near(word), *NearNames(second).near(word)}
        )
        assert copy.near(word) == NearNames(first).near(word)


def resolver_of(*ids: str, aliases: dict[str, set[str]] | None = None) -> Resolver:
    resolver = Resolver()
    for ident in ids:
        resolver.register(
            Actor(ident, ident, ActorKind.OTHER, aliases=(aliases or {}).get(ident, set())), ""
        )
    return resolver


class TestTypos:
    # (a plain name, the ids it looks like a slip of)
    TYPOS: tuple[tuple[str, list[str]], ...] = (
        ("kremlim", ["kremlin"]),  # a changed letter
        ("kremlinn", ["kremlin"]),  # one added
        ("kremin", ["kremlin"]),  # one left out
        ("kermlin", ["kremlin"]),  # two swapped
        ("rus", ["RUS"]),  # case
        ("Peskov", ["peskov"]),
        ("maduro", []),
        ("Kremlin Palace", []),
    )

    @pytest.mark.parametrize(("name", "ids"), TYPOS)
    def test_typo_of(self, name: str, ids: list[str]) -> None:
        """A plain name one slip from an id is a typo of it, ranked as difflib ranks."""
        resolver = resolver_of("kremlin", "peskov", "RUS", "USA")
        assert resolver.typo_of(name) == ids
        assert resolver.typo_of(name) == close_matches(name, ids, limit=2, cutoff=0.85)

    def test_staged_resolver_reads_through(self) -> None:
        """A staged resolver finds the ids of its base and its own; commit moves its own in."""
        base = resolver_of("kremlin")
        staged = base.staged()
        staged.register(Actor("peskov", "Peskov", ActorKind.PERSON, aliases={"Dmitry"}), "")
        assert staged.typo_of("kremlim") == ["kremlin"]
        assert staged.owner_of("dmitry") == "peskov"
        assert base.owner_of("peskov") is None
        staged.commit()
        assert base.owner_of("dmitry") == "peskov"
        assert base.typo_of("peskovv") == ["peskov"]

    def test_suggestions_in_a_large_set(self) -> None:
        """Beyond SCAN_LIMIT names, suggestions come from the names one slip away, best first."""
        ids = [f"actor-{n}" for n in range(SCAN_LIMIT + 1)]
        resolver = resolver_of(*ids, "kremlin")
        assert resolver.suggest("kremlim") == ["kremlin"]
        near = [ident for ident in [*ids, "kremlin"] if near_by_brute_force("actor-12x", ident)]
        assert resolver.suggest("actor-12x") == difflib.get_close_matches("actor-12x", near, n=3)

    def test_suggestions_in_a_small_set(self) -> None:
        """Up to SCAN_LIMIT names, suggestions compare the name with every one (aliases too)."""
        resolver = resolver_of("RUS", aliases={"RUS": {"Moscow"}})
        assert resolver.suggest("Moskow") == ["Moscow"]
        # "Mosckva" is no slip of "Moscow", but the full comparison still finds it.
        assert resolver.suggest("Mosckva") == ["Moscow"]
        assert not near_by_brute_force("Mosckva", "Moscow")

    def test_suggestions_are_looked_for_a_bounded_number_of_times(self) -> None:
        """Past SUGGESTED distinct unknown names in a batch none are looked for; forget restarts."""
        resolver = resolver_of("kremlin")
        for n in range(SUGGESTED):
            resolver.suggest(f"unknown-{n}")
        assert resolver.suggest("kremlim") == []
        resolver.forget()
        assert resolver.suggest("kremlim") == ["kremlin"]
