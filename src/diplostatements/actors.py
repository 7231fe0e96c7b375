"""Actors: the states, people and organisations that speak, act and are spoken about.

An :class:`Actor` has a short stable ``id`` that claims and statements refer to ("RUS", "peskov",
"rostec"), a display ``name``, an :class:`ActorKind`, and optionally the country it belongs to,
aliases (metonyms such as "Moscow" or "the Kremlin") and a Wikidata id. An :class:`Affiliation`
links a member to an organisation over a period, and says whether the member speaks for it.

States come from the ISO 3166-1 table shipped with the package, with the former states of ISO
3166-3 (``"SUN"``, ``"YUG"``, ``"DDR"``...) and Kosovo's ``"XKX"``; international organisations
from a table of their own:

>>> russia = Actor.state("RUS", aliases=["Moscow"])
>>> russia.name, russia.kind.value, russia.country
('Russia', 'state', 'RUS')
>>> peskov = Actor.person("peskov", "Dmitry Peskov", country="rus")
>>> peskov.country
'RUS'
>>> Affiliation(peskov, "kremlin", role="spokesman", speaks_for=True).member
'peskov'
>>> Actor.state("SUN").name, country_span("SUN")
('Soviet Union', TimeSpan.between(1922-12-30, 1991-12-26))
>>> Actor.international_organization("NATO").name
'North Atlantic Treaty Organization'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

import attrs

from . import _iso3166
from ._validation import (
    TEXT,
    close_matches,
    enum_of,
    is_text,
    non_empty_str,
    of_type,
    optional_non_empty_str,
    path_of,
    set_of_str,
    to_enum,
    to_frozenset,
)
from .exceptions import FieldError, UnknownReferenceError
from .timespans import TimeSpan

__all__ = [
    "COUNTRY_CODES",
    "ORGANIZATION_IDS",
    "Actor",
    "ActorKind",
    "ActorKindValue",
    "Affiliation",
    "actor_id",
    "country_name",
    "country_span",
]

COUNTRY_CODES: frozenset[str] = _iso3166.CODES
"""Every code a ``country`` may hold: the 249 ISO 3166-1 alpha-3 codes of the shipped table,
``"XKX"`` (Kosovo, the user-assigned code in common use) and the former states of ISO 3166-3
(``"SUN"``, ``"YUG"``, ``"CSK"``, ``"DDR"``, ``"YMD"``...; see :func:`country_span`)."""

ORGANIZATION_IDS: frozenset[str] = frozenset(_iso3166.ORGANIZATIONS)
"""The ids :meth:`Actor.international_organization` knows ("EU", "UN", "NATO", "AU", ...)."""

_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
_COUNTRY_WHAT = "ISO 3166-1 alpha-3 country"


class ActorKind(enum.Enum):
    """What sort of actor an :class:`Actor` is."""

    STATE = "state"
    """A sovereign state or territory with a country code ("Russia"; the Soviet Union, "SUN")."""
    GOVERNMENT = "government"
    """A government or one of its bodies ("the Kremlin", "the State Department")."""
    PERSON = "person"
    """A named individual ("Dmitry Peskov")."""
    ORGANIZATION = "organization"
    """Any other organisation: a party, an agency, an armed group with a name."""
    COMPANY = "company"
    """A business, state-owned or not ("Rostec", "Rosoboronexport")."""
    MEDIA = "media"
    """A newspaper, news agency or broadcaster ("The Wall Street Journal", "Interfax")."""
    INTERNATIONAL_ORGANIZATION = "international_organization"
    """An organisation of states ("the United Nations", "NATO", "the European Union"); see
    :meth:`Actor.international_organization`."""
    GROUP = "group"
    """An unnamed collective that speaks all the same ("U.S. officials", "Russian officials")."""
    OTHER = "other"
    """Anything that fits none of the above."""


def actor_id(value: Actor | str) -> str:
    """The id to store for an actor reference: an :class:`Actor`'s ``id``, or the string itself.

    Used as an attrs converter wherever a field refers to an actor. Any other value is returned
    unchanged, so that the field's validator rejects it with a message naming the field.

    Args:
        value: an :class:`Actor` or an actor id.

    Returns:
        The actor id.

    >>> actor_id(Actor.state("VEN"))
    'VEN'
    >>> actor_id("peskov")
    'peskov'
    """
    if isinstance(value, Actor):
        return value.id
    return value


def country_name(code: str, *, iso: bool = False) -> str:
    """The name of the country with ISO 3166-1 alpha-3 ``code`` (any case).

    Args:
        code: an alpha-3 code such as ``"RUS"``.
        iso: give the ISO short name ("Russian Federation") instead of the name news usually
            uses ("Russia"). Where the two are the same, both give it.

    Returns:
        The country's name.

    Raises:
        UnknownReferenceError: ``code`` is not a known alpha-3 code; close matches are suggested.

    >>> country_name("rus"), country_name("RUS", iso=True)
    ('Russia', 'Russian Federation')
    """
    country = _country("country_name.code", code)
    return country.name if iso else country.usual_name


def country_span(code: str) -> TimeSpan:
    """When the country with this code existed: a former state's span, else always.

    Args:
        code: a code from :data:`COUNTRY_CODES` (any case).

    Returns:
        ``TimeSpan.between(first day, last day)`` for a former state of ISO 3166-3,
        ``TimeSpan.always()`` for a country of today (no bound is recorded).

    Raises:
        UnknownReferenceError: ``code`` is not a known code; close matches are suggested.

    >>> country_span("DDR")
    TimeSpan.between(1949-10-07, 1990-10-02)
    >>> country_span("DEU")
    TimeSpan.always()
    """
    country = _country("country_span.code", code)
    if country.start is None or country.end is None:
        return TimeSpan.always()
    return TimeSpan.between(country.start, country.end)


def _country(path: str, code: object) -> _iso3166.Country:
    if not isinstance(code, str):
        raise FieldError(path, f"an {_COUNTRY_WHAT} code (a string)", code)
    country = _iso3166.COUNTRIES.get(code.upper())
    if country is None:
        guesses = _iso3166.suggest(code)
        error = UnknownReferenceError(path, code, _COUNTRY_WHAT, guesses)
        if guesses:
            # The codes alone do not say which country each is; the note does, in tracebacks.
            error.add_note(f"suggested: {_iso3166.describe(guesses)}")
        organization = _iso3166.ORGANIZATIONS.get(code.upper())
        if organization is not None:
            error.add_note(
                f"{code!r} is an international organisation ({organization}):"
                f" Actor.international_organization({code.upper()!r})"
            )
        raise error
    return country


ActorKindValue: TypeAlias = Literal[
    "state",
    "government",
    "person",
    "organization",
    "company",
    "media",
    "international_organization",
    "group",
    "other",
]
"""An :class:`ActorKind` as the text a constructor also takes (its value)."""


def _to_kind(value: ActorKind | ActorKindValue) -> Any:
    # Typed with what a constructor takes, so that a type checker catches a misspelt kind.
    return to_enum(ActorKind, value)


def _upper(value: object) -> Any:
    return value.upper() if isinstance(value, str) else value


def _slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # str.split() cuts at exactly the characters str.isspace() calls white space.
    if not isinstance(value, str) or value.split() != [value]:
        raise FieldError(path_of(instance, attribute), "a non-empty id without white space", value)
    if not value.isascii() and not is_text(value):
        raise FieldError(path_of(instance, attribute), TEXT, value)


def _country_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise FieldError(path_of(instance, attribute), f"None or an {_COUNTRY_WHAT} code", value)
    if value not in COUNTRY_CODES:
        guesses = _iso3166.suggest(value)
        hint = f" (did you mean {_iso3166.describe(guesses)}?)" if guesses else ""
        raise FieldError(path_of(instance, attribute), f"an {_COUNTRY_WHAT} code{hint}", value)


def _wikidata_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _WIKIDATA_ID.fullmatch(value):
        raise FieldError(
            path_of(instance, attribute), 'None or a Wikidata item id such as "Q1899"', value
        )


@attrs.frozen
class Actor:
    """Someone or something that speaks, acts or is spoken about.

    Args:
        id: a short stable slug without white space that claims and statements use to refer to
            the actor ("RUS", "peskov", "wsj").
        name: the name to show ("Dmitry Peskov").
        kind: an :class:`ActorKind`, or its value or name as a string ("person").
        country: the ISO 3166-1 alpha-3 code of the country the actor belongs to, if any (any
            case; stored upper-case).
        aliases: other names that refer to the actor, metonyms included ("Moscow", "the
            Kremlin"); a list, tuple, set or a single string.
        wikidata: the actor's Wikidata item id ("Q159"), if known.

    Raises:
        FieldError: a field holds a value it cannot hold; an unknown country code gets
            suggestions.

    >>> Actor("wsj", "The Wall Street Journal", "media", aliases="WSJ")
    Actor(id='wsj', name='The Wall Street Journal', kind=<ActorKind.MEDIA: 'media'>, \
country=None, aliases=frozenset({'WSJ'}), wikidata=None)
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=non_empty_str)
    kind: ActorKind = attrs.field(converter=_to_kind, validator=enum_of(ActorKind))
    country: str | None = attrs.field(
        default=None, kw_only=True, converter=_upper, validator=_country_code
    )
    aliases: frozenset[str] = attrs.field(
        default=frozenset(), kw_only=True, converter=to_frozenset, validator=set_of_str
    )
    wikidata: str | None = attrs.field(default=None, kw_only=True, validator=_wikidata_id)

    @classmethod
    def state(
        cls, code: str, *, aliases: Iterable[str] | str = (), wikidata: str | None = None
    ) -> Actor:
        """The state with ISO 3166-1 alpha-3 ``code`` (any case), named from the shipped table.

        The id and country are the upper-case code; the name is the one news usually uses where
        it differs from the ISO short name ("Russia", not "Russian Federation"). A former state of
        ISO 3166-3 is one too (``"SUN"`` the Soviet Union, ``"YUG"``, ``"CSK"``, ``"DDR"``,
        ``"YMD"``; :func:`country_span` gives when it existed), and so is ``"XKX"`` (Kosovo).

        Args:
            code: an alpha-3 code such as ``"RUS"``.
            aliases: other names for the state ("Moscow").
            wikidata: the state's Wikidata item id, if wanted.

        Returns:
            An actor of kind :attr:`ActorKind.STATE`.

        Raises:
            UnknownReferenceError: ``code`` is not a known alpha-3 code; the error suggests codes
                whose code or name looks like it ("Rusia" -> 'RUS').

        >>> Actor.state("usa").name
        'United States'
        >>> Actor.state("UK").name
        Traceback (most recent call last):
        ...
        diplostatements.exceptions.UnknownReferenceError: Actor.state.code: expected a known \
ISO 3166-1 alpha-3 country id, got 'UK'; did you mean 'GBR' or 'UKR'?
        suggested: 'GBR' (United Kingdom), 'UKR' (Ukraine)
        """
        country = _country("Actor.state.code", code)
        return cls(
            country.alpha_3,
            country.usual_name,
            ActorKind.STATE,
            country=country.alpha_3,
            aliases=aliases,
            wikidata=wikidata,
        )

    @classmethod
    def international_organization(
        cls, id: str, *, aliases: Iterable[str] | str = (), wikidata: str | None = None
    ) -> Actor:
        """An international organisation from the shipped table, by its id (any case).

        The table (:data:`ORGANIZATION_IDS`) holds the organisations of states whose statements
        are most reported: ``"EU"``, ``"UN"``, ``"NATO"``, ``"AU"``, ``"ASEAN"``, ``"OSCE"``,
        ``"OAS"``, ``"LAS"`` (the Arab League), ``"CSTO"``, ``"SCO"``, ``"OPCW"``, ``"IAEA"``...
        It has no country; its spokespeople speak for it through an :class:`Affiliation`
        (``Affiliation("borrell", "EU", role="High Representative", speaks_for=True)``). For one
        the table does not hold, use :meth:`organization` with
        ``kind=ActorKind.INTERNATIONAL_ORGANIZATION``.

        Args:
            id: the organisation's id in the table ("EU"), stored upper-case.
            aliases: other names ("Brussels").
            wikidata: its Wikidata item id, if wanted.

        Returns:
            An actor of kind :attr:`ActorKind.INTERNATIONAL_ORGANIZATION`.

        Raises:
            UnknownReferenceError: ``id`` is not in the table; close ids are suggested.

        >>> Actor.international_organization("eu")
        Actor(id='EU', name='European Union', kind=<ActorKind.INTERNATIONAL_ORGANIZATION: \
'international_organization'>, country=None, aliases=frozenset(), wikidata=None)
        """
        path = "Actor.international_organization.id"
        if not isinstance(id, str):
            raise FieldError(path, "an international organisation's id (a string)", id)
        name = _iso3166.ORGANIZATIONS.get(id.upper())
        if name is None:
            guesses = close_matches(id, _iso3166.ORGANIZATIONS)
            error = UnknownReferenceError(path, id, "international organisation", guesses)
            error.add_note(
                "for another organisation: Actor.organization(id, name,"
                " kind=ActorKind.INTERNATIONAL_ORGANIZATION)"
            )
            raise error
        return cls(
            id.upper(),
            name,
            ActorKind.INTERNATIONAL_ORGANIZATION,
            aliases=aliases,
            wikidata=wikidata,
        )

    @classmethod
    def person(
        cls,
        id: str,
        name: str,
        *,
        country: str | None = None,
        aliases: Iterable[str] | str = (),
        wikidata: str | None = None,
    ) -> Actor:
        """A person.

        Args:
            id: the person's slug ("peskov").
            name: the person's name ("Dmitry Peskov").
            country: the alpha-3 code of the person's country, if wanted. It says where the
                person is from, never on whose behalf they speak (that is an
                :class:`Affiliation`).
            aliases: other names ("Peskov").
            wikidata: the person's Wikidata item id, if known.

        Returns:
            An actor of kind :attr:`ActorKind.PERSON`.

        >>> Actor.person("trump", "Donald Trump", country="USA").kind
        <ActorKind.PERSON: 'person'>
        """
        return cls(id, name, ActorKind.PERSON, country=country, aliases=aliases, wikidata=wikidata)

    @classmethod
    def organization(
        cls,
        id: str,
        name: str,
        *,
        kind: ActorKind | ActorKindValue = ActorKind.ORGANIZATION,
        country: str | None = None,
        aliases: Iterable[str] | str = (),
        wikidata: str | None = None,
    ) -> Actor:
        """An organisation: a government body, company, news outlet, group and so on.

        Args:
            id: the organisation's slug ("rostec").
            name: its name ("Rostec").
            kind: any :class:`ActorKind` except ``PERSON`` and ``STATE`` (which have their own
                constructors), or its value or name as a string.
            country: the alpha-3 code of its country, if wanted.
            aliases: other names ("the Kremlin").
            wikidata: its Wikidata item id, if known.

        Returns:
            An actor of the given kind.

        Raises:
            FieldError: ``kind`` is ``PERSON`` or ``STATE``, or another field is bad.

        >>> Actor.organization("rostec", "Rostec", kind="company", country="RUS").kind
        <ActorKind.COMPANY: 'company'>
        """
        converted: Any = to_enum(ActorKind, kind)
        if converted in (ActorKind.PERSON, ActorKind.STATE):
            raise FieldError(
                "Actor.organization.kind",
                "an ActorKind other than PERSON or STATE (use Actor.person or Actor.state)",
                kind,
            )
        return cls(id, name, converted, country=country, aliases=aliases, wikidata=wikidata)


def _different_actors(instance: Affiliation, attribute: attrs.Attribute[Any], value: str) -> None:
    if value == instance.member:
        raise FieldError(path_of(instance, attribute), "an actor id other than the member's", value)


@attrs.frozen
class Affiliation:
    """A member belongs to an organisation, possibly for a while, possibly speaking for it.

    Peskov is spokesman of the Kremlin and speaks for it; the Kremlin is part of the Russian state
    and speaks for it; Rosoboronexport belongs to Rostec, but a state company does not speak for
    its state unless someone says so.

    Args:
        member: the member's actor id (an :class:`Actor` is stored as its id).
        organization: the organisation's actor id (likewise); it must differ from ``member``.
        role: the member's role, if it matters ("spokesman").
        span: the period the affiliation holds (default: always).
        speaks_for: whether the member's statements commit the organisation.

    Raises:
        FieldError: a field holds a value it cannot hold.

    >>> Affiliation("kremlin", Actor.state("RUS"), speaks_for=True)
    Affiliation(member='kremlin', organization='RUS', role=None, \
span=TimeSpan.always(), speaks_for=True)
    """

    member: str = attrs.field(converter=actor_id, validator=_slug)
    organization: str = attrs.field(converter=actor_id, validator=[_slug, _different_actors])
    role: str | None = attrs.field(default=None, kw_only=True, validator=optional_non_empty_str)
    span: TimeSpan = attrs.field(
        factory=TimeSpan.always, kw_only=True, validator=of_type(TimeSpan, "a TimeSpan")
    )
    speaks_for: bool = attrs.field(default=False, kw_only=True, validator=of_type(bool, "a bool"))
