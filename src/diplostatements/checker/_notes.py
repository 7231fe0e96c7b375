"""What a report says about the set besides its findings: names a person may have mistyped.

A predicate the vocabulary does not define switches every rule that needs a declaration off for
its claims, silently; an entity name that differs from another only by case or spacing ("The
attack", "the attack") makes two propositions of one. Neither is an error (a plain predicate or
name is allowed), so the report lists them, with close names to choose from. It also knows every
name of the set, for the report's look-ups by id, alias or display name.

Worked out when the report is first asked (:class:`~diplostatements.report.Report` calls
:func:`notes` through a thunk), never during the check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from .._validation import close_matches
from ..claims import Claim
from ..report import Notes
from ..vocabulary import Vocabulary
from .rows import Rows

__all__ = ["Used", "names_of", "notes"]


Used = Callable[[], tuple[set[str], set[str]]]
"""The predicates and entity names a whole set's claims use (nested content included), worked
out when called: from a set's tables, whose checked rows are only those that may clash."""


def notes(rows: Rows, vocabulary: Vocabulary, used: Used | None = None) -> Notes:
    """The unknown predicates, near-duplicate names and look-up table of a checked set.

    Args:
        rows: the numbered assertions (their claims, and the set's actors).
        vocabulary: what the predicates mean.
        used: the names the whole set uses, when ``rows`` hold only part of its claims.
    """
    stated = rows.claims[: rows.stated]
    predicates, entities = used() if used is not None else names_of(stated)
    unknown = {
        name: tuple(close_matches(name, vocabulary))
        for name in sorted(predicates - set(vocabulary))
    }
    lookup = _lookup(rows)
    similar = _similar(entities, lookup)
    lookup.update((name, name) for name in entities if name not in lookup)
    return Notes(unknown, similar, lookup)


def names_of(
    claims: Iterable[Claim], resolve: Callable[[str], str] | None = None
) -> tuple[set[str], set[str]]:
    """The predicates and entity names of claims, nested content included.

    ``resolve`` turns each distinct entity name into the name the set stores (an alias into its
    actor's id), when the claims were not made by the set.
    """
    predicates: set[str] = set()
    entities: set[str] = set()
    for stated in claims:
        claim: Claim | None = stated
        while claim is not None:
            predicates.add(claim.predicate)
            entities.add(claim.subject)
            if claim.object is not None:
                entities.add(claim.object)
            claim = claim.content
    if resolve is not None:
        entities = set(map(resolve, entities))
    return predicates, entities


def _lookup(rows: Rows) -> dict[str, str]:
    """Every name an actor goes by (id, alias, display name) -> its id.

    A display name two actors share names neither (it is left out: its ids still work).
    """
    lookup: dict[str, str] = {}
    shared: set[str] = set()
    for ident, actor in rows.actors.items():
        for name in (actor.name, *actor.aliases):
            if name in lookup and lookup[name] != ident:
                shared.add(name)
            lookup.setdefault(name, ident)
    for name in shared:
        del lookup[name]
    lookup.update((ident, ident) for ident in rows.actors)  # an id always names its actor
    return lookup


def _key(name: str) -> str:
    """A name without the differences a person does not see: case and spacing."""
    return " ".join(name.casefold().split())


def _similar(entities: set[str], lookup: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Entity names (not actors) that differ from another name only by case or spacing.

    Each such name -> the other entity names and actor ids it looks like, sorted.
    """
    groups: dict[str, set[str]] = {}
    for name in entities:
        groups.setdefault(_key(name), set()).add(name)
    actors: dict[str, set[str]] = {}
    for name, ident in lookup.items():
        actors.setdefault(_key(name), set()).add(ident)
    found: dict[str, tuple[str, ...]] = {}
    for name in sorted(entities):
        if name in lookup:  # an actor's id (or a name the set resolves): not a plain name
            continue
        key = _key(name)
        others = (groups[key] - {name}) | actors.get(key, set())
        if others:
            found[name] = tuple(sorted(others))
    return found
