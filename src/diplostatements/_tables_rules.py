"""The rules that tie a table's columns together, checked with Arrow compute.

Run on a table whose values each read correctly (:mod:`diplostatements._tables_check`): a span's
bounds in order, a quantity's range, a claim row holding a claim and a claimless row holding none,
a statement's rows agreeing, its claim indices running 0, 1, 2, ..., a rebuttal's targets. Each
rule is the model's own invariant, stated over columns, with the model's words in its message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.types as pt

from ._problems import MAX_PROBLEMS, FileFieldError
from ._tables_check import Sheet
from ._tables_found import Found
from ._tables_schema import COLUMNS, OPEN, span_columns
from ._validation import close_matches
from .exceptions import DiplostatementsError, DuplicateIdError, UnknownReferenceError
from .quantities import PROPORTION

__all__ = ["Groups", "arange", "check_actors", "check_affiliations", "check_claims", "groups_of"]

_CLAIM_COLUMNS: Final = tuple(c.name for c in COLUMNS["claims"] if c.level == "claim")
_STATEMENT_COLUMNS: Final = tuple(
    c.name for c in COLUMNS["claims"] if c.level == "statement" and c.name != "statement_id"
)
_EMPTY_IS_NULL: Final = frozenset(
    {"has_when", "has_quantity", "quantity_low_open", "quantity_high_open"}
)


def arange(count: int) -> pa.Array:
    """0, 1, ..., count - 1 as an int64 array."""
    ones = pc.fill_null(pa.nulls(count, pa.int64()), 1)
    return pc.subtract(pc.cumulative_sum(ones), 1) if count else pa.array([], pa.int64())


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
    if found.rows(sheet.position, sheet.order(column), repeated, problem, shown):
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


# --- claims ---------------------------------------------------------------------------------


@attrs.frozen
class Groups:
    """The rows of each value of a column (each statement's rows): numbered in first-use order.

    Args:
        index: the group of each row.
        values: each group's value.
        first: each group's first row.
        count: the number of groups.
    """

    index: pa.Array
    values: pa.Array
    first: pa.Array
    count: int

    def first_of_row(self) -> pa.Array:
        """The first row of each row's group."""
        return self.first.take(self.index)


def groups_of(column: pa.Array | pa.ChunkedArray) -> Groups:
    """Group the rows by the values of ``column`` (no nulls)."""
    encoded = pc.dictionary_encode(_whole(column))
    index = encoded.indices
    count = len(encoded.dictionary)
    if count == len(index):
        first = arange(count)
    else:
        table = pa.table({"group": index, "row": arange(len(index))})
        grouped = table.group_by("group", use_threads=False).aggregate([("row", "min")])
        first = grouped.column("row_min").combine_chunks()
        order = pc.sort_indices(grouped.column("group"))
        first = first.take(order)
    return Groups(index.cast(pa.int64()), encoded.dictionary, first, count)


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


def statement_types(sheet: Sheet) -> pa.Array | pa.ChunkedArray:
    """Each row's type; a null reads as "rebuttal" where targets or a kind are given."""
    given = sheet.columns["type"]
    if not given.null_count:
        return given.cast(pa.string())
    given = given.cast(pa.string())
    rebuttal = pc.or_(
        pc.is_valid(sheet.columns["targets"]), pc.is_valid(sheet.columns["rebuttal_kind"])
    )
    guessed = pc.if_else(rebuttal, "rebuttal", "statement")
    return pc.if_else(pc.is_null(given), guessed, given)


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


def same(first: Any, second: Any) -> Any:
    """Where two columns of one type hold the same value (two nulls are the same)."""
    kind = first.type
    if pt.is_dictionary(kind):
        return same(first.cast(kind.value_type), second.cast(kind.value_type))
    if pt.is_list(kind):
        first, second = _whole(first), _whole(second)
        lengths = (pc.list_value_length(first), pc.list_value_length(second))
        result = same(*lengths)
        compare = pc.indices_nonzero(pc.and_(result, pc.greater(pc.fill_null(lengths[0], 0), 0)))
        if len(compare):
            left, right = first.take(compare), second.take(compare)
            equal = same(pc.list_flatten(left), pc.list_flatten(right))
            parents = pc.filter(pc.list_parent_indices(left), pc.invert(equal))
            if len(parents):
                differ = compare.take(pc.unique(parents))
                result = pc.and_(result, pc.invert(pc.is_in(arange(len(first)), differ)))
        return result
    if pt.is_struct(kind):
        result = same(pc.is_valid(first), pc.is_valid(second))
        for index in range(kind.num_fields):
            fields = pc.struct_field(first, [index]), pc.struct_field(second, [index])
            result = pc.and_(result, pc.or_(pc.is_null(first), same(*fields)))
        return result
    both = pc.and_(pc.is_null(first), pc.is_null(second))
    return pc.or_(pc.fill_null(pc.equal(first, second), False), both)


def _agreement(sheet: Sheet, groups: Groups, found: Found) -> None:
    """Every row of a statement holds the statement's columns as its first row does."""
    firsts = groups.first_of_row()
    followers = pc.indices_nonzero(pc.not_equal(firsts, arange(sheet.rows)))
    leaders = firsts.take(followers)
    ids = sheet.columns["statement_id"]
    for name in _STATEMENT_COLUMNS:
        column = sheet.columns[name]
        if name == "type":
            column = statement_types(sheet)
        differ = pc.invert(same(column.take(followers), column.take(leaders)))
        if not pc.any(differ).as_py():
            continue
        rows = followers.filter(differ).slice(0, MAX_PROBLEMS)
        count = pc.sum(differ).as_py() or 0
        firsts_shown = leaders.filter(differ).slice(0, MAX_PROBLEMS).to_pylist()
        for row, first, ident in zip(
            rows.to_pylist(), firsts_shown, ids.take(rows).to_pylist(), strict=True
        ):
            path = sheet.path(row, name)
            error = DuplicateIdError(path, ident, "statement")
            error.args = (
                f"{path}: statement id {ident!r} is already used at {sheet.where(first)},"
                f" whose {name} differs (every row of a statement holds the same statement"
                " columns)",
            )
            found.add((sheet.position, row, sheet.order(name)), error)
        found.count += count - len(rows)
        sheet.sound = False


def _numbering(sheet: Sheet, groups: Groups, found: Found) -> pa.Array:
    """Each statement's claim indices run 0, 1, ..., n - 1; returns each statement's n."""
    index = sheet.columns["claim_index"]
    if groups.count == sheet.rows:
        # One row per statement (group i is row i): its index is 0, or null for no claims.
        wrong = pc.fill_null(pc.not_equal(index, 0), False)
        if pc.any(wrong).as_py():
            sheet.sound = False
            counts = pc.is_valid(index).cast(pa.int64())
            _misnumbered(
                sheet, groups, pc.indices_nonzero(wrong), _whole(counts).to_pylist(), found
            )
        return _whole(pc.is_valid(index).cast(pa.int64()))
    table = pa.table({"group": groups.index, "claim": _whole(index), "row": arange(sheet.rows)})
    grouped = table.group_by("group", use_threads=False).aggregate(
        [
            ("claim", "count"),
            ("claim", "count_distinct"),
            ("claim", "max"),
            ("row", "count"),
        ]
    )
    grouped = grouped.take(pc.sort_indices(grouped.column("group")))
    claims = grouped.column("claim_count").combine_chunks()
    rows = grouped.column("row_count").combine_chunks()
    distinct = grouped.column("claim_count_distinct").combine_chunks()
    top = pc.fill_null(grouped.column("claim_max").combine_chunks(), -1)
    fine = pc.or_(
        pc.and_(pc.equal(claims, 0), pc.equal(rows, 1)),
        pc.and_(
            pc.and_(pc.equal(claims, rows), pc.equal(distinct, rows)),
            pc.equal(top, pc.subtract(rows, 1)),
        ),
    )
    bad = pc.indices_nonzero(pc.invert(fine))
    if len(bad):
        sheet.sound = False
        _misnumbered(sheet, groups, bad, claims.to_pylist(), found)
    return claims


def _misnumbered(
    sheet: Sheet, groups: Groups, bad: pa.Array, counts: list[int], found: Found
) -> None:
    rows = pc.indices_nonzero(pc.is_in(groups.index, bad)).to_pylist()
    index = sheet.columns["claim_index"].take(pa.array(rows, pa.int64())).to_pylist()
    group_of = groups.index.take(pa.array(rows, pa.int64())).to_pylist()
    names = groups.values.to_pylist()
    seen: dict[tuple[int, int], int] = {}
    place = sheet.order("claim_index")
    for row, claim, group in zip(rows, index, group_of, strict=True):
        ident, total = names[group], counts[group]
        path = sheet.path(row, "claim_index")
        if claim is None:
            problem: DiplostatementsError = FileFieldError(
                path,
                f"a claim index (statement {ident!r} has claims on other rows; only a statement"
                " without claims has a row without one)",
                None,
            )
        elif (group, claim) in seen:
            problem = DuplicateIdError(path, str(claim), "claim index")
            problem.args = (
                f"{path}: claim index {claim} of statement {ident!r} is already used at"
                f" {sheet.where(seen[group, claim])}",
            )
        elif claim >= total:
            problem = FileFieldError(
                path,
                f"a claim index below {total} (statement {ident!r} has {total} claim"
                f" row{'s' if total != 1 else ''}; indices run from 0 with no gaps)",
                claim,
            )
        else:
            seen[group, claim] = row
            continue
        found.add((sheet.position, row, place), problem)


def _targets(sheet: Sheet, groups: Groups, claims: pa.Array, rebuttal: Any, found: Found) -> None:
    """Targets name other statements of the table, and claims those statements have."""
    leaders = pc.and_(pc.equal(groups.first_of_row(), arange(sheet.rows)), rebuttal)
    rows = pc.indices_nonzero(leaders)
    if not len(rows):
        return
    listed = _whole(sheet.columns["targets"]).take(rows)
    targets = pc.list_flatten(listed)
    parents = pc.list_parent_indices(listed)
    ident = pc.struct_field(targets, [0])
    claim = pc.struct_field(targets, [1])
    # Look the few targets up among the statements they name, not in a hash of every id.
    named = pc.indices_nonzero(pc.is_in(groups.values, value_set=pc.unique(ident)))
    position = named.take(pc.index_in(ident, value_set=groups.values.take(named)))
    unknown = pc.is_null(position)
    itself = pc.equal(position.cast(pa.int64()), groups.index.take(rows.take(parents)))
    total = claims.take(pc.fill_null(position, 0))
    beyond = pc.and_(pc.is_valid(position), pc.greater_equal(claim, total))
    bad = pc.or_(pc.or_(unknown, pc.fill_null(itself, False)), pc.fill_null(beyond, False))
    count = pc.sum(bad).as_py() or 0
    if not count:
        return
    sheet.sound = False
    chosen = pc.indices_nonzero(bad).slice(0, MAX_PROBLEMS)
    known = groups.values.to_pylist()
    place = sheet.order("targets")
    columns = [
        parents.take(chosen),
        ident.take(chosen),
        claim.take(chosen),
        unknown.take(chosen),
        pc.fill_null(itself, False).take(chosen),
        total.take(chosen),
    ]
    for item, (parent, name, index, missing, own, have) in zip(
        chosen.to_pylist(),
        zip(*(column.to_pylist() for column in columns), strict=True),
        strict=True,
    ):
        row = rows[parent].as_py()
        start = listed.offsets[parent].as_py() - listed.offsets[0].as_py()
        path = f"{sheet.path(row, 'targets')}[{item - start}]"
        if missing:
            problem: DiplostatementsError = UnknownReferenceError(
                f"{path}.statement_id", name, "statement", close_matches(name, known)
            )
        elif own:
            problem = FileFieldError(
                f"{path}.statement_id", "another statement (a rebuttal cannot target itself)", name
            )
        else:
            problem = FileFieldError(
                f"{path}.claim",
                f"a claim index below {have} (statement {name!r} has {have}"
                f" claim{'s' if have != 1 else ''})",
                index,
            )
        found.add((sheet.position, row, place), problem)
    found.count += count - len(chosen)


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


def _derive_indices(sheet: Sheet, groups: Groups) -> None:
    """Number the claims in row order within their statement, without a claim_index column.

    A row holding a subject or a predicate is a claim; any other row is a claimless statement.
    """
    claimed = pc.or_(pc.is_valid(sheet.columns["subject"]), pc.is_valid(sheet.columns["predicate"]))
    counts: dict[int, int] = {}
    numbers: list[int | None] = []
    for group, held in zip(groups.index.to_pylist(), claimed.to_pylist(), strict=True):
        if held:
            number = counts.get(group, 0)
            counts[group] = number + 1
            numbers.append(number)
        else:
            numbers.append(None)
    sheet.columns["claim_index"] = pa.array(numbers, pa.int32())
    sheet.given.add("claim_index")


def _source(sheet: Sheet, found: Found) -> None:
    """A source's title, url and date belong to a source: one with a publisher."""
    without = pc.is_null(sheet.columns["source_publisher"])
    for name in ("source_title", "source_url", "source_published"):
        stray = pc.and_(without, pc.is_valid(sheet.columns[name]))
        sheet.report(found, name, stray, "null (source_publisher is null: there is no source)")


def check_claims(sheet: Sheet, found: Found) -> None:
    """Every rule of the claims table (see the module's docstring)."""
    groups = groups_of(sheet.columns["statement_id"])
    if "claim_index" not in sheet.given:
        _derive_indices(sheet, groups)
    claimed = _claim_rows(sheet, found)
    _spans(sheet, "said_on", found)
    _when(sheet, claimed, found)
    _quantity(sheet, claimed, found)
    _relay_spans(sheet, found)
    _source(sheet, found)
    rebuttal = _rebuttal_fields(sheet, statement_types(sheet), found)
    if groups.count < sheet.rows:
        _agreement(sheet, groups, found)
    claims = _numbering(sheet, groups, found)
    _targets(sheet, groups, claims, rebuttal, found)
