"""A statement's rows in the claims table: grouped by id, agreeing, numbered, and its targets.

The claims table repeats a statement's columns on each of its rows. :func:`groups_of` finds each
statement's rows (one hash of the ids, which also finds ids used twice); the checks here hold
them to the model: every row of a statement agrees on the statement's columns, its claim indices
run 0, 1, 2, ..., and a rebuttal's targets are other statements of the table, with the claims it
names.
"""

from __future__ import annotations

import json
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.types as pt

from ._problems import MAX_PROBLEMS, FileFieldError
from ._tables_check import Sheet
from ._tables_found import Found
from ._tables_schema import COLUMNS
from ._validation import close_matches
from .exceptions import DiplostatementsError, DuplicateIdError, UnknownReferenceError

__all__ = [
    "Groups",
    "arange",
    "check_agreement",
    "check_numbering",
    "check_targets",
    "derive_indices",
    "groups_of",
    "same",
    "statement_types",
]

_STATEMENT_COLUMNS: Final = tuple(
    c.name for c in COLUMNS["claims"] if c.level == "statement" and c.name != "statement_id"
)


def _whole(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def arange(count: int) -> pa.Array:
    """0, 1, ..., count - 1 as an int64 array."""
    ones = pc.fill_null(pa.nulls(count, pa.int64()), 1)
    return pc.subtract(pc.cumulative_sum(ones), 1) if count else pa.array([], pa.int64())


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


def check_agreement(sheet: Sheet, groups: Groups, found: Found) -> None:
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


def check_numbering(sheet: Sheet, groups: Groups, found: Found) -> pa.Array:
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


def _check_depths(
    sheet: Sheet, rows: pa.Array, listed: pa.Array, deep: pa.Array, found: Found
) -> None:
    """Targets that point into nested content name a claim that nests that deep (they are few)."""
    targets = pc.list_flatten(listed)
    parents = pc.list_parent_indices(listed)
    chosen = pc.indices_nonzero(deep)
    wanted = targets.take(chosen).to_pylist()
    idents = pa.array(sorted({target["statement_id"] for target in wanted}), pa.string())
    mask = pc.fill_null(pc.is_in(sheet.columns["statement_id"], value_set=idents), False)
    named = pc.indices_nonzero(mask)
    texts = {
        (ident, index): text
        for ident, index, text in zip(
            _whole(sheet.columns["statement_id"]).take(named).to_pylist(),
            _whole(sheet.columns["claim_index"]).take(named).to_pylist(),
            _whole(sheet.columns["content"]).take(named).to_pylist(),
            strict=True,
        )
    }
    place = sheet.order("targets")
    for item, target in zip(chosen.to_pylist(), wanted, strict=True):
        ident, index, depth = target["statement_id"], target["claim"], target["content"]
        have = _depth_of(texts.get((ident, index)))
        if depth <= have:
            continue
        parent = parents[item].as_py()
        row = rows[parent].as_py()
        start = listed.offsets[parent].as_py() - listed.offsets[0].as_py()
        if have == 0:
            expected = f"0: claim {index} of statement {ident!r} has no nested content"
        else:
            expected = (
                f"a depth of at most {have}: claim {index} of statement {ident!r} nests"
                f" content {have} deep"
            )
        path = f"{sheet.path(row, 'targets')}[{item - start}].content"
        found.add((sheet.position, row, place), FileFieldError(path, expected, depth))
        sheet.sound = False


def _depth_of(text: str | None) -> int:
    """How deep a claim's nested content goes, from the content column's JSON text."""
    if text is None:
        return 0
    value = json.loads(text)
    depth = 1
    while isinstance(value, dict) and isinstance(value.get("content"), dict):
        value = value["content"]
        depth += 1
    return depth


def check_targets(
    sheet: Sheet, groups: Groups, claims: pa.Array, rebuttal: Any, found: Found
) -> None:
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
    if targets.type.get_field_index("content") >= 0:
        depth = pc.struct_field(targets, ["content"])
        deep = pc.and_(pc.invert(bad), pc.fill_null(pc.greater(depth, 0), False))
        if pc.any(deep).as_py():
            _check_depths(sheet, rows, listed, deep, found)
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


def derive_indices(sheet: Sheet, groups: Groups) -> None:
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
