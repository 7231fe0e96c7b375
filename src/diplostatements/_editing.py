"""Changing a :class:`~diplostatements.StatementSet` in place: removing and replacing items.

Every index the set keeps (statements in order, rebuttals by target, plain entity names, speaks-for
links and the sides they give, part-of links, actor ids and aliases, display names) is updated
with the item, and a change that cannot be made leaves the set as it was. Removing an item that
others refer to is refused, naming them: the set never holds a reference to nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._references import plain_names
from ._resolver import statement_matches
from ._validation import close_matches
from .actors import Actor, Affiliation
from .claims import Claim
from .exceptions import DiplostatementsError, FieldError, UnknownReferenceError
from .parts import PartOf
from .rebuttals import ClaimRef, Rebuttal
from .statements import Statement

if TYPE_CHECKING:
    from .collection import Item, StatementSet

__all__ = ["remove", "replace"]

_SHOWN = 5  # dependents named in a message; the rest are counted


def remove(owner: StatementSet, item: object) -> Item:
    """Remove an item nothing else refers to, and return it as it was stored."""
    stored = _stored(owner, item, "StatementSet.remove(item)")
    found = list(_dependents(owner, stored))
    if found:
        raise FieldError(
            "StatementSet.remove(item)",
            f"an item that nothing else in the set refers to ({_name(stored)} is referred to by"
            f" {_listed(found)}: remove or replace those first)",
            _ident(stored),
        )
    _unlink(owner, stored)
    return stored


def replace(owner: StatementSet, item: Item) -> Item:
    """Replace the stored actor or statement with ``item``'s id by ``item``; return it as stored.

    The new item is checked as :meth:`StatementSet.add` checks one; rebuttals that target a
    replaced statement's claims must still find them. On any problem the set is left as it was.
    """
    if not isinstance(item, Actor | Statement):
        raise FieldError(
            "StatementSet.replace(item)",
            "an Actor, Statement or Rebuttal (an affiliation or part-of link has no id to"
            " replace by: remove the old one and add the new)",
            item,
        )
    old = _stored(owner, item.id, "StatementSet.replace(item)", actor=isinstance(item, Actor))
    if old == item:
        return old
    _unlink(owner, old)
    try:
        stored = owner.add(item)
        if isinstance(stored, Statement):
            _check_targets_of(owner, stored)
    except DiplostatementsError:
        if owner._statements.get(item.id) is not old and isinstance(item, Statement):
            new = owner._statements.get(item.id)
            if new is not None:
                _unlink(owner, new)
        if isinstance(item, Actor) and item.id in owner._actors:
            _unlink(owner, owner._actors[item.id])
        _link(owner, old)
        raise
    return stored


def _check_targets_of(owner: StatementSet, statement: Statement) -> None:
    """The rebuttals of a replaced statement still find the claims they target."""
    for ident in owner._rebuttals.get(statement.id, ()):
        rebuttal = owner._statements[ident]
        assert isinstance(rebuttal, Rebuttal)
        for index, target in enumerate(rebuttal.targets):
            if isinstance(target, ClaimRef) and target.statement_id == statement.id:
                try:
                    target.find(statement)
                except FieldError as error:
                    field = error.path.rpartition(".")[2]
                    raise FieldError(
                        f"Rebuttal({ident!r}).targets[{index}].{field}",
                        f"{error.expected} (the replacement of {statement.id!r} must keep the"
                        " claims its rebuttals target)",
                        error.got,
                    ) from None


def _stored(  # noqa: PLR0912 -- one branch per kind of item
    owner: StatementSet, item: object, path: str, *, actor: bool | None = None
) -> Item:
    """The stored item that ``item`` (an item, or the id of a statement or actor) names."""
    if isinstance(item, str):
        statement = owner._statements.get(item) if actor is not True else None
        found_actor = owner._actors.get(item) if actor is not False else None
        if statement is not None and found_actor is not None:
            raise FieldError(
                path,
                "an id that names one item (a statement and an actor both have it: pass the item"
                " itself)",
                item,
            )
        found = statement or found_actor
        if found is None:
            what = "actor" if actor else "statement" if actor is False else "statement or actor"
            known = [*owner._statements, *owner._actors] if actor is None else []
            if actor is None:
                suggestions = statement_matches(item, known)
            elif actor:
                suggestions = owner._resolver.suggest(item)
            else:
                suggestions = statement_matches(item, owner._statements)
            raise UnknownReferenceError(path, item, what, suggestions)
        return found
    if isinstance(item, Actor):
        if owner._actors.get(item.id) == item:
            return item
    elif isinstance(item, Statement):
        stored = owner._statements.get(item.id)
        if stored is not None and (stored == item or stored == owner._as_stored(item)):
            return stored
    elif isinstance(item, Affiliation):
        if item in owner._affiliations:
            return item
    elif isinstance(item, PartOf):
        if item in owner._part_of:
            return item
    else:
        raise FieldError(path, "an item the set holds, or the id of a statement or actor", item)
    raise FieldError(path, "an item the set holds (this one is not in it)", item)


def _dependents(owner: StatementSet, item: Item) -> Iterator[tuple[str, str]]:
    """The items that refer to ``item``: what each is ("rebuttal"), and its name."""
    if isinstance(item, Statement):
        for ident in sorted(owner._rebuttals.get(item.id, ())):
            yield "rebuttal", repr(ident)
        return
    if not isinstance(item, Actor):
        return  # nothing refers to an affiliation or a part-of link
    ident = item.id
    for link in sorted(owner._affiliations, key=lambda a: (a.member, a.organization)):
        if ident in (link.member, link.organization):
            yield "affiliation", f"({link.member!r}, {link.organization!r})"
    for part in sorted(owner._part_of, key=lambda p: (p.part, p.whole)):
        if ident in (part.part, part.whole):
            yield "part-of link", f"({part.part!r}, {part.whole!r})"
    for statement in owner._ordered():
        if _mentions(statement, ident):
            yield type(statement).__name__.lower(), repr(statement.id)


def _mentions(statement: Statement, ident: str) -> bool:
    if ident in (statement.speaker, statement.on_behalf_of):
        return True
    if ident in statement.cosigners or any(relay.via == ident for relay in statement.relays):
        return True
    return any(_in_claim(claim, ident) for claim in statement.claims)


def _in_claim(claim: Claim, ident: str) -> bool:
    if ident in (claim.subject, claim.object):
        return True
    return claim.content is not None and _in_claim(claim.content, ident)


def _unlink(owner: StatementSet, item: Item) -> None:  # noqa: PLR0912 -- one branch per kind
    """Take a stored item out of the set and out of every index."""
    if isinstance(item, Statement):
        del owner._statements[item.id]
        if isinstance(item, Rebuttal):
            for target in item.target_ids:
                rebuttals = owner._rebuttals.get(target)
                if rebuttals is not None and item.id in rebuttals:
                    rebuttals.remove(item.id)
                    if not rebuttals:
                        del owner._rebuttals[target]
        if owner._plain is not None:
            for name in plain_names(item, owner._resolver):
                users = owner._plain.get(name)
                if users is not None:
                    users.discard(item.id)
                    if not users:
                        del owner._plain[name]
        owner._order = None
    elif isinstance(item, Actor):
        del owner._actors[item.id]
        owner._resolver.unregister(item)
        owner._by_name = None
    elif isinstance(item, Affiliation):
        del owner._affiliations[item]
        if item.speaks_for:
            links = owner._speaks_for[item.member]
            links.remove(item)
            if not links:
                del owner._speaks_for[item.member]
            owner._side_cache.clear()
    else:
        del owner._part_of[item]
        wholes = owner._wholes[item.part]
        wholes.remove(item)
        if not wholes:
            del owner._wholes[item.part]


def _link(owner: StatementSet, item: Item) -> None:
    """Put back an item :func:`_unlink` took out (it was valid there)."""
    if isinstance(item, Statement):
        owner._store({}, {item.id: item})
    elif isinstance(item, Actor):
        owner._actors[item.id] = item
        owner._resolver.register(item, "")
        owner._by_name = None


def _ident(item: Item) -> str:
    if isinstance(item, Actor | Statement):
        return item.id
    return _name(item)


def _name(item: Item) -> str:
    if isinstance(item, Statement):
        return f"{type(item).__name__.lower()} {item.id!r}"
    if isinstance(item, Actor):
        return f"actor {item.id!r}"
    if isinstance(item, Affiliation):
        return f"Affiliation({item.member!r}, {item.organization!r})"
    return f"PartOf({item.part!r}, {item.whole!r})"


def _listed(found: list[tuple[str, str]]) -> str:
    """``rebuttals 'a' and 'b', statement 'c'``: the first few, grouped by what they are."""
    groups: dict[str, list[str]] = {}
    for what, name in found[:_SHOWN]:
        groups.setdefault(what, []).append(name)
    parts = []
    for what, names in groups.items():
        words = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        parts.append(f"{what if len(names) == 1 else what + 's'} {words}")
    more = len(found) - _SHOWN
    return ", ".join(parts) + (f" and {more} more" if more > 0 else "")


def actor_by_name(owner: StatementSet, ref: str, path: str) -> Actor:
    """The actor with this id, alias, or display name (any case) if only one actor has it."""
    if not isinstance(ref, str):
        raise FieldError(path, "an actor id, alias or name", ref)
    owner_id = owner._resolver.owner_of(ref)
    if owner_id is not None:
        return owner._actors[owner_id]
    names = owner._by_name
    if names is None:
        names = {}
        for actor in owner._actors.values():
            names.setdefault(actor.name.casefold(), []).append(actor.id)
        owner._by_name = names
    found = sorted(names.get(ref.casefold(), ()))
    if len(found) == 1:
        return owner._actors[found[0]]
    if found:
        error = UnknownReferenceError(path, ref, "actor", found)
        error.add_note(f"{len(found)} actors are named {ref!r}: give the id of the one meant")
        raise error
    by_name = close_matches(ref, [actor.name for actor in owner._actors.values()])
    suggestions = owner._resolver.suggest(ref) or [
        owner._actors[ident].id for name in by_name for ident in names.get(name.casefold(), ())
    ]
    raise UnknownReferenceError(path, ref, "actor", suggestions)
