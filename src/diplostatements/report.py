"""What the checker found: contradictions, disputes and retractions.

A :class:`Report` is an immutable, ordered collection of :class:`Contradiction` values, with the
:class:`Dispute` values (qualifications and challenges, which are reported but do not contradict)
and the :class:`Retraction` values (a side withdrawing its own earlier claim) beside them.

>>> from diplostatements import examples
>>> report = examples.venezuela_2019().check()
>>> len(report), len(report.definite()), len(report.disputes)
(3, 3, 2)
>>> report.summary()["denial"]
2
>>> report
<Report: 3 contradictions (3 definite), 2 disputes, 0 retracted>
>>> print(report[0])  # doctest: +NORMALIZE_WHITESPACE
Donald Trump (the United States) said on 3 June 2019 that Russia informed the United States that
Russia withdrew most of its personnel from Venezuela; Dmitry Peskov for the Kremlin (Russia)
denied it on 4 June 2019, saying that Russia did not inform the United States [official] until 4
June 2019: “There have been no official messages in this regard from the Russian side nor could
there be any.”
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs

from ._html import contradiction_html, report_html
from ._lazy import _LazyFindings as _LazyFindings  # noqa: PLC0414 -- re-exported for the checker
from ._paused import collector_paused
from ._pictures import report_to_dot
from ._plural import counted
from ._summaries import SidesSummary, count_by_sides, sides_of
from ._validation import close_matches
from .collection import Assertion
from .exceptions import FieldError, UnknownReferenceError
from .rebuttals import Rebuttal, RebuttalKind
from .rules import Rule
from .statements import Statement

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .claims import Claim

__all__ = [
    "Certainty",
    "Contradiction",
    "Dispute",
    "Notes",
    "Report",
    "Retraction",
    "SidesSummary",
]


class Certainty(enum.Enum):
    """How sure a contradiction is."""

    DEFINITE = "definite"
    """Both claims are stated as certain and their periods meet in every reading."""
    POSSIBLE = "possible"
    """A claim is hedged, or the periods meet only in some readings of their imprecise ends."""


@attrs.frozen
class Contradiction:
    """Two assertions that cannot both be true.

    Args:
        first: the earlier assertion (by period, then when it was said, then statement id and
            index; for a DENIAL, the denied claim).
        second: the other assertion.
        kind: the most specific rule that matched.
        certainty: DEFINITE when both are CERTAIN and the periods surely meet.
        reason: one sentence saying who said what, when, and why it clashes.
        via: for ENTAILED, the implication chain(s) as predicate names, each from a stated
            predicate to the implied one: first the chain of ``first`` (if its claim is
            implied), then the chain of ``second``.
    """

    first: Assertion
    second: Assertion
    kind: Rule
    certainty: Certainty
    reason: str
    via: tuple[str, ...] = ()

    @property
    def internal(self) -> bool:
        """Whether both assertions commit the same side (a state contradicting itself)."""
        return self.first.side == self.second.side

    @property
    def sides(self) -> tuple[str, str]:
        """The sides of ``first`` and ``second``."""
        return (self.first.side, self.second.side)

    @property
    def speakers(self) -> tuple[str, str]:
        """The speakers of ``first`` and ``second``."""
        return (self.first.speaker, self.second.speaker)

    @property
    def statements(self) -> tuple[str, str]:
        """The ids of the statements of ``first`` and ``second``."""
        return (self.first.statement.id, self.second.statement.id)

    def involves(self, actor: str) -> bool:
        """Whether the actor is a side, speaker, or subject or object of either claim."""
        return any(
            actor in (a.side, a.speaker, a.statement.on_behalf_of, a.claim.subject, a.claim.object)
            or actor in a.statement.cosigners
            for a in (self.first, self.second)
        )

    def __str__(self) -> str:
        """Its sentence: :attr:`reason`."""
        return self.reason

    def to_record(
        self, names: Mapping[str, str] | None = None, phrases: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """A flat dict of plain values (one row of :meth:`Report.to_records`).

        Args:
            names: actor id -> display name, for the claims as text.
            phrases: predicate name -> how a claim of it reads (see :meth:`Claim.describe`).
        """
        return self._record(names, phrases, None)

    def _record(
        self,
        names: Mapping[str, str] | None,
        phrases: Mapping[str, str] | None,
        described: Callable[[Claim], str] | None,
    ) -> dict[str, Any]:
        # ``described``: the claims written with these names and phrases, each once (the
        # checker's, shared with the sentences); None: written here.
        first, second = self.first, self.second
        if described is None:
            first_claim = first.claim.describe(names, phrases)
            second_claim = second.claim.describe(names, phrases)
        else:
            first_claim, second_claim = described(first.claim), described(second.claim)
        return {
            "kind": self.kind.value,
            "certainty": self.certainty.value,
            "internal": self.internal,
            "first_statement": first.statement.id,
            "first_speaker": first.speaker,
            "first_side": first.side,
            "first_claim": first_claim,
            "first_when": str(first.when),
            "second_statement": second.statement.id,
            "second_speaker": second.speaker,
            "second_side": second.side,
            "second_claim": second_claim,
            "second_when": str(second.when),
            "reason": self.reason,
            "via": " -> ".join(self.via),
        }

    def _repr_html_(self) -> str:
        return contradiction_html(self)


@attrs.frozen
class Dispute:
    """A qualification or challenge: reported, not counted as a contradiction.

    Args:
        rebuttal: the qualifying or challenging statement.
        target: the statement it answers.
        claim: the index of the claim it answers, or ``None`` for the whole statement.
        kind: QUALIFICATION or CHALLENGE.
        side: the rebuttal's side.
        target_side: the target's side.
        reason: one sentence describing it.
    """

    rebuttal: Rebuttal
    target: Statement
    claim: int | None
    kind: RebuttalKind
    side: str
    target_side: str
    reason: str

    def involves(self, actor: str) -> bool:
        """Whether the actor is a side or speaker of either statement."""
        return actor in (self.side, self.target_side, self.rebuttal.speaker, self.target.speaker)

    def to_record(self) -> dict[str, Any]:
        """A flat dict of plain values: the rebuttal, what it answers, both sides, the sentence."""
        return {
            "kind": self.kind.value,
            "rebuttal": self.rebuttal.id,
            "speaker": self.rebuttal.speaker,
            "side": self.side,
            "said_on": str(self.rebuttal.said_on),
            "target": _target(self.target.id, self.claim),
            "target_speaker": self.target.speaker,
            "target_side": self.target_side,
            "target_said_on": str(self.target.said_on),
            "reason": self.reason,
        }


@attrs.frozen
class Retraction:
    """A side withdrawing a claim it made earlier (its DENIAL finding stays in the report).

    Args:
        retraction: the retracting statement.
        target: the statement withdrawn.
        claim: the index of the claim withdrawn, or ``None`` for the whole statement.
        side: the side of both.
    """

    retraction: Rebuttal
    target: Statement
    claim: int | None
    side: str

    def involves(self, actor: str) -> bool:
        """Whether the actor is the side or a speaker."""
        return actor in (self.side, self.retraction.speaker, self.target.speaker)

    def to_record(self) -> dict[str, Any]:
        """A flat dict of plain values: the retraction, what it withdraws, and the side."""
        return {
            "retraction": self.retraction.id,
            "speaker": self.retraction.speaker,
            "said_on": str(self.retraction.said_on),
            "target": _target(self.target.id, self.claim),
            "target_speaker": self.target.speaker,
            "side": self.side,
        }


@attrs.frozen
class Notes:
    """What a checker's report knows of the set besides its findings.

    Args:
        unknown_predicates: each predicate the set's claims use (nested content included) that
            the vocabulary does not define -> the vocabulary's close names ("did you mean").
        similar_names: each entity name of the claims (not an actor) that differs from another
            name only by case or spacing -> those names and actor ids.
        lookup: every name an actor goes by (id, alias, unshared display name) -> its id, and
            each entity name of the claims -> itself.
    """

    unknown_predicates: Mapping[str, tuple[str, ...]]
    similar_names: Mapping[str, tuple[str, ...]]
    lookup: Mapping[str, str]


class _NotesLater:
    """:class:`Notes` worked out when first asked (the check itself never pays for them)."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], Notes]) -> None:
        self._make = make
        self._made: Notes | None = None

    def get(self) -> Notes:
        if self._made is None:
            self._made = self._make()
        return self._made


def _names(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _contradictions(value: Sequence[Contradiction]) -> Sequence[Contradiction]:
    return value if isinstance(value, _LazyFindings) else tuple(value)


@attrs.frozen(eq=False, repr=False)
class Report:
    """The checker's findings, in a deterministic order.

    Iterating yields :class:`Contradiction` values, what matters most first: DEFINITE before
    POSSIBLE, between two sides before within one, by kind (DENIAL, NEGATION, EXCLUSIVE,
    CONTRARY, QUANTITY, ENTAILED), the newest first (by when the later statement was made), then
    by what was said. :meth:`sorted` gives any other order. The filters and slices
    (``report[:10]``) return new reports; they narrow the contradictions, and :meth:`involving`
    and :meth:`between` narrow :attr:`disputes` and :attr:`retracted` too.

    A report made by the checker writes each contradiction (its assertions and its sentence)
    when it is first read: its length, slices, :meth:`definite`, :meth:`possible`,
    :meth:`of_kind`, :meth:`internal`, :meth:`summary` and :meth:`summary_by_sides` write none.

    Args:
        contradictions: the findings.
        disputes: qualifications and challenges.
        retracted: claims withdrawn by their own side.
        names: actor id -> display name, for rendering.
        phrases: predicate name -> how a claim of it reads (the vocabulary's
            :attr:`~diplostatements.Vocabulary.phrases`), for the claims in :meth:`to_records`.
    """

    _contradictions: Sequence[Contradiction] = attrs.field(
        default=(), converter=_contradictions, alias="contradictions"
    )
    disputes: tuple[Dispute, ...] = ()
    retracted: tuple[Retraction, ...] = ()
    names: Mapping[str, str] = attrs.field(factory=dict, converter=_names, repr=False, kw_only=True)
    phrases: Mapping[str, str] = attrs.field(
        factory=dict, converter=_names, repr=False, kw_only=True
    )
    _notes: Notes | _NotesLater | None = attrs.field(
        default=None, repr=False, kw_only=True, alias="notes"
    )
    # The checker's writer of claims (its names and phrases are the report's), for to_records.
    _described: Callable[[Claim], str] | None = attrs.field(
        default=None, repr=False, kw_only=True, alias="described"
    )

    # -- what the checker noticed -----------------------------------------------------------

    def _noted(self) -> Notes | None:
        notes = self._notes
        return notes.get() if isinstance(notes, _NotesLater) else notes

    @property
    def unknown_predicates(self) -> Mapping[str, tuple[str, ...]]:
        """Predicates the set uses that the vocabulary does not define, with close names.

        Only the rules that need no declaration apply to their claims, so a typo
        (``"responsibe_for"``) switches every other rule off for them: each name maps to the
        vocabulary's names that look like it. Empty for a report not made by the checker.
        """
        notes = self._noted()
        return MappingProxyType(dict(notes.unknown_predicates)) if notes else MappingProxyType({})

    @property
    def similar_names(self) -> Mapping[str, tuple[str, ...]]:
        """Entity names that differ from another name or actor only by case or spacing.

        ``"The attack"`` and ``"the attack"`` are two entities to the checker, whose claims
        then never meet: each such name maps to the names (and actor ids) it looks like.
        """
        notes = self._noted()
        return MappingProxyType(dict(notes.similar_names)) if notes else MappingProxyType({})

    def _actor(self, name: object, path: str) -> str:
        """The id ``name`` stands for: an id, alias or display name the set knows."""
        if not isinstance(name, str):
            raise FieldError(path, "an actor id, alias or display name", name)
        notes = self._noted()
        if notes is None:  # a report made by hand knows no names: take it as it is
            return name
        found = notes.lookup.get(name)
        if found is None:
            raise UnknownReferenceError(path, name, "actor", close_matches(name, notes.lookup))
        return found

    @property
    def contradictions(self) -> tuple[Contradiction, ...]:
        """The findings, in order."""
        found = self._contradictions
        return found if isinstance(found, tuple) else tuple(found)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Report)
        return (self.contradictions, self.disputes, self.retracted) == (
            other.contradictions,
            other.disputes,
            other.retracted,
        )

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((Report, self.contradictions, self.disputes, self.retracted))

    def __repr__(self) -> str:
        counts = self.summary()
        return (
            f"<Report: {counted(counts['contradictions'], 'contradiction')}"
            f" ({counts['definite']} definite), {counted(counts['disputes'], 'dispute')},"
            f" {counts['retracted']} retracted>"
        )

    def __iter__(self) -> Iterator[Contradiction]:
        return iter(self._contradictions)

    def __len__(self) -> int:
        return len(self._contradictions)

    @overload
    def __getitem__(self, index: int) -> Contradiction: ...
    @overload
    def __getitem__(self, index: slice) -> Report: ...
    def __getitem__(self, index: int | slice) -> Contradiction | Report:
        """A contradiction by position, or a report of a slice of them.

        A slice keeps the disputes and retractions, and writes nothing out until read.
        """
        found = self._contradictions
        if not isinstance(index, slice):
            return found[index]
        part = found.sliced(index) if isinstance(found, _LazyFindings) else tuple(found[index])
        return self._derived(part)

    # -- filters ----------------------------------------------------------------------------

    def _where(
        self,
        keep: Callable[[Contradiction], bool],
        dispute: Callable[[Dispute], bool] | None = None,
        retraction: Callable[[Retraction], bool] | None = None,
    ) -> Report:
        return self._derived(
            tuple(c for c in self._contradictions if keep(c)),
            self.disputes if dispute is None else tuple(filter(dispute, self.disputes)),
            self.retracted if retraction is None else tuple(filter(retraction, self.retracted)),
        )

    def _derived(
        self,
        contradictions: Sequence[Contradiction],
        disputes: tuple[Dispute, ...] | None = None,
        retracted: tuple[Retraction, ...] | None = None,
    ) -> Report:
        # A narrower or reordered report: the same names, phrases and notes.
        return Report(
            contradictions,
            self.disputes if disputes is None else disputes,
            self.retracted if retracted is None else retracted,
            names=self.names,
            phrases=self.phrases,
            notes=self._notes,
            described=self._described,
        )

    def _lazy(self, **which: Any) -> Report | None:
        # A filter of findings the checker made, without writing them out.
        found = self._contradictions
        if not isinstance(found, _LazyFindings):
            return None
        return self._derived(found.where(**which))

    def definite(self) -> Report:
        """The DEFINITE contradictions."""
        lazy = self._lazy(definite=True)
        return lazy if lazy is not None else self._where(lambda c: c.certainty is _DEFINITE)

    def possible(self) -> Report:
        """The POSSIBLE contradictions (a claim is hedged, or the periods may not meet)."""
        lazy = self._lazy(definite=False)
        return lazy if lazy is not None else self._where(lambda c: c.certainty is not _DEFINITE)

    def sorted(self, key: Callable[[Contradiction], Any], *, reverse: bool = False) -> Report:
        """The same report in another order (stable: ties keep the report's order).

        Every contradiction is written out to be given to ``key``.

        Args:
            key: what to sort by, e.g. ``lambda c: c.first.statement.said_on.earliest`` (oldest
                first) or ``lambda c: c.kind.rank``.
            reverse: largest key first.
        """
        return self._derived(tuple(sorted(self._contradictions, key=key, reverse=reverse)))

    def of_kind(self, *kinds: Rule | str) -> Report:
        """The contradictions of these kinds (rules or their names, e.g. ``"denial"``).

        Raises:
            FieldError: a kind is neither a :class:`~diplostatements.rules.Rule` nor the name of
                one; the message lists the kinds.
        """
        wanted = frozenset(_kind(kind) for kind in kinds)
        lazy = self._lazy(kinds=wanted)
        return lazy if lazy is not None else self._where(lambda c: c.kind in wanted)

    def internal(self) -> Report:
        """The contradictions within one side."""
        lazy = self._lazy(internal=True)
        return lazy if lazy is not None else self._where(lambda c: c.internal)

    def involving(self, actor: str) -> Report:
        """Everything involving the actor (a side, speaker, or subject or object of a claim).

        ``actor`` is an id, an alias or an exact display name, or an entity name of a claim.

        Raises:
            UnknownReferenceError: the set knows no such name (close names are suggested).
        """
        actor = self._actor(actor, "Report.involving(actor)")
        return self._where(
            lambda c: c.involves(actor),
            lambda d: d.involves(actor),
            lambda r: r.involves(actor),
        )

    def between(self, a: str, b: str) -> Report:
        """The contradictions between two actors (as sides or speakers), in either order.

        Each is an id, an alias or an exact display name: ``between("United States",
        "Russia")``.

        Raises:
            UnknownReferenceError: the set knows no such name (close names are suggested).
        """
        a = self._actor(a, "Report.between(a)")
        b = self._actor(b, "Report.between(b)")

        def pair(one: set[str], other: set[str]) -> bool:
            return (a in one and b in other) or (b in one and a in other)

        return self._where(
            lambda c: pair({c.first.side, c.first.speaker}, {c.second.side, c.second.speaker}),
            lambda d: pair({d.side, d.rebuttal.speaker}, {d.target_side, d.target.speaker}),
            lambda r: pair({r.side, r.retraction.speaker}, {r.side, r.target.speaker}),
        )

    # -- summaries --------------------------------------------------------------------------

    def summary(self) -> dict[str, int]:
        """Counts of everything, by name.

        The keys are ``contradictions``, ``definite``, ``possible``, ``internal``, ``disputes``,
        ``retracted``, and each kind's name (``denial``...).
        """
        found = self._contradictions
        if isinstance(found, _LazyFindings):
            definite, possible, internal, kinds = found.counts()
        else:
            definite = sum(c.certainty is _DEFINITE for c in found)
            possible = len(found) - definite
            internal = sum(c.internal for c in found)
            kinds = {kind: sum(c.kind is kind for c in found) for kind in Rule}
        counts = {
            "contradictions": len(found),
            "definite": definite,
            "possible": possible,
            "internal": internal,
            "disputes": len(self.disputes),
            "retracted": len(self.retracted),
        }
        for kind in Rule:
            counts[kind.value] = kinds[kind]
        return counts

    def summary_by_sides(self) -> SidesSummary:
        """Counts of contradictions by pair of sides, and by each side contradicting itself.

        A sequence of flat records (one per row) that shows as a table in a notebook; ``str()``
        gives it as text. No contradiction is written out to count it.

        >>> from diplostatements import examples
        >>> print(examples.venezuela_2019().check().summary_by_sides())
        sides                              contradictions  definite  possible  kinds
        Russia vs the United States        2               2         0         denial 1, exclusive 1
        Rostec vs The Wall Street Journal  1               1         0         denial 1
        """
        found = self._contradictions
        if isinstance(found, _LazyFindings):
            return count_by_sides(found.counted_by_sides(), self.names)
        return count_by_sides(sides_of(found), self.names)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per contradiction, ready for ``pandas.DataFrame``."""
        with collector_paused():  # every finding's objects and sentence, made now
            names, phrases, described = self.names, self.phrases, self._described
            return [c._record(names, phrases, described) for c in self]

    def headline(self) -> str:
        """The first line of the text report: how many of everything.

        >>> from diplostatements import examples
        >>> examples.venezuela_2019().check().headline()
        '3 contradictions (3 definite, 0 internal), 2 disputes, 0 retracted'
        """
        counts = self.summary()
        return (
            f"{counted(counts['contradictions'], 'contradiction')}"
            f" ({counts['definite']} definite, {counts['internal']} internal),"
            f" {counted(counts['disputes'], 'dispute')}, {counts['retracted']} retracted"
        )

    def to_text(self, *, limit: int | None = None) -> str:
        """The report as text for a terminal (what ``str()`` gives), lines wrapped at 100.

        Each contradiction is numbered, with its kind, certainty and sides on one line, its
        sentence under it, and the statements it cites; then the disputes and retractions.

        Args:
            limit: show at most this many contradictions; a line says how many more there are.
        """
        from ._report_text import report_text  # noqa: PLC0415  # text is made when asked

        return report_text(self, limit=limit)

    def __str__(self) -> str:
        return self.to_text()

    def to_markdown(self, *, limit: int | None = None) -> str:
        """The report as Markdown: the counts, a numbered list of sentences, the disputes.

        Args:
            limit: show at most this many contradictions; a line says how many more there are.
        """
        from ._markdown import report_markdown  # noqa: PLC0415  # only this method needs it

        return report_markdown(self, limit=limit)

    def to_html(self, *, limit: int | None = 100) -> str:
        """The report as HTML tables (what a notebook shows).

        Args:
            limit: show at most this many contradictions; a last row says how many more there
                are (``None``: all of them).
        """
        return report_html(self, max_rows=limit)

    def to_dot(self, *, title: str = "contradictions") -> str:
        """The contradictions as a Graphviz (DOT) graph.

        Speakers are nodes grouped in one cluster per side; each contradiction is an edge
        labelled by its kind, dashed when only possible and red when internal.

        Args:
            title: the graph's label.
        """
        return report_to_dot(self, title=title)

    def plot(
        self,
        *,
        sides: Sequence[str] | None = None,
        ax: Axes | None = None,
        width: float = 10.0,
        title: str | None = None,
    ) -> Figure:
        """The findings as a picture: the statements involved, on a timeline, with arcs.

        Needs the ``plot`` extra (matplotlib). Drawn as :meth:`StatementSet.plot_timeline
        <diplostatements.StatementSet.plot_timeline>` draws a set, for the statements of the
        findings and disputes alone; the bars are the periods of the claims that clash (a
        denial's bar is the period of the claim it denies).

        Args:
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
        from ._plot import plot_report  # noqa: PLC0415  # needs the plot extra (matplotlib)

        return plot_report(self, sides=sides, ax=ax, width=width, title=title)

    def _repr_html_(self) -> str:
        return report_html(self)


_DEFINITE = Certainty.DEFINITE


def _kind(kind: object) -> Rule:
    if isinstance(kind, Rule):
        return kind
    if isinstance(kind, str):
        with contextlib.suppress(ValueError):
            return Rule(kind.lower())
    kinds = ", ".join(repr(rule.value) for rule in Rule)
    raise FieldError("Report.of_kind(kinds)", f"a Rule or one of {kinds}", kind)


def _target(statement_id: str, claim: int | None) -> str:
    return statement_id if claim is None else f"{statement_id}#{claim}"
