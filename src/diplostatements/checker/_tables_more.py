"""What the table path keeps for the rules that look beyond a claim's own keys.

:mod:`~diplostatements.checker._tables` keeps the rows whose keys may hold a clash. Content an
attributive claim conveys ("Russia informed us that X") is not a row of its own: it meets the
assertions of the side it is attributed to (ATTRIBUTION). Any such clash needs a claim with the
content's subject or object as its own subject or object (every rule compares claims that share
their subject, their object, or both, in one orientation or the other), so the statements of those
claims are kept, with the statements that attribute the content. That keeps more than it must, never
less.

Likewise a distributive claim about a part is lifted to the part's wholes (PartOf links, held in
the affiliations table as rows with ``part_of`` true). A lifted claim meets claims about the whole
(as subject or, for a symmetric predicate, object) or, for an inverse-functional predicate, claims
of that predicate, stated or implied: so the statements of the claims of distributive predicates
(and of those implying one) are kept, and of every claim whose subject or object is a whole.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .._tables_content import parse_content
from ..vocabulary import Vocabulary

__all__ = ["attribution_statements", "part_statements"]


def attribution_statements(claims: pa.Table, actors: pa.Table, vocabulary: Vocabulary) -> pa.Array:
    """The ids of the statements that an ATTRIBUTION finding may hold (with repeats).

    Args:
        claims: a claims table in the normal form (``tables.validate``).
        actors: its actors table (content names an actor by an alias as well as by its id).
        vocabulary: which predicates are attributive.
    """
    names = [name for name, predicate in vocabulary.items() if predicate.attributive]
    statement = claims["statement_id"]
    if not names or claims.num_rows == 0:
        return pa.array([], statement.type)
    predicate = _strings(claims["predicate"])
    affirmed = pc.fill_null(pc.equal(_strings(claims["polarity"]), "affirmed"), False)
    telling = pc.and_(
        pc.and_(pc.is_in(predicate, value_set=pa.array(names, pa.string())), affirmed),
        pc.is_valid(claims["content"]),
    )
    contents = pc.filter(claims["content"], telling).to_pylist()
    if not contents:
        return pa.array([], statement.type)
    aliases = _aliases(actors)
    entities: set[str] = set()
    for text in contents:
        content = parse_content(text)
        for name in (content.subject, content.object):
            if name is not None:
                entities.add(name)
                entities.add(aliases.get(name, name))
    value_set = pa.array(sorted(entities), pa.string())
    sharing = pc.or_(
        pc.fill_null(pc.is_in(_strings(claims["subject"]), value_set=value_set), False),
        pc.fill_null(pc.is_in(_strings(claims["object"]), value_set=value_set), False),
    )
    return pc.filter(statement, pc.or_(telling, sharing)).combine_chunks()


def _aliases(actors: pa.Table) -> dict[str, str]:
    """Alias -> actor id."""
    if actors.num_rows == 0 or "aliases" not in actors.column_names:
        return {}
    found: dict[str, str] = {}
    for ident, names in zip(actors["id"].to_pylist(), actors["aliases"].to_pylist(), strict=True):
        for name in names or ():
            found[name] = ident
    return found


def _strings(column: Any) -> pa.ChunkedArray:
    """A column as plain strings (enum columns are dictionary-encoded)."""
    return column.cast(pa.string()) if pa.types.is_dictionary(column.type) else column


def part_statements(claims: pa.Table, affiliations: pa.Table, vocabulary: Vocabulary) -> pa.Array:
    """The ids of the statements a finding through part-of links may hold (with repeats).

    Args:
        claims: a claims table in the normal form (``tables.validate``).
        affiliations: its affiliations table, part-of links among them.
        vocabulary: which predicates are distributive.
    """
    statement = claims["statement_id"]
    if "part_of" not in affiliations.column_names or affiliations.num_rows == 0:
        return pa.array([], statement.type)
    links = pc.fill_null(affiliations["part_of"], False)
    wholes = pc.unique(pc.filter(_strings(affiliations["organization"]), links))
    if len(wholes) == 0:
        return pa.array([], statement.type)
    lifting = [
        name
        for name, predicate in vocabulary.items()
        if any(
            vocabulary[chain[-1]].distributive
            for chain in ((name,), *vocabulary.implications(name))
        )
    ]
    predicate = _strings(claims["predicate"])
    kept = pc.or_(
        pc.fill_null(pc.is_in(predicate, value_set=pa.array(lifting, pa.string())), False),
        pc.or_(
            pc.fill_null(pc.is_in(_strings(claims["subject"]), value_set=wholes), False),
            pc.fill_null(pc.is_in(_strings(claims["object"]), value_set=wholes), False),
        ),
    )
    return pc.filter(statement, kept).combine_chunks()
