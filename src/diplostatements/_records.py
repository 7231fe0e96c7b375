"""Flat rows for data frames: one dict per claim, every value a scalar.

What :meth:`StatementSet.to_records` returns. A notebook passes the rows to
``pandas.DataFrame`` (or polars, or ``csv.DictWriter``) without the library depending on any of
them. Every row has the same keys in the same order, so the columns line up; a statement without
claims (a bare denial, a challenge) still gets one row, its claim columns ``None``.

>>> from diplostatements import examples
>>> rows = statement_set_records(examples.venezuela_2019())
>>> row = next(r for r in rows if r["statement"] == "trump-2019-06-03")
>>> row["speaker_name"], row["side"], row["predicate"], row["said_on"]
('Donald Trump', 'USA', 'informed', '2019-06-03')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from .claims import Claim
from .rebuttals import Rebuttal
from .statements import Statement
from .timespans import TimeSpan

if TYPE_CHECKING:
    from .collection import StatementSet

__all__ = ["COLUMNS", "Scalar", "actor_names", "statement_set_records"]

Scalar = str | int | float | bool | date | None
"""What a cell of a record holds."""

COLUMNS: tuple[str, ...] = (
    "statement",
    "speaker",
    "speaker_name",
    "side",
    "side_name",
    "on_behalf_of",
    "said_on",
    "said_from",
    "said_to",
    "channel",
    "act",
    "cameo",
    "quote",
    "language",
    "rebuttal_kind",
    "rebuttal_modality",
    "targets",
    "claim_index",
    "claim",
    "subject",
    "predicate",
    "object",
    "polarity",
    "modality",
    "quantity",
    "quantity_low",
    "quantity_high",
    "quantity_unit",
    "when",
    "period_from",
    "period_to",
    "where",
    "qualifiers",
    "content",
    "text",
    "source",
    "url",
)
"""The keys of every record, in order."""


def actor_names(statements: StatementSet) -> dict[str, str]:
    """Actor id -> display name for every actor of the set."""
    return statements.names


def statement_set_records(statements: StatementSet) -> list[dict[str, Scalar]]:
    """One flat row per claim of every statement, in the set's order.

    Args:
        statements: the set to flatten.

    Returns:
        Dicts with the keys of :data:`COLUMNS`. Times come twice: as words (``said_on``,
        ``when``) and as the first and last day any reading may touch (``said_from``/``said_to``,
        ``period_from``/``period_to``; ``None`` where open), so a data frame can sort and filter.
        ``when`` is ``None`` when the claim gives no period of its own (it is then about the day
        it was said, which ``period_from``/``period_to`` show).
    """
    names = actor_names(statements)
    rows: list[dict[str, Scalar]] = []
    for statement in statements:
        side = statements.side_of_statement(statement)
        head = _statement_columns(statement, side, names)
        claims: list[tuple[int | None, Claim | None]] = list(enumerate(statement.claims))
        for index, claim in claims or [(None, None)]:
            cells = {**head, **_claim_columns(claim, index, statement.said_on, names)}
            rows.append({key: cells[key] for key in COLUMNS})
    return rows


def _statement_columns(
    statement: Statement, side: str, names: Mapping[str, str]
) -> dict[str, Scalar]:
    rebuttal = statement if isinstance(statement, Rebuttal) else None
    source = statement.source
    return {
        "statement": statement.id,
        "speaker": statement.speaker,
        "speaker_name": names.get(statement.speaker, statement.speaker),
        "side": side,
        "side_name": names.get(side, side),
        "on_behalf_of": statement.on_behalf_of,
        "said_on": str(statement.said_on),
        "said_from": _finite(statement.said_on.earliest),
        "said_to": _finite(statement.said_on.latest),
        "channel": statement.channel.value,
        "act": statement.act.value,
        "cameo": statement.act.cameo,
        "quote": statement.quote.value,
        "language": statement.language,
        "rebuttal_kind": rebuttal.kind.value if rebuttal else None,
        "rebuttal_modality": rebuttal.modality.value if rebuttal else None,
        "targets": "; ".join(map(str, rebuttal.targets)) if rebuttal else None,
        "text": statement.text,
        "source": source.publisher if source else None,
        "url": source.url if source else None,
    }


def _claim_columns(
    claim: Claim | None, index: int | None, said_on: TimeSpan, names: Mapping[str, str]
) -> dict[str, Scalar]:
    if claim is None:
        return dict.fromkeys(_CLAIM_COLUMNS)
    period = claim.when if claim.when is not None else said_on
    quantity = claim.quantity
    return {
        "claim_index": index,
        "claim": claim.describe(names),
        "subject": claim.subject,
        "predicate": claim.predicate,
        "object": claim.object,
        "polarity": claim.polarity.value,
        "modality": claim.modality.value,
        "quantity": str(quantity) if quantity else None,
        "quantity_low": quantity.low if quantity else None,
        "quantity_high": quantity.high if quantity else None,
        "quantity_unit": quantity.unit if quantity else None,
        "when": str(claim.when) if claim.when is not None else None,
        "period_from": _finite(period.earliest),
        "period_to": _finite(period.latest),
        "where": claim.where,
        "qualifiers": "; ".join(sorted(claim.qualifiers)) or None,
        "content": claim.content.describe(names) if claim.content else None,
    }


_CLAIM_COLUMNS = COLUMNS[COLUMNS.index("claim_index") : COLUMNS.index("content") + 1]


def _finite(day: date) -> date | None:
    # date.min / date.max stand for an open end; a data frame reads None as missing.
    return None if day in (date.min, date.max) else day
