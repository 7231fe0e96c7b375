"""Actor ids and aliases: which actor a name refers to, and which it may be a slip of.

A :class:`Resolver` maps ids and aliases (aliases case-insensitively) to actor ids for a
:class:`~diplostatements.StatementSet`, and finds close matches for "did you mean ...?". Every
look-up costs the same however many actors the set holds: suggestions in large sets and the typo
check for plain entity names use an index of names one slip apart
(:class:`~diplostatements._near.NearNames`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from collections.abc import Set as AbstractSet
from typing import Final

from ._near import NearNames
from ._validation import close_matches
from .actors import Actor
from .exceptions import DuplicateIdError, FieldError, UnknownReferenceError
from .statements import Statement

__all__ = ["SCAN_LIMIT", "Resolver", "statement_matches"]

_NONE: Final[frozenset[str]] = frozenset()


SUGGESTED: Final = 1000
"""How many distinct unknown names one batch looks for suggestions for (as many as a file's error
lists)."""

SCAN_LIMIT: Final = 2000
"""Up to this many known names, a suggestion compares the name with every one of them; beyond,
with those one slip away (:class:`~diplostatements._near.NearNames`), so that an error costs the
same in a set of any size."""


class Resolver:
    """Maps actor ids and aliases (case-insensitively) to ids, and suggests close matches.

    A resolver made by :meth:`staged` holds only what a batch adds and reads through to the one
    it was made from; :meth:`commit` moves its names into that one. Staging a batch so costs
    what the batch holds, not what the set holds.
    """

    __slots__ = ("_aliases", "_base", "_ids", "_near", "_spelled", "_suggested", "_typos")

    def __init__(self, base: Resolver | None = None) -> None:
        self._base = base
        self._ids: set[str] = set()
        self._aliases: dict[str, str] = {}
        # Casefolded alias -> the alias as the actor spells it, for suggestions a person reads.
        self._spelled: dict[str, str] = {}
        self._typos: dict[str, list[str]] = {}
        self._suggested: dict[str, list[str]] = {}
        self._near = NearNames()  # ids and aliases as spelled, for suggestions in large sets

    def copy(self) -> Resolver:
        """An independent copy of a committed resolver."""
        new = Resolver()
        new._ids = set(self._ids)
        new._aliases = dict(self._aliases)
        new._spelled = dict(self._spelled)
        new._near = self._near.copy()
        return new

    def staged(self) -> Resolver:
        """A resolver for a batch: it reads through to this one and keeps its own additions."""
        return Resolver(self)

    def commit(self) -> None:
        """Move what this staged resolver added into the one it was made from."""
        base = self._base
        assert base is not None
        base._ids |= self._ids
        base._aliases.update(self._aliases)
        base._spelled.update(self._spelled)
        base._near.update(self._near)
        base._typos.clear()
        base._suggested.clear()

    def id_sets(self) -> tuple[set[str], set[str] | frozenset[str]]:
        """The ids this resolver holds, and its base's (empty if none): two sets to look in."""
        base = self._base
        return self._ids, _NONE if base is None else base._ids

    def name_lengths(self) -> AbstractSet[int]:
        """The lengths a lower-cased name may have to be one slip from a known id or alias."""
        base = self._base
        own = self._near.lengths
        return own if base is None else own | base._near.lengths

    def has_aliases(self) -> bool:
        """Whether any actor known here has an alias."""
        base = self._base
        return bool(self._aliases) or (base is not None and bool(base._aliases))

    def is_id(self, name: str) -> bool:
        """Whether ``name`` is an actor id."""
        base = self._base
        return name in self._ids or (base is not None and name in base._ids)

    def owner_of(self, name: str) -> str | None:
        """The id of the actor with this id or alias, if any."""
        base = self._base
        if name in self._ids or (base is not None and name in base._ids):
            return name
        folded = name.casefold()
        owner = self._aliases.get(folded)
        if owner is None and base is not None:
            owner = base._aliases.get(folded)
        return owner

    def register(self, actor: Actor, prefix: str) -> None:
        """Record the actor's id and aliases; an alias owned by another actor is an error."""
        for name in (actor.id, *sorted(actor.aliases)):
            owner = self.owner_of(name)
            if owner is not None and owner != actor.id:
                raise DuplicateIdError(f"{prefix}Actor({actor.id!r}).aliases", name, "actor alias")
        self._ids.add(actor.id)
        self._near.add(actor.id)
        for alias in actor.aliases:
            self._aliases[alias.casefold()] = actor.id
            self._spelled[alias.casefold()] = alias
            self._near.add(alias)
        self._typos.clear()
        self._suggested.clear()

    def unregister(self, actor: Actor) -> None:
        """Forget the actor's id and aliases (of a committed resolver)."""
        self._ids.discard(actor.id)
        self._near.discard(actor.id)
        for alias in actor.aliases:
            folded = alias.casefold()
            if self._aliases.get(folded) == actor.id:
                del self._aliases[folded]
                self._near.discard(self._spelled.pop(folded, alias))
        self._typos.clear()
        self._suggested.clear()

    def _count(self) -> int:
        base = self._base
        own = len(self._ids) + len(self._spelled)
        return own if base is None else own + len(base._ids) + len(base._spelled)

    def _known(self) -> list[str]:
        base = self._base
        names = [*self._ids, *self._spelled.values()]
        return names if base is None else [*base._ids, *base._spelled.values(), *names]

    def _near_names(self, name: str) -> list[str]:
        base = self._base
        found = self._near.near(name)
        return found if base is None else sorted({*found, *base._near.near(name)})

    def suggest(self, name: str) -> list[str]:
        """Known ids and aliases that look like ``name``.

        Looked for for the first :data:`SUGGESTED` distinct names since :meth:`forget` (a batch
        of a million bad references must not cost a million searches); none after that.
        """
        found = self._suggested.get(name)
        if found is None:
            if len(self._suggested) >= SUGGESTED:
                return []
            if self._count() <= SCAN_LIMIT:
                found = close_matches(name, self._known())
            else:
                found = close_matches(name, self._near_names(name))
            self._suggested[name] = found
        return found

    def forget(self) -> None:
        """Start counting the names suggestions were looked for anew (at each batch)."""
        self._suggested.clear()

    def require(self, name: str, path: str) -> str:
        """The id for ``name``, or an error naming ``path`` with close matches."""
        if not isinstance(name, str):
            raise FieldError(path, "an actor id", name)
        owner = self.owner_of(name)
        if owner is None:
            raise UnknownReferenceError(path, name, "actor", self.suggest(name))
        return owner

    def typo_of(self, name: str) -> list[str]:
        """Known ids that a plain entity name looks like a slip of (cached per name).

        Only ids one slip away are candidates (an insertion, deletion, substitution or swap of
        neighbours), ranked as ``difflib`` ranks them: the look-up costs the same however many
        actors the set holds.
        """
        found = self._typos.get(name)
        if found is None:
            ids = [near for near in self._near_names(name) if self.is_id(near)]
            found = close_matches(name, ids, limit=2, cutoff=0.85) if ids else []
            self._typos[name] = found
        return found

    @staticmethod
    def require_statement(ident: str, statements: Mapping[str, Statement], path: str = "") -> None:
        """Raise for an unknown statement id, with close matches."""
        where = path or "statement_id"
        raise UnknownReferenceError(where, ident, "statement", statement_matches(ident, statements))


def statement_matches(ident: str, known: Collection[str]) -> list[str]:
    """Known statement ids that look like ``ident`` (none looked for among very many)."""
    return close_matches(ident, known) if len(known) <= SCAN_LIMIT else []
