"""Statements: who said it, when, through which channel, and how it reached us.

A :class:`Statement` is one utterance — a tweet, a briefing answer, a communiqué — with the
:class:`~diplostatements.Claim` values it puts forward. Its speaker is an actor id; who it commits
(a spokesman speaks for his state) is resolved by the :class:`~diplostatements.StatementSet` from
speaks-for affiliations, or given outright with ``on_behalf_of``.

>>> from datetime import date
>>> from diplostatements import Claim, Statement, Channel
>>> tweet = Statement(
...     "trump-2019-06-03", "trump", date(2019, 6, 3),
...     [Claim("RUS", "informed", "USA")], channel=Channel.TWEET,
... )
>>> tweet.said_on
TimeSpan.on(2019-06-03)
>>> tweet.claims[0].predicate
'informed'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Literal, TypeAlias

import attrs

from ._hints import hinted, span_hint
from ._validation import (
    Checks,
    check_text,
    enum_of,
    is_text,
    non_empty_str,
    of_type,
    optional_non_empty_str,
    path_of,
    plain_text,
    run_checks,
    to_enum,
    to_tuple,
    tuple_of,
)
from .actors import Actor, actor_id
from .claims import Claim
from .exceptions import FieldError
from .timespans import TimeSpan

__all__ = [
    "Channel",
    "ChannelValue",
    "QuoteKind",
    "QuoteKindValue",
    "Relay",
    "RelayKind",
    "RelayKindValue",
    "Source",
    "SpeechAct",
    "SpeechActValue",
    "Statement",
]


class Channel(enum.Enum):
    """The medium a statement was made through."""

    TWEET = "tweet"
    """A post on Twitter/X."""
    SOCIAL_MEDIA = "social_media"
    """A post on another social network or messaging channel (Telegram, Facebook...)."""
    PRESS_BRIEFING = "press_briefing"
    """Remarks to reporters: a briefing, a daily call with the press, a doorstep."""
    PRESS_CONFERENCE = "press_conference"
    """A formal press conference."""
    PRESS_RELEASE = "press_release"
    """A written release from a press office or press service."""
    STATEMENT = "statement"
    """A formal written or read-out statement."""
    INTERVIEW = "interview"
    """An interview with a journalist."""
    SPEECH = "speech"
    """A speech or address."""
    NEWS_REPORT = "news_report"
    """A news outlet's own reporting."""
    COMMUNIQUE = "communique"
    """A joint or official communiqué."""
    LETTER = "letter"
    """A letter or diplomatic note."""
    UNSPECIFIED = "unspecified"
    """Not known or not reported."""


class QuoteKind(enum.Enum):
    """How faithfully the report gives the speaker's words."""

    DIRECT = "direct"
    """The words in quotation marks."""
    INDIRECT = "indirect"
    """Reported speech close to the words ("Peskov said he had no idea...")."""
    PARAPHRASE = "paraphrase"
    """A summary in the reporter's words ("Russian officials have insisted...")."""
    UNSPECIFIED = "unspecified"
    """Not known."""


class SpeechAct(enum.Enum):
    """What the speaker does by speaking, with its CAMEO event code (:attr:`cameo`)."""

    ASSERT = "assert"
    """Make a statement (CAMEO 010)."""
    DECLINE_COMMENT = "decline_comment"
    """Decline to comment (CAMEO 011)."""
    ACKNOWLEDGE = "acknowledge"
    """Acknowledge or claim responsibility (CAMEO 015)."""
    DENY = "deny"
    """Deny responsibility or a report (CAMEO 016)."""
    APPEAL = "appeal"
    """Make an appeal or request (CAMEO 020)."""
    PROMISE = "promise"
    """Express an intent to cooperate or to act (CAMEO 030)."""
    CONSULT = "consult"
    """Consult, discuss, meet (CAMEO 040)."""
    PRAISE = "praise"
    """Praise or endorse (CAMEO 051)."""
    RECOGNIZE = "recognize"
    """Grant diplomatic recognition (CAMEO 054)."""
    AGREE = "agree"
    """Sign or announce a formal agreement (CAMEO 057)."""
    DEMAND = "demand"
    """Demand (CAMEO 100)."""
    CRITICIZE = "criticize"
    """Criticize or denounce (CAMEO 111)."""
    ACCUSE = "accuse"
    """Accuse (CAMEO 112)."""
    REJECT = "reject"
    """Reject a proposal, demand or claim (CAMEO 120)."""
    THREATEN = "threaten"
    """Threaten (CAMEO 130)."""
    PROTEST = "protest"
    """Protest formally (CAMEO 140)."""

    @property
    def cameo(self) -> str:
        """The CAMEO event code of the act.

        >>> SpeechAct.DENY.cameo
        '016'
        """
        return _CAMEO[self]


_CAMEO = {
    SpeechAct.ASSERT: "010",
    SpeechAct.DECLINE_COMMENT: "011",
    SpeechAct.ACKNOWLEDGE: "015",
    SpeechAct.DENY: "016",
    SpeechAct.APPEAL: "020",
    SpeechAct.PROMISE: "030",
    SpeechAct.CONSULT: "040",
    SpeechAct.PRAISE: "051",
    SpeechAct.RECOGNIZE: "054",
    SpeechAct.AGREE: "057",
    SpeechAct.DEMAND: "100",
    SpeechAct.CRITICIZE: "111",
    SpeechAct.ACCUSE: "112",
    SpeechAct.REJECT: "120",
    SpeechAct.THREATEN: "130",
    SpeechAct.PROTEST: "140",
}


class RelayKind(enum.Enum):
    """How one hop of a relay chain passed the statement on."""

    PRESS_SERVICE = "press_service"
    """The speaker's own press service or spokesperson put it out."""
    QUOTED = "quoted"
    """A medium quoted it ("according to the Interfax news agency")."""
    REPORTED = "reported"
    """A medium reported it in its own words."""
    TRANSLATED = "translated"
    """It was translated on the way."""
    FORWARDED = "forwarded"
    """It was shared or reposted."""


def _to_span(value: object) -> Any:
    return TimeSpan.coerce(value)


def _to_optional_span(value: object) -> object:
    return TimeSpan.coerce(value) if isinstance(value, date) else value


def _to_speaker(value: Actor | str | Sequence[Actor | str]) -> Any:
    # A list or tuple names every signatory of a joint statement; __attrs_post_init__ splits it
    # into the speaker (the first) and the cosigners.
    if type(value) is str:
        return value
    if isinstance(value, list | tuple):
        return tuple(actor_id(item) for item in value)
    return actor_id(value)  # type: ignore[arg-type]  # anything else: the validator names it


def _to_cosigners(value: Iterable[Actor | str]) -> Any:
    if value == ():
        return ()
    if isinstance(value, list | tuple):
        return tuple(actor_id(item) for item in value)
    return to_tuple(value)


def _optional_id(value: Actor | str | None) -> str | None:
    # Typed with None, unlike actor_id, so that a type checker accepts on_behalf_of=None.
    return None if value is None else actor_id(value)


RelayKindValue: TypeAlias = Literal[
    "press_service", "quoted", "reported", "translated", "forwarded"
]
"""A :class:`RelayKind` as the text a constructor also takes (its value)."""


def _to_relay_kind(value: RelayKind | RelayKindValue) -> Any:
    return to_enum(RelayKind, value)


def _to_channel(value: object) -> Any:
    return to_enum(Channel, value)


def _to_speech_act(value: object) -> Any:
    return to_enum(SpeechAct, value)


def _to_quote_kind(value: object) -> Any:
    return to_enum(QuoteKind, value)


@attrs.frozen
class Relay:
    """One hop between the speaker and the reader: "according to the Interfax news agency".

    Args:
        via: the actor id of whoever passed the statement on.
        kind: how it was passed on.
        on: when, if known.
    """

    via: str = attrs.field(converter=actor_id, validator=non_empty_str)
    kind: RelayKind = attrs.field(
        default=RelayKind.QUOTED,
        kw_only=True,
        converter=_to_relay_kind,
        validator=enum_of(RelayKind),
    )
    on: TimeSpan | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_to_optional_span,
        validator=of_type(TimeSpan, "a TimeSpan or a date", optional=True),
    )


@attrs.frozen
class Source:
    """The document a statement was read in.

    Args:
        publisher: who published it (an actor id or a name).
        title: its title or headline.
        url: where it can be found.
        published: the day it was published.
    """

    publisher: str = attrs.field(converter=actor_id, validator=non_empty_str)
    title: str | None = attrs.field(default=None, kw_only=True, validator=optional_non_empty_str)
    url: str | None = attrs.field(default=None, kw_only=True, validator=optional_non_empty_str)
    published: date | None = attrs.field(default=None, kw_only=True)

    @published.validator
    def _check_published(self, attribute: attrs.Attribute[Any], value: object) -> None:
        # A datetime is a date too, but a timestamp where a day is meant is a mistake.
        if value is not None and (not isinstance(value, date) or type(value) is not date):
            raise FieldError(path_of(self, attribute), "a date or None", value)


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def _language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value)):
        raise FieldError(
            path_of(instance, attribute), "a BCP 47 language tag such as 'ru' or 'en-US'", value
        )


ChannelValue: TypeAlias = Literal[
    "tweet",
    "social_media",
    "press_briefing",
    "press_conference",
    "press_release",
    "statement",
    "interview",
    "speech",
    "news_report",
    "communique",
    "letter",
    "unspecified",
]
"""A :class:`Channel` as the text a constructor also takes (its value)."""

SpeechActValue: TypeAlias = Literal[
    "assert",
    "decline_comment",
    "acknowledge",
    "deny",
    "appeal",
    "promise",
    "consult",
    "praise",
    "recognize",
    "agree",
    "demand",
    "criticize",
    "accuse",
    "reject",
    "threaten",
    "protest",
]
"""A :class:`SpeechAct` as the text a constructor also takes (its value)."""

QuoteKindValue: TypeAlias = Literal["direct", "indirect", "paraphrase", "unspecified"]
"""A :class:`QuoteKind` as the text a constructor also takes (its value)."""


@attrs.frozen(kw_only=False, init=False)
class Statement:
    """One utterance and the claims it puts forward.

    Args:
        id: a short id, unique within a set ("peskov-2019-06-04").
        speaker: who spoke: an actor id or an :class:`~diplostatements.Actor`. For a joint
            statement, a list of every signatory (``["FRA", "DEU", "GBR", "USA"]``): the first
            is stored as ``speaker``, the others as ``cosigners``.
        said_on: when: a ``date`` or a :class:`~diplostatements.TimeSpan` for an imprecise date
            ("sometime in June 2019"). A ``datetime`` counts as its day: the time of day is
            dropped. Text is refused; the message names ``date.fromisoformat`` or
            :func:`~diplostatements.parse_when`.
        claims: what the statement asserts.
        on_behalf_of: who the speaker committed, when the report says so; otherwise the set
            resolves it from speaks-for affiliations.
        channel: the medium.
        act: what the speaker did by speaking (with a CAMEO code).
        text: the source sentence, verbatim.
        quote: how faithfully ``text`` gives the speaker's words.
        relays: the chain by which the statement reached the source, nearest to the speaker first.
        source: the document it was read in.
        language: the language it was made in, as a BCP 47 tag.
        cosigners: the other signatories of a joint statement, after ``speaker`` (each an actor
            id or :class:`~diplostatements.Actor`, none twice). :attr:`speakers` gives them all.

    ``on_behalf_of`` stands for the first speaker: a joint statement commits each cosigner's own
    side.

    >>> from datetime import date
    >>> joint = Statement("quad-2018-03-15", ["FRA", "DEU", "GBR", "USA"], date(2018, 3, 15))
    >>> joint.speaker, joint.cosigners
    ('FRA', ('DEU', 'GBR', 'USA'))
    >>> joint.speakers
    ('FRA', 'DEU', 'GBR', 'USA')
    """

    # The fields, their defaults and their validators (CHECKS); __init__ is written out.
    id: str = attrs.field()
    speaker: str = attrs.field()
    said_on: TimeSpan = attrs.field()
    claims: tuple[Claim, ...] = attrs.field(default=())
    on_behalf_of: str | None = attrs.field(default=None, kw_only=True)
    channel: Channel = attrs.field(default=Channel.UNSPECIFIED, kw_only=True)
    act: SpeechAct = attrs.field(default=SpeechAct.ASSERT, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)
    quote: QuoteKind = attrs.field(default=QuoteKind.UNSPECIFIED, kw_only=True)
    relays: tuple[Relay, ...] = attrs.field(default=(), kw_only=True)
    source: Source | None = attrs.field(default=None, kw_only=True)
    language: str | None = attrs.field(default=None, kw_only=True)
    cosigners: tuple[str, ...] = attrs.field(default=(), kw_only=True)

    def __init__(  # noqa: PLR0912 -- one branch per field that may need converting
        self,
        id: str,
        speaker: Actor | str | Sequence[Actor | str],
        said_on: date | TimeSpan,
        claims: Iterable[Claim] = (),
        *,
        on_behalf_of: Actor | str | None = None,
        channel: Channel | ChannelValue = Channel.UNSPECIFIED,
        act: SpeechAct | SpeechActValue = SpeechAct.ASSERT,
        text: str | None = None,
        quote: QuoteKind | QuoteKindValue = QuoteKind.UNSPECIFIED,
        relays: Iterable[Relay] = (),
        source: Source | None = None,
        language: str | None = None,
        cosigners: Iterable[Actor | str] = (),
    ) -> None:
        # Written out rather than generated by attrs: a statement of the usual types converts
        # nothing and is checked in one expression; any doubt, and each field's validator says
        # what is wrong with the first field at fault. (The conversions are fill_statement's,
        # inlined: most statements are made in bulk.)
        if type(speaker) is not str:
            speaker = _to_speaker(speaker)
        if type(said_on) is not TimeSpan:
            said_on = TimeSpan.coerce(said_on)
        if type(claims) is list:
            claims = tuple(claims)
        elif type(claims) is not tuple:
            claims = to_tuple(claims)  # type: ignore[assignment]  # or left for the validator
        if on_behalf_of is not None and type(on_behalf_of) is not str:
            on_behalf_of = actor_id(on_behalf_of)
        if type(channel) is not Channel:
            channel = _to_channel(channel)
        if type(act) is not SpeechAct:
            act = _to_speech_act(act)
        if type(quote) is not QuoteKind:
            quote = _to_quote_kind(quote)
        if relays != ():
            relays = to_tuple(relays)  # type: ignore[assignment]  # (likewise)
        if cosigners != ():
            cosigners = _to_cosigners(cosigners)
        _set_id(self, id)
        _set_speaker(self, speaker)
        _set_said_on(self, said_on)
        _set_claims(self, claims)
        _set_on_behalf_of(self, on_behalf_of)
        _set_channel(self, channel)
        _set_act(self, act)
        _set_text(self, text)
        _set_quote(self, quote)
        _set_relays(self, relays)
        _set_source(self, source)
        _set_language(self, language)
        _set_cosigners(self, cosigners)
        speaker_or_list: object = speaker  # a tuple until split_speakers stores it
        if type(speaker_or_list) is tuple:
            split_speakers(self)
        elif (
            type(id) is str
            and id
            and not id.isspace()
            and (id.isascii() or is_text(id))
            and type(speaker) is str
            and speaker
            and not speaker.isspace()
            and (speaker.isascii() or is_text(speaker))
            and type(said_on) is TimeSpan
            and type(claims) is tuple
            and all(type(claim) is Claim for claim in claims)
            and (text is None or plain_text(text))
            and (on_behalf_of is None or plain_text(on_behalf_of))
            and type(channel) is Channel
            and type(act) is SpeechAct
            and type(quote) is QuoteKind
            and (relays == () or _plain_relays(relays))
            and (source is None or type(source) is Source)
            and language is None
            and cosigners == ()
        ):
            return
        if not statement_fields_plain(self):
            run_checks(self, CHECKS)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every signatory: ``speaker``, then the ``cosigners`` (one for most statements)."""
        cosigners = self.cosigners
        return (self.speaker, *cosigners) if cosigners else (self.speaker,)

    def _repr_html_(self) -> str:
        # Rendering is a notebook nicety: load it only when a notebook asks.
        from ._html import statement_html  # noqa: PLC0415

        return statement_html(self)

    @property
    def sort_key(self) -> tuple[TimeSpan, str]:
        """Chronological, then by id: the order of a set and of its timeline."""
        return (self.said_on, self.id)


def split_speakers(statement: Statement) -> None:
    """Store the signatories given as ``speaker``: the first as speaker, the rest as cosigners.

    Raises:
        FieldError: the list is empty or holds something other than actor ids, or cosigners were
            given as well.
    """
    every: tuple[object, ...] = statement.speaker  # type: ignore[assignment]  # still the list
    where = (
        "Statement.speaker"
        if type(statement) is Statement
        else f"{type(statement).__name__}.speaker"
    )
    if not every:
        raise FieldError(where, "an actor id, or a non-empty list of the signatories' ids", [])
    for index, item in enumerate(every):
        if not plain_text(item):
            raise FieldError(f"{where}[{index}]", "an actor id or an Actor", item)
        if item in every[:index]:
            raise FieldError(f"{where}[{index}]", "a signatory not already named", item)
    if statement.cosigners:
        raise FieldError(
            where.replace(".speaker", ".cosigners"),
            "no cosigners when speaker lists every signatory (give them in one place)",
            statement.cosigners,
        )
    object.__setattr__(statement, "speaker", every[0])
    object.__setattr__(statement, "cosigners", every[1:])


def statement_fields_plain(statement: Statement) -> bool:
    """Whether a statement's own fields hold the usual types (see ``__attrs_post_init__``)."""
    behalf, text, claims, relays, cosigners = (
        statement.on_behalf_of,
        statement.text,
        statement.claims,
        statement.relays,
        statement.cosigners,
    )
    return (
        plain_text(statement.id)
        and plain_text(statement.speaker)
        and type(statement.said_on) is TimeSpan
        and type(claims) is tuple
        and all(type(claim) is Claim for claim in claims)
        and (behalf is None or plain_text(behalf))
        and type(statement.channel) is Channel
        and type(statement.act) is SpeechAct
        and (text is None or plain_text(text))
        and type(statement.quote) is QuoteKind
        and type(relays) is tuple
        and (not relays or all(type(relay) is Relay for relay in relays))
        and (statement.source is None or type(statement.source) is Source)
        and statement.language is None
        and (cosigners == () or _plain_cosigners(statement))
    )


def fill_statement(  # noqa: PLR0917 -- a statement's fields, in order, from its constructors
    statement: Statement,
    id: str,
    speaker: Actor | str | Sequence[Actor | str],
    said_on: date | TimeSpan,
    claims: Iterable[Claim],
    on_behalf_of: Actor | str | None,
    channel: Channel | ChannelValue,
    act: SpeechAct | SpeechActValue,
    text: str | None,
    quote: QuoteKind | QuoteKindValue,
    relays: Iterable[Relay],
    source: Source | None,
    language: str | None,
    cosigners: Iterable[Actor | str],
) -> None:
    """Convert a statement's arguments where they need it, and store them (the caller checks)."""
    if type(speaker) is not str:
        speaker = _to_speaker(speaker)
    if type(said_on) is not TimeSpan:
        said_on = TimeSpan.coerce(said_on)
    if type(claims) is not tuple:
        claims = to_tuple(claims)  # type: ignore[assignment]  # or left for the validator
    if on_behalf_of is not None and type(on_behalf_of) is not str:
        on_behalf_of = actor_id(on_behalf_of)
    if type(channel) is not Channel:
        channel = _to_channel(channel)
    if type(act) is not SpeechAct:
        act = _to_speech_act(act)
    if type(quote) is not QuoteKind:
        quote = _to_quote_kind(quote)
    if relays != ():
        relays = to_tuple(relays)  # type: ignore[assignment]  # (likewise)
    if cosigners != ():
        cosigners = _to_cosigners(cosigners)
    _set_id(statement, id)
    _set_speaker(statement, speaker)
    _set_said_on(statement, said_on)
    _set_claims(statement, claims)
    _set_on_behalf_of(statement, on_behalf_of)
    _set_channel(statement, channel)
    _set_act(statement, act)
    _set_text(statement, text)
    _set_quote(statement, quote)
    _set_relays(statement, relays)
    _set_source(statement, source)
    _set_language(statement, language)
    _set_cosigners(statement, cosigners)


def _plain_relays(relays: object) -> bool:
    return type(relays) is tuple and all(type(relay) is Relay for relay in relays)


_set_id, _set_speaker, _set_said_on, _set_claims, _set_on_behalf_of, _set_channel = (
    getattr(Statement, name).__set__
    for name in ("id", "speaker", "said_on", "claims", "on_behalf_of", "channel")
)
_set_act, _set_text, _set_quote, _set_relays, _set_source, _set_language, _set_cosigners = (
    getattr(Statement, name).__set__
    for name in ("act", "text", "quote", "relays", "source", "language", "cosigners")
)


def _plain_cosigners(statement: Statement) -> bool:
    cosigners = statement.cosigners
    return (
        type(cosigners) is tuple
        and all(plain_text(item) for item in cosigners)
        and len({statement.speaker, *cosigners}) == len(cosigners) + 1
    )


def _cosigners(instance: Statement, attribute: attrs.Attribute[Any], value: object) -> None:
    where = path_of(instance, attribute)
    if not isinstance(value, tuple):
        raise FieldError(where, "a sequence of actor ids", value)
    seen = {instance.speaker}
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise FieldError(f"{where}[{index}]", "an actor id or an Actor", item)
        check_text(f"{where}[{index}]", item)
        if item in seen:
            raise FieldError(
                f"{where}[{index}]",
                "a signatory not already named (the speaker or a cosigner)",
                item,
            )
        seen.add(item)


CHECKS: Checks = (
    ("id", non_empty_str),
    ("speaker", non_empty_str),
    ("said_on", hinted(of_type(TimeSpan, "a date or a TimeSpan"), span_hint)),
    ("claims", tuple_of(Claim, "a Claim")),
    ("on_behalf_of", optional_non_empty_str),
    ("channel", enum_of(Channel)),
    ("act", enum_of(SpeechAct)),
    ("text", optional_non_empty_str),
    ("quote", enum_of(QuoteKind)),
    ("relays", tuple_of(Relay, "a Relay")),
    ("source", of_type(Source, "a Source", optional=True)),
    ("language", _language),
    ("cosigners", _cosigners),
)
"""A statement's field validators, in field order."""
