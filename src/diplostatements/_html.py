"""Compact HTML tables for notebooks: what the ``_repr_html_`` methods return.

Every piece of text that comes from the user (ids, names, claims, quotes, reasons) goes through
:func:`html.escape`, so a statement quoting ``<script>`` shows it instead of running it. The tables
use no styles of their own: the notebook's table style applies.

>>> from diplostatements import Claim
>>> print(claim_html(Claim("RUS", "said", "<b>USA</b>")))  # doctest: +ELLIPSIS
<table class="diplostatements claim">...&lt;b&gt;USA&lt;/b&gt;...</table>
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ._phrases import capitalized, period_phrase, running_name
from ._plural import counted
from ._records import actor_names
from .claims import Claim, Modality, Polarity
from .rebuttals import Rebuttal
from .statements import Channel, QuoteKind, Source, SpeechAct, Statement

if TYPE_CHECKING:
    from .collection import Assertion, StatementSet
    from .report import Contradiction, Report

__all__ = [
    "claim_html",
    "contradiction_html",
    "report_html",
    "statement_html",
    "statement_set_html",
    "table",
]

Cell = str | None
"""A cell's text, unescaped; ``None`` shows as empty."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def table(
    kind: str,
    rows: Iterable[Sequence[Cell]],
    *,
    header: Sequence[str] = (),
    caption: str | None = None,
    note: str | None = None,
) -> str:
    """One HTML table; every cell, header, caption and note is escaped here.

    Args:
        kind: a CSS class naming what the table shows ("claim", "report").
        rows: the rows, each a sequence of cell texts; a newline in a cell becomes a line break.
        header: the column names, if the table has a header row.
        caption: a line above the table.
        note: a line below the table, in a last row spanning every column ("and 3 more").

    Returns:
        The table as one string.
    """
    out = [f'<table class="diplostatements {_e(kind)}">']
    if caption is not None:
        out.append(f"<caption>{_e(caption)}</caption>")
    if header:
        out.append("<thead><tr>" + "".join(f"<th>{_e(name)}</th>" for name in header) + "</tr>")
        out.append("</thead>")
    out.append("<tbody>")
    width = len(header) or 1
    for row in rows:
        width = max(width, len(row))
        cells = "".join(f"<td>{_cell(cell)}</td>" for cell in row)
        out.append(f"<tr>{cells}</tr>")
    if note is not None:
        out.append(f'<tr><td colspan="{width}"><em>{_e(note)}</em></td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _cell(cell: Cell) -> str:
    if cell is None:
        return ""
    return "<br>".join(_e(line) for line in cell.split("\n"))


def _fields(rows: Iterable[tuple[str, Cell]]) -> list[tuple[str, Cell]]:
    # A key/value table shows only the fields that say something.
    return [(name, value) for name, value in rows if value not in (None, "")]


def claim_rows(claim: Claim, names: Mapping[str, str]) -> list[tuple[str, Cell]]:
    """The fields of a claim that differ from their defaults, as (name, text) pairs."""
    quantity = claim.quantity
    return _fields(
        [
            ("subject", _named(claim.subject, names)),
            ("predicate", claim.predicate),
            ("object", _named(claim.object, names) if claim.object is not None else None),
            ("content", claim.content.describe(names) if claim.content else None),
            ("polarity", claim.polarity.value if claim.polarity is Polarity.NEGATED else None),
            ("modality", claim.modality.value if claim.modality is not Modality.CERTAIN else None),
            ("quantity", str(quantity) if quantity is not None else None),
            ("when", str(claim.when) if claim.when is not None else None),
            ("where", claim.where),
            ("qualifiers", ", ".join(sorted(claim.qualifiers))),
        ]
    )


def _named(ident: str, names: Mapping[str, str]) -> str:
    name = names.get(ident)
    return f"{name} ({ident})" if name is not None and name != ident else ident


def claim_html(claim: Claim, *, names: Mapping[str, str] | None = None) -> str:
    """A claim as a two-column table of its fields, under the claim in words.

    Args:
        claim: the claim.
        names: actor id -> name, to show names beside ids.
    """
    names = names or {}
    return table("claim", claim_rows(claim, names), caption=claim.describe(names))


def statement_rows(statement: Statement, names: Mapping[str, str]) -> list[tuple[str, Cell]]:
    """The fields of a statement, claims aside, that say something, as (name, text) pairs."""
    rebuttal = statement if isinstance(statement, Rebuttal) else None
    source = statement.source
    relays = " → ".join(
        f"{_named(relay.via, names)} ({relay.kind.value.replace('_', ' ')})"
        for relay in statement.relays
    )
    return _fields(
        [
            ("speaker", _named(statement.speaker, names)),
            (
                "on behalf of",
                _named(statement.on_behalf_of, names) if statement.on_behalf_of else None,
            ),
            ("said on", str(statement.said_on)),
            ("channel", _value(statement.channel, Channel.UNSPECIFIED)),
            ("act", f"{statement.act.value} (CAMEO {statement.act.cameo})"),
            ("rebuttal", rebuttal.kind.value if rebuttal else None),
            ("targets", ", ".join(map(str, rebuttal.targets)) if rebuttal else None),
            (
                "rebuttal modality",
                _value(rebuttal.modality, Modality.CERTAIN) if rebuttal else None,
            ),
            ("text", statement.text),
            ("quote", _value(statement.quote, QuoteKind.UNSPECIFIED)),
            ("language", statement.language),
            ("relays", relays),
            ("source", _source(source, names) if source else None),
        ]
    )


def _value(member: Channel | QuoteKind | Modality | SpeechAct, default: object) -> str | None:
    return None if member is default else member.value.replace("_", " ")


def _source(source: Source, names: Mapping[str, str]) -> str:
    parts = [names.get(source.publisher, source.publisher)]
    parts.extend(str(part) for part in (source.title, source.published, source.url) if part)
    return ", ".join(parts)


def statement_html(statement: Statement, *, names: Mapping[str, str] | None = None) -> str:
    """A statement as a table of its fields, then a table of its claims.

    Args:
        statement: the statement or rebuttal.
        names: actor id -> name, to show names beside ids.
    """
    names = names or {}
    head = table("statement", statement_rows(statement, names), caption=statement.id)
    if not statement.claims:
        return head
    claims = table(
        "claims",
        ([str(index), claim.describe(names)] for index, claim in enumerate(statement.claims)),
        header=("#", "claim"),
    )
    return head + claims


def statement_set_html(statements: StatementSet, *, max_rows: int = 60) -> str:
    """A statement set as one table, a row per statement, in the set's order.

    Args:
        statements: the set.
        max_rows: show at most this many statements; a last row says how many more there are.
    """
    names = actor_names(statements)
    rows: list[list[Cell]] = []
    for statement in list(statements)[:max_rows]:
        side = statements.side_of_statement(statement)
        rebuttal = statement if isinstance(statement, Rebuttal) else None
        did = (
            f"{rebuttal.kind.value} of {', '.join(map(str, rebuttal.targets))}"
            if rebuttal
            else statement.act.value.replace("_", " ")
        )
        rows.append(
            [
                str(statement.said_on),
                statement.id,
                names.get(statement.speaker, statement.speaker),
                names.get(side, side),
                did,
                "\n".join(claim.describe(names) for claim in statement.claims),
            ]
        )
    hidden = len(statements) - len(rows)
    caption = (
        f"StatementSet: {counted(len(statements.actors), 'actor')},"
        f" {counted(len(statements.affiliations), 'affiliation')},"
        f" {counted(len(statements), 'statement')}"
    )
    return table(
        "statement-set",
        rows,
        header=("said on", "id", "speaker", "side", "act", "claims"),
        caption=caption,
        note=f"and {hidden} more" if hidden > 0 else None,
    )


def _sides(finding: Contradiction, names: Mapping[str, str]) -> str:
    first, second = (running_name(side, names) for side in finding.sides)
    return capitalized(f"{first}, internal" if finding.internal else f"{first} vs {second}")


def _assertion(assertion: Assertion, names: Mapping[str, str]) -> str:
    speaker = running_name(assertion.speaker, names)
    side = running_name(assertion.side, names)
    who = capitalized(speaker if side == speaker else f"{speaker} ({side})")
    period = period_phrase(assertion.when) or "at all times"
    return (
        f"{assertion.ref}\n{who} said {period_phrase(assertion.statement.said_on)}:\n"
        f"{assertion.claim.describe(names)}\nperiod: {period}"
    )


def contradiction_html(finding: Contradiction, *, names: Mapping[str, str] | None = None) -> str:
    """A contradiction as a table: its kind, both assertions, the chain and the reason.

    Args:
        finding: the contradiction.
        names: actor id -> name (a report's :attr:`~diplostatements.Report.names`).
    """
    names = names or {}
    rows = _fields(
        [
            ("kind", finding.kind.value),
            ("certainty", finding.certainty.value),
            ("sides", _sides(finding, names)),
            ("first", _assertion(finding.first, names)),
            ("second", _assertion(finding.second, names)),
            ("via", " -> ".join(finding.via)),
            ("reason", finding.reason),
        ]
    )
    caption = f"{finding.kind.name}, {finding.certainty.value}: {_sides(finding, names)}"
    return table("contradiction", rows, caption=caption)


def report_html(report: Report, *, max_rows: int | None = 100) -> str:
    """A report as a table of contradictions, then tables of its disputes and retractions.

    Args:
        report: the report; its :attr:`~diplostatements.Report.names` label the actors.
        max_rows: show at most this many contradictions; a last row says how many more there are
            (``None``: all of them).
    """
    names = report.names
    caption = report.headline()
    rows: list[list[Cell]] = [
        [
            str(number),
            finding.kind.value,
            finding.certainty.value,
            _sides(finding, names),
            finding.reason + (f"\nvia {' -> '.join(finding.via)}" if finding.via else ""),
        ]
        # A slice of the report: only the contradictions shown are written out.
        for number, finding in enumerate(report[:max_rows], 1)
    ]
    hidden = len(report) - len(rows)
    parts = [
        table(
            "report",
            rows,
            header=("#", "kind", "certainty", "sides", "reason"),
            caption=caption,
            note=f"and {hidden} more" if hidden > 0 else None,
        )
    ]
    if report.disputes:
        parts.append(
            table(
                "disputes",
                ([d.kind.value, d.rebuttal.id, d.target.id, d.reason] for d in report.disputes),
                header=("dispute", "by", "of", "reason"),
                caption="Disputes (not contradictions)",
            )
        )
    if report.retracted:
        parts.append(
            table(
                "retracted",
                (
                    [
                        r.retraction.id,
                        r.target.id if r.claim is None else f"{r.target.id}#{r.claim}",
                        names.get(r.side, r.side),
                    ]
                    for r in report.retracted
                ),
                header=("retraction", "withdrawn", "side"),
                caption="Retracted",
            )
        )
    return "".join(parts)
