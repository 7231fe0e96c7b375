from __future__ import annotations

import csv
import io
from datetime import date
from importlib.resources import files
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings

from diplostatements.actors import (
    COUNTRY_CODES,
    ORGANIZATION_IDS,
    Actor,
    ActorKind,
    Affiliation,
    actor_id,
    country_name,
    country_span,
)
from diplostatements.exceptions import FieldError, UnknownReferenceError
from diplostatements.strategies import actor_ids, actors, affiliations
from diplostatements.timespans import TimeSpan


def table_rows(name: str = "iso3166.csv") -> list[dict[str, str]]:
    """A shipped table, read here without the library's loader."""
    raw = (files("diplostatements") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(raw)))


ROWS = table_rows()
FORMER_ROWS = table_rows("iso3166-3.csv")


class TestCountryTable:
    def test_every_entry(self) -> None:
        """The table holds all 249 ISO 3166-1 entries, each code once."""
        assert len(ROWS) == 249
        assert len({row["alpha_3"] for row in ROWS}) == 249
        assert len({row["alpha_2"] for row in ROWS}) == 249
        assert len({row["numeric"] for row in ROWS}) == 249

    def test_columns(self) -> None:
        """Each row has well-formed codes, a name, and a common name only where it differs."""
        for row in ROWS:
            assert list(row) == ["alpha_3", "alpha_2", "numeric", "name", "common_name"]
            assert len(row["alpha_3"]) == 3
            assert row["alpha_3"].isalpha()
            assert row["alpha_3"].isupper()
            assert len(row["alpha_2"]) == 2
            assert row["alpha_2"].isupper()
            assert len(row["numeric"]) == 3
            assert row["numeric"].isdigit()
            assert row["name"].strip() == row["name"] != ""
            assert row["common_name"] != row["name"]

    # (alpha-3, alpha-2, numeric, ISO short name): rows checked against ISO 3166-1 itself
    KNOWN: tuple[tuple[Any, ...], ...] = (
        ("RUS", "RU", "643", "Russian Federation"),
        ("USA", "US", "840", "United States"),
        ("VEN", "VE", "862", "Venezuela, Bolivarian Republic of"),
        ("CIV", "CI", "384", "Côte d'Ivoire"),
        ("BOL", "BO", "068", "Bolivia, Plurinational State of"),
    )

    @pytest.mark.parametrize(("alpha_3", "alpha_2", "numeric", "name"), KNOWN)
    def test_known_rows(self, alpha_3: str, alpha_2: str, numeric: str, name: str) -> None:
        """Sample rows carry the ISO codes and short name, numeric codes keeping leading zeros."""
        row = next(row for row in ROWS if row["alpha_3"] == alpha_3)
        assert (row["alpha_2"], row["numeric"], row["name"]) == (alpha_2, numeric, name)

    def test_country_codes(self) -> None:
        """COUNTRY_CODES is exactly the tables' alpha-3 codes, and XKX."""
        shipped = {row["alpha_3"] for row in [*ROWS, *FORMER_ROWS]}
        assert shipped | {"XKX"} == COUNTRY_CODES
        assert len(COUNTRY_CODES) == len(ROWS) + len(FORMER_ROWS) + 1

    # (code, the name news uses, the ISO short name)
    NAMES: tuple[tuple[Any, ...], ...] = (
        ("RUS", "Russia", "Russian Federation"),
        ("VEN", "Venezuela", "Venezuela, Bolivarian Republic of"),
        ("IRN", "Iran", "Iran, Islamic Republic of"),
        ("SYR", "Syria", "Syrian Arab Republic"),
        ("KOR", "South Korea", "Korea, Republic of"),
        ("PRK", "North Korea", "Korea, Democratic People's Republic of"),
        ("BOL", "Bolivia", "Bolivia, Plurinational State of"),
        ("TZA", "Tanzania", "Tanzania, United Republic of"),
        ("VNM", "Vietnam", "Viet Nam"),
        ("LAO", "Laos", "Lao People's Democratic Republic"),
        ("MDA", "Moldova", "Moldova, Republic of"),
        ("TWN", "Taiwan", "Taiwan, Province of China"),
        ("PSE", "Palestine", "Palestine, State of"),
        ("TUR", "Turkey", "Türkiye"),
        # where the ISO name is what news says, both are the same
        ("USA", "United States", "United States"),
        ("GBR", "United Kingdom", "United Kingdom"),
        ("CZE", "Czechia", "Czechia"),
        ("FRA", "France", "France"),
    )

    @pytest.mark.parametrize(("code", "usual", "iso"), NAMES)
    def test_country_name(self, code: str, usual: str, iso: str) -> None:
        """country_name gives the name news uses, or the ISO short name with iso=True."""
        assert country_name(code) == usual
        assert country_name(code.lower()) == usual
        assert country_name(code, iso=True) == iso

    def test_country_name_unknown(self) -> None:
        """country_name of an unknown code raises UnknownReferenceError with suggestions."""
        with pytest.raises(UnknownReferenceError) as caught:
            country_name("RUSS")
        assert caught.value.path == "country_name.code"
        assert caught.value.suggestions == ("RUS",)

    def test_country_name_not_a_string(self) -> None:
        """country_name of a non-string raises FieldError."""
        with pytest.raises(FieldError):
            country_name(643)  # type: ignore[arg-type]


class TestActorKind:
    def test_values(self) -> None:
        """Every kind's value is its lower-cased name."""
        assert [kind.value for kind in ActorKind] == [kind.name.lower() for kind in ActorKind]

    def test_members(self) -> None:
        """The kinds are the documented nine."""
        assert {kind.name for kind in ActorKind} == {
            "STATE",
            "GOVERNMENT",
            "PERSON",
            "ORGANIZATION",
            "COMPANY",
            "MEDIA",
            "INTERNATIONAL_ORGANIZATION",
            "GROUP",
            "OTHER",
        }


class TestActor:
    # (id, name, kind, keyword arguments): actors that can be built
    VALID: tuple[tuple[Any, ...], ...] = (
        ("peskov", "Dmitry Peskov", ActorKind.PERSON, {"country": "RUS", "wikidata": "Q1899"}),
        ("us-officials", "U.S. officials", ActorKind.GROUP, {"country": "USA"}),
        ("wsj", "The Wall Street Journal", ActorKind.MEDIA, {"aliases": ["WSJ", "the Journal"]}),
        ("RUS", "Russia", ActorKind.STATE, {"country": "RUS", "aliases": frozenset({"Moscow"})}),
        ("un", "United Nations", ActorKind.INTERNATIONAL_ORGANIZATION, {}),
    )

    @pytest.mark.parametrize(("ident", "name", "kind", "kwargs"), VALID)
    def test_valid(self, ident: str, name: str, kind: ActorKind, kwargs: dict[str, Any]) -> None:
        """A valid actor keeps its fields, aliases as a frozenset."""
        actor = Actor(ident, name, kind, **kwargs)
        assert (actor.id, actor.name, actor.kind) == (ident, name, kind)
        assert actor.country == kwargs.get("country")
        assert actor.aliases == frozenset(kwargs.get("aliases", ()))
        assert actor.wikidata == kwargs.get("wikidata")

    # (value given for kind): strings that name a kind, by value or name
    @pytest.mark.parametrize("given", ["person", "PERSON", "Person", ActorKind.PERSON])
    def test_kind_from_string(self, given: Any) -> None:
        """The kind may be given as the enum, its value or its name, any case."""
        assert Actor("x", "X", given).kind is ActorKind.PERSON

    # (aliases given, stored): what the aliases converter accepts
    ALIASES: tuple[tuple[Any, ...], ...] = (
        (["Moscow", "the Kremlin"], frozenset({"Moscow", "the Kremlin"})),
        (("Moscow",), frozenset({"Moscow"})),
        ({"Moscow"}, frozenset({"Moscow"})),
        ("Moscow", frozenset({"Moscow"})),
        ((), frozenset()),
    )

    @pytest.mark.parametrize(("given", "stored"), ALIASES)
    def test_aliases(self, given: Any, stored: frozenset[str]) -> None:
        """Aliases may be a list, tuple, set or one string; they are stored as a frozenset."""
        assert Actor("x", "X", "other", aliases=given).aliases == stored

    def test_country_upper_cased(self) -> None:
        """A country code in any case is stored upper-case."""
        assert Actor("x", "X", "person", country="ven").country == "VEN"

    # (id, name, kind, keyword arguments, path named in the error)
    INVALID: tuple[tuple[Any, ...], ...] = (
        # the id is a non-empty slug without white space
        ("", "X", "person", {}, "Actor.id"),
        ("dmitry peskov", "X", "person", {}, "Actor.id"),
        ("peskov\n", "X", "person", {}, "Actor.id"),
        (7, "X", "person", {}, "Actor.id"),
        # the name is a non-empty string
        ("x", "", "person", {}, "Actor.name"),
        ("x", "   ", "person", {}, "Actor.name"),
        ("x", None, "person", {}, "Actor.name"),
        # the kind is an ActorKind
        ("x", "X", "president", {}, "Actor.kind"),
        ("x", "X", 3, {}, "Actor.kind"),
        # the country is a known alpha-3 code
        ("x", "X", "person", {"country": "XXX"}, "Actor.country"),
        ("x", "X", "person", {"country": "RU"}, "Actor.country"),
        ("x", "X", "person", {"country": 643}, "Actor.country"),
        # aliases are non-empty strings
        ("x", "X", "person", {"aliases": [""]}, "Actor.aliases"),
        ("x", "X", "person", {"aliases": [1]}, "Actor.aliases"),
        ("x", "X", "person", {"aliases": {"a": 1}}, "Actor.aliases"),
        # wikidata is a Q-id
        ("x", "X", "person", {"wikidata": "1899"}, "Actor.wikidata"),
        ("x", "X", "person", {"wikidata": "Q0"}, "Actor.wikidata"),
        ("x", "X", "person", {"wikidata": "q1899"}, "Actor.wikidata"),
        ("x", "X", "person", {"wikidata": 1899}, "Actor.wikidata"),
    )

    @pytest.mark.parametrize(("ident", "name", "kind", "kwargs", "path"), INVALID)
    def test_invalid(
        self, ident: Any, name: Any, kind: Any, kwargs: dict[str, Any], path: str
    ) -> None:
        """A bad field raises FieldError naming it."""
        with pytest.raises(FieldError) as caught:
            Actor(ident, name, kind, **kwargs)
        assert caught.value.path == path

    def test_unknown_country_suggests(self) -> None:
        """An unknown country code's error suggests close codes with their names."""
        with pytest.raises(FieldError, match=r"did you mean 'RUS' \(Russia\)"):
            Actor("x", "X", "person", country="RUSS")

    def test_unknown_country_without_suggestion(self) -> None:
        """An unknown country code like nothing known gets no suggestion."""
        with pytest.raises(FieldError) as caught:
            Actor("x", "X", "person", country="QQQ")
        assert "did you mean" not in str(caught.value)

    def test_value_semantics(self) -> None:
        """Actors are frozen, hashable and equal by value; evolve makes changed copies."""
        first = Actor.state("RUS", aliases=["Moscow"])
        second = Actor.state("rus", aliases=("Moscow",))
        assert first == second
        assert hash(first) == hash(second)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            first.name = "Russian Federation"  # type: ignore[misc]
        assert attrs.evolve(first, name="Russian Federation").name == "Russian Federation"

    def test_repr(self) -> None:
        """The repr names the class and every field with its value."""
        shown = repr(Actor.person("peskov", "Dmitry Peskov", country="RUS"))
        assert shown.startswith("Actor(id='peskov', name='Dmitry Peskov', kind=")
        assert "ActorKind.PERSON" in shown
        assert "country='RUS'" in shown


class TestActorState:
    @pytest.mark.parametrize("row", ROWS, ids=[row["alpha_3"] for row in ROWS])
    def test_every_code(self, row: dict[str, str]) -> None:
        """Every code in the table makes a state named by its common name, else its ISO name."""
        state = Actor.state(row["alpha_3"])
        assert state.id == state.country == row["alpha_3"]
        assert state.kind is ActorKind.STATE
        assert state.name == (row["common_name"] or row["name"])

    def test_any_case(self) -> None:
        """The code may be given in any case."""
        assert Actor.state("ven") == Actor.state("VEN") == Actor.state("Ven")

    def test_aliases_and_wikidata(self) -> None:
        """The aliases and wikidata arguments pass through to the actor."""
        russia = Actor.state("RUS", aliases="Moscow", wikidata="Q159")
        assert russia.aliases == frozenset({"Moscow"})
        assert russia.wikidata == "Q159"

    # (code given, the suggestions expected among the first)
    UNKNOWN: tuple[tuple[Any, ...], ...] = (
        # typos of a code or a name
        ("RUSS", "RUS"),
        ("Rusia", "RUS"),
        ("Germny", "DEU"),
        ("Venezula", "VEN"),
        # names, common names and alpha-2 codes point at their alpha-3 code
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("United States", "USA"),
        ("South Korea", "KOR"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Cote d'Ivoire", "CIV"),
        ("RU", "RUS"),
        ("GB", "GBR"),
        # abbreviations that are not ISO codes
        ("UK", "GBR"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Burma", "MMR"),
    )

    @pytest.mark.parametrize(("code", "suggested"), UNKNOWN)
    def test_unknown_suggests(self, code: str, suggested: str) -> None:
        """An unknown code raises UnknownReferenceError suggesting the code it looks like."""
        with pytest.raises(UnknownReferenceError) as caught:
            Actor.state(code)
        error = caught.value
        assert error.path == "Actor.state.code"
        assert error.ref == code
        assert error.suggestions[0] == suggested
        assert "ISO 3166-1 alpha-3 country" in str(error)
        assert f"{suggested!r} ({country_name(suggested)})" in error.__notes__[0]
        assert isinstance(error, KeyError)

    @pytest.mark.parametrize("code", ["QQQ", "", "   ", "zzzzzzzz"])
    def test_unknown_without_suggestion(self, code: str) -> None:
        """A code like nothing known raises with no suggestions and no note."""
        with pytest.raises(UnknownReferenceError) as caught:
            Actor.state(code)
        assert caught.value.suggestions == ()
        assert not getattr(caught.value, "__notes__", [])

    def test_not_a_string(self) -> None:
        """A code that is not a string raises FieldError."""
        with pytest.raises(FieldError) as caught:
            Actor.state(643)  # type: ignore[arg-type]
        assert caught.value.path == "Actor.state.code"


class TestFormerStates:
    # (code, the name news uses, first day, last day): each state's span as history gives it
    STATES: tuple[tuple[Any, ...], ...] = (
        ("SUN", "Soviet Union", date(1922, 12, 30), date(1991, 12, 26)),
        ("YUG", "Yugoslavia", date(1918, 12, 1), date(2003, 2, 3)),
        ("CSK", "Czechoslovakia", date(1918, 10, 28), date(1992, 12, 31)),
        ("DDR", "East Germany", date(1949, 10, 7), date(1990, 10, 2)),
        ("YMD", "South Yemen", date(1967, 11, 30), date(1990, 5, 21)),
        ("SCG", "Serbia and Montenegro", date(2003, 2, 4), date(2006, 6, 3)),
    )

    @pytest.mark.parametrize(("code", "name", "first", "last"), STATES)
    def test_state_and_span(self, code: str, name: str, first: date, last: date) -> None:
        """Actor.state names a former state; country_span gives the days it existed."""
        actor = Actor.state(code.lower())
        assert (actor.id, actor.name, actor.kind, actor.country) == (
            code,
            name,
            ActorKind.STATE,
            code,
        )
        assert country_span(code) == TimeSpan.between(first, last)
        assert country_name(code) == name

    def test_every_row_has_a_span(self) -> None:
        """Every former state's first day comes before its last, and the code is not in use."""
        current = {row["alpha_3"] for row in ROWS}
        for row in FORMER_ROWS:
            assert row["alpha_3"] not in current
            assert date.fromisoformat(row["start"]) < date.fromisoformat(row["end"])

    def test_current_country_span(self) -> None:
        """A country of today has no recorded bound: always."""
        assert country_span("RUS") == TimeSpan.always()

    def test_country_field(self) -> None:
        """A person may belong to a former state, and to Kosovo."""
        assert Actor.person("gorbachev", "Mikhail Gorbachev", country="sun").country == "SUN"
        assert Actor.person("osmani", "Vjosa Osmani", country="XKX").country == "XKX"

    def test_kosovo(self) -> None:
        """XKX, the user-assigned code in use for Kosovo, is a state of today."""
        kosovo = Actor.state("XKX")
        assert (kosovo.name, country_span("XKX")) == ("Kosovo", TimeSpan.always())

    def test_unknown_span(self) -> None:
        """country_span of an unknown code names its argument and suggests."""
        with pytest.raises(UnknownReferenceError) as caught:
            country_span("USR")
        assert caught.value.path == "country_span.code"


class TestInternationalOrganization:
    @pytest.mark.parametrize(
        ("ident", "name"),
        [
            ("EU", "European Union"),
            ("un", "United Nations"),
            ("NATO", "North Atlantic Treaty Organization"),
            ("AU", "African Union"),
            ("ASEAN", "Association of Southeast Asian Nations"),
            ("OPCW", "Organisation for the Prohibition of Chemical Weapons"),
        ],
    )
    def test_known(self, ident: str, name: str) -> None:
        """The shipped table names an organisation of no country, its id upper-cased."""
        actor = Actor.international_organization(ident, aliases=["Brussels"])
        assert (actor.id, actor.name, actor.kind, actor.country) == (
            ident.upper(),
            name,
            ActorKind.INTERNATIONAL_ORGANIZATION,
            None,
        )
        assert actor.aliases == {"Brussels"}
        assert actor.id in ORGANIZATION_IDS

    def test_ids_are_not_country_codes(self) -> None:
        """No organisation's id is a country code (a claim's name is one or the other)."""
        assert not ORGANIZATION_IDS & COUNTRY_CODES

    def test_unknown_suggests(self) -> None:
        """An unknown id suggests close ones and says how to make any other organisation."""
        with pytest.raises(UnknownReferenceError) as caught:
            Actor.international_organization("NATOO")
        assert caught.value.path == "Actor.international_organization.id"
        assert caught.value.suggestions == ("NATO",)
        assert "Actor.organization(" in caught.value.__notes__[0]

    def test_not_a_string(self) -> None:
        """A non-string id is a FieldError naming the argument."""
        with pytest.raises(FieldError, match=r"Actor\.international_organization\.id"):
            Actor.international_organization(5)  # type: ignore[arg-type]

    def test_state_of_an_organization(self) -> None:
        """Actor.state("EU") points to the organisation's constructor."""
        with pytest.raises(UnknownReferenceError) as caught:
            Actor.state("EU")
        assert any("Actor.international_organization('EU')" in n for n in caught.value.__notes__)

    def test_spokesperson(self) -> None:
        """An organisation's spokesperson speaks for it through an affiliation."""
        link = Affiliation(
            "borrell",
            Actor.international_organization("EU"),
            role="High Representative",
            speaks_for=True,
        )
        assert link.organization == "EU"


class TestActorPerson:
    def test_person(self) -> None:
        """person() makes a PERSON with the given fields."""
        trump = Actor.person(
            "trump", "Donald Trump", country="usa", aliases=["Trump"], wikidata="Q22686"
        )
        assert trump == Actor(
            "trump",
            "Donald Trump",
            ActorKind.PERSON,
            country="USA",
            aliases=frozenset({"Trump"}),
            wikidata="Q22686",
        )

    def test_person_validates(self) -> None:
        """person() validates like the class does."""
        with pytest.raises(FieldError, match=r"Actor\.id"):
            Actor.person("john bolton", "John Bolton")


class TestActorOrganization:
    def test_default_kind(self) -> None:
        """organization() makes an ORGANIZATION unless told otherwise."""
        assert Actor.organization("kremlin", "the Kremlin").kind is ActorKind.ORGANIZATION

    @pytest.mark.parametrize(
        "kind",
        [
            ActorKind.GOVERNMENT,
            ActorKind.COMPANY,
            ActorKind.MEDIA,
            ActorKind.INTERNATIONAL_ORGANIZATION,
            ActorKind.GROUP,
            ActorKind.OTHER,
            "company",
            "MEDIA",
        ],
    )
    def test_kinds(self, kind: Any) -> None:  # "MEDIA": accepted at run time, not by the types
        """organization() takes any kind but PERSON and STATE, as enum or string."""
        actor = Actor.organization("rostec", "Rostec", kind=kind, country="RUS", aliases="Rostekh")
        assert actor.kind.value == (kind.value if isinstance(kind, ActorKind) else kind.lower())
        assert actor.country == "RUS"
        assert actor.aliases == frozenset({"Rostekh"})

    @pytest.mark.parametrize("kind", [ActorKind.PERSON, ActorKind.STATE, "person", "state"])
    def test_not_person_or_state(self, kind: Any) -> None:
        """organization() refuses PERSON and STATE, pointing at their own constructors."""
        with pytest.raises(FieldError, match=r"Actor\.person or Actor\.state") as caught:
            Actor.organization("x", "X", kind=kind)
        assert caught.value.path == "Actor.organization.kind"

    def test_unknown_kind(self) -> None:
        """organization() with a kind that is no ActorKind raises FieldError for Actor.kind."""
        with pytest.raises(FieldError) as caught:
            Actor.organization("x", "X", kind="ministry")  # type: ignore[arg-type]
        assert caught.value.path == "Actor.kind"


class TestActorId:
    def test_actor(self) -> None:
        """An Actor becomes its id."""
        assert actor_id(Actor.state("VEN")) == "VEN"

    def test_string(self) -> None:
        """A string is already an id."""
        assert actor_id("peskov") == "peskov"

    @pytest.mark.parametrize("value", [None, 7, ["peskov"]])
    def test_other(self, value: Any) -> None:
        """Anything else is returned unchanged, for a validator to reject."""
        assert actor_id(value) is value


class TestAffiliation:
    def test_defaults(self) -> None:
        """By default an affiliation has no role, holds always and does not speak for."""
        link = Affiliation("rosoboronexport", "rostec")
        assert link.role is None
        assert link.span == TimeSpan.always()
        assert link.speaks_for is False

    def test_actors_become_ids(self) -> None:
        """Actors given as member or organization are stored as their ids."""
        peskov = Actor.person("peskov", "Dmitry Peskov")
        kremlin = Actor.organization("kremlin", "the Kremlin", kind="government")
        link = Affiliation(peskov, kremlin, role="spokesman", speaks_for=True)
        assert (link.member, link.organization) == ("peskov", "kremlin")
        assert link == Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True)

    def test_span(self) -> None:
        """An affiliation may hold for a period only."""
        span = TimeSpan.between(date(2012, 5, 22), date(2019, 6, 4))
        assert Affiliation("peskov", "kremlin", span=span).span == span

    def test_keyword_only(self) -> None:
        """Fields after member and organization are keyword-only."""
        with pytest.raises(TypeError):
            Affiliation("peskov", "kremlin", "spokesman")  # type: ignore[call-arg]

    # (member, organization, keyword arguments, path named in the error)
    INVALID: tuple[tuple[Any, ...], ...] = (
        # member and organization are actor ids, different from each other
        ("", "kremlin", {}, "Affiliation.member"),
        ("dmitry peskov", "kremlin", {}, "Affiliation.member"),
        (None, "kremlin", {}, "Affiliation.member"),
        ("peskov", "", {}, "Affiliation.organization"),
        ("peskov", 3, {}, "Affiliation.organization"),
        ("peskov", "peskov", {}, "Affiliation.organization"),
        # role is None or a non-empty string
        ("peskov", "kremlin", {"role": ""}, "Affiliation.role"),
        ("peskov", "kremlin", {"role": 1}, "Affiliation.role"),
        # span is a TimeSpan
        ("peskov", "kremlin", {"span": date(2019, 6, 4)}, "Affiliation.span"),
        ("peskov", "kremlin", {"span": None}, "Affiliation.span"),
        # speaks_for is a bool
        ("peskov", "kremlin", {"speaks_for": 1}, "Affiliation.speaks_for"),
        ("peskov", "kremlin", {"speaks_for": "yes"}, "Affiliation.speaks_for"),
    )

    @pytest.mark.parametrize(("member", "organization", "kwargs", "path"), INVALID)
    def test_invalid(
        self, member: Any, organization: Any, kwargs: dict[str, Any], path: str
    ) -> None:
        """A bad field raises FieldError naming it."""
        with pytest.raises(FieldError) as caught:
            Affiliation(member, organization, **kwargs)
        assert caught.value.path == path

    def test_same_actor_as_actor(self) -> None:
        """An actor cannot be affiliated with itself, given as an Actor or its id."""
        russia = Actor.state("RUS")
        with pytest.raises(FieldError, match="other than the member's"):
            Affiliation(russia, "RUS")

    def test_value_semantics(self) -> None:
        """Affiliations are frozen, hashable and equal by value."""
        first = Affiliation("kremlin", "RUS", speaks_for=True)
        assert first == Affiliation("kremlin", Actor.state("RUS"), speaks_for=True)
        assert len({first, Affiliation("kremlin", "RUS", speaks_for=True)}) == 1
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            first.speaks_for = False  # type: ignore[misc]


class TestStrategies:
    @given(actors())
    def test_actors_are_valid(self, actor: Actor) -> None:
        """actors() draws actors that rebuild equal from their own fields."""
        rebuilt = Actor(
            actor.id,
            actor.name,
            actor.kind,
            country=actor.country,
            aliases=actor.aliases,
            wikidata=actor.wikidata,
        )
        assert rebuilt == actor

    @pytest.mark.parametrize("kind", list(ActorKind))
    def test_every_kind(self, kind: ActorKind) -> None:
        """actors() reaches every ActorKind (find fails if it never draws one)."""
        quick = settings(phases=[Phase.generate], database=None, max_examples=1000)
        assert find(actors(), lambda actor: actor.kind is kind, settings=quick).kind is kind

    @given(actors(kinds=[ActorKind.STATE]))
    def test_states(self, actor: Actor) -> None:
        """actors(kinds=[STATE]) draws states of the shipped table."""
        assert actor.kind is ActorKind.STATE
        assert actor.id in COUNTRY_CODES

    @given(actors(kinds=[ActorKind.MEDIA]))
    def test_restricted_kinds(self, actor: Actor) -> None:
        """actors(kinds=...) draws only those kinds."""
        assert actor.kind is ActorKind.MEDIA

    def test_no_kinds(self) -> None:
        """actors(kinds=[]) is refused: it could draw nothing."""
        with pytest.raises(FieldError):
            actors(kinds=[])

    @given(actor_ids())
    def test_actor_ids(self, ident: str) -> None:
        """actor_ids() draws ids an Actor accepts."""
        assert Actor(ident, "X", "other").id == ident

    @given(affiliations())
    def test_affiliations(self, link: Affiliation) -> None:
        """affiliations() draws affiliations between two different actors."""
        assert link.member != link.organization
        assert isinstance(link.span, TimeSpan)
