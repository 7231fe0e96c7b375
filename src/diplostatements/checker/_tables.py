"""The rows stage's way in from a claims table: only the rows that can be in a finding.

A set's tables (:mod:`diplostatements.tables`, version 1 of the table form) hold one row per
top-level claim. Most claims can clash with nothing: their proposition is never denied, their
figures never disputed, their exclusive key never given a second object, or the claims that
share their key are about other periods. :func:`candidates` finds, with Arrow compute and no
Python loop over rows, the rows that can be in a finding, and keeps:

- each claim under a key (as the gathering stage keys claims, made by the producers of
  :mod:`~diplostatements.checker._table_keys`) that holds a claim of another class (the other
  polarity, another object, ...) whose period may meet its own;
- each claim conveying content the checker compares (attributed, or denied through a
  reference into content) whose content is under such a key: the content is keyed as a row of
  its own (:func:`~diplostatements.checker._tables_more.content_rows`, a Python loop over
  those claims alone);
- the claims a part-of link may lift to a whole, and those about a whole;
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
from typing import Any, NamedTuple

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from .. import tables as table_form
from .._tables_read import build
from .._tables_statements import arange
from ..collection import StatementSet
from ..exceptions import FieldError
from ..vocabulary import Vocabulary
from ._notes import Used
from ._table_keys import PRODUCERS, Columns, Keys, predicates
from ._tables_more import content_rows, names_used, part_rows

__all__ = ["candidates"]

_LOW, _HIGH = -(2**31), 2**31 - 1
"""An unbounded end of a period, as a day number (a null date)."""
_PACKED_BITS = 62
"""The widest key packed by arithmetic (an int64, kept clear of its sign)."""
_SPAN = 2**32
"""Apart in a packed number: a group's number times this, plus a day number made non-negative."""


def candidates(source: object, vocabulary: Vocabulary) -> tuple[StatementSet, Used]:
    """The set of the rows of a set's tables (or a Parquet set) that can be in a finding.

    Args:
        source: a ``diplostatements.tables.Tables`` value, or the path of a Parquet set.
        vocabulary: what the predicates mean.

    Returns:
        That set, and the names every claim of the tables uses (for the report's notes, which
        speak of the whole set).

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
    del source  # as read: from here the normal form stands for it
    claims = tables.claims
    used = names_used(claims, tables.actors)
    chosen = keep(claims, vocabulary, tables.actors, tables.affiliations)
    kept = attrs.evolve(tables, claims=claims.filter(chosen))
    del tables, claims, chosen
    # The whole claims table is let go (unless the caller holds it): its memory goes back to
    # the system rather than staying with Arrow's allocator, where the objects about to be
    # built could not use it.
    pa.default_memory_pool().release_unused()
    # Checked already, as a whole: the kept rows are whole statements, with every actor,
    # affiliation and rebuttal target, so they make a valid set without checking again.
    return build(kept._all(), kept.labels, kept.source), used


def keep(
    claims: pa.Table, vocabulary: Vocabulary, actors: pa.Table, affiliations: pa.Table
) -> pa.Array:
    """Which rows of a claims table in the normal form to keep (a boolean column).

    The actors table resolves aliases in nested content; the affiliations table holds the
    PartOf links that lift claims about parts.
    """
    statement = _whole(claims["statement_id"])
    rebuttal = _is(claims["type"], "rebuttal")
    targets = pc.list_flatten(pc.filter(_whole(claims["targets"]), rebuttal))
    target_ids = pc.unique(pc.struct_field(targets, "statement_id"))
    rebutted = pc.is_in(statement, value_set=target_ids)
    claimed = pc.is_valid(claims["predicate"])
    rows = _key_rows(claims, pc.and_(_whole(claimed), rebutted), vocabulary, actors)
    lifted = part_rows(rows.subject, rows.object, rows.predicate, affiliations, vocabulary)
    origin, start, end = rows.origin, rows.start, rows.end
    columns = _columns(rows, vocabulary)
    # Each stage's columns are let go as soon as the next has read them: at a million claims
    # the names as strings, the producers' keys and their parts are each tens of megabytes.
    del rows
    keyed = _keyed(columns)
    del columns
    found = _clashing(keyed, start, end)
    if lifted is not None:
        found = pa.concat_arrays([found, pc.indices_nonzero(lifted).cast(found.type)])
    # Whole statements: a finding holds the statement with all its claims.
    chosen = pc.take(statement, pc.take(origin, found))
    chosen = pc.unique(pa.concat_arrays([chosen, target_ids.cast(chosen.type)]))
    return pc.or_(pc.or_(rebuttal, rebutted), pc.is_in(statement, value_set=chosen))


class _KeyRows(NamedTuple):
    """What the key producers read: a row per claim of the table, then a row per content row.

    Names and predicates are strings (null on a row without a claim); a period is two day
    numbers (``_LOW``/``_HIGH``: unbounded); ``origin`` is the claims table's row each key row
    stands for (its own, or the row conveying the content).
    """

    subject: pa.Array
    object: pa.Array
    predicate: pa.Array
    affirmed: pa.Array
    rebutted: pa.Array
    low: pa.Array
    high: pa.Array
    low_open: pa.Array
    high_open: pa.Array
    unit: pa.Array
    start: pa.Array
    end: pa.Array
    origin: pa.Array


def _key_rows(
    claims: pa.Table, rebutted: pa.Array, vocabulary: Vocabulary, actors: pa.Table
) -> _KeyRows:
    """The claims table's key rows, and those of the content the checker compares."""
    predicate = _strings(claims["predicate"])
    start, end = _periods(claims, predicate, vocabulary)
    own = _KeyRows(
        subject=_strings(claims["subject"]),
        object=_strings(claims["object"]),
        predicate=predicate,
        affirmed=_is(claims["polarity"], "affirmed"),
        rebutted=rebutted,
        low=_whole(claims["quantity_low"]),
        high=_whole(claims["quantity_high"]),
        low_open=_whole(claims["quantity_low_open"]),
        high_open=_whole(claims["quantity_high_open"]),
        unit=_strings(claims["quantity_unit"]),
        start=start,
        end=end,
        origin=arange(claims.num_rows),
    )
    content = content_rows(
        _whole(claims["content"]),
        predicate,
        own.affirmed,
        rebutted,
        periods=(start, end),
        actors=actors,
        vocabulary=vocabulary,
    )
    if not content.origin:
        return own
    more = _KeyRows(
        subject=pa.array(content.subject, pa.string()),
        object=pa.array(content.object, pa.string()),
        predicate=pa.array(content.predicate, pa.string()),
        affirmed=pa.array(content.affirmed, pa.bool_()),
        rebutted=pa.array(content.rebutted, pa.bool_()),
        low=pa.array(content.low, pa.float64()),
        high=pa.array(content.high, pa.float64()),
        low_open=pa.array(content.low_open, pa.bool_()),
        high_open=pa.array(content.high_open, pa.bool_()),
        unit=pa.array(content.unit, pa.string()),
        start=pc.fill_null(pa.array(content.start, pa.int32()), _LOW),
        end=pc.fill_null(pa.array(content.end, pa.int32()), _HIGH),
        origin=pa.array(content.origin, pa.int32()),
    )
    # Joined a column at a time, each of the table's let go once joined: so no more than one
    # column is held twice.
    columns: list[pa.Array | None] = list(own)
    del own, predicate, start, end, content
    joined = []
    for number, theirs in enumerate(more):
        mine = columns[number]
        assert mine is not None  # each is taken once
        columns[number] = None
        joined.append(pa.concat_arrays([mine, theirs.cast(mine.type)]))
        del mine
    return _KeyRows(*joined)


def _whole(column: Any) -> pa.Array:
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def _strings(column: Any) -> pa.Array:
    """A column as plain strings (enum columns are dictionary-encoded)."""
    column = _whole(column)
    return column.cast(pa.string()) if pa.types.is_dictionary(column.type) else column


def _is(column: Any, word: str) -> pa.Array:
    """Whether each value of an enum column is ``word`` (null: false), read on its codes.

    In the normal form an enum column is dictionary-encoded; each chunk has its dictionary.
    """
    if isinstance(column, pa.ChunkedArray):
        chunks = [_is(chunk, word) for chunk in column.chunks]
        return pa.concat_arrays(chunks) if chunks else pa.array([], pa.bool_())
    code = pc.index(column.dictionary, word).as_py()
    return pc.fill_null(pc.equal(column.indices, code), False)


def _columns(rows: _KeyRows, vocabulary: Vocabulary) -> Columns:
    """The key producers' view of the key rows (a claimless row's predicate is null)."""
    # Each name coded in one pass over the names (subjects and objects through one dictionary):
    # a code is the name's place among the names, in the order of first use.
    count = len(rows.subject)
    entities = pc.dictionary_encode(pa.concat_arrays([rows.subject, rows.object])).indices
    predicate = pc.dictionary_encode(rows.predicate)
    names = predicate.dictionary
    codes, profiles = predicates(names.to_pylist(), vocabulary)
    return Columns(
        subject=entities.slice(0, count),
        object=pc.fill_null(entities.slice(count), -1),
        predicate=predicate.indices,
        affirmed=rows.affirmed,
        rebutted=rows.rebutted,
        quantity=_figures(rows),
        low=rows.low,
        high=rows.high,
        open_end=pc.or_(rows.low_open, rows.high_open),
        codes=codes,
        seen=frozenset(names.to_pylist()),
        profiles=profiles,
        vocabulary=vocabulary,
        cache={},
    )


def _figures(rows: _KeyRows) -> pa.Array:
    """Each row's quantity as a code: equal figures, open ends and unit, equal codes."""
    has = pc.is_valid(rows.low_open)
    counted = pc.indices_nonzero(has)
    parts = [
        pc.take(column, counted).cast(pa.string())
        for column in (rows.low, rows.high, rows.low_open, rows.high_open, rows.unit)
    ]
    joined = pc.binary_join_element_wise(
        *parts, "\x1f", null_handling="replace", null_replacement="\x1e"
    )
    codes = pc.dictionary_encode(joined).indices
    return pc.replace_with_mask(pa.nulls(len(has), pa.int32()), has, codes)


def _periods(
    claims: pa.Table, predicate: pa.Array, vocabulary: Vocabulary
) -> tuple[pa.Array, pa.Array]:
    """Each claim's first and last possible day, as the checker reads its period."""

    def days(name: str, unbounded: int) -> pa.Array:
        return pc.fill_null(_whole(claims[name]).cast(pa.int32()), unbounded)

    timeless = [name for name, meaning in vocabulary.items() if meaning.timeless]
    has_when = pc.fill_null(_whole(claims["has_when"]), False)
    forever = pc.and_(
        pc.invert(has_when),
        pc.fill_null(pc.is_in(predicate, value_set=pa.array(timeless, pa.string())), False),
    )
    start = pc.if_else(
        has_when, days("when_start_earliest", _LOW), days("said_on_start_earliest", _LOW)
    )
    end = pc.if_else(has_when, days("when_end_latest", _HIGH), days("said_on_end_latest", _HIGH))
    return pc.if_else(forever, _LOW, start), pc.if_else(forever, _HIGH, end)


class _Keyed(NamedTuple):
    """Every key row that may clash as far as keys tell: its row, key (int64), class (int32)."""

    row: pa.Array
    key: pa.Array
    cls: pa.Array


def _keyed(columns: Columns) -> _Keyed | None:
    """The producers' key rows, matched part against part where a producer splits them."""
    made = [
        (number, keys)
        for number, producer in enumerate(PRODUCERS)
        for keys in producer(columns)
        if pc.any(keys.where).as_py()
    ]
    if not made:
        return None
    parts = _parts(columns, made)
    del made
    found: list[_Part] = []
    for number in sorted({part.number for part in parts}):
        mine = [part for part in parts if part.number == number]
        # A producer that splits its rows in two: matched part against part by key first.
        found += _matched(mine) if all(part.pivot is not None for part in mine) else mine
    del parts, mine
    return _Keyed(
        pa.concat_arrays([part.rows for part in found]),
        pa.concat_arrays([part.key for part in found]),
        pa.concat_arrays([part.cls for part in found]),
    )


def _clashing(keyed: _Keyed | None, start: pa.Array, end: pa.Array) -> pa.Array:
    """The key rows under a key where a row of another class may meet them (numbers)."""
    if keyed is None:
        return pa.array([], pa.int32())
    row, key, cls = keyed
    met = _met(_dense(key).cast(pa.int64()), cls, pc.take(start, row), pc.take(end, row))
    return pc.unique(pc.take(row, met))


class _Part(NamedTuple):
    """One :class:`Keys` as columns: its claim rows (int32), keys (int64) and classes (int32)."""

    number: int
    rows: pa.Array
    key: pa.Array
    cls: pa.Array
    pivot: pa.Array | None


def _parts(columns: Columns, made: list[tuple[int, Keys]]) -> list[_Part]:
    """Each producer's :class:`Keys` as a :class:`_Part`, every key one int64.

    A key is packed by arithmetic, its middle (small: a predicate's code or a pair's, per
    producer) times the square of the number of names, plus its two ends; with too many names
    for 63 bits, the middle and first end are numbered through one dictionary first.
    """
    width = len(columns.codes)
    offset = 2 * width + 2  # exclusive keys' middles are negative, down to -2 * width - 2
    middles = (offset + width * width + 1) * len(PRODUCERS)
    names = max(int(pc.max(columns.subject).as_py() or 0), 0) + 2  # codes -1 .. max
    packed = (middles * names * names).bit_length() <= _PACKED_BITS
    chosen = [pc.indices_nonzero(keys.where).cast(pa.int32()) for _, keys in made]

    def term(value: Any, at: pa.Array, scale: int, plus: int) -> Any:
        # ``value * scale + plus`` at the rows: an int for a value that is one int for all.
        if isinstance(value, int | bool):
            return int(value) * scale + plus
        taken = pc.take(value, at).cast(pa.int64())
        return pc.add(taken if scale == 1 else pc.multiply(taken, scale), plus)

    def whole(value: Any, at: pa.Array) -> pa.Array:
        if isinstance(value, int):
            return pa.repeat(pa.scalar(value, pa.int64()), len(at))
        return value

    def add(one: Any, other: Any, at: pa.Array) -> pa.Array:
        if isinstance(one, int) and isinstance(other, int):
            return whole(one + other, at)
        return pc.add(one, other) if not isinstance(one, int) else pc.add(other, one)

    count = len(PRODUCERS)
    heads = [
        # The middle (each producer's apart from every other's) and the first end, as one.
        add(
            term(keys.middle, at, count * names, (offset * count + number) * names),
            term(keys.first, at, 1, 1),
            at,
        )
        for (number, keys), at in zip(made, chosen, strict=True)
    ]
    if not packed:
        known = pc.unique(pa.concat_arrays(heads))
        heads = [pc.index_in(one, value_set=known).cast(pa.int64()) for one in heads]
        names = _SPAN
    parts = []
    for (number, keys), at, one in zip(made, chosen, heads, strict=True):
        key = add(pc.multiply(one, names), term(keys.last, at, 1, 1), at)
        pivot = keys.pivot
        if pivot is not None and not isinstance(pivot, bool):
            pivot = pc.take(pivot, at)
        cls = whole(term(keys.cls, at, 1, 0), at).cast(pa.int32())
        parts.append(_Part(number, at, key, cls, pivot))
    return parts


def _matched(parts: list[_Part]) -> list[_Part]:
    """The key rows of one producer that may clash, as far as their keys tell.

    The producer splits its rows in two (see :class:`Keys`); a row is kept when its key is also
    held by a row of the other side. The pivot side's keys are looked up first, then the keys
    of the rows found on the other side, so that only small sets of keys are hashed.
    """

    def side(part: _Part, pivot: bool) -> pa.Array | None:
        if isinstance(part.pivot, bool):
            return None if part.pivot != pivot else pa.repeat(pa.scalar(True), len(part.key))
        assert part.pivot is not None
        return part.pivot if pivot else pc.invert(part.pivot)

    def keys_of(masks: list[pa.Array | None]) -> pa.Array:
        held = [pc.filter(p.key, m) for p, m in zip(parts, masks, strict=True) if m is not None]
        return pc.unique(pa.concat_arrays(held or [pa.array([], pa.int64())]))

    def among(masks: list[pa.Array | None], known: pa.Array) -> list[pa.Array | None]:
        return [
            None if m is None else pc.and_(m, pc.is_in(p.key, value_set=known))
            for p, m in zip(parts, masks, strict=True)
        ]

    ones = [side(part, True) for part in parts]
    others = among([side(part, False) for part in parts], keys_of(ones))
    ones = among(ones, keys_of(others))
    found = []
    for part, one, other in zip(parts, ones, others, strict=True):
        # Each part has a row on one side at least (a side of None holds none of its rows).
        hit = one if other is None else other if one is None else pc.or_(one, other)
        assert hit is not None
        rows, key, cls = (pc.filter(column, hit) for column in (part.rows, part.key, part.cls))
        found.append(part._replace(rows=rows, key=key, cls=cls))
    return found


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
