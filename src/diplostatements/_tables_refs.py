"""References between the tables, and the normal form of tables that passed every check.

Actor references are resolved as :class:`~diplostatements.StatementSet` resolves them: an
affiliation names actors by id; a speaker, an ``on_behalf_of`` and a relay's ``via`` may use an
alias (case-insensitive) and are stored as the actor's id; a claim's subject or object that is an
id or alias of an actor is stored as its id, and anything else stays a plain entity name, nested
content included. Each check looks at the distinct values of a column, never row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from ._problems import FileFieldError
from ._tables_check import Sheet
from ._tables_content import parse_content
from ._tables_found import Found
from ._tables_schema import COLUMNS, ENUM, METADATA, NAMES, RELAY, Kind, span_columns
from ._tables_statements import statement_types
from ._tables_write import RELAY_KINDS, coded_relays, content_json
from ._validation import close_matches
from .claims import Claim, Modality
from .exceptions import DiplostatementsError, UnknownReferenceError
from .rebuttals import RebuttalKind

__all__ = ["Actors", "normal_tables", "resolve"]


@attrs.frozen
class Actors:
    """The actor ids of the actors table and their aliases, as a set resolves them.

    Args:
        ids: every actor id.
        aliases: each alias, casefolded, and the id of its actor.
        names: every id and alias as spelled, for "did you mean" suggestions.
    """

    ids: frozenset[str]
    aliases: Mapping[str, str]
    names: tuple[str, ...]

    @classmethod
    def of(cls, sheet: Sheet) -> Actors:
        """The actors of a checked actors table (its ids and aliases clash nowhere)."""
        ids = sheet.columns["id"].to_pylist()
        aliases: dict[str, str] = {}
        spelled = list(ids)
        listed = sheet.columns["aliases"]
        rows = pc.indices_nonzero(pc.fill_null(pc.greater(pc.list_value_length(listed), 0), False))
        for row, names in zip(rows.to_pylist(), listed.take(rows).to_pylist(), strict=True):
            for name in names:
                aliases[name.casefold()] = ids[row]
                spelled.append(name)
        return cls(frozenset(ids), aliases, tuple(spelled))

    @property
    def aliased(self) -> bool:
        """Whether any actor has an alias."""
        return bool(self.aliases)

    def owner(self, name: str) -> str | None:
        """The id of the actor with this id or alias, if any (as ``Resolver.owner_of``)."""
        if name in self.ids:
            return name
        return self.aliases.get(name.casefold())

    def unknown(self, path: str, name: str) -> UnknownReferenceError:
        """The error for a name that is no actor's id or alias."""
        return UnknownReferenceError(path, name, "actor", close_matches(name, self.names))


def _whole(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _mapped(values: pa.Array, mapping: Mapping[str, str]) -> pa.Array:
    """The string column with each value that is a key of ``mapping`` replaced."""
    if not mapping:
        return values
    encoded = pc.dictionary_encode(values)
    words = [mapping.get(word, word) for word in encoded.dictionary.to_pylist()]
    return pa.array(words, pa.string()).take(encoded.indices)


def _references(
    sheet: Sheet,
    name: str,
    values: pa.Array,
    actors: Actors,
    found: Found,
    *,
    aliases: bool,
    path: Callable[[int], str] | None = None,
) -> dict[str, str]:
    """Check that each value names an actor; the aliases among them -> the actors' ids."""
    distinct = [word for word in pc.unique(values).to_pylist() if word is not None]
    rewrite: dict[str, str] = {}
    unknown: list[str] = []
    aliased: list[str] = []
    for word in distinct:
        owner = actors.owner(word)
        if owner is None:
            unknown.append(word)
        elif owner != word:
            if aliases:
                rewrite[word] = owner
            else:
                aliased.append(word)
    where = path or (lambda row: sheet.path(row, name))

    def missing(row: int, value: Any) -> DiplostatementsError:
        return actors.unknown(where(row), value)

    def alias(row: int, value: Any) -> DiplostatementsError:
        owner = actors.owner(value)
        return FileFieldError(where(row), f"the actor's id {owner!r}, not an alias", value)

    for words, problem in ((unknown, missing), (aliased, alias)):
        if words:
            bad = pc.is_in(values, value_set=pa.array(words, pa.string()))
            found.rows(sheet.position, sheet.order(name), bad, problem, values)
            sheet.sound = False
    return rewrite


def _resolved(claim: Claim, actors: Actors) -> Claim:
    changes: dict[str, Any] = {}
    for field in ("subject", "object"):
        name = getattr(claim, field)
        owner = None if name is None else actors.owner(name)
        if owner is not None and owner != name:
            changes[field] = owner
    if claim.content is not None:
        content = _resolved(claim.content, actors)
        if content is not claim.content:
            changes["content"] = content
    return attrs.evolve(claim, **changes) if changes else claim


def resolve(sheets: list[Sheet], found: Found) -> None:
    """Check the references between the tables; resolve aliases in the claims table's columns."""
    actor_sheet, affiliations, claims = sheets
    actors = Actors.of(actor_sheet)
    for name in ("member", "organization"):
        values = _whole(affiliations.columns[name])
        _references(affiliations, name, values, actors, found, aliases=False)
    for name in ("speaker", "on_behalf_of"):
        values = _whole(claims.columns[name])
        rewrite = _references(claims, name, values, actors, found, aliases=True)
        claims.columns[name] = _mapped(values, rewrite)
    _relays(claims, actors, found)
    _cosigners(claims, actors, found)
    if not actors.aliased:
        return
    for name in ("subject", "object"):
        values = _whole(claims.columns[name])
        distinct = [word for word in pc.unique(values).to_pylist() if word is not None]
        rewrite = {}
        for word in distinct:
            owner = actors.owner(word)
            if owner is not None and owner != word:
                rewrite[word] = owner
        claims.columns[name] = _mapped(values, rewrite)
    _contents(claims, actors)


def _relays(sheet: Sheet, actors: Actors, found: Found) -> None:
    listed = _whole(sheet.columns["relays"])
    relays = pc.list_flatten(listed)
    if not len(relays):
        return
    via = pc.struct_field(relays, ["via"])
    parents = pc.list_parent_indices(listed)
    start = listed.offsets[0].as_py()

    def where(item: int) -> str:
        row = parents[item].as_py()
        index = item - (listed.offsets[row].as_py() - start)
        return f"{sheet.path(row, 'relays')}[{index}].via"

    rewrite = _references(sheet, "relays", via, actors, found, aliases=True, path=where)
    if rewrite:
        fields = [pc.struct_field(relays, [index]) for index in range(RELAY.num_fields)]
        fields[0] = _mapped(via, rewrite)
        rebuilt = pa.StructArray.from_arrays(fields, fields=list(RELAY))
        sheet.columns["relays"] = pa.ListArray.from_arrays(
            pc.subtract(listed.offsets, start), rebuilt, mask=listed.is_null()
        )


def _cosigners(sheet: Sheet, actors: Actors, found: Found) -> None:
    """A joint statement's cosigners: known actors (aliases stored as ids), none named twice."""
    listed = _whole(sheet.columns["cosigners"])
    names = pc.list_flatten(listed)
    if not len(names):
        return
    parents = pc.list_parent_indices(listed)
    start = listed.offsets[0].as_py()

    def where(item: int) -> str:
        row = parents[item].as_py()
        index = item - (listed.offsets[row].as_py() - start)
        return f"{sheet.path(row, 'cosigners')}[{index}]"

    rewrite = _references(sheet, "cosigners", names, actors, found, aliases=True, path=where)
    if rewrite:
        listed = pa.ListArray.from_arrays(
            pc.subtract(listed.offsets, start), _mapped(names, rewrite), mask=listed.is_null()
        )
        sheet.columns["cosigners"] = listed
    # Joint statements are few: their rows are read in Python.
    rows = pc.indices_nonzero(pc.fill_null(pc.greater(pc.list_value_length(listed), 0), False))
    speakers = _whole(sheet.columns["speaker"]).take(rows).to_pylist()
    place = sheet.order("cosigners")
    for row, speaker, cosigners in zip(
        rows.to_pylist(), speakers, listed.take(rows).to_pylist(), strict=True
    ):
        seen = {speaker}
        for index, name in enumerate(cosigners):
            if name in seen:
                found.add(
                    (sheet.position, row, place),
                    FileFieldError(
                        f"{sheet.path(row, 'cosigners')}[{index}]",
                        "a signatory not already named (the speaker or a cosigner)",
                        name,
                    ),
                )
                sheet.sound = False
            seen.add(name)


def _contents(sheet: Sheet, actors: Actors) -> None:
    values = _whole(sheet.columns["content"])
    rows = pc.indices_nonzero(pc.is_valid(values))
    if not len(rows):
        return
    texts = values.to_pylist()
    changed = False
    for row in rows.to_pylist():
        claim = parse_content(texts[row])
        resolved = _resolved(claim, actors)
        if resolved is not claim:
            texts[row] = content_json(resolved)
            changed = True
    if changed:
        sheet.columns["content"] = pa.array(texts, pa.string())


# --- the normal form ------------------------------------------------------------------------

_ACTS: Final = {kind.value: kind.act.value for kind in RebuttalKind}


def _enum(values: Any) -> pa.Array | pa.ChunkedArray:
    return pc.dictionary_encode(values).cast(ENUM)


def _filled(values: Any, default: Any) -> Any:
    return pc.fill_null(values, default) if values.null_count else values


def _filled_enum(values: Any, default: Any) -> Any:
    if not values.null_count:
        return values
    return _enum(pc.fill_null(values.cast(pa.string()), default))


def _on_claims(values: Any, claimed: Any, default: Any) -> Any:
    """An enum column with its nulls on claim rows read as ``default`` (claimless rows stay)."""
    if not pc.any(pc.and_(claimed, pc.is_null(values))).as_py():
        return values
    text = values.cast(pa.string())
    return _enum(pc.if_else(claimed, pc.fill_null(text, default), text))


def _normal_statements(columns: dict[str, Any], types: Any) -> None:
    """Statement columns: the type, channel, quote and act, and a rebuttal's modality."""
    rebuttal = pc.equal(types, "rebuttal")
    if columns["type"].null_count:
        columns["type"] = _enum(types)
    columns["channel"] = _filled_enum(columns["channel"], "unspecified")
    columns["quote"] = _filled_enum(columns["quote"], "unspecified")
    if columns["act"].null_count:
        kinds = _whole(pc.fill_null(columns["rebuttal_kind"].cast(pa.string()), "denial"))
        acts = pc.if_else(rebuttal, _mapped(kinds, _ACTS), pa.scalar("assert"))
        given = columns["act"].cast(pa.string())
        columns["act"] = _enum(pc.if_else(pc.is_null(given), acts, given))
    columns["rebuttal_modality"] = _on_claims(
        columns["rebuttal_modality"], rebuttal, Modality.CERTAIN.value
    )
    columns["relays"] = _normal_relays(columns["relays"])


def _inferred(columns: dict[str, Any], flag: str, parts: tuple[str, ...], claimed: Any) -> Any:
    """A has_ flag of claim rows, a null read as whether any of its parts is set."""
    given = columns[flag]
    if not pc.any(pc.and_(claimed, pc.is_null(given))).as_py():
        return given
    anything = pc.fill_null(pa.nulls(len(given), pa.bool_()), False)
    for part in parts:
        column = columns[part]
        held = pc.fill_null(column, False) if column.type == pa.bool_() else pc.is_valid(column)
        anything = pc.or_(anything, held)
    inferred = pc.if_else(pc.is_null(given), anything, given)
    return pc.if_else(claimed, inferred, pa.scalar(None, pa.bool_()))


_QUANTITY_PARTS: Final = (
    "quantity_low",
    "quantity_high",
    "quantity_unit",
    "quantity_text",
    "quantity_low_open",
    "quantity_high_open",
)


def _normal_claims(columns: dict[str, Any]) -> None:
    """Claim columns of claim rows: polarity, modality, the has_ flags, open ends, qualifiers."""
    claimed = pc.is_valid(columns["claim_index"])
    columns["polarity"] = _on_claims(columns["polarity"], claimed, "affirmed")
    columns["modality"] = _on_claims(columns["modality"], claimed, "certain")
    columns["has_when"] = _inferred(columns, "has_when", span_columns("when"), claimed)
    columns["has_quantity"] = _inferred(columns, "has_quantity", _QUANTITY_PARTS, claimed)
    has = pc.fill_null(columns["has_quantity"], False)
    for flag in ("quantity_low_open", "quantity_high_open"):
        given = columns[flag]
        if pc.any(pc.and_(has, pc.is_null(given))).as_py():
            columns[flag] = pc.if_else(has, pc.fill_null(given, False), given)
    qualifiers = columns["qualifiers"]
    missing = pc.and_(claimed, pc.is_null(qualifiers))
    if pc.any(missing).as_py():
        columns["qualifiers"] = pc.if_else(missing, pa.array([[]], qualifiers.type)[0], qualifiers)


RELAY_LIST: Final = pa.list_(RELAY)


def _normal_relays(values: Any) -> Any:
    listed = _whole(values)
    if listed.null_count:
        listed = pc.fill_null(listed, pa.array([[]], RELAY_LIST)[0])
    relays = pc.list_flatten(listed)
    has = pc.struct_field(relays, ["has_on"])
    kind = pc.struct_field(relays, ["kind"])
    if has.null_count:
        bounds = [pc.struct_field(relays, [name]) for name in span_columns("on")]
        dated = pc.is_valid(bounds[0])
        for bound in bounds[1:]:
            dated = pc.or_(dated, pc.is_valid(bound))
        fields = [pc.struct_field(relays, [index]) for index in range(RELAY.num_fields)]
        fields[-1] = pc.if_else(pc.is_null(has), dated, has)
        rebuilt = pa.StructArray.from_arrays(fields, fields=list(RELAY))
        offsets = pc.subtract(listed.offsets, listed.offsets[0])
        listed = pa.ListArray.from_arrays(offsets, rebuilt)
    elif kind.dictionary.equals(RELAY_KINDS):
        return listed
    return coded_relays(listed, kind.cast(pa.string()))


def _canonical(values: Any, dictionary: pa.Array) -> Any:
    """An enum column coded by ``dictionary`` (all the enum's values, in order)."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    if all(chunk.type == ENUM and chunk.dictionary.equals(dictionary) for chunk in chunks):
        return values
    codes = pc.index_in(_whole(values.cast(pa.string())), value_set=dictionary).cast(pa.int32())
    return pa.DictionaryArray.from_arrays(codes, dictionary)


_DICTIONARIES: Final = {
    column.name: pa.array(column.values, pa.string())
    for columns in COLUMNS.values()
    for column in columns
    if column.kind is Kind.ENUM
}


def normal_tables(sheets: list[Sheet]) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The three tables in the normal form: every column, its type, defaults filled in.

    Enum columns are coded by the enum's values in their order, as :func:`to_arrow` codes them,
    so that equal tables are equal column for column.
    """
    actors, affiliations, claims = sheets
    actors.columns["country"] = pc.utf8_upper(actors.columns["country"])
    aliases = actors.columns["aliases"]
    if aliases.null_count:
        actors.columns["aliases"] = pc.fill_null(aliases, pa.array([[]], aliases.type)[0])
    affiliations.columns["speaks_for"] = _filled(affiliations.columns["speaks_for"], False)
    affiliations.columns["part_of"] = _filled(affiliations.columns["part_of"], False)
    _normal_statements(claims.columns, statement_types(claims))
    _normal_claims(claims.columns)
    for sheet in sheets:
        for name in sheet.columns:
            if name in _DICTIONARIES:
                sheet.columns[name] = _canonical(sheet.columns[name], _DICTIONARIES[name])
    tables = []
    for name, sheet in zip(NAMES, sheets, strict=True):
        schema = pa.schema([column.field for column in COLUMNS[name]], metadata=METADATA[name])
        arrays = [_chunked(sheet.columns[column.name]) for column in COLUMNS[name]]
        tables.append(pa.Table.from_arrays(arrays, schema=schema))
    first, second, third = tables
    return first, second, third


def _chunked(values: Any) -> pa.ChunkedArray:
    return values if isinstance(values, pa.ChunkedArray) else pa.chunked_array([values])
