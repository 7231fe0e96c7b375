"""The rules that tie a table's columns together, checked with Arrow compute.

Run on a table whose values each read correctly (:mod:`diplostatements._tables_check`): a span's
bounds in order, a quantity's range, a claim row holding a claim and a claimless row holding none,
a relay's date, a source's fields (a statement's rows and targets are checked by
:mod:`diplostatements._tables_statements`). Each rule is the model's own invariant, stated over
columns, with the model's words in its message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.types as pt

from ._problems import MAX_PROBLEMS, FileFieldError
from ._tables_check import Sheet
from ._tables_found import Found
from ._tables_schema import COLUMNS, OPEN, span_columns
from ._tables_statements import (
    Groups,
    arange,
    check_agreement,
    check_numbering,
    check_targets,
    derive_indices,
    groups_of,
    statement_types,
)
from .exceptions import DiplostatementsError, DuplicateIdError
from .quantities import PROPORTION

__all__ = ["check_actors", "check_affiliations", "check_claims", "filled_bounds"]

_CLAIM_COLUMNS: Final = tuple(c.name for c in COLUMNS["claims"] if c.level == "claim")
_STATEMENT_COLUMNS: Final = tuple(
    c.name for c in COLUMNS["claims"] if c.level == "statement" and c.name != "statement_id"
)
_EMPTY_IS_NULL: Final = frozenset(
    {"has_when", "has_quantity", "quantity_low_open", "quantity_high_open"}
)


# --- spans ----------------------------------------------------------------------------------

_PAIRS: Final = ((0, 1), (2, 3), (0, 3))


def filled_bounds(bounds: Sequence[Any]) -> list[Any]:
    """A span's four bound columns with each null replaced by the day it stands for."""
    return [
        pc.fill_null(bound, pa.scalar(opened, pa.date32())) if bound.null_count else bound
        for bound, opened in zip(bounds, OPEN, strict=True)
    ]


def _bound(value: date | None) -> str:
    return "null (unbounded)" if value is None else value.isoformat()


def _spans(sheet: Sheet, prefix: str, found: Found, rows: Any = None) -> None:
    """A span's bounds in order (some reading of the span exists).

    As :class:`~diplostatements.TimeSpan` requires: start_earliest <= start_latest,
    end_earliest <= end_latest and start_earliest <= end_latest, a null bound standing for the
    beginning of time in a start and the end of time in an end.
    """
    names = span_columns(prefix)
    given = [sheet.columns[name] for name in names]
    bounds = filled_bounds(given)
    for first, last in _PAIRS:
        bad = pc.greater(bounds[first], bounds[last])
        if rows is not None:
            bad = pc.and_(bad, rows)
        if not pc.any(pc.fill_null(bad, False)).as_py():
            continue
        earlier, later = names[first], names[last]

        def problem(row: int, value: Any, earlier: str = earlier, later: str = later) -> Any:
            expected = f"{earlier} on or before {later} ({earlier} is {_bound(value['early'])})"
            return FileFieldError(
                sheet.path(row, later), expected, value["late"], shown=_bound(value["late"])
            )

        pairs = pa.StructArray.from_arrays(
            [_whole(given[first]), _whole(given[last])], names=["early", "late"]
        )
        found.rows(sheet.position, sheet.order(later), bad, problem, pairs)
        sheet.sound = False


def _whole(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


# --- actors and affiliations ----------------------------------------------------------------


def _repeats(sheet: Sheet, column: str, what: str, found: Found) -> None:
    """Rows whose id an earlier row used already."""
    groups = groups_of(sheet.columns[column])
    if groups.count == sheet.rows:
        return
    repeated = pc.not_equal(groups.first_of_row(), arange(sheet.rows))
    firsts = groups.first_of_row()

    def problem(row: int, value: Any) -> DiplostatementsError:
        ident, first = value["id"], value["first"]
        path = sheet.path(row, column)
        error = DuplicateIdError(path, ident, what)
        error.args = (f"{path}: {what} id {ident!r} is already used at {sheet.where(first)}",)
        return error

    shown = pa.StructArray.from_arrays(
        [_whole(sheet.columns[column]), _whole(firsts)], names=["id", "first"]
    )
    found.rows(sheet.position, sheet.order(column), repeated, problem, shown)
    sheet.sound = False


def check_actors(sheet: Sheet, found: Found) -> None:
    """Actor ids used once; no alias shared by two actors or equal to another's id."""
    _repeats(sheet, "id", "actor", found)
    if not sheet.sound:
        return
    ids = sheet.columns["id"].to_pylist()
    aliases = sheet.columns["aliases"]
    rows = pc.indices_nonzero(pc.fill_null(pc.greater(pc.list_value_length(aliases), 0), False))
    known = set(ids)
    owners: dict[str, str] = {}
    for row, names in zip(rows.to_pylist(), aliases.take(rows).to_pylist(), strict=True):
        for name in sorted(set(names)):
            folded = name.casefold()
            owner = name if name in known else owners.get(folded)
            if owner is not None and owner != ids[row]:
                path = f"{sheet.path(row, 'aliases')}"
                error = DuplicateIdError(path, name, "actor alias")
                error.args = (
                    f"{path}: the alias {name!r} already names the actor {owner!r}"
                    " (an alias names one actor)",
                )
                found.add((sheet.position, row, sheet.order("aliases")), error)
                sheet.sound = False
                continue
            owners[folded] = ids[row]


def check_affiliations(sheet: Sheet, found: Found) -> None:
    """An organisation other than the member; the span's bounds in order."""
    same = pc.equal(sheet.columns["member"], sheet.columns["organization"])
    sheet.report(found, "organization", same, "an actor id other than the member's")
    _spans(sheet, "span", found)
    part_of = pc.fill_null(sheet.columns["part_of"], False)
    if pc.any(part_of).as_py():
        role = pc.and_(part_of, pc.is_valid(sheet.columns["role"]))
        sheet.report(found, "role", role, "null (part_of is true: a part-of link has no role)")
        speaks = pc.and_(part_of, pc.fill_null(sheet.columns["speaks_for"], False))
        sheet.report(
            found,
            "speaks_for",
            speaks,
            "false (part_of is true: a part does not speak for its whole)",
        )


# --- claims ---------------------------------------------------------------------------------


def _flag(sheet: Sheet, name: str, parts: Sequence[str]) -> pa.Array | pa.ChunkedArray:
    """A has_ flag, read from the rows where it is null by whether any of its parts is set."""
    given = sheet.columns[name]
    anything = None
    for part in parts:
        column = sheet.columns[part]
        held = (
            pc.is_valid(column) if not pt.is_boolean(column.type) else pc.fill_null(column, False)
        )
        anything = held if anything is None else pc.or_(anything, held)
    assert anything is not None
    return pc.if_else(pc.is_null(given), anything, given)


_QUANTITY: Final = (
    "quantity_low",
    "quantity_high",
    "quantity_unit",
    "quantity_text",
    "quantity_low_open",
    "quantity_high_open",
)


def _when(sheet: Sheet, claimed: Any, found: Found) -> Any:
    names = span_columns("when")
    has = pc.and_(claimed, _flag(sheet, "has_when", names))
    for name in names:
        stray = pc.and_(pc.invert(pc.fill_null(has, False)), pc.is_valid(sheet.columns[name]))
        stray = pc.and_(stray, claimed)
        sheet.report(found, name, stray, "null (has_when is false: the claim has no when)")
    _spans(sheet, "when", found, has)
    return has


def _quantity(sheet: Sheet, claimed: Any, found: Found) -> Any:
    has = pc.and_(claimed, _flag(sheet, "has_quantity", _QUANTITY))
    without = pc.and_(claimed, pc.invert(pc.fill_null(has, False)))
    for name in _QUANTITY:
        column = sheet.columns[name]
        stray = (
            pc.is_valid(column) if not pt.is_boolean(column.type) else pc.fill_null(column, False)
        )
        expected = "null (has_quantity is false: the claim has no quantity)"
        sheet.report(found, name, pc.and_(without, stray), expected)
    low, high = sheet.columns["quantity_low"], sheet.columns["quantity_high"]
    low_open = pc.and_(has, pc.fill_null(sheet.columns["quantity_low_open"], False))
    high_open = pc.and_(has, pc.fill_null(sheet.columns["quantity_high_open"], False))
    unit = sheet.columns["quantity_unit"]
    sheet.report(
        found,
        "quantity_low_open",
        pc.and_(low_open, pc.is_null(low)),
        "false when quantity_low is null (unbounded)",
    )
    sheet.report(
        found,
        "quantity_high_open",
        pc.and_(high_open, pc.is_null(high)),
        "false when quantity_high is null (unbounded)",
    )
    above = pc.and_(has, pc.greater(low, high))
    pairs = pa.StructArray.from_arrays([_whole(low), _whole(high)], names=["low", "high"])
    if pc.any(pc.fill_null(above, False)).as_py():

        def problem(row: int, value: Any) -> Any:
            path = sheet.path(row, "quantity_high")
            expected = f"a number not below quantity_low ({value['low']!r})"
            return FileFieldError(path, expected, value["high"])

        found.rows(sheet.position, sheet.order("quantity_high"), above, problem, pairs)
        sheet.sound = False
    equal = pc.and_(has, pc.equal(low, high))
    empty = "false when quantity_low equals quantity_high (the range would be empty)"
    sheet.report(found, "quantity_low_open", pc.and_(equal, low_open), empty)
    sheet.report(
        found, "quantity_high_open", pc.and_(pc.and_(equal, high_open), pc.invert(low_open)), empty
    )
    share = pc.and_(has, pc.equal(unit, PROPORTION))
    count = pc.and_(has, pc.is_null(unit))
    for name, end in (("quantity_low", low), ("quantity_high", high)):
        inside = pc.and_(pc.greater_equal(end, 0), pc.less_equal(end, 1))
        sheet.report(
            found,
            name,
            pc.and_(share, pc.invert(pc.fill_null(inside, False))),
            "a share from 0 to 1 (a proportion)",
        )
        sheet.report(found, name, pc.and_(count, pc.less(end, 0)), "null or a count (0 or more)")
    return has


def _claim_rows(sheet: Sheet, found: Found) -> Any:
    """Claim rows hold a subject and predicate; a row without a claim index holds no claim."""
    claimed = pc.is_valid(sheet.columns["claim_index"])
    for name in ("subject", "predicate"):
        missing = pc.and_(claimed, pc.is_null(sheet.columns[name]))
        sheet.report(found, name, missing, "a value (every claim has a subject and a predicate)")
    claimless = pc.invert(claimed)
    for name in _CLAIM_COLUMNS:
        if name == "claim_index" or name not in sheet.given:
            continue
        column = sheet.columns[name]
        held = pc.is_valid(column)
        if name in _EMPTY_IS_NULL:
            held = pc.fill_null(column, False)
        elif name == "qualifiers":
            held = pc.fill_null(pc.greater(pc.list_value_length(column), 0), False)
        expected = "null (the row has no claim_index: it holds a statement without claims)"
        sheet.report(found, name, pc.and_(claimless, held), expected)
    return claimed


def _rebuttal_fields(sheet: Sheet, types: Any, found: Found) -> Any:
    plain = pc.equal(types, "statement")
    for name in ("targets", "rebuttal_kind", "rebuttal_modality"):
        held = pc.and_(plain, pc.is_valid(sheet.columns[name]))
        sheet.report(found, name, held, 'null (the row\'s type is "statement")')
    rebuttal = pc.invert(plain)
    length = pc.fill_null(pc.list_value_length(sheet.columns["targets"]), 0)
    sheet.report(
        found,
        "targets",
        pc.and_(rebuttal, pc.equal(length, 0)),
        'a non-empty list of targets (the row\'s type is "rebuttal")',
    )
    sheet.report(
        found,
        "rebuttal_kind",
        pc.and_(rebuttal, pc.is_null(sheet.columns["rebuttal_kind"])),
        'a value (the row\'s type is "rebuttal")',
    )
    return rebuttal


def _relay_spans(sheet: Sheet, found: Found) -> None:
    """A relay's date: its bounds in order, and none of them when has_on is false."""
    listed = _whole(sheet.columns["relays"])
    relays = pc.list_flatten(listed)
    if not len(relays):
        return
    names = span_columns("on")
    raw = [pc.struct_field(relays, [name]) for name in names]
    bounds = filled_bounds(raw)
    given = pc.struct_field(relays, ["has_on"])
    dated = pc.or_(
        pc.or_(pc.is_valid(raw[0]), pc.is_valid(raw[1])),
        pc.or_(pc.is_valid(raw[2]), pc.is_valid(raw[3])),
    )
    stray = pc.and_(pc.equal(given, False), dated)
    problems: list[tuple[Any, str, Any]] = [
        (stray, ".has_on", "true (the relay has dates) or null")
    ]
    for first, last in _PAIRS:
        problems.append(
            (
                pc.greater(bounds[first], bounds[last]),
                f".{names[last]}",
                f"{names[first]} on or before {names[last]}",
            )
        )
    parents = pc.list_parent_indices(listed)
    start = listed.offsets[0].as_py()
    for bad, field, expected in problems:
        mask = pc.fill_null(bad, False)
        count = pc.sum(mask).as_py() or 0
        if not count:
            continue
        sheet.sound = False
        chosen = pc.indices_nonzero(mask).slice(0, MAX_PROBLEMS).to_pylist()
        for item in chosen:
            row = parents[item].as_py()
            index = item - (listed.offsets[row].as_py() - start)
            path = f"{sheet.path(row, 'relays')}[{index}]{field}"
            shown = (
                given[item].as_py()
                if field == ".has_on"
                else bounds[names.index(field[1:])][item].as_py()
            )
            found.add(
                (sheet.position, row, sheet.order("relays")), FileFieldError(path, expected, shown)
            )
        found.count += count - len(chosen)


def _source(sheet: Sheet, found: Found) -> None:
    """A source's title, url and date belong to a source: one with a publisher."""
    without = pc.is_null(sheet.columns["source_publisher"])
    for name in ("source_title", "source_url", "source_published"):
        stray = pc.and_(without, pc.is_valid(sheet.columns[name]))
        sheet.report(found, name, stray, "null (source_publisher is null: there is no source)")


def check_claims(sheet: Sheet, found: Found, groups: Groups | None = None) -> None:
    """Every rule of the claims table (see the module's docstring).

    ``groups`` are the rows of each statement, when they were found already.
    """
    groups = groups or groups_of(sheet.columns["statement_id"])
    if "claim_index" not in sheet.given:
        derive_indices(sheet, groups)
    claimed = _claim_rows(sheet, found)
    _spans(sheet, "said_on", found)
    _when(sheet, claimed, found)
    _quantity(sheet, claimed, found)
    _relay_spans(sheet, found)
    _source(sheet, found)
    rebuttal = _rebuttal_fields(sheet, statement_types(sheet), found)
    if groups.count < sheet.rows:
        check_agreement(sheet, groups, found)
    claims = check_numbering(sheet, groups, found)
    check_targets(sheet, groups, claims, rebuttal, found)
