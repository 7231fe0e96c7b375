"""The rows stage's way in from a claims table: only the rows that can be in a finding.

A set's tables (:mod:`diplostatements.tables`, version 1 of the table form) hold one row per
top-level claim. Most claims can clash with nothing: their proposition is never denied, their
figures never disputed, their exclusive key never given a second object. :func:`candidates`
finds, with Arrow compute and no Python loop over rows, the keys that can hold a clash, exactly
as the gathering stage keys them (proposition, functional, inverse-functional and contrary keys,
what affirmed claims imply, the negation each contradicting rebuttal implies of its targets), and
keeps:

- the claims under such a key, unless the key holds exactly two claims whose periods cannot
  overlap;
- every rebuttal, and the statements it targets (for DENIAL, disputes and retractions);
- every actor and affiliation (sides and names).

Only the statements of those rows are built as model objects (with ``tables.from_arrow``); the
checker then runs on them as on any set. A finding is a pair of assertions, decided by those two
alone, so the kept set yields the same report as the whole one: the filter keeps more than it
must (any key that may hold a clash), never less.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from .. import tables as table_form
from ..collection import StatementSet
from ..exceptions import FieldError
from ..vocabulary import Vocabulary
from ._profiles import Profile, profile_of
from ._tables_more import attribution_statements, part_statements

__all__ = ["candidates"]

_LOW, _HIGH = -(2**31), 2**31 - 1
"""An unbounded end of a period, as a day number (a null date)."""
_SEP = "\x1f"
"""Between the parts of a key made one string (a character no name holds)."""
_PROPOSITION, _EXCLUSIVE, _CONTRARY = "p", "x", "c"


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
    kept = attrs.evolve(
        tables, claims=claims.filter(_keep(claims, vocabulary, tables.actors, tables.affiliations))
    )
    return table_form.from_arrow(kept)


def _same(value: str | bool, n: int) -> pa.Array:
    """``n`` copies of one value, made by Arrow (not a Python list of ``n`` items)."""
    kind = pa.string() if isinstance(value, str) else pa.bool_()
    return pa.repeat(pa.scalar(value, kind), n)


def _strings(column: Any) -> pa.ChunkedArray:
    """A column as plain strings (enum columns are dictionary-encoded)."""
    return column.cast(pa.string()) if pa.types.is_dictionary(column.type) else column


def _days(column: Any, unbounded: int) -> pa.ChunkedArray:
    return pc.fill_null(column.cast(pa.int32()), unbounded)


def _keep(
    claims: pa.Table, vocabulary: Vocabulary, actors: pa.Table, affiliations: pa.Table
) -> pa.ChunkedArray:
    """Which rows of a claims table to keep (a boolean column)."""
    statement = claims["statement_id"]
    rebuttal = pc.equal(_strings(claims["type"]), "rebuttal")
    targets = pc.list_flatten(pc.filter(claims["targets"], rebuttal))
    target_ids = pc.unique(pc.struct_field(targets, "statement_id"))
    rebutted = pc.is_in(statement, value_set=target_ids)
    has_claim = pc.is_valid(claims["predicate"])
    keys = _key_rows(claims, pc.and_(has_claim, rebutted), vocabulary)
    rows = _clashing_rows(keys)
    # Whole statements: a finding holds the statement with all its claims.
    chosen = pc.unique(pc.take(statement, rows))
    # The rules that look beyond a claim's keys (ATTRIBUTION, parts) keep their statements too.
    more = [
        attribution_statements(claims, actors, vocabulary).cast(chosen.type),
        part_statements(claims, affiliations, vocabulary).cast(chosen.type),
    ]
    chosen = pa.chunked_array([chosen, target_ids.cast(chosen.type), *more])
    return pc.or_(pc.or_(rebuttal, rebutted), pc.is_in(statement, value_set=pc.unique(chosen)))


def _key_rows(claims: pa.Table, rebutted: pa.ChunkedArray, vocabulary: Vocabulary) -> pa.Table:
    """One row per (claim, key it goes under), for every kind of key the checker uses."""
    n = claims.num_rows
    subject, obj = _strings(claims["subject"]), _strings(claims["object"])
    predicate = _strings(claims["predicate"])
    affirmed = pc.fill_null(pc.equal(_strings(claims["polarity"]), "affirmed"), False)
    counted = pc.fill_null(pc.is_valid(claims["quantity_low_open"]), False)
    names = [name for name in pc.unique(predicate).to_pylist() if name is not None]
    profiles = {name: profile_of(vocabulary, name) for name in names}
    timeless = [name for name, p in profiles.items() if p is not None and p.timeless]
    start, end = _periods(claims, predicate, timeless)
    row = pa.array(range(n), pa.int64())
    parts: list[pa.Table] = []

    def add(mask: Any, kind: str, key: tuple[Any, Any, Any], other: Any, **flags: Any) -> None:
        chosen = pc.filter(row, mask)
        if len(chosen) == 0:
            return

        def pick(value: Any) -> Any:
            if isinstance(value, str):
                return _same(value, len(chosen))
            return pc.take(value, chosen)

        k1, k2, k3 = key
        joined = pc.binary_join_element_wise(
            kind, pick(k1), pick(k2), pc.fill_null(pick(k3), ""), _SEP
        )
        parts.append(
            pa.table(
                {
                    "key": joined,
                    "kind": _same(kind, len(chosen)),
                    "row": chosen,
                    "affirmed": pick(flags.get("affirmed", affirmed)),
                    "negated": pick(flags.get("negated", pc.invert(affirmed))),
                    "counted": pc.cast(pick(flags.get("counted", counted)), pa.int32()),
                    "other": pc.fill_null(pick(other), ""),
                    "start": pick(start),
                    "end": pick(end),
                }
            )
        )

    yes, no = _same(True, n), _same(False, n)
    for name in names:
        profile = profiles[name]
        mine = pc.equal(predicate, name)
        first, second = _oriented(subject, obj, symmetric=profile is not None and profile.symmetric)
        add(mine, _PROPOSITION, (first, name, second), "")
        # The negation a contradicting rebuttal implies of a target claim: the other polarity.
        add(
            pc.and_(mine, rebutted),
            _PROPOSITION,
            (first, name, second),
            "",
            affirmed=pc.invert(affirmed),
            negated=affirmed,
            counted=pc.and_(counted, pc.invert(affirmed)),
        )
        if profile is None:
            continue
        # Affirmed claims imply, and so do the affirmed negations of negated targets.
        stated = pc.and_(mine, pc.or_(affirmed, rebutted))
        for implied_name, implied in _implied(profile, vocabulary):
            for s, o in _orientations(subject, obj, profile, implied):
                one, two = _oriented(s, o, symmetric=implied.symmetric)
                # An implied claim is affirmed, whatever the polarity of the row it comes from
                # (a rebuttal's negation of a negated target implies, affirmed).
                add(
                    stated,
                    _PROPOSITION,
                    (one, implied_name, two),
                    "",
                    affirmed=yes,
                    negated=no,
                    counted=no,
                )
                _exclusive(add, stated, implied_name, implied, (s, o))
                _contrary(add, stated, implied_name, implied, (s, o), vocabulary=vocabulary)
        for s, o in _orientations(subject, obj, profile, profile):
            _exclusive(add, stated, name, profile, (s, o))
            _contrary(add, stated, name, profile, (s, o), vocabulary=vocabulary)
    if not parts:
        return pa.table({"key": pa.array([], pa.string())})
    return pa.concat_tables(parts)


def _exclusive(add: Any, mask: Any, name: str, profile: Profile, claim: tuple[Any, Any]) -> None:
    """Key rows for the functional and inverse-functional keys of affirmed claims."""
    s, o = claim
    with_object = pc.and_(mask, pc.is_valid(o))
    yes, no = _same(True, len(mask)), _same(False, len(mask))
    if profile.functional:
        add(
            with_object,
            _EXCLUSIVE,
            (name + _SEP + "f", s, s),
            o,
            affirmed=yes,
            negated=no,
            counted=no,
        )
    if profile.inverse_functional:
        add(
            with_object,
            _EXCLUSIVE,
            (name + _SEP + "i", o, o),
            s,
            affirmed=yes,
            negated=no,
            counted=no,
        )


def _contrary(
    add: Any,
    mask: Any,
    name: str,
    profile: Profile,
    claim: tuple[Any, Any],
    *,
    vocabulary: Vocabulary,
) -> None:
    """Key rows for the contrary pairs an affirmed claim may be one side of."""
    s, o = claim
    if not profile.contrary:
        return
    for other in sorted(vocabulary.contraries(name)):
        pair = _SEP.join(sorted((name, other)))
        # Both orientations go under both keys: a symmetric claim stands for its mirror too, so
        # two readings of one pair meet whichever way either was stated.
        for one, two in ((s, o), (o, s)):
            add(
                pc.and_(mask, pc.is_valid(two)),
                _CONTRARY,
                (one, pair, two),
                name,
                affirmed=_same(True, len(mask)),
                negated=_same(False, len(mask)),
                counted=_same(False, len(mask)),
            )


def _implied(profile: Profile, vocabulary: Vocabulary) -> Iterator[tuple[str, Profile]]:
    for chain in profile.chains:
        implied = profile_of(vocabulary, chain[-1])
        assert implied is not None  # a vocabulary implies only what it holds
        yield chain[-1], implied


def _orientations(
    subject: Any, obj: Any, profile: Profile, implied: Profile
) -> list[tuple[Any, Any]]:
    """A claim's orientations: both for a symmetric predicate (it stands for its mirror)."""
    if profile.symmetric or implied.symmetric:
        return [(subject, obj), (pc.coalesce(obj, subject), subject)]
    return [(subject, obj)]


def _oriented(subject: Any, obj: Any, *, symmetric: bool) -> tuple[Any, Any]:
    """Subject and object as a key holds them: sorted for a symmetric predicate."""
    if not symmetric:
        return subject, obj
    swap = pc.fill_null(pc.less(obj, subject), False)
    return pc.if_else(swap, obj, subject), pc.if_else(swap, subject, obj)


def _periods(
    claims: pa.Table, predicate: pa.ChunkedArray, timeless: list[str]
) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
    """Each claim's first and last possible day, as the checker reads its period."""
    has_when = pc.fill_null(claims["has_when"], False)
    timeless_names = pa.array(timeless, pa.string())
    forever = pc.and_(pc.invert(has_when), pc.is_in(predicate, value_set=timeless_names))
    start = pc.if_else(
        has_when,
        _days(claims["when_start_earliest"], _LOW),
        _days(claims["said_on_start_earliest"], _LOW),
    )
    end = pc.if_else(
        has_when,
        _days(claims["when_end_latest"], _HIGH),
        _days(claims["said_on_end_latest"], _HIGH),
    )
    return pc.if_else(forever, _LOW, start), pc.if_else(forever, _HIGH, end)


def _clashing_rows(keys: pa.Table) -> pa.Array:
    """The rows under a key that may hold a clash (with repeats)."""
    if keys.num_rows == 0:
        return pa.array([], pa.int64())
    groups = keys.group_by("key").aggregate(
        [
            ("row", "count_distinct"),
            ("kind", "min"),
            ("affirmed", "any"),
            ("negated", "any"),
            ("counted", "sum"),
            ("other", "count_distinct"),
            ("start", "max"),
            ("end", "min"),
        ]
    )
    proposition = pc.equal(groups["kind_min"], _PROPOSITION)
    may_clash = pc.if_else(
        proposition,
        pc.or_(
            pc.and_(groups["affirmed_any"], groups["negated_any"]),
            pc.greater_equal(groups["counted_sum"], 2),
        ),
        pc.greater_equal(groups["other_count_distinct"], 2),
    )
    # Two claims whose periods cannot meet never clash; with more, keep the key.
    apart = pc.and_(
        pc.equal(groups["row_count_distinct"], 2),
        pc.greater(groups["start_max"], groups["end_min"]),
    )
    kept = pc.filter(groups["key"], pc.and_(may_clash, pc.invert(apart)))
    return pc.filter(keys["row"], pc.is_in(keys["key"], value_set=kept))
