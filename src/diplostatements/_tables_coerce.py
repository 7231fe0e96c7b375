"""Columns of other types made into the table form's types, or refused with what was expected.

A table built by hand, by pandas, Polars or DuckDB, or read from CSV holds the right values in
types near ours: ``large_string`` or a dictionary for a string, a timestamp at midnight or
``"YYYY-MM-DD"`` text for a date, ``int64`` or a whole ``float64`` for an index. :func:`coerce`
casts such a column to the schema's type. A column of a type that cannot hold the values at all
raises :class:`WrongType`; values that do not convert (``"2019-13-01"``) are returned as a mask of
bad rows with what was expected, for the caller to report row by row.
"""

from __future__ import annotations

from typing import Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.types as pt

__all__ = ["Converted", "WrongType", "coerce", "describe_type"]

_DAY: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_INTEGER: Final = r"^\s*[+-]?[0-9]+\s*$"
_NUMBER: Final = r"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$"
_INDEX_MAX: Final = 2**31 - 1


class WrongType(Exception):  # noqa: N818 -- a signal between helpers, never seen by users
    """The column's type cannot hold what the schema's type holds."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


Converted = tuple[pa.Array | pa.ChunkedArray, pa.Array | pa.ChunkedArray | None, str]
"""The column in the schema's type, a mask of rows whose values did not convert (or None), and
what those rows should have held."""


def describe_type(kind: pa.DataType) -> str:
    """A type as the messages name it: ``date32``, ``list<string>``, ``dictionary<string>``."""
    if pt.is_dictionary(kind):
        return f"dictionary<{describe_type(kind.value_type)}>"
    if pt.is_list(kind) or pt.is_large_list(kind):
        return f"list<{describe_type(kind.value_type)}>"
    if pt.is_struct(kind):
        return "struct<" + ", ".join(field.name for field in kind) + ">"
    return str(kind).replace("[day]", "")


def _stringy(kind: pa.DataType) -> bool:
    return bool(pt.is_string(kind) or pt.is_large_string(kind) or pt.is_string_view(kind))


def _texty(kind: pa.DataType) -> bool:
    """Strings, or a dictionary of strings."""
    if pt.is_dictionary(kind):
        return _stringy(kind.value_type) or bool(pt.is_null(kind.value_type))
    return _stringy(kind)


def _strings(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    kind = column.type
    if pt.is_dictionary(kind) and _texty(kind):
        return _decoded(column)
    if pt.is_null(kind) or _texty(kind):
        return column.cast(pa.string())
    raise WrongType("strings")


def _decoded(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    # Decoded by hand: a cast cannot take from every dictionary (Polars' string_view values).
    if isinstance(column, pa.ChunkedArray):
        return pa.chunked_array([_decoded(chunk) for chunk in column.chunks], pa.string())
    return column.dictionary.cast(pa.string()).take(column.indices)


def _bad(mask: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray | None:
    return mask if pc.any(mask).as_py() else None


def _dates(column: pa.Array | pa.ChunkedArray) -> Converted:
    kind = column.type
    if pt.is_null(kind) or pt.is_date64(kind):
        return column.cast(pa.date32()), None, ""
    if pt.is_timestamp(kind):
        days = column.cast(pa.timestamp(kind.unit, kind.tz)).cast(pa.date32())
        # A time of day where a day is meant is a mistake, not something to drop quietly.
        timed = pc.not_equal(days.cast(kind), column)
        return days, _bad(pc.fill_null(timed, False)), "a date (a timestamp at midnight)"
    if _texty(kind):
        text = _strings(column)
        shaped = pc.match_substring_regex(text, _DAY)
        stamps = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime may roll a day that does not exist (June 31) into the next month.
        exists = pc.equal(pc.strftime(stamps, format="%Y-%m-%d"), text)
        stamps = pc.if_else(pc.and_(shaped, exists), stamps, pa.scalar(None, stamps.type))
        failed = pc.and_(pc.is_valid(text), pc.is_null(stamps))
        return stamps.cast(pa.date32()), _bad(failed), 'an existing date as "YYYY-MM-DD"'
    raise WrongType("dates (date32)")


def _flags(column: pa.Array | pa.ChunkedArray) -> Converted:
    kind = column.type
    expected = "true or false"
    if pt.is_null(kind):
        return column.cast(pa.bool_()), None, expected
    if _texty(kind):
        text = pc.utf8_lower(pc.utf8_trim_whitespace(_strings(column)))
        yes = pc.is_in(text, value_set=pa.array(["true", "1", "yes"]))
        no = pc.is_in(text, value_set=pa.array(["false", "0", "no"]))
        value = pc.if_else(yes, True, pc.if_else(no, False, pa.scalar(None, pa.bool_())))
        failed = pc.and_(pc.is_valid(text), pc.is_null(value))
        return value, _bad(failed), expected
    raise WrongType("true or false (bool)")


def _indices(column: pa.Array | pa.ChunkedArray) -> Converted:
    kind = column.type
    expected = f"a whole number from 0 to {_INDEX_MAX}"
    if pt.is_null(kind):
        return column.cast(pa.int32()), None, expected
    if pt.is_integer(kind):
        wide = column.cast(pa.int64())
    elif pt.is_floating(kind):
        # pandas holds a whole-number column with missing values as float64.
        whole = pc.and_(pc.is_finite(column), pc.equal(pc.floor(column), column))
        wide = pc.if_else(whole, column, pa.scalar(None, kind)).cast(pa.int64())
        failed = pc.and_(pc.is_valid(column), pc.invert(pc.fill_null(whole, False)))
        return _bounded(wide, failed, expected)
    elif _texty(kind):
        text = _strings(column)
        shaped = pc.match_substring_regex(text, _INTEGER)
        digits = pc.if_else(shaped, pc.utf8_trim_whitespace(text), pa.scalar(None, pa.string()))
        # Longer than 18 digits cannot be an index; keep the cast from overflowing.
        digits = pc.if_else(
            pc.less_equal(pc.utf8_length(digits), 18), digits, pa.scalar(None, pa.string())
        )
        wide = digits.cast(pa.int64())
        failed = pc.and_(pc.is_valid(text), pc.is_null(wide))
        return _bounded(wide, failed, expected)
    else:
        raise WrongType("whole numbers (int32)")
    return _bounded(wide, None, expected)


def _bounded(
    wide: pa.Array | pa.ChunkedArray, failed: pa.Array | pa.ChunkedArray | None, expected: str
) -> Converted:
    inside = pc.and_(pc.greater_equal(wide, 0), pc.less_equal(wide, _INDEX_MAX))
    outside = pc.invert(pc.fill_null(inside, True))
    bad = outside if failed is None else pc.or_(outside, failed)
    kept = pc.if_else(inside, wide, pa.scalar(None, pa.int64())).cast(pa.int32())
    return kept, _bad(bad), expected


def _numbers(column: pa.Array | pa.ChunkedArray) -> Converted:
    kind = column.type
    if pt.is_null(kind) or pt.is_integer(kind) or pt.is_floating(kind) or pt.is_decimal(kind):
        return column.cast(pa.float64()), None, ""
    if _texty(kind):
        text = _strings(column)
        shaped = pc.match_substring_regex(text, _NUMBER)
        kept = pc.if_else(shaped, pc.utf8_trim_whitespace(text), pa.scalar(None, pa.string()))
        failed = pc.and_(pc.is_valid(text), pc.invert(pc.fill_null(shaped, False)))
        return kept.cast(pa.float64()), _bad(failed), "a number"
    raise WrongType("numbers (float64)")


def _enum(column: pa.Array | pa.ChunkedArray, target: pa.DataType) -> Converted:
    kind = column.type
    if kind == target:
        return column, None, ""
    try:
        values = _strings(column)
    except WrongType:
        raise WrongType("strings (dictionary<int32, string>)") from None
    return pc.dictionary_encode(values).cast(target), None, ""


def _list(column: pa.Array | pa.ChunkedArray, target: pa.DataType) -> Converted:
    kind = column.type
    if pt.is_null(kind):
        return column.cast(target), None, ""
    if not (pt.is_list(kind) or pt.is_large_list(kind)):
        raise WrongType(f"lists ({describe_type(target)})")
    whole = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    whole = whole.cast(pa.list_(kind.value_type)) if pt.is_large_list(kind) else whole
    if whole.type == target:
        return whole, None, ""
    try:
        items, failed, _ = coerce(whole.values, target.value_type)
    except WrongType as error:
        raise WrongType(f"lists of {error.expected}") from None
    # The items of a list column are strings or structs, which convert whole or not at all.
    assert failed is None
    listed = pa.ListArray.from_arrays(whole.offsets, items, mask=whole.is_null())
    return listed.cast(target), None, ""


def _struct(column: pa.Array | pa.ChunkedArray, target: pa.DataType) -> Converted:
    kind = column.type
    if not pt.is_struct(kind):
        raise WrongType(describe_type(target))
    whole = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    known = {field.name for field in target}
    unknown = [field.name for field in kind if field.name not in known]
    if unknown:
        raise WrongType(f"{describe_type(target)} (no field {unknown[0]!r})")
    children = []
    for field in target:
        if kind.get_field_index(field.name) < 0:
            children.append(pa.nulls(len(whole), field.type))
            continue
        try:
            child, failed, _ = coerce(whole.field(field.name), field.type)
        except WrongType as error:
            raise WrongType(f"{describe_type(target)} ({field.name}: {error.expected})") from None
        if failed is not None:
            raise WrongType(f"{describe_type(target)} ({field.name}: {describe_type(field.type)})")
        children.append(child)
    mask = whole.is_null() if whole.null_count else None
    return pa.StructArray.from_arrays(children, fields=list(target), mask=mask), None, ""


def coerce(  # noqa: PLR0911 -- one return per kind of target type
    column: pa.Array | pa.ChunkedArray, target: pa.DataType
) -> Converted:
    """The column cast to ``target``, with the rows whose values would not convert.

    Raises:
        WrongType: the column's type cannot hold ``target``'s values at all.
    """
    if pt.is_dictionary(target):
        return _enum(column, target)
    if column.type == target:
        return column, None, ""
    if pt.is_string(target):
        return _strings(column), None, ""
    if pt.is_date32(target):
        return _dates(column)
    if pt.is_boolean(target):
        return _flags(column)
    if pt.is_int32(target):
        return _indices(column)
    if pt.is_float64(target):
        return _numbers(column)
    if pt.is_list(target):
        return _list(column, target)
    return _struct(column, target)
