"""The Arrow schema of the table form, version 1: three tables and what each column holds.

:mod:`diplostatements.tables` documents the columns for users; this module is the one place
that declares them, as data that writing, reading and validation all follow (a
:class:`Column` per column, with its Arrow type and what it may hold).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Final

import attrs
import pyarrow as pa

from .actors import ActorKind
from .claims import Modality, Polarity
from .rebuttals import RebuttalKind
from .statements import Channel, QuoteKind, SpeechAct
from .timespans import TimeSpan

__all__ = [
    "ACTORS",
    "AFFILIATIONS",
    "CLAIMS",
    "COLUMNS",
    "ENUM",
    "FORMAT",
    "METADATA",
    "NAMES",
    "OPEN",
    "RELAY",
    "SPAN_ENDS",
    "TARGET",
    "VERSION",
    "Column",
    "bounds_of",
    "span_columns",
    "span_of",
]

FORMAT: Final = "tables"
"""The value of the ``diplostatements.format`` key in every table's schema metadata."""

VERSION: Final = 1
"""The version of the table form this library writes, and the newest it reads."""

NAMES: Final = ("actors", "affiliations", "claims")
"""The three tables, in the order they are read, checked and written."""

ENUM: Final = pa.dictionary(pa.int32(), pa.string())
"""The type of every enum column: the JSON format's lowercase values, dictionary-encoded."""

SPAN_ENDS: Final = ("start_earliest", "start_latest", "end_earliest", "end_latest")
"""The four bounds of a time span, in the order of :class:`~diplostatements.TimeSpan`'s fields."""


OPEN: Final = (date.min, date.min, date.max, date.max)
"""What a null bound stands for, in the order of :data:`SPAN_ENDS`: an unbounded start is
``date.min`` at both of its bounds, an unbounded end ``date.max`` (so ``always`` is four nulls)."""


def span_columns(prefix: str) -> tuple[str, str, str, str]:
    """The four column names of a span (``"when"``: ``when_start_earliest``, ...)."""
    first, second, third, fourth = (f"{prefix}_{end}" for end in SPAN_ENDS)
    return first, second, third, fourth


_MIN: Final = date.min
_MAX: Final = date.max


def bounds_of(span: TimeSpan) -> tuple[date | None, date | None, date | None, date | None]:
    """A span's four bounds as a table holds them: an unbounded one is None (see :data:`OPEN`)."""
    # Written out: this runs once per span of a set, millions of times.
    start_earliest, start_latest = span.start_earliest, span.start_latest
    end_earliest, end_latest = span.end_earliest, span.end_latest
    return (
        None if start_earliest == _MIN else start_earliest,
        None if start_latest == _MIN else start_latest,
        None if end_earliest == _MAX else end_earliest,
        None if end_latest == _MAX else end_latest,
    )


def span_of(bounds: Sequence[date | None]) -> TimeSpan:
    """The span of four bounds as a table holds them (None: unbounded, see :data:`OPEN`)."""
    first, second, third, fourth = (
        opened if bound is None else bound for bound, opened in zip(bounds, OPEN, strict=True)
    )
    return TimeSpan(
        start_earliest=first, start_latest=second, end_earliest=third, end_latest=fourth
    )


class Kind(enum.Enum):
    """What a column holds, beyond its Arrow type: which checks its values get."""

    ID = "id"
    """A non-empty string without white space (an actor id)."""
    TEXT = "text"
    """A string with something other than white space in it."""
    ENUM = "enum"
    """One of the column's ``values``."""
    DATE = "date"
    """A day (``date32``)."""
    FLAG = "flag"
    """true or false."""
    INDEX = "index"
    """A whole number, 0 or more (``int32``)."""
    NUMBER = "number"
    """A finite number (``float64``)."""
    TEXTS = "texts"
    """A list of non-empty strings."""
    RELAYS = "relays"
    """The relays of a statement (a list of :data:`RELAY`)."""
    TARGETS = "targets"
    """The targets of a rebuttal (a list of :data:`TARGET`)."""
    JSON = "json"
    """A nested claim as JSON text, in the file format's encoding."""
    COUNTRY = "country"
    """An ISO 3166-1 alpha-3 code (read in any case, stored upper-case)."""
    WIKIDATA = "wikidata"
    """A Wikidata item id ("Q159")."""
    LANGUAGE = "language"
    """A BCP 47 language tag ("ru", "en-US")."""


@attrs.frozen
class Column:
    """One column of a table.

    Args:
        name: the column's name.
        kind: what it holds (which checks its values get).
        type: its Arrow type in a table this library writes.
        required: the column must be present (an optional column left out reads as all null).
        not_null: every row must hold a value (a null is a problem).
        values: the allowed values of an enum column.
        default: what a null means (and is read as) in an enum or flag column; ``None``: a null
            is "not there".
        level: ``"statement"`` for the claims table's statement columns (the same on every row
            of a statement), ``"claim"`` for its claim columns, ``""`` elsewhere.
        filled: tables this library writes hold a value in every row (the Arrow field is not
            nullable), though a table it reads may leave a null for the default.
    """

    name: str
    kind: Kind
    type: pa.DataType
    required: bool = attrs.field(default=False, kw_only=True)
    not_null: bool = attrs.field(default=False, kw_only=True)
    values: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    default: str | bool | None = attrs.field(default=None, kw_only=True)
    level: str = attrs.field(default="", kw_only=True)
    filled: bool = attrs.field(default=False, kw_only=True)

    @property
    def field(self) -> pa.Field:
        """The column as an Arrow field, as this library writes it."""
        return pa.field(self.name, self.type, nullable=not (self.not_null or self.filled))


def _values(kind: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in kind)


def _span(prefix: str, level: str = "") -> list[Column]:
    return [Column(name, Kind.DATE, pa.date32(), level=level) for name in span_columns(prefix)]


RELAY: Final = pa.struct(
    [
        pa.field("via", pa.string()),
        pa.field("kind", ENUM),
        *(pa.field(name, pa.date32()) for name in span_columns("on")),
        pa.field("has_on", pa.bool_()),
    ]
)
"""One hop of a statement's relays: who passed it on, how, and when (``has_on`` false: no date;
true with four nulls: always)."""

TARGET: Final = pa.struct(
    [
        pa.field("statement_id", pa.string()),
        pa.field("claim", pa.int32()),
        pa.field("content", pa.int32()),
    ]
)
"""One target of a rebuttal: a statement id, a claim index (null: the whole statement), and how
deep into that claim's nested content it points (null or 0: the claim itself; a table without
the field reads as 0)."""

_ACTORS: Final = [
    Column("id", Kind.ID, pa.string(), required=True, not_null=True),
    Column("name", Kind.TEXT, pa.string(), required=True, not_null=True),
    Column("kind", Kind.ENUM, ENUM, required=True, not_null=True, values=_values(ActorKind)),
    Column("country", Kind.COUNTRY, pa.string()),
    Column("aliases", Kind.TEXTS, pa.list_(pa.string())),
    Column("wikidata", Kind.WIKIDATA, pa.string()),
]

_AFFILIATIONS: Final = [
    Column("member", Kind.ID, pa.string(), required=True, not_null=True),
    Column("organization", Kind.ID, pa.string(), required=True, not_null=True),
    Column("role", Kind.TEXT, pa.string()),
    *_span("span"),
    Column("speaks_for", Kind.FLAG, pa.bool_(), default=False, filled=True),
    # true: the row is a PartOf link (member: the part, organization: the whole), not an
    # affiliation; it has no role and does not speak for the whole
    Column("part_of", Kind.FLAG, pa.bool_(), default=False, filled=True),
]

_STATEMENT = "statement"
_CLAIM = "claim"

_CLAIMS: Final = [
    # the statement: the same on each of its rows
    Column("statement_id", Kind.TEXT, pa.string(), required=True, not_null=True, level=_STATEMENT),
    # null: "rebuttal" on a row with targets or a rebuttal kind, else "statement"
    Column(
        "type", Kind.ENUM, ENUM, values=("statement", "rebuttal"), level=_STATEMENT, filled=True
    ),
    Column("speaker", Kind.TEXT, pa.string(), required=True, not_null=True, level=_STATEMENT),
    *(
        Column(name, Kind.DATE, pa.date32(), required=True, level=_STATEMENT)
        for name in span_columns("said_on")
    ),
    Column("on_behalf_of", Kind.TEXT, pa.string(), level=_STATEMENT),
    Column(
        "channel",
        Kind.ENUM,
        ENUM,
        values=_values(Channel),
        default=Channel.UNSPECIFIED.value,
        level=_STATEMENT,
        filled=True,
    ),
    # null: "assert" on a statement, the act of its kind on a rebuttal
    Column("act", Kind.ENUM, ENUM, values=_values(SpeechAct), level=_STATEMENT, filled=True),
    Column("text", Kind.TEXT, pa.string(), level=_STATEMENT),
    Column(
        "quote",
        Kind.ENUM,
        ENUM,
        values=_values(QuoteKind),
        default=QuoteKind.UNSPECIFIED.value,
        level=_STATEMENT,
        filled=True,
    ),
    Column("relays", Kind.RELAYS, pa.list_(RELAY), level=_STATEMENT),
    Column("source_publisher", Kind.TEXT, pa.string(), level=_STATEMENT),
    Column("source_title", Kind.TEXT, pa.string(), level=_STATEMENT),
    Column("source_url", Kind.TEXT, pa.string(), level=_STATEMENT),
    Column("source_published", Kind.DATE, pa.date32(), level=_STATEMENT),
    Column("language", Kind.LANGUAGE, pa.string(), level=_STATEMENT),
    # a rebuttal's own fields: null on a plain statement
    Column("targets", Kind.TARGETS, pa.list_(TARGET), level=_STATEMENT),
    Column("rebuttal_kind", Kind.ENUM, ENUM, values=_values(RebuttalKind), level=_STATEMENT),
    Column(
        "rebuttal_modality",
        Kind.ENUM,
        ENUM,
        values=_values(Modality),
        default=Modality.CERTAIN.value,
        level=_STATEMENT,
    ),
    # a joint statement's other signatories (null or empty: none)
    Column("cosigners", Kind.TEXTS, pa.list_(pa.string()), level=_STATEMENT),
    # the claim: null on the one row of a statement without claims
    Column("claim_index", Kind.INDEX, pa.int32(), level=_CLAIM),
    Column("subject", Kind.TEXT, pa.string(), level=_CLAIM),
    Column("predicate", Kind.TEXT, pa.string(), level=_CLAIM),
    Column("object", Kind.TEXT, pa.string(), level=_CLAIM),
    Column(
        "polarity",
        Kind.ENUM,
        ENUM,
        values=_values(Polarity),
        default=Polarity.AFFIRMED.value,
        level=_CLAIM,
    ),
    Column(
        "modality",
        Kind.ENUM,
        ENUM,
        values=_values(Modality),
        default=Modality.CERTAIN.value,
        level=_CLAIM,
    ),
    Column("has_quantity", Kind.FLAG, pa.bool_(), level=_CLAIM),
    Column("quantity_low", Kind.NUMBER, pa.float64(), level=_CLAIM),
    Column("quantity_high", Kind.NUMBER, pa.float64(), level=_CLAIM),
    Column("quantity_unit", Kind.TEXT, pa.string(), level=_CLAIM),
    Column("quantity_text", Kind.TEXT, pa.string(), level=_CLAIM),
    Column("quantity_low_open", Kind.FLAG, pa.bool_(), default=False, level=_CLAIM),
    Column("quantity_high_open", Kind.FLAG, pa.bool_(), default=False, level=_CLAIM),
    Column("has_when", Kind.FLAG, pa.bool_(), level=_CLAIM),
    *_span("when", _CLAIM),
    Column("where", Kind.TEXT, pa.string(), level=_CLAIM),
    Column("qualifiers", Kind.TEXTS, pa.list_(pa.string()), level=_CLAIM),
    Column("content", Kind.JSON, pa.string(), level=_CLAIM),
]

COLUMNS: Final[Mapping[str, tuple[Column, ...]]] = {
    "actors": tuple(_ACTORS),
    "affiliations": tuple(_AFFILIATIONS),
    "claims": tuple(_CLAIMS),
}
"""Each table's columns, in order."""


def _metadata(table: str) -> dict[bytes, bytes]:
    return {
        b"diplostatements.format": FORMAT.encode(),
        b"diplostatements.version": str(VERSION).encode(),
        b"diplostatements.table": table.encode(),
    }


METADATA: Final[Mapping[str, Mapping[bytes, bytes]]] = {name: _metadata(name) for name in NAMES}
"""Each table's schema metadata: the format, its version, and which table it is."""


def _schema(name: str) -> pa.Schema:
    return pa.schema([column.field for column in COLUMNS[name]], metadata=METADATA[name])


ACTORS: Final = _schema("actors")
"""The schema of the actors table."""
AFFILIATIONS: Final = _schema("affiliations")
"""The schema of the affiliations table."""
CLAIMS: Final = _schema("claims")
"""The schema of the claims table."""
