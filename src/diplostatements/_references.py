"""Reference checks for :class:`~diplostatements.StatementSet`: ids, aliases and suggestions.

Everything here works on a staged view of the set (:class:`Staged`), so a batch is checked in full
before any of it is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain
from operator import attrgetter

import attrs

from ._progress import Ticker
from ._resolver import SCAN_LIMIT, Resolver
from ._validation import close_matches
from .actors import Actor, Affiliation
from .claims import Claim
from .exceptions import DiplostatementsError, DuplicateIdError, FieldError, UnknownReferenceError
from .parts import PartOf
from .rebuttals import ClaimRef, Rebuttal
from .statements import Statement

_REPLACE = "to change the item held: StatementSet.replace(item), or add(item, replace=True)"


class Staged:
    """What a batch would add, checked against the set and against itself."""

    __slots__ = (
        "_rewritten",
        "actors",
        "affiliation_places",
        "affiliations",
        "base_actors",
        "base_resolver",
        "base_statements",
        "part_of",
        "part_of_places",
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
        plain: dict[str, set[str]] | None,
    ) -> None:
        self.base_actors = actors
        self.base_statements = statements
        self.base_resolver = resolver
        self.resolver = resolver
        self.pending = pending
        # Casefolded plain names -> ids of the stored statements that use them; None until a
        # batch brings an alias that stored claims may use (see rewritten()).
        self.plain = plain
        self.actors: dict[str, Actor] = {}
        self.statements: dict[str, Statement] = {}
        self.affiliations: list[Affiliation] = []
        self.affiliation_places: list[str] = []  # each affiliation's position, as "[3] "
        self.part_of: list[PartOf] = []
        self.part_of_places: list[str] = []
        self.warnings: list[str] | None = []  # None: no typo warnings (a file is read as it is)
        self._rewritten: dict[str, Statement] | None = None

    def add_actor(self, actor: Actor, prefix: str) -> Actor:
        """Stage an actor; the same actor again is a no-op, a different one with its id an error."""
        existing = self.actors.get(actor.id) or self.base_actors.get(actor.id)
        if existing is not None:
            if existing != actor:
                error = DuplicateIdError(f"{prefix}Actor({actor.id!r}).id", actor.id, "actor")
                error.add_note(_REPLACE)
                raise error
            return existing
        if self.resolver is self.base_resolver:
            self.resolver = self.base_resolver.staged()
        self.resolver.register(actor, prefix)
        self.actors[actor.id] = actor
        return actor

    def add_affiliation(self, affiliation: Affiliation, prefix: str) -> None:
        """Stage an affiliation whose references were checked."""
        self.affiliations.append(affiliation)
        self.affiliation_places.append(prefix)

    def add_part_of(self, link: PartOf, prefix: str) -> None:
        """Stage a part-of link whose references were checked."""
        self.part_of.append(link)
        self.part_of_places.append(prefix)

    def rewritten(self) -> dict[str, Statement]:
        """Stored statements whose claims name an alias this batch introduces, resolved anew.

        A claim stored before its actor was known keeps the name as given ("Moscow"); once an
        actor with that alias arrives, the set holds the claim as if the actor had come first, so
        the result never depends on the order of adds. Computed once, after the batch's actors.
        The index of plain names is built the first time an alias may need it: most sets get
        their actors first and never need one.
        """
        if self._rewritten is None:
            aliases = {
                alias.casefold() for actor in self.actors.values() for alias in actor.aliases
            }
            if aliases and self.plain is None and self.base_statements:
                self.plain = plain_index(self.base_statements.values(), self.base_resolver)
            found = self.plain or {}
            idents = sorted({i for alias in aliases for i in found.get(alias, ())})
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
                error = DuplicateIdError(
                    f"{prefix}{_name(statement)}.id", statement.id, "statement"
                )
                error.add_note(_REPLACE)
                raise error
            return existing
        self.statements[statement.id] = statement
        return statement

    def find_statement(self, ident: str) -> Statement | None:
        """A statement known to the set or to this batch."""
        return (
            self.statements.get(ident) or self.base_statements.get(ident) or self.pending.get(ident)
        )


def plain_index(statements: Iterable[Statement], resolver: Resolver) -> dict[str, set[str]]:
    """Casefolded plain entity names -> the ids of the statements whose claims use them."""
    index: dict[str, set[str]] = {}
    for statement in statements:
        for name in plain_names(statement, resolver):
            index.setdefault(name, set()).add(statement.id)
    return index


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


def check_part_of(link: PartOf, staged: Staged, prefix: str) -> None:
    """Both ends of a part-of link must be known actors, given by id."""
    for field in ("part", "whole"):
        ref = getattr(link, field)
        path = f"{prefix}PartOf({link.part!r}, {link.whole!r}).{field}"
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
    if statement.cosigners:
        cosigners = tuple(
            resolver.require(name, f"{where}.cosigners[{index}]")
            for index, name in enumerate(statement.cosigners)
        )
        for index, name in enumerate(cosigners):
            if name in (speaker, *cosigners[:index]):
                raise FieldError(
                    f"{where}.cosigners[{index}]",
                    "a signatory not already named (it is an alias of one)",
                    statement.cosigners[index],
                )
        if cosigners != statement.cosigners:
            changes["cosigners"] = cosigners
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
            count = len(staged.base_statements) + len(staged.pending) + len(staged.statements)
            known = (
                [*staged.base_statements, *staged.pending, *staged.statements]
                if count <= SCAN_LIMIT
                else []
            )
            raise UnknownReferenceError(path, ident, "statement", close_matches(ident, known))
        if isinstance(target, ClaimRef):
            try:
                target.find(found)
            except FieldError as error:
                field = error.path.rpartition(".")[2]  # "claim" or "content"
                raise FieldError(f"{path}.{field}", error.expected, error.got) from None


def stage_batch(
    items: Sequence[object], staged: Staged, *, warn: bool, ticker: Ticker | None = None
) -> bool:
    """Stage a batch in one pass over it, when nothing in it needs more than a look-up.

    This is the path of every well-formed batch: each reference is one set or dict look-up, and
    a statement is stored as it is. Anything else (an id used twice, an unknown reference, an
    alias in a claim, a name that looks like a slip of an id when ``warn``, a rebuttal aimed
    at itself, something that is not an item) returns False at once, and the caller stages the
    batch again item by item (:func:`check_statement`), which words the problems. What this
    staged is then thrown away with ``staged``.

    The statements are staged in the order the item-by-item path stores them: statements, then
    rebuttals, each in the order they came.
    """
    kinds = _by_kind(items)
    if kinds is None:
        return False
    actors, links, statements, rebuttals, parts = kinds
    try:
        for actor in actors:
            staged.add_actor(actor, "")
        for link in links:
            check_affiliation(link, staged, "")
            staged.add_affiliation(link, "")
        for part in parts:
            check_part_of(part, staged, "")
            staged.add_part_of(part, "")
    except DiplostatementsError:
        return False
    if actors and staged.rewritten():
        return False  # stored claims to resolve anew: rare, and done item by item
    ticker = ticker or Ticker(None, None)
    return _stage_statements(statements, staged, ticker, warn=warn) and _stage_statements(
        rebuttals, staged, ticker, warn=warn, rebuttals=True
    )


def _by_kind(
    items: Sequence[object],
) -> tuple[list[Actor], list[Affiliation], list[Statement], list[Rebuttal], list[PartOf]] | None:
    if set(map(type, items)) <= {Statement}:  # the usual large batch: statements alone
        return [], [], list(items), [], []  # type: ignore[arg-type]
    actors: list[Actor] = []
    links: list[Affiliation] = []
    statements: list[Statement] = []
    rebuttals: list[Rebuttal] = []
    parts: list[PartOf] = []
    for item in items:
        kind = type(item)
        if kind is Statement:
            statements.append(item)  # type: ignore[arg-type]
        elif kind is Rebuttal:
            rebuttals.append(item)  # type: ignore[arg-type]
        elif kind is Actor:
            actors.append(item)  # type: ignore[arg-type]
        elif kind is Affiliation:
            links.append(item)  # type: ignore[arg-type]
        elif kind is PartOf:
            parts.append(item)  # type: ignore[arg-type]
        else:
            return None
    return actors, links, statements, rebuttals, parts


_CHUNK = 65536
"""Statements staged at once: each chunk's checks are a few set operations over its names."""
_ID = attrgetter("id")
_SPEAKER = attrgetter("speaker")
_OTHERS = attrgetter("on_behalf_of", "cosigners", "relays")
_NO_OTHERS = (None, (), ())
_BEHALF = attrgetter("on_behalf_of")
_COSIGNERS = attrgetter("cosigners")
_RELAYS = attrgetter("relays")
_CHECKED_NAMES = 1 << 18
"""Plain names remembered as checked across a batch's chunks, at most (then no more are)."""
_CLAIMS = attrgetter("claims")
_SUBJECT = attrgetter("subject")
_OBJECT = attrgetter("object")
_CONTENT = attrgetter("content")


def _stage_statements(  # noqa: PLR0911 -- each check returns at once
    statements: Sequence[Statement],
    staged: Staged,
    ticker: Ticker,
    *,
    warn: bool,
    rebuttals: bool = False,
) -> bool:
    """Stage statements (or rebuttals) a chunk at a time, by set operations: no call per item.

    Per chunk: the ids are added to the staged statements at once (a repeat shows in the
    count); the speakers must be ids, as must the actors of the few statements that name
    others (on whose behalf, cosigners, relays); the names claims hold that are not ids are
    looked at one by one only when one of them may be an alias or a slip of an id.
    """
    resolver = staged.resolver
    ids, more_ids = resolver.id_sets()
    aliased = resolver.has_aliases()
    typo_of = resolver.typo_of if warn else None
    # The lengths a name may have to be one slip from an id: an ASCII name of any other length
    # (most plain entity names) is no slip of one, and is not looked up.
    lengths = resolver.name_lengths() if warn else frozenset()
    look = aliased or warn  # whether a name that is no id needs looking at

    def plain(name: str) -> bool:
        # A name that is no id is stored as it is unless it is an alias (stored as its id) or,
        # when warning, looks like a slip of an id (a warning to word): both left to the slow path.
        if aliased and resolver.owner_of(name) is not None:
            return False
        if typo_of is None or (len(name) not in lengths and name.isascii()):
            return True
        return not typo_of(name)

    checked: set[str] = set()  # plain names found plain in an earlier chunk

    def names_plain(claims: list[Claim]) -> bool:
        # Whether every name the claims hold is an id or a plain name. Subjects are mostly ids,
        # tested against them before any set is made. Most chunks then hold no name to look at
        # one by one: no alias, and every name ASCII and of a length no slip of an id has (both
        # tested over the chunk's new names at once).
        names = set() if ids.issuperset(map(_SUBJECT, claims)) else set(map(_SUBJECT, claims))
        names.update(map(_OBJECT, claims))
        names.discard(None)
        names -= ids
        names -= more_ids
        names -= checked
        if aliased or not lengths.isdisjoint(map(len, names)) or not "".join(names).isascii():
            for name in names:
                if (aliased or len(name) in lengths or not name.isascii()) and not plain(name):
                    return False
        if len(checked) < _CHECKED_NAMES:
            checked.update(names)
        return True

    def known_actors(names: Iterable[str | None]) -> bool:
        return all(name in ids or name in more_ids for name in names if name is not None)

    known = staged.base_statements
    new = staged.statements
    offset = len(new)  # rebuttals are counted after the statements
    for at in range(0, len(statements), _CHUNK):
        chunk = statements[at : at + _CHUNK]
        before = len(new)
        new.update(zip(map(_ID, chunk), chunk, strict=True))
        if len(new) != before + len(chunk):
            return False  # an id twice in the batch, or already staged
        if known and not known.keys().isdisjoint(map(_ID, chunk)):
            return False  # an id the set holds
        if not known_actors(set(map(_SPEAKER, chunk)) - ids):
            return False
        # Most chunks name no one else: three passes that find nothing, and no set made.
        if any(map(_BEHALF, chunk)) or any(map(_COSIGNERS, chunk)) or any(map(_RELAYS, chunk)):
            others = set(map(_OTHERS, chunk))
            others.discard(_NO_OTHERS)
            for behalf, cosigners, relays in others:
                if not known_actors((behalf, *cosigners, *(relay.via for relay in relays))):
                    return False
        claims = list(chain.from_iterable(map(_CLAIMS, chunk)))
        if look and not names_plain(claims):
            return False
        for content in filter(None, map(_CONTENT, claims)):
            if not _content_plain(content, ids, more_ids, plain):
                return False
        done = offset + at + len(chunk)
        if done >= ticker.next:
            ticker.update(done)
    return not rebuttals or _targets_known(statements, staged)


def _content_plain(
    claim: Claim,
    ids: AbstractSet[str],
    more_ids: AbstractSet[str],
    plain: Callable[[str], bool],
) -> bool:
    """Whether every name in nested content is an id or a plain name (see _stage_statements)."""
    for name in _entities(claim):
        if name not in ids and name not in more_ids and not plain(name):
            return False
    return True


def _has_content(claim: Claim | None, depth: int) -> bool:
    for _ in range(depth):
        claim = None if claim is None else claim.content
    return claim is not None


def _targets_known(rebuttals: Sequence[Statement], staged: Staged) -> bool:
    """Every target of these rebuttals (all staged) is a statement, and each claim index fits."""
    new, known = staged.statements, staged.base_statements
    for rebuttal in rebuttals:
        assert isinstance(rebuttal, Rebuttal)
        for target in rebuttal.targets:
            depth = 0
            if isinstance(target, str):
                ident, index = target, -1
            else:
                ident, index, depth = target.statement_id, target.claim, target.content
            found = (new.get(ident) or known.get(ident)) if ident != rebuttal.id else None
            if found is None or index >= len(found.claims):
                return False
            if depth and not _has_content(found.claims[index], depth):
                return False
    return True
