"""What ``diplostatements check`` prints, in each format: text, JSON, CSV, Markdown, HTML, DOT.

Every format holds the same things: the contradictions (at most ``limit`` of them), the disputes,
the retractions and the counts; with ``summary`` the counts and the table by sides alone.
"""

from __future__ import annotations

import csv
import html
import io
from typing import Any, Final

from ._markdown import escape, sides_markdown
from .report import Report

__all__ = ["CSV_FIELDS", "FORMATS", "as_csv", "as_html", "as_json", "as_markdown", "as_text"]

FORMATS: Final = ("text", "json", "csv", "markdown", "html", "dot")
"""The formats ``check --format`` writes."""

CSV_FIELDS: Final = (
    "record",
    "kind",
    "certainty",
    "internal",
    *(
        f"{label}_{field}"
        for label in ("first", "second")
        for field in ("statement", "speaker", "side", "claim", "when")
    ),
    "reason",
    "via",
    "count",
)
"""The columns of ``check --format csv``: one row per contradiction, dispute and retraction,
then one per count of the summary, told apart by ``record``."""


def _shown(report: Report, limit: int | None) -> Report:
    return report if limit is None else report[: max(limit, 0)]


def as_text(report: Report, *, limit: int | None, summary: bool) -> str:
    """The text report, or the counts and the table by sides."""
    if not summary:
        return report.to_text(limit=limit)
    return f"{report.headline()}\n\n{report.summary_by_sides()}"


def as_json(report: Report, *, limit: int | None, summary: bool) -> dict[str, Any]:
    """One object: ``summary`` and ``by_sides``, and the lists of records.

    Unless ``summary``, ``contradictions``, ``disputes`` and ``retracted`` follow, each a list of
    records (:meth:`Contradiction.to_record <diplostatements.report.Contradiction.to_record>`...).
    """
    found: dict[str, Any] = {
        "summary": report.summary(),
        "by_sides": report.summary_by_sides().to_records(),
    }
    if not summary:
        found["contradictions"] = _shown(report, limit).to_records()
        found["disputes"] = [dispute.to_record() for dispute in report.disputes]
        found["retracted"] = [retraction.to_record() for retraction in report.retracted]
    return found


def as_csv(report: Report, *, limit: int | None, summary: bool) -> str:
    """One table: a row per record (see :data:`CSV_FIELDS`), or the table by sides."""
    out = io.StringIO()
    if summary:
        rows = report.summary_by_sides().to_records()
        fields = list(rows[0]) if rows else ["side", "other_side", "contradictions"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in _shown(report, limit).to_records():
        writer.writerow({"record": "contradiction", **record})
    for dispute in report.disputes:
        row = dispute.to_record()
        writer.writerow(
            {
                "record": "dispute",
                "kind": row["kind"],
                "internal": row["side"] == row["target_side"],
                "first_statement": row["target"],
                "first_speaker": row["target_speaker"],
                "first_side": row["target_side"],
                "first_when": row["target_said_on"],
                "second_statement": row["rebuttal"],
                "second_speaker": row["speaker"],
                "second_side": row["side"],
                "second_when": row["said_on"],
                "reason": row["reason"],
            }
        )
    for retraction in report.retracted:
        row = retraction.to_record()
        writer.writerow(
            {
                "record": "retraction",
                "kind": "retraction",
                "internal": True,
                "first_statement": row["target"],
                "first_speaker": row["target_speaker"],
                "first_side": row["side"],
                "second_statement": row["retraction"],
                "second_speaker": row["speaker"],
                "second_side": row["side"],
                "second_when": row["said_on"],
            }
        )
    for name, count in report.summary().items():
        writer.writerow({"record": "summary", "kind": name, "count": count})
    return out.getvalue()


def as_markdown(report: Report, *, limit: int | None, summary: bool) -> str:
    """The Markdown report, or the counts and the table by sides."""
    if not summary:
        return report.to_markdown(limit=limit)
    return f"**{escape(report.headline())}**\n\n{sides_markdown(report.summary_by_sides())}"


_STYLE: Final = (
    "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}"
    "table{border-collapse:collapse;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
    "caption{text-align:left;font-weight:bold;padding:.3em 0}"
)


def as_html(report: Report, *, limit: int | None, summary: bool, title: str) -> str:
    """A page of its own: the table by sides, then (unless ``summary``) the report's tables."""
    parts = [report.summary_by_sides()._repr_html_()]
    if summary:
        parts.insert(0, f"<p>{html.escape(report.headline())}</p>")
    else:
        parts.append(report.to_html(limit=limit))
    # A row a line: the page reads in an editor and compares well in a diff.
    body = "\n".join(parts).replace("</tr>", "</tr>\n").replace("</caption>", "</caption>\n")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )
