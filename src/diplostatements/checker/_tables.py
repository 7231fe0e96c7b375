"""The rows stage's way in from a claims table: only the rows that can be in a finding.

A set's tables (:mod:`diplostatements.tables`, version 1 of the table form) hold one row per
top-level claim. Most claims can clash with nothing: their proposition is never denied, their
figures never disputed, their exclusive key never given a second object, or the claims that
share their key are about other periods. :func:`candidates` finds, with Arrow compute and no
Python loop over rows, the rows that can be in a finding, and keeps:

- each claim under a key (as the gathering stage keys claims, made by the producers of
  :mod:`~diplostatements.checker._table_keys`) that holds a claim of another class (the other
  polarity, another object, ...) whose period may meet its own;
- every rebuttal, and the statements it targets (for DENIAL, disputes and retractions);
- every actor and affiliation (sides and names).

Only the statements of those rows are built as model objects, from the tables already checked
(:func:`diplostatements.tables.validate` runs once, on the whole); the checker then runs on them
as on any set. A finding is a pair of assertions, decided by those two alone, so the kept set
yields the same report as the whole one: the filter keeps more than it must, never less.

Keys are grouped as integers (names coded once through one dictionary, each key packed into one
64-bit group number), never as joined strings: grouping a million claims' keys as strings cost
seconds. Periods are compared in two steps: a key whose rows are all of one class, or a pair
that cannot meet, is dropped by a hash aggregate; the rows of the other keys are sorted by
(key, first day) and each is tested against the rows of the other class(es) before and after
it, with running maxima of the last day and minima of the first.
"""

from __future__ import annotations

import os
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from .. import tables as table_form
from .._tables_read import build
from ..collection import StatementSet
from ..exceptions import FieldError
from ..vocabulary import Vocabulary
from ._table_keys import PRODUCERS, Columns, Keys, predicates

__all__ = ["candidates"]

_LOW, _HIGH = -(2**31), 2**31 - 1
"""An unbounded end of a period, as a day number (a null date)."""
_SPAN = 2**32
"""Apart in a packed number: a group's number times this, plus a day number made non-negative."""


def candidates(source: object, vocabulary: Vocabulary) -> StatementSet:
    """The set of the rows of a set's tables (or a Parquet set) that can be in a finding.

    Args:
        source: a ``diplostatements.tables.Tables`` value, or the path of a Parquet set.
        vocabulary: what the predicates mean.

    Raises:
        ValidationError: the tables are not a valid set (every problem, named by its table,
            row and column).
        FileError: a Parquet set cannot be read.
    """
    if isinstance(source, str | os.PathLike):
        source = table_form.read_parquet(source)
    if not isinstance(source, table_form.Tables):  # pragma: no cover -- check() sends only these
        raise FieldError("check(statements)", "Tables or the path of a Parquet set", source)
    # Checked without building objects, and in the normal form (aliases resolved, defaults in).
    tables = table_form.validate(source)
    claims = tables.claims
    kept = attrs.evolve(tables, claims=claims.filter(keep(claims, vocabulary)))
    # Checked already, as a whole: the kept rows are whole statements, with every actor,
    # affiliation and rebuttal target, so they make a valid set without checking again.
    return build(kept._all(), kept.labels, kept.source)


def keep(claims: pa.Table, vocabulary: Vocabulary) -> pa.Array:
    """Which rows of a claims table in the normal form to keep (a boolean column)."""
    statement = _whole(claims["statement_id"])
    rebuttal = pc.equal(_strings(claims["type"]), "rebuttal")
    targets = pc.list_flatten(pc.filter(_whole(claims["targets"]), rebuttal))
    target_ids = pc.unique(pc.struct_field(targets, "statement_id"))
    rebutted = pc.is_in(statement, value_set=target_ids)
    rows = pc.indices_nonzero(pc.is_valid(claims["predicate"]))
    found = _clashing(claims, rows, pc.take(rebutted, rows), vocabulary)
    # Whole statements: a finding holds the statement with all its claims.
    chosen = pc.unique(pc.take(statement, found))
    chosen = pc.unique(pa.concat_arrays([chosen, target_ids.cast(chosen.type)]))
    return pc.or_(pc.or_(rebuttal, rebutted), pc.is_in(statement, value_set=chosen))


def _whole(column: Any) -> pa.Array:
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def _strings(column: Any) -> pa.Array:
    """A column as plain strings (enum columns are dictionary-encoded)."""
    column = _whole(column)
    return column.cast(pa.string()) if pa.types.is_dictionary(column.type) else column


def _columns(
    claims: pa.Table, rows: pa.Array, rebutted: pa.Array, vocabulary: Vocabulary
) -> Columns:
    """The key producers' view of the rows ``rows`` (those that hold a claim)."""
    subject = pc.take(_strings(claims["subject"]), rows)
    obj = pc.take(_strings(claims["object"]), rows)
    predicate = pc.take(_strings(claims["predicate"]), rows)
    names = pc.unique(predicate)
    codes, profiles = predicates(names.to_pylist(), vocabulary)
    entities = pc.unique(pa.concat_arrays([subject, obj]).drop_null())
    polarity = pc.take(_strings(claims["polarity"]), rows)
    return Columns(
        subject=pc.index_in(subject, value_set=entities),
        object=pc.fill_null(pc.index_in(obj, value_set=entities), -1),
        predicate=pc.index_in(predicate, value_set=names),
        affirmed=pc.equal(polarity, "affirmed"),
        rebutted=rebutted,
        quantity=_figures(claims, rows),
        codes=codes,
        seen=frozenset(names.to_pylist()),
        profiles=profiles,
        vocabulary=vocabulary,
    )


def _figures(claims: pa.Table, rows: pa.Array) -> pa.Array:
    """Each claim's quantity as a code: equal figures, open ends and unit, equal codes."""
    parts = [
        pc.take(_whole(claims[name]), rows).cast(pa.string())
        for name in (
            "quantity_low",
            "quantity_high",
            "quantity_low_open",
            "quantity_high_open",
            "quantity_unit",
        )
    ]
    joined = pc.binary_join_element_wise(
        *parts, "\x1f", null_handling="replace", null_replacement="\x1e"
    )
    codes = pc.dictionary_encode(joined).indices.cast(pa.int64())
    has = pc.is_valid(pc.take(_whole(claims["quantity_low_open"]), rows))
    return pc.if_else(has, codes, pa.scalar(None, pa.int64()))


def _periods(claims: pa.Table, rows: pa.Array, columns: Columns) -> tuple[pa.Array, pa.Array]:
    """Each claim's first and last possible day, as the checker reads its period."""

    def days(name: str, unbounded: int) -> pa.Array:
        column = pc.take(_whole(claims[name]), rows)
        return pc.fill_null(column.cast(pa.int32()), unbounded)

    has_when = pc.fill_null(pc.take(_whole(claims["has_when"]), rows), False)
    forever = pc.and_(pc.invert(has_when), columns.flag(lambda p: p.timeless))
    start = pc.if_else(
        has_when, days("when_start_earliest", _LOW), days("said_on_start_earliest", _LOW)
    )
    end = pc.if_else(has_when, days("when_end_latest", _HIGH), days("said_on_end_latest", _HIGH))
    return pc.if_else(forever, _LOW, start), pc.if_else(forever, _HIGH, end)


def _clashing(
    claims: pa.Table, rows: pa.Array, rebutted: pa.Array, vocabulary: Vocabulary
) -> pa.Array:
    """The rows (of ``rows``) under a key where a row of another class may meet them."""
    if len(rows) == 0:
        return rows
    columns = _columns(claims, rows, rebutted, vocabulary)
    start, end = _periods(claims, rows, columns)
    made = [
        (number, keys) for number, producer in enumerate(PRODUCERS) for keys in producer(columns)
    ]
    width = max(int(pc.max(columns.subject).as_py() or 0), 0) + 2  # codes -1 .. max
    made = [(number, keys) for number, keys in made if pc.any(keys.where).as_py()]
    key_rows = [_key_rows(number, keys) for number, keys in made]
    if not key_rows:
        return pa.array([], pa.int64())
    row, first, middle, last, cls = (
        pa.concat_arrays([part[i] for part in key_rows]) for i in range(5)
    )
    key = _key(first, middle, last, width)
    # Rows of producers that split their rows in two: matched part against part by key first.
    pivots = {number for number, keys in made if keys.pivot is not None} - {
        number for number, keys in made if keys.pivot is None
    }
    split = [(number in pivots, keys.pivot if number in pivots else False) for number, keys in made]
    kept = _matched(key, key_rows, split)
    row, key, cls = pc.take(row, kept), pc.take(key, kept), pc.take(cls, kept)
    met = _met(_dense(key).cast(pa.int64()), cls, pc.take(start, row), pc.take(end, row))
    return pc.take(rows, pc.unique(pc.take(row, met)))


def _key_rows(number: int, keys: Keys) -> tuple[pa.Array, ...]:
    """One :class:`Keys` as columns: claim row, key (three int64 parts), class."""
    chosen = pc.indices_nonzero(keys.where)

    def read(value: Any) -> pa.Array:
        if isinstance(value, int):
            return pa.repeat(pa.scalar(value, pa.int64()), len(chosen))
        return pc.take(value, chosen).cast(pa.int64())

    # Each producer's keys apart from every other's.
    middle = pc.add(pc.multiply(read(keys.middle), len(PRODUCERS)), number)
    return chosen, read(keys.first), middle, read(keys.last), read(keys.cls)


def _matched(key: pa.Array, key_rows: list[tuple[pa.Array, ...]], split: list[Any]) -> pa.Array:
    """The key rows that may clash, as far as their keys tell (indices).

    A row of a producer that splits its rows in two (see :class:`Keys`) is kept when its key is
    also held by a row of the other part: the rows of the smaller part are looked up among the
    other's keys first, so that only small sets of keys are ever hashed. The other producers'
    rows are all kept.
    """
    free_parts, pivot_parts = [], []
    for (chosen, *_), (sided, pivot) in zip(key_rows, split, strict=True):
        free_parts.append(pa.repeat(pa.scalar(not sided), len(chosen)))
        if isinstance(pivot, bool):
            pivot_parts.append(pa.repeat(pa.scalar(pivot), len(chosen)))
        else:
            pivot_parts.append(pc.take(pivot, chosen))
    free, pivot = pa.concat_arrays(free_parts), pa.concat_arrays(pivot_parts)
    one = pc.and_(pc.invert(free), pivot)
    other = pc.and_(pc.invert(free), pc.invert(pivot))
    other_hit = pc.and_(other, pc.is_in(key, value_set=pc.unique(pc.filter(key, one))))
    one_hit = pc.and_(one, pc.is_in(key, value_set=pc.unique(pc.filter(key, other_hit))))
    return pc.indices_nonzero(pc.or_(free, pc.or_(one_hit, other_hit)))


def _key(first: pa.Array, middle: pa.Array, last: pa.Array, width: int) -> pa.Array:
    """Each key as one int64: equal keys, equal numbers."""
    low = int(pc.min(middle).as_py())
    span = int(pc.max(middle).as_py()) - low + 1
    if (span * width * width).bit_length() < 63:  # packed by arithmetic: no hashing
        shifted = pc.subtract(middle, low)
        return pc.add(
            pc.multiply(pc.add(pc.multiply(shifted, width), pc.add(first, 1)), width),
            pc.add(last, 1),
        )
    # Too many names to pack: numbered through a dictionary, two parts at a time.
    return _pack(_dense(_pack(middle, first)), last)


def _pack(high: pa.Array, low: pa.Array) -> pa.Array:
    """Two integers (``low`` in the int32 range) as one int64: equal pairs, equal numbers."""
    return pc.add(pc.multiply(high.cast(pa.int64()), _SPAN), pc.add(low.cast(pa.int64()), 2**31))


def _dense(values: pa.Array) -> pa.Array:
    """Numbers 0, 1, 2, ... standing for the distinct values (int32)."""
    return pc.dictionary_encode(values).indices


def _met(group: pa.Array, cls: pa.Array, start: pa.Array, end: pa.Array) -> pa.Array:
    """The key rows whose period may meet that of a row of their group of another class.

    Exact for a group of two classes (each row is tested against the other class's rows); in
    a group of three classes or more, against every other row, classes aside (it keeps more).
    """
    stats = (
        pa.table({"group": group, "cls": cls})
        .group_by("group")
        .aggregate([("cls", "min"), ("cls", "max"), ("cls", "count_distinct")])
        .sort_by("group")  # groups are numbered 0, 1, 2, ...: now row ``g`` is group ``g``
    )
    mixed = pc.not_equal(stats["cls_min"], stats["cls_max"])
    inside = pc.indices_nonzero(pc.take(_whole(mixed), group))
    if len(inside) == 0:
        return inside
    group = pc.take(group, inside)
    order = pc.sort_indices(_pack(group, pc.take(start, inside)))
    group, inside = pc.take(group, order), pc.take(inside, order)
    cls, start, end = pc.take(cls, inside), pc.take(start, inside), pc.take(end, inside)
    base = pc.multiply(group, _SPAN)
    start_at = pc.add(start.cast(pa.int64()), 2**31)
    end_at = pc.add(end.cast(pa.int64()), 2**31)
    low_class = pc.equal(cls, pc.take(_whole(stats["cls_min"]), group))
    high_class = pc.invert(low_class)
    two = pc.equal(pc.take(_whole(stats["cls_count_distinct"]), group), 2)
    everyone = pa.repeat(pa.scalar(True), len(group))
    n = len(group)

    def before(among: pa.Array) -> pa.Array:
        # The latest last day of the earlier rows of the group among ``among``, as an offset
        # from the group's base (negative: none).
        values = pc.if_else(among, pc.add(base, end_at), pc.subtract(base, 1))
        running = pc.cumulative_max(values)
        shifted = pa.concat_arrays([pa.array([-1], pa.int64()), running.slice(0, n - 1)])
        return pc.subtract(shifted, base)

    def after(among: pa.Array) -> pa.Array:
        # The earliest first day of the later rows of the group among ``among`` (the span or
        # more past the base: none).
        values = pc.if_else(among, pc.add(base, start_at), pc.add(base, _SPAN))
        running = pc.cumulative_min(values[::-1])[::-1]
        shifted = pa.concat_arrays([running.slice(1), pa.array([2**62], pa.int64())])
        return pc.subtract(shifted, base)

    latest = pc.if_else(
        two, pc.if_else(low_class, before(high_class), before(low_class)), before(everyone)
    )
    earliest = pc.if_else(
        two, pc.if_else(low_class, after(high_class), after(low_class)), after(everyone)
    )
    met = pc.or_(pc.greater_equal(latest, start_at), pc.less_equal(earliest, end_at))
    return pc.filter(inside, met)
