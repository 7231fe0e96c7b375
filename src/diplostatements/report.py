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
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs

from ._html import contradiction_html, report_html
from ._pictures import report_to_dot
from ._plural import counted
from ._wrap import fill
from .collection import Assertion
from .exceptions import FieldError
from .rebuttals import Rebuttal, RebuttalKind
from .rules import Rule
from .statements import Statement

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Certainty", "Contradiction", "Dispute", "Report", "Retraction"]


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
            for a in (self.first, self.second)
        )

    def to_record(self, names: Mapping[str, str] | None = None) -> dict[str, Any]:
        """A flat dict of plain values (one row of :meth:`Report.to_records`)."""
        record: dict[str, Any] = {
            "kind": self.kind.value,
            "certainty": self.certainty.value,
            "internal": self.internal,
        }
        for label, assertion in (("first", self.first), ("second", self.second)):
            record[f"{label}_statement"] = assertion.statement.id
            record[f"{label}_speaker"] = assertion.speaker
            record[f"{label}_side"] = assertion.side
            record[f"{label}_claim"] = assertion.claim.describe(names)
            record[f"{label}_when"] = str(assertion.when)
        record["reason"] = self.reason
        record["via"] = " -> ".join(self.via)
        return record

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


def _names(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Report:
    """The checker's findings, in a deterministic order.

    Iterating yields :class:`Contradiction` values ordered by the first assertion's period, then
    by statement ids. The filters return new reports; they narrow the contradictions, and
    :meth:`involving` and :meth:`between` narrow :attr:`disputes` and :attr:`retracted` too.

    Args:
        contradictions: the findings.
        disputes: qualifications and challenges.
        retracted: claims withdrawn by their own side.
        names: actor id -> display name, for rendering.
    """

    contradictions: tuple[Contradiction, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    retracted: tuple[Retraction, ...] = ()
    names: Mapping[str, str] = attrs.field(
        factory=dict, converter=_names, eq=False, repr=False, kw_only=True
    )

    def __iter__(self) -> Iterator[Contradiction]:
        return iter(self.contradictions)

    def __len__(self) -> int:
        return len(self.contradictions)

    @overload
    def __getitem__(self, index: int) -> Contradiction: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Contradiction, ...]: ...
    def __getitem__(self, index: int | slice) -> Contradiction | tuple[Contradiction, ...]:
        return self.contradictions[index]

    # -- filters ----------------------------------------------------------------------------

    def _where(
        self,
        keep: Callable[[Contradiction], bool],
        dispute: Callable[[Dispute], bool] | None = None,
        retraction: Callable[[Retraction], bool] | None = None,
    ) -> Report:
        return Report(
            tuple(c for c in self.contradictions if keep(c)),
            self.disputes if dispute is None else tuple(filter(dispute, self.disputes)),
            self.retracted if retraction is None else tuple(filter(retraction, self.retracted)),
            names=self.names,
        )

    def definite(self) -> Report:
        """The DEFINITE contradictions."""
        return self._where(lambda c: c.certainty is Certainty.DEFINITE)

    def of_kind(self, *kinds: Rule | str) -> Report:
        """The contradictions of these kinds (rules or their names, e.g. ``"denial"``).

        Raises:
            FieldError: a kind is neither a :class:`~diplostatements.rules.Rule` nor the name of
                one; the message lists the kinds.
        """
        wanted = {_kind(kind) for kind in kinds}
        return self._where(lambda c: c.kind in wanted)

    def internal(self) -> Report:
        """The contradictions within one side."""
        return self._where(lambda c: c.internal)

    def involving(self, actor: str) -> Report:
        """Everything involving the actor (a side, speaker, or subject or object of a claim)."""
        return self._where(
            lambda c: c.involves(actor),
            lambda d: d.involves(actor),
            lambda r: r.involves(actor),
        )

    def between(self, a: str, b: str) -> Report:
        """The contradictions between two actors (as sides or speakers), in either order."""

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
        counts = {
            "contradictions": len(self),
            "definite": sum(c.certainty is Certainty.DEFINITE for c in self),
            "possible": sum(c.certainty is Certainty.POSSIBLE for c in self),
            "internal": sum(c.internal for c in self),
            "disputes": len(self.disputes),
            "retracted": len(self.retracted),
        }
        for kind in Rule:
            counts[kind.value] = sum(c.kind is kind for c in self)
        return counts

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per contradiction, ready for ``pandas.DataFrame``."""
        return [c.to_record(self.names) for c in self]

    def __str__(self) -> str:
        counts = self.summary()
        lines = [
            f"{counted(counts['contradictions'], 'contradiction')}"
            f" ({counts['definite']} definite, {counts['internal']} internal),"
            f" {counted(counts['disputes'], 'dispute')}, {counts['retracted']} retracted"
        ]
        for number, c in enumerate(self, 1):
            sides = " vs ".join(self.names.get(side, side) for side in c.sides)
            head = f"{number}. {c.kind.name} ({c.certainty.value}) {sides}"
            if c.internal:
                head += " [internal]"
            where = f"   statements: {_cite(c.first)}, {_cite(c.second)}"
            lines += ["", head, _wrap(c.reason), where]
            if c.via:
                lines.append(_wrap("via " + " -> ".join(c.via)))
        if self.disputes:
            lines += ["", "Disputes (not contradictions):"]
            lines += [
                _wrap(f"- {d.kind.value} ({d.rebuttal.id}): {d.reason}") for d in self.disputes
            ]
        if self.retracted:
            lines += ["", "Retracted:"]
            lines += [
                _wrap(
                    f"- {_target(r.target.id, r.claim)} by {r.retraction.id}"
                    f" ({self.names.get(r.side, r.side)})"
                )
                for r in self.retracted
            ]
        return "\n".join(lines)

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


def _cite(assertion: Assertion) -> str:
    # "id#claim" for a stated claim; a rebuttal's implied denial is cited by the rebuttal's id.
    return assertion.ref if assertion.index is not None else assertion.statement.id


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


def _wrap(text: str) -> str:
    return fill(text, 100, indent="   ", subsequent="   ")
