"""Records read in one pass: each field checked as the schema and the model check it, no more.

The JSON reader (:data:`DECODER`) gives every object as a tuple of its ``(key, value)`` pairs,
so that a repeated key is seen (a dict would keep the last one silently) and an object is never
mistaken for a list. :func:`record` turns such a record into its item in a single pass: each
field is tested for the common case first (a string that is a string, a known enum value, a
one-day date), the item is made without running the model's validators again, and a one-day
span is shared by every record of the same day.

Whatever is not plainly right (a missing or unknown field, a wrong type, a value the model
refuses, a repeated key) makes :func:`record` return ``None``; the caller then reads the record
again the careful way (:func:`~diplostatements._converter.structure_item`), which words every
problem with its path. So a record is accepted here exactly when the careful way accepts it,
and the item made is equal to the one it makes; ``tests/property/test_io_laws.py`` holds both to
that. Quantities, relays and sources (rare) and time spans other than a day are made by their
own constructors or readers.
"""

# ruff: noqa: PLR0911, PLR0912, PLR0915 -- a reader returns None at the first field not plainly right

from __future__ import annotations

import enum
import json
import math
import re
from collections.abc import Callable, Collection, Mapping
from datetime import date
from typing import Any, Final, TypeVar

from ._converter import MAX_DEPTH, MAX_NUMBER, BadValueError, structure_span
from ._validation import EMPTY, is_text
from .actors import COUNTRY_CODES, Actor, ActorKind, Affiliation
from .claims import Claim, Modality, Polarity
from .exceptions import FieldError
from .parts import PartOf
from .quantities import Quantity
from .rebuttals import MAX_CONTENT, ClaimRef, Rebuttal, RebuttalKind
from .statements import Channel, QuoteKind, Relay, Source, SpeechAct, Statement
from .timespans import TimeSpan

__all__ = ["DECODER", "Reader", "as_json", "read_integer"]

_LONGEST_NUMBER: Final = 40


def read_integer(text: str) -> int | float:
    """An integer from JSON; one too long for ``int()`` becomes infinity.

    Validation then reports it with its path, where ``int()`` would fail with a message that
    names no place in the file.
    """
    return int(text) if len(text) <= _LONGEST_NUMBER else math.inf


DECODER: Final = json.JSONDecoder(object_pairs_hook=tuple, parse_int=read_integer)
"""Reads objects as tuples of pairs (see the module's docstring)."""


def as_json(value: object) -> object:
    """A value read by :data:`DECODER` as the careful reader reads it: objects as dicts.

    An object with a repeated key becomes a :class:`~diplostatements._reading.Repeated`.
    """
    from ._reading import json_object  # noqa: PLC0415 -- _reading imports this module

    if type(value) is tuple:
        return json_object([(key, as_json(item)) for key, item in value])
    if type(value) is list:
        return [as_json(item) for item in value]
    return value


def _setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[object, object], None], ...]:
    """Each slot's own setter, found along the class's MRO (a frozen class refuses __setattr__)."""
    found = []
    for name in names:
        owner = next(klass for klass in cls.__mro__ if name in vars(klass))
        found.append(vars(owner)[name].__set__)
    return tuple(found)


_new = object.__new__
_ACTOR = _setters(Actor, ("id", "name", "kind", "country", "aliases", "wikidata"))
_LINK = _setters(Affiliation, ("member", "organization", "role", "span", "speaks_for"))
_SPAN = _setters(TimeSpan, ("start_earliest", "start_latest", "end_earliest", "end_latest"))
_CLAIM_FIELDS: Final = (
    "subject",
    "predicate",
    "object",
    "content",
    "polarity",
    "modality",
    "quantity",
    "when",
    "where",
    "qualifiers",
)
_CLAIM = _setters(Claim, _CLAIM_FIELDS)
_STATEMENT_FIELDS: Final = (
    "id",
    "speaker",
    "said_on",
    "claims",
    "on_behalf_of",
    "channel",
    "act",
    "text",
    "quote",
    "relays",
    "source",
    "language",
    "cosigners",
)
_STATEMENT = _setters(Statement, _STATEMENT_FIELDS)
_REBUTTAL = _setters(Rebuttal, (*_STATEMENT_FIELDS, "targets", "kind", "modality"))

_KINDS: Final = {kind.value: kind for kind in ActorKind}
_POLARITIES: Final = {member.value: member for member in Polarity}
_MODALITIES: Final = {member.value: member for member in Modality}
_CHANNELS: Final = {member.value: member for member in Channel}
_ACTS: Final = {member.value: member for member in SpeechAct}
_QUOTES: Final = {member.value: member for member in QuoteKind}
_REBUTTAL_KINDS: Final = {member.value: member for member in RebuttalKind}
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_WIKIDATA: Final = re.compile(r"Q[1-9][0-9]*")
_LANGUAGE: Final = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")

_ACTOR_KEYS: Final = frozenset({"type", "id", "name", "kind", "country", "aliases", "wikidata"})
_LINK_KEYS: Final = frozenset({"type", "member", "organization", "role", "span", "speaks_for"})
_PART_OF_KEYS: Final = frozenset({"type", "part", "whole", "span"})
_CLAIM_KEYS: Final = frozenset(_CLAIM_FIELDS)
_STATEMENT_KEYS: Final = frozenset({"type", *_STATEMENT_FIELDS})
_REBUTTAL_KEYS: Final = frozenset({*_STATEMENT_KEYS, "targets", "kind", "modality"})
_MISSING: Final = object()
_NONE: Final[list[Any]] = []  # an absent list, never changed
E = TypeVar("E", bound=enum.Enum)


def _text(value: object) -> bool:
    """A string with something other than white space in it, and no lone surrogate."""
    return type(value) is str and value.strip() != "" and (value.isascii() or is_text(value))


def _slug(value: object) -> bool:
    """An actor id: a string without white space, and no lone surrogate."""
    return type(value) is str and value.split() == [value] and is_text(value)


def _member(table: Mapping[str, E], value: object) -> E | None:
    """The enum member a file names by its value (only a string can name one)."""
    return table.get(value) if type(value) is str else None


def _optional_text(value: object) -> bool:
    return value is None or _text(value)


class Reader:
    """Reads the records of one file: it holds the spans shared by the records of a day."""

    __slots__ = ("_days",)

    def __init__(self) -> None:
        self._days: dict[str, TimeSpan] = {}

    def record(
        self, pairs: object, kinds: Collection[str], default: str | None = None
    ) -> Actor | Affiliation | Statement | PartOf | None:
        """The item a record read by :data:`DECODER` holds, or None to read it carefully.

        Args:
            pairs: the record.
            kinds: the record types allowed here (``"actor"``, ``"statement"``, ...).
            default: the record type of a record without ``"type"`` (a document's section).
        """
        if type(pairs) is not tuple:
            return None
        fields = dict(pairs)
        if len(fields) != len(pairs):
            return None
        tag = fields.get("type", default)
        if type(tag) is not str or tag not in kinds:
            return None
        if tag == "statement":
            return self._statement(fields, _STATEMENT_KEYS, _STATEMENT)
        if tag == "rebuttal":
            return self._statement(fields, _REBUTTAL_KEYS, _REBUTTAL)
        if tag == "actor":
            return _actor(fields)
        if tag == "affiliation":
            return self._affiliation(fields)
        if tag == "part_of":
            return self._part_of(fields)
        return None

    def content(self, pairs: object) -> Claim | None:
        """The claim a statement's claim holds as content, or None to read it carefully."""
        return self._claim(pairs, 1)

    def _day(self, value: object) -> TimeSpan | None:
        """A span from its JSON: a day (shared), or any other form read by its own reader."""
        if type(value) is str:
            span = self._days.get(value)
            if span is None:
                if not _DATE.fullmatch(value):
                    return None
                try:
                    day = date.fromisoformat(value)
                except ValueError:
                    return None
                span = _new(TimeSpan)
                for setter in _SPAN:
                    setter(span, day)
                self._days[value] = span
            return span
        if type(value) is not tuple:
            return None
        fields = dict(value)
        if len(fields) != len(value):
            return None
        try:
            return structure_span(fields)
        except (BadValueError, FieldError):
            return None

    def _affiliation(self, fields: dict[str, Any]) -> Affiliation | None:
        if not fields.keys() <= _LINK_KEYS:
            return None
        member = fields.get("member")
        organization = fields.get("organization")
        role = fields.get("role")
        raw_span = fields.get("span", _MISSING)
        speaks_for = fields.get("speaks_for", False)
        if not (_slug(member) and _slug(organization) and member != organization):
            return None
        if not _optional_text(role) or type(speaks_for) is not bool:
            return None
        span = TimeSpan.always() if raw_span is _MISSING else self._day(raw_span)
        if span is None:
            return None
        link = _new(Affiliation)
        for setter, value in zip(
            _LINK, (member, organization, role, span, speaks_for), strict=True
        ):
            setter(link, value)
        return link

    def _part_of(self, fields: dict[str, Any]) -> PartOf | None:
        if not fields.keys() <= _PART_OF_KEYS:
            return None
        part, whole = fields.get("part"), fields.get("whole")
        if not (_slug(part) and _slug(whole) and part != whole):
            return None
        assert isinstance(part, str)
        assert isinstance(whole, str)
        raw_span = fields.get("span", _MISSING)
        span = TimeSpan.always() if raw_span is _MISSING else self._day(raw_span)
        if span is None:
            return None
        return PartOf(part, whole, span=span)  # rare: made by its constructor

    def _claim(self, pairs: object, depth: int) -> Claim | None:
        # depth: how deep in content the claim is (0 for a statement's own claims).
        if type(pairs) is not tuple or depth > MAX_DEPTH:
            return None
        fields = dict(pairs)
        if len(fields) != len(pairs) or not fields.keys() <= _CLAIM_KEYS:
            return None
        subject = fields.get("subject")
        predicate = fields.get("predicate")
        obj = fields.get("object")
        if not (_text(subject) and _text(predicate) and _optional_text(obj)):
            return None
        content = fields.get("content")
        if content is not None:
            content = self._claim(content, depth + 1)
            if content is None:
                return None
        polarity = _member(_POLARITIES, fields.get("polarity", "affirmed"))
        modality = _member(_MODALITIES, fields.get("modality", "certain"))
        if polarity is None or modality is None:
            return None
        quantity = fields.get("quantity")
        if quantity is not None:
            quantity = _quantity(quantity)
            if quantity is None:
                return None
        when = fields.get("when")
        if when is not None:
            when = self._day(when)
            if when is None:
                return None
        where = fields.get("where")
        if not _optional_text(where):
            return None
        qualifiers = _strings(fields.get("qualifiers", EMPTY))
        if qualifiers is None:
            return None
        claim = _new(Claim)
        # One call per slot, written out: a loop over them costs a fifth of reading a claim.
        set_subject, set_predicate, set_object, set_content, set_polarity = _CLAIM[:5]
        set_modality, set_quantity, set_when, set_where, set_qualifiers = _CLAIM[5:]
        set_subject(claim, subject)
        set_predicate(claim, predicate)
        set_object(claim, obj)
        set_content(claim, content)
        set_polarity(claim, polarity)
        set_modality(claim, modality)
        set_quantity(claim, quantity)
        set_when(claim, when)
        set_where(claim, where)
        set_qualifiers(claim, qualifiers)
        return claim

    def _statement(
        self,
        fields: dict[str, Any],
        keys: frozenset[str],
        setters: tuple[Callable[[object, object], None], ...],
    ) -> Statement | None:
        if not fields.keys() <= keys:
            return None
        ident = fields.get("id")
        speaker = fields.get("speaker")
        if not (_text(ident) and _text(speaker)):
            return None
        said_on = self._day(fields.get("said_on"))
        if said_on is None:
            return None
        raw_claims = fields.get("claims", _NONE)
        if type(raw_claims) is not list:
            return None
        claims = []
        for raw in raw_claims:
            claim = self._claim(raw, 0)
            if claim is None:
                return None
            claims.append(claim)
        cosigners: tuple[str, ...] = ()
        raw_cosigners = fields.get("cosigners")
        if raw_cosigners is not None:
            if type(raw_cosigners) is not list or not all(_text(item) for item in raw_cosigners):
                return None
            cosigners = tuple(raw_cosigners)
            if speaker in cosigners or len(set(cosigners)) != len(cosigners):
                return None
        behalf = fields.get("on_behalf_of")
        text = fields.get("text")
        language = fields.get("language")
        if not (_optional_text(behalf) and _optional_text(text)):
            return None
        if language is not None and not (type(language) is str and _LANGUAGE.fullmatch(language)):
            return None
        channel = _member(_CHANNELS, fields.get("channel", "unspecified"))
        quote = _member(_QUOTES, fields.get("quote", "unspecified"))
        if channel is None or quote is None:
            return None
        relays: tuple[Relay, ...] = ()
        source = None
        if "relays" in fields or "source" in fields:
            made = _relays_and_source(fields)
            if made is None:
                return None
            relays, source = made
        rebuttal = setters is _REBUTTAL
        extra: tuple[object, ...] = ()
        if rebuttal:
            made_extra = _rebuttal_fields(fields)
            if made_extra is None:
                return None
            kind, targets, modality = made_extra
            extra = (targets, kind, modality)
            default_act = kind.act
        else:
            default_act = SpeechAct.ASSERT
        act = _member(_ACTS, fields["act"]) if "act" in fields else default_act
        if act is None:
            return None
        statement = _new(Rebuttal if rebuttal else Statement)
        set_id, set_speaker, set_said_on, set_claims, set_behalf, set_channel = setters[:6]
        set_act, set_text, set_quote, set_relays, set_source, set_language = setters[6:12]
        set_cosigners = setters[12]
        set_id(statement, ident)
        set_speaker(statement, speaker)
        set_said_on(statement, said_on)
        set_claims(statement, tuple(claims))
        set_behalf(statement, behalf)
        set_channel(statement, channel)
        set_act(statement, act)
        set_text(statement, text)
        set_quote(statement, quote)
        set_relays(statement, relays)
        set_source(statement, source)
        set_language(statement, language)
        set_cosigners(statement, cosigners)
        for setter, value in zip(setters[13:], extra, strict=True):
            setter(statement, value)
        return statement


def _actor(fields: dict[str, Any]) -> Actor | None:
    if not fields.keys() <= _ACTOR_KEYS:
        return None
    ident = fields.get("id")
    name = fields.get("name")
    kind = _member(_KINDS, fields.get("kind"))
    if not (_slug(ident) and _text(name)) or kind is None:
        return None
    country = fields.get("country")
    if country is not None:
        if type(country) is not str or country.upper() not in COUNTRY_CODES:
            return None
        country = country.upper()
    wikidata = fields.get("wikidata")
    if wikidata is not None and not (type(wikidata) is str and _WIKIDATA.fullmatch(wikidata)):
        return None
    aliases = _strings(fields.get("aliases", EMPTY))
    if aliases is None:
        return None
    actor = _new(Actor)
    for setter, value in zip(_ACTOR, (ident, name, kind, country, aliases, wikidata), strict=True):
        setter(actor, value)
    return actor


def _strings(value: object) -> frozenset[str] | None:
    """A set of non-empty strings from a JSON list (the shared empty set for an empty one)."""
    if value is EMPTY:
        return EMPTY
    if type(value) is not list:
        return None
    if not all(_text(item) for item in value):
        return None
    return frozenset(value) if value else EMPTY


def _quantity(pairs: object) -> Quantity | None:
    # Rare, and its rules are the model's own: made by its constructor.
    if type(pairs) is not tuple:
        return None
    fields = dict(pairs)
    if len(fields) != len(pairs) or not fields.keys() <= _QUANTITY_KEYS:
        return None
    if "low" not in fields or "high" not in fields:
        return None
    low, high = fields["low"], fields["high"]
    if not (_end(low) and _end(high)):
        return None
    unit, text = fields.get("unit"), fields.get("text")
    low_open, high_open = fields.get("low_open", False), fields.get("high_open", False)
    if not (_optional_text(unit) and _optional_text(text)):
        return None
    if type(low_open) is not bool or type(high_open) is not bool:
        return None
    try:
        return Quantity(low, high, unit=unit, text=text, low_open=low_open, high_open=high_open)
    except FieldError:
        return None


_QUANTITY_KEYS: Final = frozenset({"low", "high", "unit", "text", "low_open", "high_open"})


def _end(value: object) -> bool:
    """A quantity's end as the careful reader takes one: null or a finite, not too large number."""
    if value is None:
        return True
    if type(value) is not int and type(value) is not float:
        return False
    return math.isfinite(value) and abs(value) <= MAX_NUMBER


def _relays_and_source(fields: dict[str, Any]) -> tuple[tuple[Relay, ...], Source | None] | None:
    # Rare: read the careful way, whose readers these are.
    from ._converter import converter  # noqa: PLC0415 -- only for the rare record with them

    raw_relays = fields.get("relays", [])
    raw_source = fields.get("source")
    if type(raw_relays) is not list or _repeats(raw_relays) or _repeats(raw_source):
        return None
    try:
        relays = tuple(converter.structure(as_json(raw), Relay) for raw in raw_relays)
        source = None if raw_source is None else converter.structure(as_json(raw_source), Source)
    except _CAREFUL_ERRORS:
        return None
    return relays, source


def _repeats(value: object) -> bool:
    """Whether an object anywhere in the value repeats a key."""
    if type(value) is tuple:
        return len(dict(value)) != len(value) or any(_repeats(item) for _, item in value)
    return type(value) is list and any(_repeats(item) for item in value)


def _rebuttal_fields(
    fields: dict[str, Any],
) -> tuple[RebuttalKind, tuple[str | ClaimRef, ...], Modality] | None:
    kind = _member(_REBUTTAL_KINDS, fields.get("kind"))
    modality = _member(_MODALITIES, fields.get("modality", "certain"))
    raw_targets = fields.get("targets")
    if kind is None or modality is None or type(raw_targets) is not list or not raw_targets:
        return None
    targets: list[str | ClaimRef] = []
    for raw in raw_targets:
        if type(raw) is str:
            if not _text(raw):
                return None
            targets.append(raw)
            continue
        reference = _claim_ref(raw)
        if reference is None:
            return None
        targets.append(reference)
    return kind, tuple(targets), modality


def _claim_ref(pairs: object) -> ClaimRef | None:
    if type(pairs) is not tuple:
        return None
    fields = dict(pairs)
    if len(fields) != len(pairs) or not fields.keys() <= {"statement_id", "claim", "content"}:
        return None
    ident, index = fields.get("statement_id"), fields.get("claim", 0)
    depth = fields.get("content", 0)
    if type(ident) is not str or not _text(ident):
        return None
    if type(index) is not int or not 0 <= index <= MAX_NUMBER:
        return None
    if type(depth) is not int or not 0 <= depth <= MAX_CONTENT:
        return None
    return ClaimRef(ident, index, content=depth)


def _careful_errors() -> tuple[type[Exception], ...]:
    from cattrs.errors import BaseValidationError  # noqa: PLC0415

    from .exceptions import DiplostatementsError  # noqa: PLC0415

    return (BadValueError, BaseValidationError, DiplostatementsError)


_CAREFUL_ERRORS: Final = _careful_errors()
