from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import attrs
import pytest

from diplostatements import (
    Actor,
    Channel,
    Claim,
    QuoteKind,
    Relay,
    RelayKind,
    Source,
    SpeechAct,
    Statement,
    TimeSpan,
)
from diplostatements.exceptions import FieldError

JUNE_3 = date(2019, 6, 3)
JUNE_4 = date(2019, 6, 4)
INFORMED = Claim("RUS", "informed", "USA")


class TestEnums:
    @pytest.mark.parametrize("kind", [Channel, QuoteKind, SpeechAct, RelayKind])
    def test_values_are_lower_case_names(self, kind: type[enum.Enum]) -> None:
        """Every member's value is its name in lower case (the file format relies on it)."""
        for member in kind:
            assert member.value == member.name.lower()

    # (enum, member names the architecture promises)
    PROMISED = (
        (
            Channel,
            {
                "TWEET",
                "SOCIAL_MEDIA",
                "PRESS_BRIEFING",
                "PRESS_RELEASE",
                "STATEMENT",
                "INTERVIEW",
                "SPEECH",
                "NEWS_REPORT",
                "COMMUNIQUE",
                "UNSPECIFIED",
            },
        ),
        (QuoteKind, {"DIRECT", "INDIRECT", "PARAPHRASE", "UNSPECIFIED"}),
        (
            SpeechAct,
            {
                "ASSERT",
                "DENY",
                "ACCUSE",
                "RECOGNIZE",
                "REJECT",
                "PROMISE",
                "THREATEN",
                "APPEAL",
                "DECLINE_COMMENT",
                "ACKNOWLEDGE",
            },
        ),
    )

    @pytest.mark.parametrize(("kind", "names"), PROMISED)
    def test_promised_members(self, kind: type[enum.Enum], names: set[str]) -> None:
        """The members ARCHITECTURE.md names all exist."""
        assert names <= {member.name for member in kind}


class TestSpeechAct:
    # (act, CAMEO event code)
    CAMEO = (
        # 01: make public statement
        (SpeechAct.ASSERT, "010"),
        (SpeechAct.DECLINE_COMMENT, "011"),
        (SpeechAct.ACKNOWLEDGE, "015"),
        (SpeechAct.DENY, "016"),
        # 02-05: appeal, intend, consult, cooperate diplomatically
        (SpeechAct.APPEAL, "020"),
        (SpeechAct.PROMISE, "030"),
        (SpeechAct.CONSULT, "040"),
        (SpeechAct.PRAISE, "051"),
        (SpeechAct.RECOGNIZE, "054"),
        (SpeechAct.AGREE, "057"),
        # 10-14: demand, disapprove, reject, threaten, protest
        (SpeechAct.DEMAND, "100"),
        (SpeechAct.CRITICIZE, "111"),
        (SpeechAct.ACCUSE, "112"),
        (SpeechAct.REJECT, "120"),
        (SpeechAct.THREATEN, "130"),
        (SpeechAct.PROTEST, "140"),
    )

    @pytest.mark.parametrize(("act", "code"), CAMEO)
    def test_cameo(self, act: SpeechAct, code: str) -> None:
        """Each act has its CAMEO event code."""
        assert act.cameo == code

    def test_every_act_has_a_code(self) -> None:
        """The table above covers every act, and no two acts share a code."""
        assert {act for act, _ in self.CAMEO} == set(SpeechAct)
        assert len({act.cameo for act in SpeechAct}) == len(SpeechAct)


class TestRelay:
    # (arguments, keyword arguments, (via, kind, on) stored)
    VALID: tuple[tuple[tuple[Any, ...], dict[str, Any], tuple[str, RelayKind, Any]], ...] = (
        # the default hop is a medium quoting the speaker
        (("interfax",), {}, ("interfax", RelayKind.QUOTED, None)),
        # an Actor stands for its id; kinds by member, value or name
        (
            (Actor.organization("interfax", "Interfax", kind="media"),),
            {"kind": "press_service"},
            ("interfax", RelayKind.PRESS_SERVICE, None),
        ),
        (("tass",), {"kind": "TRANSLATED"}, ("tass", RelayKind.TRANSLATED, None)),
        # a date is that day
        (("tass",), {"on": JUNE_3}, ("tass", RelayKind.QUOTED, TimeSpan.on(JUNE_3))),
        (
            ("tass",),
            {"on": TimeSpan.sometime_in(2019, 6)},
            ("tass", RelayKind.QUOTED, TimeSpan.sometime_in(2019, 6)),
        ),
    )

    @pytest.mark.parametrize(("args", "kwargs", "stored"), VALID)
    def test_valid(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], stored: tuple[str, RelayKind, Any]
    ) -> None:
        """A relay stores its via as an id, its kind as a RelayKind and its day as a span."""
        relay = Relay(*args, **kwargs)
        assert (relay.via, relay.kind, relay.on) == stored

    # (arguments, keyword arguments, path named by the error)
    INVALID: tuple[tuple[tuple[Any, ...], dict[str, Any], str], ...] = (
        (("",), {}, "Relay.via"),
        ((None,), {}, "Relay.via"),
        (("tass",), {"kind": "retweeted"}, "Relay.kind"),
        (("tass",), {"on": "Monday"}, "Relay.on"),
    )

    @pytest.mark.parametrize(("args", "kwargs", "path"), INVALID)
    def test_invalid(self, args: tuple[Any, ...], kwargs: dict[str, Any], path: str) -> None:
        """A bad relay raises FieldError naming the field."""
        with pytest.raises(FieldError) as caught:
            Relay(*args, **kwargs)
        assert caught.value.path == path


class TestSource:
    def test_valid(self) -> None:
        """A source keeps its publisher (an Actor as its id), title, url and day."""
        source = Source(
            Actor.organization("washington-post", "The Washington Post", kind="media"),
            title="Kremlin denies Trump's claim",
            url="https://example.org/a",
            published=JUNE_4,
        )
        assert (source.publisher, source.title, source.url, source.published) == (
            "washington-post",
            "Kremlin denies Trump's claim",
            "https://example.org/a",
            JUNE_4,
        )
        assert Source("The Washington Post") == Source("The Washington Post")

    # (keyword arguments, path named by the error)
    INVALID: tuple[tuple[dict[str, Any], str], ...] = (
        ({"publisher": ""}, "Source.publisher"),
        ({"publisher": 3}, "Source.publisher"),
        ({"title": ""}, "Source.title"),
        ({"url": " "}, "Source.url"),
        ({"published": "2019-06-04"}, "Source.published"),
        # a timestamp where a day is meant is a mistake, not a date
        ({"published": datetime(2019, 6, 4, 12)}, "Source.published"),
    )

    @pytest.mark.parametrize(("kwargs", "path"), INVALID)
    def test_invalid(self, kwargs: dict[str, Any], path: str) -> None:
        """A bad source raises FieldError naming the field."""
        arguments: dict[str, Any] = {"publisher": "wsj", **kwargs}
        with pytest.raises(FieldError) as caught:
            Source(**arguments)
        assert caught.value.path == path


def statement(**kwargs: Any) -> Statement:
    arguments: dict[str, Any] = {
        "id": "trump-2019-06-03",
        "speaker": "trump",
        "said_on": JUNE_3,
        **kwargs,
    }
    return Statement(**arguments)


class TestStatement:
    def test_defaults(self) -> None:
        """A statement without options: no claims, unspecified channel and quote, an assertion."""
        st = Statement("s1", "trump", JUNE_3)
        assert st.claims == ()
        assert (st.channel, st.act, st.quote) == (
            Channel.UNSPECIFIED,
            SpeechAct.ASSERT,
            QuoteKind.UNSPECIFIED,
        )
        assert (st.on_behalf_of, st.text, st.relays, st.source, st.language) == (
            None,
            None,
            (),
            None,
            None,
        )

    # (keyword arguments, field, value stored)
    CONVERSIONS: tuple[tuple[dict[str, Any], str, object], ...] = (
        # said_on: a date is that day, a datetime its day, a span kept (an undated denial)
        ({"said_on": JUNE_3}, "said_on", TimeSpan.on(JUNE_3)),
        ({"said_on": datetime(2019, 6, 3, 18, 30)}, "said_on", TimeSpan.on(JUNE_3)),
        (
            {"said_on": TimeSpan.sometime_in(2019, 6)},
            "said_on",
            TimeSpan.sometime_in(2019, 6),
        ),
        # claims and relays: any ordered collection becomes a tuple
        ({"claims": [INFORMED]}, "claims", (INFORMED,)),
        ({"claims": (INFORMED,)}, "claims", (INFORMED,)),
        (
            {"claims": (c for c in [INFORMED, INFORMED.negated()])},
            "claims",
            (INFORMED, INFORMED.negated()),
        ),
        ({"claims": []}, "claims", ()),
        ({"relays": [Relay("interfax")]}, "relays", (Relay("interfax"),)),
        # actors stand for their ids
        ({"speaker": Actor.person("trump", "Donald Trump")}, "speaker", "trump"),
        ({"on_behalf_of": Actor.state("USA")}, "on_behalf_of", "USA"),
        ({"on_behalf_of": "USA"}, "on_behalf_of", "USA"),
        # enums by member, value or name
        ({"channel": Channel.TWEET}, "channel", Channel.TWEET),
        ({"channel": "tweet"}, "channel", Channel.TWEET),
        ({"channel": "PRESS_BRIEFING"}, "channel", Channel.PRESS_BRIEFING),
        ({"act": "deny"}, "act", SpeechAct.DENY),
        ({"act": "Decline_Comment"}, "act", SpeechAct.DECLINE_COMMENT),
        ({"quote": "direct"}, "quote", QuoteKind.DIRECT),
        ({"quote": QuoteKind.PARAPHRASE}, "quote", QuoteKind.PARAPHRASE),
        # language: BCP 47 tags
        ({"language": "en"}, "language", "en"),
        ({"language": "en-US"}, "language", "en-US"),
        ({"language": "zh-Hant-TW"}, "language", "zh-Hant-TW"),
        ({"language": "fil"}, "language", "fil"),
        # free text and the source, as given
        ({"text": "Russia has informed us."}, "text", "Russia has informed us."),
        ({"source": Source("wsj")}, "source", Source("wsj")),
    )

    @pytest.mark.parametrize(("kwargs", "field", "stored"), CONVERSIONS)
    def test_valid(self, kwargs: dict[str, Any], field: str, stored: object) -> None:
        """Valid arguments are stored in their normal form."""
        value = getattr(statement(**kwargs), field)
        assert value == stored
        assert type(value) is type(stored)

    # (keyword arguments, path named by the error)
    INVALID: tuple[tuple[dict[str, Any], str], ...] = (
        # ids and speakers: non-empty strings (or an Actor)
        ({"id": ""}, "Statement.id"),
        ({"id": None}, "Statement.id"),
        ({"id": 3}, "Statement.id"),
        ({"speaker": ""}, "Statement.speaker"),
        ({"speaker": None}, "Statement.speaker"),
        ({"on_behalf_of": " "}, "Statement.on_behalf_of"),
        ({"on_behalf_of": 1}, "Statement.on_behalf_of"),
        # said_on: a date or a span, never missing, words or a year
        ({"said_on": None}, "Statement.said_on"),
        ({"said_on": "on Monday"}, "Statement.said_on"),
        ({"said_on": 2019}, "Statement.said_on"),
        # claims: a sequence of Claim, not one claim, text or an unordered set
        ({"claims": INFORMED}, "Statement.claims"),
        ({"claims": "Russia informed us"}, "Statement.claims"),
        ({"claims": {INFORMED}}, "Statement.claims"),
        ({"claims": {"a": INFORMED}}, "Statement.claims"),
        ({"claims": None}, "Statement.claims"),
        ({"claims": [INFORMED, "Russia removed most"]}, "Statement.claims[1]"),
        # relays: a sequence of Relay, in order from the speaker
        ({"relays": ["interfax"]}, "Statement.relays[0]"),
        ({"relays": {Relay("interfax")}}, "Statement.relays"),
        # enums
        ({"channel": "twitter"}, "Statement.channel"),
        ({"act": "say"}, "Statement.act"),
        ({"act": None}, "Statement.act"),
        ({"quote": "verbatim"}, "Statement.quote"),
        # text and source
        ({"text": ""}, "Statement.text"),
        ({"text": 5}, "Statement.text"),
        ({"source": "wsj"}, "Statement.source"),
        # language: a BCP 47 tag in its usual case
        ({"language": "English"}, "Statement.language"),
        ({"language": "EN"}, "Statement.language"),
        ({"language": "e"}, "Statement.language"),
        ({"language": "en_US"}, "Statement.language"),
        ({"language": ""}, "Statement.language"),
        ({"language": 7}, "Statement.language"),
    )

    @pytest.mark.parametrize(("kwargs", "path"), INVALID)
    def test_invalid(self, kwargs: dict[str, Any], path: str) -> None:
        """A bad argument raises FieldError naming Class.field and showing what came."""
        with pytest.raises(FieldError) as caught:
            statement(**kwargs)
        assert caught.value.path == path
        assert str(caught.value).startswith(f"{path}: expected ")

    def test_error_shows_what_came(self) -> None:
        """The message names the field and shows the bad value with its type."""
        with pytest.raises(FieldError) as caught:
            statement(claims=[INFORMED, 42])
        assert str(caught.value) == "Statement.claims[1]: expected a Claim, got 42"
        assert caught.value.got == 42

    def test_positional_and_keyword_fields(self) -> None:
        """id, speaker, said_on and claims are positional; the rest are keyword-only."""
        st = Statement("s1", "trump", JUNE_3, [INFORMED])
        assert st.claims == (INFORMED,)
        with pytest.raises(TypeError):
            Statement("s1", "trump", JUNE_3, [INFORMED], "USA")  # type: ignore[call-arg]

    def test_value_semantics(self) -> None:
        """Statements are frozen, equal by value and hash by value."""
        first = statement(claims=[INFORMED], relays=[Relay("interfax")])
        second = statement(claims=(INFORMED,), relays=(Relay("interfax"),))
        assert first == second
        assert hash(first) == hash(second)
        assert first != statement(claims=[INFORMED], channel="tweet")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            first.speaker = "peskov"  # type: ignore[misc]

    def test_sort_key(self) -> None:
        """sort_key orders by when it was said, then by id; a vague date sorts by its bounds."""
        early = statement(id="b", said_on=JUNE_3)
        later = statement(id="a", said_on=JUNE_4)
        same_day = statement(id="a", said_on=JUNE_3)
        vague = statement(id="z", said_on=TimeSpan.sometime_in(2019, 6))
        ordered = sorted([later, early, vague, same_day], key=lambda st: st.sort_key)
        assert [st.id for st in ordered] == ["z", "a", "b", "a"]
        assert ordered[1] is same_day
        assert early.sort_key == (TimeSpan.on(JUNE_3), "b")
