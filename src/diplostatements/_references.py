"""Reference checks for :class:`~diplostatements.StatementSet`: ids, aliases and suggestions.

Everything here works on a staged view of the set (:class:`Staged`), so a batch is checked in full
before any of it is committed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import attrs

from ._validation import close_matches
from .actors import Actor, Affiliation
from .claims import Claim
from .exceptions import DuplicateIdError, FieldError, UnknownReferenceError
from .rebuttals import ClaimRef, Rebuttal
from .statements import Statement


class Resolver:
    """Maps actor ids and aliases (case-insensitively) to ids, and suggests close matches."""

    __slots__ = ("_aliases", "_ids", "_spelled", "_typos")

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._aliases: dict[str, str] = {}
        # Casefolded alias -> the alias as the actor spells it, for suggestions a person reads.
        self._spelled: dict[str, str] = {}
        self._typos: dict[str, list[str]] = {}

    def copy(self) -> Resolver:
        """An independent copy (staging must not touch the committed resolver)."""
        new = Resolver()
        new._ids = set(self._ids)
        new._aliases = dict(self._aliases)
        new._spelled = dict(self._spelled)
        return new

    def owner_of(self, name: str) -> str | None:
        """The id of the actor with this id or alias, if any."""
        if name in self._ids:
            return name
        return self._aliases.get(name.casefold())

    def register(self, actor: Actor, prefix: str) -> None:
        """Record the actor's id and aliases; an alias owned by another actor is an error."""
        for name in (actor.id, *sorted(actor.aliases)):
            owner = self.owner_of(name)
            if owner is not None and owner != actor.id:
                raise DuplicateIdError(f"{prefix}Actor({actor.id!r}).aliases", name, "actor alias")
        self._ids.add(actor.id)
        for alias in actor.aliases:
            self._aliases[alias.casefold()] = actor.id
            self._spelled[alias.casefold()] = alias
        self._typos.clear()

    def suggest(self, name: str) -> list[str]:
        """Known ids and aliases that look like ``name``."""
        return close_matches(name, [*self._ids, *self._spelled.values()])

    def require(self, name: str, path: str) -> str:
        """The id for ``name``, or an error naming ``path`` with close matches."""
        if not isinstance(name, str):
            raise FieldError(path, "an actor id", name)
        owner = self.owner_of(name)
        if owner is None:
            raise UnknownReferenceError(path, name, "actor", self.suggest(name))
        return owner

    def typo_of(self, name: str) -> list[str]:
        """Known ids that a plain entity name looks like a typo of (cached per name)."""
        found = self._typos.get(name)
        if found is None:
            found = close_matches(name, self._ids, limit=2, cutoff=0.85)
            self._typos[name] = found
        return found

    @staticmethod
    def require_statement(ident: str, statements: Mapping[str, Statement], path: str = "") -> None:
        """Raise for an unknown statement id, with close matches."""
        where = path or "statement_id"
        raise UnknownReferenceError(where, ident, "statement", close_matches(ident, statements))


class Staged:
    """What a batch would add, checked against the set and against itself."""

    __slots__ = (
        "_rewritten",
        "actors",
        "affiliations",
        "base_actors",
        "base_statements",
        "pending",
        "plain",
        "resolver",
        "statements",
        "warnings",
    )

    def __init__(
        self,
        actors: Mapping[str, Actor],
        statements: Mapping[str, Statement],
        resolver: Resolver,
        pending: Mapping[str, Statement],
        plain: Mapping[str, set[str]],
    ) -> None:
        self.base_actors = actors
        self.base_statements = statements
        self.resolver = resolver
        self.pending = pending
        self.plain = plain
        self.actors: dict[str, Actor] = {}
        self.statements: dict[str, Statement] = {}
        self.affiliations: list[Affiliation] = []
        self.warnings: list[str] = []
        self._rewritten: dict[str, Statement] | None = None

    def add_actor(self, actor: Actor, prefix: str) -> Actor:
        """Stage an actor; the same actor again is a no-op, a different one with its id an error."""
        existing = self.actors.get(actor.id) or self.base_actors.get(actor.id)
        if existing is not None:
            if existing != actor:
                raise DuplicateIdError(f"{prefix}Actor({actor.id!r}).id", actor.id, "actor")
            return existing
        if not self.actors:
            self.resolver = self.resolver.copy()
        self.resolver.register(actor, prefix)
        self.actors[actor.id] = actor
        return actor

    def rewritten(self) -> dict[str, Statement]:
        """Stored statements whose claims name an alias this batch introduces, resolved anew.

        A claim stored before its actor was known keeps the name as given ("Moscow"); once an
        actor with that alias arrives, the set holds the claim as if the actor had come first, so
        the result never depends on the order of adds. Computed once, after the batch's actors.
        """
        if self._rewritten is None:
            aliases = {
                alias.casefold() for actor in self.actors.values() for alias in actor.aliases
            }
            idents = sorted({i for alias in aliases for i in self.plain.get(alias, ())})
            self._rewritten = {
                ident: resolve_claims(self.base_statements[ident], self.resolver)
                for ident in idents
            }
        return self._rewritten

    def add_statement(self, statement: Statement, prefix: str) -> Statement:
        """Stage a checked statement; the same statement again is a no-op."""
        existing = (
            self.statements.get(statement.id)
            or self.rewritten().get(statement.id)
            or self.base_statements.get(statement.id)
        )
        if existing is not None:
            if existing != statement:
                raise DuplicateIdError(f"{prefix}{_name(statement)}.id", statement.id, "statement")
            return existing
        self.statements[statement.id] = statement
        return statement

    def find_statement(self, ident: str) -> Statement | None:
        """A statement known to the set or to this batch."""
        return (
            self.statements.get(ident) or self.base_statements.get(ident) or self.pending.get(ident)
        )


def _name(statement: Statement) -> str:
    return f"{type(statement).__name__}({statement.id!r})"


def check_affiliation(affiliation: Affiliation, staged: Staged, prefix: str) -> None:
    """Both ends of an affiliation must be known actors, given by id."""
    for field in ("member", "organization"):
        ref = getattr(affiliation, field)
        path = f"{prefix}Affiliation({affiliation.member!r}, {affiliation.organization!r}).{field}"
        owner = staged.resolver.require(ref, path)
        if owner != ref:
            raise FieldError(path, f"the actor's id {owner!r}, not an alias", ref)


def check_statement(statement: Statement, staged: Staged, prefix: str) -> Statement:
    """Check a statement's references; return it with actor aliases resolved to ids."""
    resolver = staged.resolver
    where = f"{prefix}{_name(statement)}"
    changes: dict[str, object] = {}
    speaker = resolver.require(statement.speaker, f"{where}.speaker")
    if speaker != statement.speaker:
        changes["speaker"] = speaker
    if statement.on_behalf_of is not None:
        behalf = resolver.require(statement.on_behalf_of, f"{where}.on_behalf_of")
        if behalf != statement.on_behalf_of:
            changes["on_behalf_of"] = behalf
    relays = []
    for index, relay in enumerate(statement.relays):
        via = resolver.require(relay.via, f"{where}.relays[{index}].via")
        relays.append(relay if via == relay.via else attrs.evolve(relay, via=via))
    if any(new is not old for new, old in zip(relays, statement.relays, strict=True)):
        changes["relays"] = tuple(relays)
    claims = tuple(
        _resolve_claim(claim, resolver, f"{where}.claims[{index}]", staged.warnings)
        for index, claim in enumerate(statement.claims)
    )
    if any(new is not old for new, old in zip(claims, statement.claims, strict=True)):
        changes["claims"] = claims
    if isinstance(statement, Rebuttal):
        _check_targets(statement, staged, where)
    return attrs.evolve(statement, **changes) if changes else statement  # type: ignore[arg-type]


def resolve_claims(statement: Statement, resolver: Resolver) -> Statement:
    """The statement with its claims' actor aliases resolved to ids (no typo warnings)."""
    claims = tuple(_resolve_claim(claim, resolver, "", None) for claim in statement.claims)
    return attrs.evolve(statement, claims=claims)


def plain_names(statement: Statement, resolver: Resolver) -> set[str]:
    """The subjects and objects (nested content included) that name no known actor, casefolded."""
    return {
        name.casefold()
        for claim in statement.claims
        for name in _entities(claim)
        if resolver.owner_of(name) is None
    }


def _entities(claim: Claim) -> Iterator[str]:
    yield claim.subject
    if claim.object is not None:
        yield claim.object
    if claim.content is not None:
        yield from _entities(claim.content)


def _resolve_claim(
    claim: Claim, resolver: Resolver, path: str, warnings: list[str] | None
) -> Claim:
    changes: dict[str, object] = {}
    for field in ("subject", "object"):
        name = getattr(claim, field)
        if name is None:
            continue
        owner = resolver.owner_of(name)
        if owner is None:
            typos = [] if warnings is None else resolver.typo_of(name)
            if typos and warnings is not None:
                warnings.append(
                    f"{path}.{field}: {name!r} is not a known actor and is kept as a plain"
                    f" entity name; did you mean {typos[0]!r}?"
                )
        elif owner != name:
            changes[field] = owner
    if claim.content is not None:
        content = _resolve_claim(claim.content, resolver, f"{path}.content", warnings)
        if content is not claim.content:
            changes["content"] = content
    return attrs.evolve(claim, **changes) if changes else claim  # type: ignore[arg-type]


def _check_targets(rebuttal: Rebuttal, staged: Staged, where: str) -> None:
    for index, target in enumerate(rebuttal.targets):
        path = f"{where}.targets[{index}]"
        ident = target.statement_id if isinstance(target, ClaimRef) else target
        if ident == rebuttal.id:
            raise FieldError(path, "another statement (a rebuttal cannot target itself)", ident)
        found = staged.find_statement(ident)
        if found is None:
            known = [*staged.base_statements, *staged.pending, *staged.statements]
            raise UnknownReferenceError(path, ident, "statement", close_matches(ident, known))
        if isinstance(target, ClaimRef) and target.claim >= len(found.claims):
            raise FieldError(
                f"{path}.claim",
                f"a claim index below {len(found.claims)} (statement {ident!r} has"
                f" {len(found.claims)} claim{'s' if len(found.claims) != 1 else ''})",
                target.claim,
            )
