"""The table form for the checker's tests: ``diplostatements.tables`` if it is there.

Until that module exists, a stand-in holding the columns of version 1 of the table form that the
checker's row stage reads, beside an ``item`` column with each row's item in the JSON file format
(from which ``from_arrow`` rebuilds the set). :func:`install` puts it in ``sys.modules`` under
the real module's name only when the real one cannot be imported.
"""

from __future__ import annotations

import importlib
import json
import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.parquet as pq

from diplostatements import io as dio
from diplostatements._converter import unstructure_item
from diplostatements.collection import StatementSet
from diplostatements.rebuttals import ClaimRef, Rebuttal
from diplostatements.timespans import TimeSpan

_META = {b"diplostatements.format": b"tables", b"diplostatements.version": b"1"}
_SPAN = ("start_earliest", "start_latest", "end_earliest", "end_latest")


@attrs.frozen
class Tables:
    """A set as three Arrow tables."""

    actors: pa.Table
    affiliations: pa.Table
    claims: pa.Table


def _days(span: TimeSpan | None, field: str) -> Any:
    if span is None:
        return None
    day = getattr(span, field)
    return None if day in (date.min, date.max) else day


def _claims(found: StatementSet) -> pa.Table:
    rows: dict[str, list[Any]] = {
        name: []
        for name in (
            "statement_id",
            "type",
            "targets",
            "claim_index",
            "subject",
            "predicate",
            "object",
            "polarity",
            "quantity_low_open",
            "has_when",
            "item",
        )
    }
    for prefix in ("said_on", "when"):
        for field in _SPAN:
            rows[f"{prefix}_{field}"] = []
    for statement in found:
        item = json.dumps(unstructure_item(statement, tag=True))
        targets = None
        if isinstance(statement, Rebuttal):
            targets = [
                {"statement_id": t.statement_id, "claim": t.claim}
                if isinstance(t, ClaimRef)
                else {"statement_id": t, "claim": None}
                for t in statement.targets
            ]
        for index, claim in enumerate(statement.claims or [None]):
            rows["statement_id"].append(statement.id)
            rows["type"].append("rebuttal" if isinstance(statement, Rebuttal) else "statement")
            rows["targets"].append(targets)
            rows["item"].append(item)
            for field in _SPAN:
                rows[f"said_on_{field}"].append(_days(statement.said_on, field))
            if claim is None:
                for name in ("claim_index", "subject", "predicate", "object", "polarity"):
                    rows[name].append(None)
                rows["quantity_low_open"].append(None)
                rows["has_when"].append(None)
                for field in _SPAN:
                    rows[f"when_{field}"].append(None)
                continue
            rows["claim_index"].append(index)
            rows["subject"].append(claim.subject)
            rows["predicate"].append(claim.predicate)
            rows["object"].append(claim.object)
            rows["polarity"].append(claim.polarity.value)
            rows["quantity_low_open"].append(
                None if claim.quantity is None else claim.quantity.low_open
            )
            rows["has_when"].append(claim.when is not None)
            for field in _SPAN:
                rows[f"when_{field}"].append(_days(claim.when, field))
    target = pa.list_(pa.struct([("statement_id", pa.string()), ("claim", pa.int32())]))
    types_ = {name: pa.date32() for name in rows if name.startswith(("said_on_", "when_"))}
    types_ |= {"targets": target, "claim_index": pa.int32(), "quantity_low_open": pa.bool_()}
    types_ |= {"has_when": pa.bool_()}
    arrays = {
        name: pa.array(values, types_.get(name, pa.string())) for name, values in rows.items()
    }
    for name in ("type", "polarity"):
        arrays[name] = arrays[name].dictionary_encode()
    return pa.table(arrays).replace_schema_metadata(_META)


def to_arrow(found: StatementSet) -> Tables:
    """A set's tables."""
    actors = [json.dumps(unstructure_item(a, tag=True)) for a in found.actors.values()]
    links = [json.dumps(unstructure_item(a, tag=True)) for a in found.affiliations]
    return Tables(
        pa.table({"item": pa.array(actors, pa.string())}).replace_schema_metadata(_META),
        pa.table({"item": pa.array(links, pa.string())}).replace_schema_metadata(_META),
        _claims(found),
    )


def from_arrow(tables: Tables) -> StatementSet:
    """The set of a set's tables."""
    lines = [json.dumps({"format": "diplostatements", "version": 1})]
    lines += tables.actors["item"].to_pylist() + tables.affiliations["item"].to_pylist()
    lines += list(dict.fromkeys(tables.claims["item"].to_pylist()))
    return dio.loads("\n".join(lines) + "\n")


def validate(tables: Tables) -> None:
    """Nothing: the stand-in's tables are made from valid sets."""


def write_parquet(tables: Tables, path: str | Path) -> None:
    """The three tables as Parquet files in a directory."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("actors", "affiliations", "claims"):
        pq.write_table(getattr(tables, name), folder / f"{name}.parquet")


def read_parquet(path: str | Path) -> Tables:
    """The tables of a Parquet set."""
    folder = Path(path)
    return Tables(
        *(pq.read_table(folder / f"{n}.parquet") for n in ("actors", "affiliations", "claims"))
    )


def install() -> types.ModuleType:
    """``diplostatements.tables``: the real module, or this stand-in put in its place."""
    try:
        return importlib.import_module("diplostatements.tables")
    except ModuleNotFoundError:
        module = sys.modules[__name__]
        sys.modules["diplostatements.tables"] = module
        import diplostatements  # noqa: PLC0415

        diplostatements.tables = module  # type: ignore[attr-defined]
        return module
