"""The statement set: the container a notebook builds up, and the checker reads.

A :class:`StatementSet` holds actors, affiliations, statements and rebuttals. It checks every
reference when an item is added (an unknown speaker, actor or target is an error that suggests close
matches), resolves actor aliases ("Moscow") to ids, and keeps a deterministic order — chronological,
then by id — whatever order items were added in.

>>> from datetime import date
>>> from diplostatements import Actor, Affiliation, Claim, Statement, StatementSet
>>> s = StatementSet()
>>> s.extend([
...     Actor.state("RUS", aliases={"Moscow"}),
...     Actor.person("peskov", "Dmitry Peskov"),
...     Affiliation("peskov", "RUS", role="spokesman", speaks_for=True),
...     Statement("st-1", "peskov", date(2019, 6, 4), [Claim("Moscow", "supports", "maduro")]),
... ])
>>> s.statements["st-1"].claims[0].subject
'RUS'
>>> s.side_of("peskov", date(2019, 6, 4))
'RUS'
"""

from __future__ import annotations

import warnings
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast

import attrs

from . import _editing
from ._plural import counted
from ._progress import Progress, Ticker
from ._references import (
    Staged,
    check_affiliation,
    check_part_of,
    check_statement,
    plain_names,
    stage_batch,
)
from ._resolver import Resolver
from ._speaks_for import cycle_errors, part_of_cycle_errors
from .actors import Actor, Affiliation
from .claims import Claim
from .exceptions import DiplostatementsError, FieldError, ValidationError
from .parts import PartOf
from .rebuttals import ClaimRef, Rebuttal
from .statements import Statement
from .timespans import Overlap, TimeSpan

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .report import Report

__all__ = ["Assertion", "Item", "StatementSet"]

Item: TypeAlias = Actor | Affiliation | Statement | PartOf
"""Anything a :class:`StatementSet` holds."""

_I = TypeVar("_I", bound=Item)


@attrs.frozen
class Assertion:
    """A claim as asserted by a statement's speaker, on behalf of a side.

    Args:
        statement: the statement that asserts it.
        claim: the claim (``statement.claims[index]``, or for a rebuttal the negation of a target
            claim it denies).
        side: the actor the statement commits (resolved through speaks-for affiliations).
        index: the claim's index in ``statement.claims``; ``None`` for the negation a
            contradicting rebuttal implies.
        denies: for an implied negation, the target claim it denies.
    """

    statement: Statement
    claim: Claim
    side: str
    index: int | None
    denies: ClaimRef | None = attrs.field(default=None, kw_only=True)

    @property
    def when(self) -> TimeSpan:
        """The period the claim is about: its own ``when``, else the day it was said."""
        return self.claim.when if self.claim.when is not None else self.statement.said_on

    @property
    def speaker(self) -> str:
        """The actor id of who said it."""
        return self.statement.speaker

    @property
    def ref(self) -> str:
        """A short stable name: ``"statement-id#index"`` or ``"statement-id#denies:target#i"``."""
        if self.index is not None:
            return f"{self.statement.id}#{self.index}"
        return f"{self.statement.id}#denies:{self.denies}"


class _OrderedStatements(Mapping[str, Statement]):
    """A read-only mapping of statements that iterates chronologically, then by id."""

    __slots__ = ("_owner",)

    def __init__(self, owner: StatementSet) -> None:
        self._owner = owner

    def __getitem__(self, key: str) -> Statement:
        return self._owner._statements[key]

    def __iter__(self) -> Iterator[str]:
        return (statement.id for statement in self._owner._ordered())

    def __len__(self) -> int:
        return len(self._owner._statements)

    def __repr__(self) -> str:
        return f"<{counted(len(self), 'statement')}>"


class StatementSet:
    """Actors, affiliations, statements and rebuttals, with their references checked.

    Args:
        items: anything to :meth:`extend` the new set with.
    """

    __slots__ = (
        "__weakref__",
        "_actors",
        "_affiliations",
        "_by_name",
        "_order",
        "_part_of",
        "_plain",
        "_rebuttals",
        "_resolver",
        "_side_cache",
        "_speaks_for",
        "_statements",
        "_wholes",
    )

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._actors: dict[str, Actor] = {}
        self._affiliations: dict[Affiliation, None] = {}
        self._statements: dict[str, Statement] = {}
        self._rebuttals: dict[str, list[str]] = {}
        self._speaks_for: dict[str, list[Affiliation]] = {}
        self._part_of: dict[PartOf, None] = {}
        self._wholes: dict[str, list[PartOf]] = {}  # part -> its part-of links
        # Casefolded display names -> actor ids, built when a name is first looked up.
        self._by_name: dict[str, list[str]] | None = None
        self._resolver = Resolver()
        self._order: list[Statement] | None = []
        # (actor, the four dates of a span) -> its side then. The dates rather than the span: a
        # tuple of dates hashes and compares in C, a span through attrs' generated methods.
        self._side_cache: dict[tuple[str, date, date, date, date], str] = {}
        # Casefolded plain entity names -> ids of the statements whose claims use them, so that
        # an actor whose alias is one of them can be resolved into claims stored before it.
        # Built when first needed (most sets get their actors first and never need it).
        self._plain: dict[str, set[str]] | None = None
        # _apply directly, not through extend: a typo warning then points at the caller's line.
        self._apply(_batch(items, "StatementSet(items)"), batch=True)

    # -- adding -----------------------------------------------------------------------------

    def add(self, item: _I, *, replace: bool = False) -> _I:
        """Add one actor, affiliation, part-of link, statement or rebuttal; return it as stored.

        A statement comes back with actor aliases resolved to ids. Adding the very same item again
        does nothing.

        Args:
            item: the item.
            replace: if an actor or statement with the item's id is held, replace it (see
                :meth:`replace`) rather than refuse: a notebook cell that adds an edited
                statement can then be run again.

        Raises:
            UnknownReferenceError: the item names an actor or statement the set does not hold.
            DuplicateIdError: its id is already used by a different item (and not ``replace``).
            FieldError: it is not an item a set can hold.
        """
        if replace and isinstance(item, Actor | Statement):
            held = self._actors if isinstance(item, Actor) else self._statements
            if item.id in held:
                return cast(_I, _editing.replace(self, item))
        # The stored item is the given one or an attrs.evolve of it: the same class.
        return cast(_I, self._apply([item], batch=False)[0])

    def remove(self, item: str | Item) -> Item:
        """Remove an item, and return it as it was stored.

        Args:
            item: the item itself, or the id of a statement or an actor.

        Returns:
            The removed item.

        Raises:
            FieldError: other items refer to it (a rebuttal targets the statement; statements,
                affiliations or part-of links name the actor): the error names them, and they
                must be removed or replaced first. Or the set does not hold the item.
            UnknownReferenceError: no statement or actor has the id (close ids suggested).

        >>> from datetime import date
        >>> s = StatementSet([Actor.state("RUS"), Statement("st", "RUS", date(2019, 6, 4))])
        >>> s.remove("st").id, len(s)
        ('st', 0)
        """
        return _editing.remove(self, item)

    def replace(self, item: _I) -> _I:
        """Replace the actor or statement that has ``item``'s id by ``item``.

        The new item is checked as :meth:`add` checks one, and the rebuttals that target a
        replaced statement's claims must still find them; on any problem nothing changes.

        Returns:
            The item as stored (aliases resolved).

        Raises:
            UnknownReferenceError: no actor or statement of that kind has the id.
            FieldError: the item is an affiliation or part-of link (remove the old one and add
                the new), or a rebuttal would lose the claim it targets.
        """
        return cast(_I, _editing.replace(self, item))

    @classmethod
    def _quietly(cls, items: list[Item]) -> StatementSet:
        """A new set of the items, without typo warnings (a file is read as it is)."""
        new = cls()
        new._apply(items, batch=True, warn=False)
        return new

    def extend(self, items: Iterable[Item], *, progress: Progress | None = None) -> None:
        """Add many items at once: all of them, or — if any is wrong — none.

        Items may come in any order: actors are taken first, then affiliations, then statements,
        so a statement may come before its speaker and a rebuttal before its target. A batch
        costs a few dictionary look-ups per item (each reference is checked against the set and
        the batch in one pass); only a batch with a problem is gone through again item by item,
        to word every problem.

        Args:
            items: the actors, affiliations, statements and rebuttals.
            progress: called as ``progress(done, total)`` with the items checked so far and
                their number, about every 1 % or 0.1 s, and once when all are added.

        Raises:
            ValidationError: lists every problem found, each with the item's position.
        """
        batch = _batch(items, "StatementSet.extend(items)")
        ticker = Ticker(progress, len(batch))
        self._apply(batch, batch=True, ticker=ticker)
        ticker.finish()

    def _apply(
        self, items: list[Item], *, batch: bool, warn: bool = True, ticker: Ticker | None = None
    ) -> list[Item]:
        """Add the items, all or none; return them as stored (for a batch, nothing).

        A batch is first staged in one pass (:func:`stage_batch`); a batch that pass cannot take
        as it is (a problem, an alias to resolve, a warning to word) is staged again item by
        item, which words every problem. ``warn`` turns the typo warnings on.
        """
        self._resolver.forget()
        if batch:
            staged = self._staged({})
            if stage_batch(items, staged, warn=warn, ticker=ticker) and not self._cycles(staged):
                self._commit(staged)
                return []
        pending = {item.id: item for item in items if isinstance(item, Statement)}
        staged = self._staged(pending)
        if not warn:
            staged.warnings = None
        problems: list[DiplostatementsError] = []
        stored: list[Item | None] = [None] * len(items)
        order = sorted(range(len(items)), key=lambda i: _rank(items[i]))
        for done, position in enumerate(order):
            if ticker is not None and done >= ticker.next:
                ticker.update(done)
            item = items[position]
            prefix = f"[{position}] " if batch else ""
            try:
                stored[position] = self._stage(item, staged, prefix)
            except DiplostatementsError as error:
                if not batch:
                    raise
                problems.append(error)
        cycles = self._cycles(staged)
        if cycles and not batch:
            raise cycles[0]
        problems.extend(cycles)
        if problems:
            count = f"{len(problems)} of {counted(len(items), 'item')}"
            verb = "is" if len(problems) == 1 else "are"
            raise ValidationError(f"nothing was added: {count} {verb} invalid", problems)
        self._commit(staged)
        return [item for item in stored if item is not None]

    def _staged(self, pending: Mapping[str, Statement]) -> Staged:
        return Staged(self._actors, self._statements, self._resolver, pending, self._plain)

    def _stage(self, item: object, staged: Staged, prefix: str) -> Item:
        if isinstance(item, Actor):
            return staged.add_actor(item, prefix)
        if isinstance(item, Affiliation):
            check_affiliation(item, staged, prefix)
            staged.add_affiliation(item, prefix)
            return item
        if isinstance(item, Statement):
            return staged.add_statement(check_statement(item, staged, prefix), prefix)
        if isinstance(item, PartOf):
            check_part_of(item, staged, prefix)
            staged.add_part_of(item, prefix)
            return item
        raise FieldError(
            f"{prefix}StatementSet.add(item)",
            "an Actor, Affiliation, PartOf, Statement or Rebuttal",
            item,
        )

    def _cycles(self, staged: Staged) -> list[FieldError]:
        """An error for each speaks-for or part-of cycle the staged links would close."""
        new = [link for link in staged.affiliations if link not in self._affiliations]
        errors = cycle_errors(
            self._speaks_for,
            new,
            dict(zip(map(id, staged.affiliations), staged.affiliation_places, strict=True)),
        )
        parts = [link for link in staged.part_of if link not in self._part_of]
        if parts:
            errors += part_of_cycle_errors(
                self._wholes,
                parts,
                dict(zip(map(id, staged.part_of), staged.part_of_places, strict=True)),
            )
        return errors

    def _commit(self, staged: Staged) -> None:
        # Everything was checked; nothing below can fail, so the set never ends half-changed.
        for message in staged.warnings or ():
            warnings.warn(message, UserWarning, stacklevel=4)
        rewritten = staged.rewritten() if staged.actors else {}
        if staged.plain is not None:
            self._plain = staged.plain  # perhaps built by this batch, from the statements held
        if staged.actors:
            self._actors.update(staged.actors)
            staged.resolver.commit()
            self._by_name = None
        for affiliation in staged.affiliations:
            if affiliation in self._affiliations:
                continue
            self._affiliations[affiliation] = None
            if affiliation.speaks_for:
                self._speaks_for.setdefault(affiliation.member, []).append(affiliation)
                self._side_cache.clear()
        for link in staged.part_of:
            if link not in self._part_of:
                self._part_of[link] = None
                self._wholes.setdefault(link.part, []).append(link)
        if rewritten or staged.statements:
            self._store(rewritten, staged.statements)

    def _store(self, rewritten: Mapping[str, Statement], new: Mapping[str, Statement]) -> None:
        self._statements.update(rewritten)
        self._statements.update(new)
        if self._plain is not None:
            for statement in new.values():
                for name in plain_names(statement, self._resolver):
                    self._plain.setdefault(name, set()).add(statement.id)
        # A batch of statements alone (the usual large one) has no rebuttal to index: told
        # apart without a loop.
        if not set(map(type, new.values())) <= {Statement}:
            for statement in new.values():
                if type(statement) is not Statement and isinstance(statement, Rebuttal):
                    for target in statement.target_ids:
                        self._rebuttals.setdefault(target, []).append(statement.id)
        self._order = None

    # -- reading ----------------------------------------------------------------------------

    @property
    def actors(self) -> Mapping[str, Actor]:
        """The actors by id, in id order."""
        return {key: self._actors[key] for key in sorted(self._actors)}

    @property
    def names(self) -> dict[str, str]:
        """Actor id -> display name, for every actor, in id order (what reports print)."""
        return {key: self._actors[key].name for key in sorted(self._actors)}

    @property
    def statements(self) -> Mapping[str, Statement]:
        """The statements (rebuttals included) by id, iterating chronologically, then by id."""
        return _OrderedStatements(self)

    @property
    def affiliations(self) -> tuple[Affiliation, ...]:
        """The affiliations, ordered by member, organization, then period."""
        return tuple(sorted(self._affiliations, key=_affiliation_key))

    @property
    def part_of(self) -> tuple[PartOf, ...]:
        """The part-of links, ordered by part, whole, then period."""
        return tuple(sorted(self._part_of, key=lambda link: (link.part, link.whole, link.span)))

    def wholes_of(self, part: str | Actor, when: date | TimeSpan) -> dict[str, tuple[PartOf, ...]]:
        """The wholes this actor is part of at ``when``, each with the chain of links to it.

        Follows part-of links whose period surely covers ``when``, transitively: a brigade is
        part of the armed forces, and through them of the state. The nearest wholes come first,
        then by id; each chain is the shortest (ties broken by ids), starting at ``part``.

        Args:
            part: an actor id, alias or :class:`Actor`.
            when: a day or a period.

        Returns:
            whole's id -> the links from ``part`` to it (empty if it is part of nothing then).

        >>> from datetime import date
        >>> from diplostatements import Actor, PartOf, StatementSet
        >>> s = StatementSet([
        ...     Actor.state("RUS"),
        ...     Actor.organization("rus-forces", "Russian Armed Forces", kind="government"),
        ...     Actor.organization("53rd-brigade", "53rd Brigade", kind="group"),
        ...     PartOf("53rd-brigade", "rus-forces"), PartOf("rus-forces", "RUS"),
        ... ])
        >>> list(s.wholes_of("53rd-brigade", date(2014, 7, 17)))
        ['rus-forces', 'RUS']
        """
        ident = self._resolver.require(_ident(part), "StatementSet.wholes_of(part)")
        span = TimeSpan.coerce(when)
        if not isinstance(span, TimeSpan):
            raise FieldError("StatementSet.wholes_of(when)", "a date or a TimeSpan", when)
        found: dict[str, tuple[PartOf, ...]] = {}
        level: list[tuple[str, tuple[PartOf, ...]]] = [(ident, ())]
        while level:
            reached: dict[str, tuple[PartOf, ...]] = {}
            for member, chain in level:
                for link in sorted(self._wholes.get(member, ()), key=_whole_key):
                    whole = link.whole
                    if (
                        whole != ident
                        and whole not in found
                        and whole not in reached
                        and link.span.contains(span)
                    ):
                        reached[whole] = (*chain, link)
            for whole in sorted(reached):
                found[whole] = reached[whole]
            level = [(whole, reached[whole]) for whole in sorted(reached)]
        return found

    def sides_of_statement(self, statement: Statement) -> tuple[str, ...]:
        """Every side a statement commits: one for most, one per signatory's side when joint.

        The first is :meth:`side_of_statement`'s; each cosigner's side follows, in order, each
        side once.
        """
        first = self.side_of_statement(statement)
        if not statement.cosigners:
            return (first,)
        sides = {first: None}
        for cosigner in statement.cosigners:
            sides.setdefault(self._side(cosigner, statement.said_on), None)
        return tuple(sides)

    def actor(self, ref: str) -> Actor:
        """The actor with this id or alias, or else with this display name (any case).

        >>> s = StatementSet([Actor.state("GBR"), Actor.state("USA", aliases=["Washington"])])
        >>> s.actor("GBR").name, s.actor("United Kingdom").id, s.actor("washington").id
        ('United Kingdom', 'GBR', 'USA')

        Raises:
            UnknownReferenceError: no actor has that id or alias, and no single actor that name
                (close matches suggested; when several actors share the name, they are the
                suggestions).
        """
        return _editing.actor_by_name(self, ref, "StatementSet.actor(ref)")

    def _as_stored(self, statement: Statement) -> Statement | None:
        """The statement as this set would store it (aliases resolved), if it could."""
        staged = Staged(self._actors, self._statements, self._resolver, {}, self._plain)
        try:
            return check_statement(statement, staged, "")
        except DiplostatementsError:
            return None

    def _ordered(self) -> list[Statement]:
        if self._order is None:
            self._order = sorted(self._statements.values(), key=_statement_key)
        return self._order

    def _stored(self) -> Iterable[Statement]:
        """The statements in the order they were stored: the cheapest to read in one pass.

        That order depends on how the set was built, so a caller must not let it decide anything
        it returns (the checker numbers claims in it and sorts what it reports).
        """
        return self._statements.values()

    def _rebutted(self) -> Mapping[str, Collection[str]]:
        """The id of each statement that rebuttals target -> the ids of those rebuttals."""
        return self._rebuttals

    def __iter__(self) -> Iterator[Statement]:
        return iter(self._ordered())

    def __len__(self) -> int:
        return len(self._statements)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._statements
        if isinstance(item, Statement):
            stored = self._statements.get(item.id)
            return stored is not None and (stored == item or stored == self._as_stored(item))
        if isinstance(item, Actor):
            return self._actors.get(item.id) == item
        if isinstance(item, PartOf):
            return item in self._part_of
        return isinstance(item, Affiliation) and item in self._affiliations

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StatementSet):
            return NotImplemented
        return (
            self._actors == other._actors
            and self._statements == other._statements
            and self._affiliations.keys() == other._affiliations.keys()
            and self._part_of.keys() == other._part_of.keys()
        )

    __hash__ = None  # type: ignore[assignment]  # a set that can grow is not hashable

    def __repr__(self) -> str:
        parts = f" {counted(len(self._part_of), 'part-of link')}," if self._part_of else ""
        return (
            f"<StatementSet: {counted(len(self._actors), 'actor')},"
            f" {counted(len(self._affiliations), 'affiliation')},{parts}"
            f" {counted(len(self._statements), 'statement')}>"
        )

    # -- queries ----------------------------------------------------------------------------

    def timeline(self) -> tuple[Statement, ...]:
        """Every statement, chronologically (by when it was said, then by id)."""
        return tuple(self._ordered())

    def by_speaker(self, actor: str | Actor) -> tuple[Statement, ...]:
        """The statements made by this actor (an id, alias or :class:`Actor`), in order.

        A joint statement counts for each of its signatories.
        """
        ident = self._resolver.require(_ident(actor), "StatementSet.by_speaker(actor)")
        return tuple(st for st in self._ordered() if st.speaker == ident or ident in st.cosigners)

    def between(self, start: date | None, end: date | None) -> tuple[Statement, ...]:
        """The statements that may have been made between ``start`` and ``end`` (inclusive).

        A statement with an imprecise date is included when some reading of it falls in the
        range. ``None`` leaves that end open.
        """
        for name, day in (("start", start), ("end", end)):
            if day is not None and not isinstance(day, date):
                raise FieldError(f"StatementSet.between({name})", "a date or None", day)
        if start is not None and end is not None and end < start:
            raise FieldError(
                "StatementSet.between(end)", f"None or a date on or after {start}", end
            )
        window = TimeSpan(
            start_earliest=start, start_latest=start, end_earliest=end, end_latest=end
        )
        return tuple(st for st in self._ordered() if st.said_on.overlap(window) != Overlap.NONE)

    def about(self, actor: str | Actor) -> tuple[Statement, ...]:
        """The statements with a claim (nested content included) about this actor."""
        ident = self._resolver.require(_ident(actor), "StatementSet.about(actor)")
        return tuple(
            st for st in self._ordered() if any(_mentions(claim, ident) for claim in st.claims)
        )

    def rebuttals_of(self, statement_id: str) -> tuple[Rebuttal, ...]:
        """The rebuttals that target this statement (or one of its claims), in order."""
        if statement_id not in self._statements:
            self._resolver.require_statement(
                statement_id, self._statements, "StatementSet.rebuttals_of(statement_id)"
            )
        found = [self._statements[ident] for ident in self._rebuttals.get(statement_id, ())]
        return tuple(sorted((r for r in found if isinstance(r, Rebuttal)), key=_statement_key))

    def side_of(self, actor: str | Actor, when: date | TimeSpan) -> str:
        """The actor whose position this actor's words commit at ``when``.

        Follows speaks-for affiliations whose period surely covers ``when``, up to the top: a
        spokesman speaks for the Kremlin, which speaks for Russia. Only affiliations decide sides;
        an actor with none is its own side. Where several speaks-for affiliations cover the time,
        the one to the organization with the smallest id is followed, so the answer never depends
        on the order things were added in.
        """
        ident = self._resolver.require(_ident(actor), "StatementSet.side_of(actor)")
        span = TimeSpan.coerce(when)
        if not isinstance(span, TimeSpan):
            raise FieldError("StatementSet.side_of(when)", "a date or a TimeSpan", when)
        return self._side(ident, span)

    def _side(self, ident: str, span: TimeSpan) -> str:
        if ident not in self._speaks_for:
            return ident
        key = (ident, span.start_earliest, span.start_latest, span.end_earliest, span.end_latest)
        cached = self._side_cache.get(key)
        if cached is not None:
            return cached
        current = ident
        # A chain visits each member once at most: the set refuses speaks-for cycles.
        for _ in range(len(self._speaks_for)):
            covering = [a for a in self._speaks_for.get(current, ()) if a.span.contains(span)]
            if not covering:
                break
            current = min(a.organization for a in covering)
        self._side_cache[key] = current
        return current

    def side_of_statement(self, statement: Statement) -> str:
        """The side a statement commits.

        That is the side of its ``on_behalf_of``, or else of its speaker, at the time it was said.
        """
        return self._side(statement.on_behalf_of or statement.speaker, statement.said_on)

    def assertions(self) -> Iterator[Assertion]:
        """Every top-level claim as an :class:`Assertion`, in the set's order.

        Nested content is not asserted by the speaker, so it is not yielded.
        """
        for statement in self._ordered():
            side = self.side_of_statement(statement)
            for index, claim in enumerate(statement.claims):
                yield Assertion(statement, claim, side, index)

    def check(self, **options: Any) -> Report:
        """Check the set for contradictions; see :func:`diplostatements.check`."""
        # The checker builds on the set, never the other way round: import it only when asked.
        from .checker import check  # noqa: PLC0415

        return check(self, **options)

    # -- showing ----------------------------------------------------------------------------

    def timeline_text(self, *, width: int | None = None) -> str:
        """The statements as a text timeline: one block per statement, chronologically.

        Args:
            width: wrap the text at this many columns (``None``: no wrapping).
        """
        from ._pictures import timeline_text  # noqa: PLC0415  # loaded only when asked for

        return timeline_text(self, width=width)

    def plot_timeline(
        self,
        report: Report | None = None,
        *,
        sides: Sequence[str] | None = None,
        ax: Axes | None = None,
        width: float = 10.0,
        title: str | None = None,
    ) -> Figure:
        """The set as a picture: one lane per side, statements on a timeline, arcs for clashes.

        Needs the ``plot`` extra (matplotlib). Each side gets a lane. Each statement is a marker
        on the day it was made (a diamond for a rebuttal; hollow, on a line across the days it may
        have been made on, when its date is imprecise), with its id beside it. Under it, a bar for
        each period its claims are about, where that is not the day it was made: solid where every
        reading of the period holds, shaded over imprecise ends. Each contradiction is an arc
        between its two statements, coloured by its kind, solid when definite and dashed when
        possible; each dispute is a grey dotted arc.

        Args:
            report: the findings to draw as arcs; ``None`` checks the set with the default options
                (pass ``Report()`` for none). A finding whose statements are not both drawn is
                left out.
            sides: the lanes to show, top to bottom, as side ids; ``None`` shows every side,
                ordered so that sides that contradict each other are neighbours.
            ax: matplotlib axes to draw on, instead of a new figure sized to fit.
            width: the new figure's width in inches (at least 4).
            title: a title above the picture.

        Returns:
            The matplotlib ``Figure`` (a notebook shows it; ``savefig`` writes it to a file).

        Raises:
            MissingExtraError: matplotlib is not installed.
            FieldError: an argument is not what it should be, e.g. a side with no statements.
        """
        from ._plot import plot_timeline  # noqa: PLC0415  # needs the plot extra (matplotlib)

        return plot_timeline(self, report, sides=sides, ax=ax, width=width, title=title)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per claim, ready for ``pandas.DataFrame``.

        A statement without claims still gets one row; every row has the same keys in the same
        order.
        """
        from ._records import statement_set_records  # noqa: PLC0415  # loaded only when asked for

        return list(statement_set_records(self))

    def _repr_html_(self) -> str:
        from ._html import statement_set_html  # noqa: PLC0415  # loaded only in a notebook

        return statement_set_html(self)

    # -- combining --------------------------------------------------------------------------

    def copy(self) -> StatementSet:
        """A new set holding the same items."""
        # Everything here was checked when added: copy the state rather than check it again
        # (which would repeat the typo warnings the items raised when they were added).
        new = StatementSet()
        new._actors = dict(self._actors)
        new._by_name = None
        new._affiliations = dict(self._affiliations)
        new._statements = dict(self._statements)
        new._rebuttals = {key: list(value) for key, value in self._rebuttals.items()}
        new._speaks_for = {key: list(value) for key, value in self._speaks_for.items()}
        new._part_of = dict(self._part_of)
        new._wholes = {key: list(value) for key, value in self._wholes.items()}
        new._resolver = self._resolver.copy()
        new._order = self._order
        new._plain = (
            None if self._plain is None else {key: set(ids) for key, ids in self._plain.items()}
        )
        return new

    def merge(self, other: StatementSet) -> StatementSet:
        """A new set holding the items of both; this set is left as it is.

        Raises:
            ValidationError: the two sets use an id for different items.
        """
        if not isinstance(other, StatementSet):
            raise FieldError("StatementSet.merge(other)", "a StatementSet", other)
        new = self.copy()
        new.extend(
            [
                *other._actors.values(),
                *other._affiliations,
                *other._part_of,
                *other._statements.values(),
            ]
        )
        return new

    def __or__(self, other: object) -> StatementSet:
        if not isinstance(other, StatementSet):
            return NotImplemented
        return self.merge(other)


def _batch(items: object, path: str) -> list[Item]:
    """The items of a batch as a list; text, a mapping or a lone item is one clear error."""
    if isinstance(items, Actor | Affiliation | Statement | PartOf):
        raise FieldError(path, "a list of items (for one item, use add)", items)
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise FieldError(
            path, "a list of actors, affiliations, part-of links, statements and rebuttals", items
        )
    return list(items)


def _rank(item: object) -> int:
    # Referenced things first, so one batch may hold items in any order.
    if isinstance(item, Actor):
        return 0
    if isinstance(item, Affiliation | PartOf):
        return 1
    return 3 if isinstance(item, Rebuttal) else 2


def _statement_key(statement: Statement) -> tuple[date, date, date, date, str]:
    # The same order as (said_on, id), but compared as plain dates: attrs' generated ordering
    # of TimeSpan is a Python call per comparison, which dominated sorting a million statements.
    said = statement.said_on
    return (
        said.start_earliest,
        said.start_latest,
        said.end_earliest,
        said.end_latest,
        statement.id,
    )


def _affiliation_key(affiliation: Affiliation) -> tuple[str, str, TimeSpan, str, bool]:
    return (
        affiliation.member,
        affiliation.organization,
        affiliation.span,
        affiliation.role or "",
        affiliation.speaks_for,
    )


def _whole_key(link: PartOf) -> tuple[str, TimeSpan]:
    return (link.whole, link.span)


def _ident(actor: str | Actor) -> str:
    return actor.id if isinstance(actor, Actor) else actor


def _mentions(claim: Claim, ident: str) -> bool:
    if ident in (claim.subject, claim.object):
        return True
    return claim.content is not None and _mentions(claim.content, ident)
