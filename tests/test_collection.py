from __future__ import annotations

import random
import warnings
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import attrs
import pytest

from diplostatements import (
    Actor,
    ActorKind,
    Affiliation,
    Assertion,
    Claim,
    ClaimRef,
    Rebuttal,
    Relay,
    Statement,
    StatementSet,
    TimeSpan,
)
from diplostatements.checker._making import make_assertion
from diplostatements.collection import Item
from diplostatements.exceptions import (
    DiplostatementsError,
    DuplicateIdError,
    FieldError,
    UnknownReferenceError,
    ValidationError,
)

MAY_31 = date(2019, 5, 31)
JUNE_3 = date(2019, 6, 3)
JUNE_4 = date(2019, 6, 4)

RUS = Actor.state("RUS", aliases={"Moscow", "Russia"})
USA = Actor.state("USA", aliases={"Washington", "United States"})
VEN = Actor.state("VEN")
PESKOV = Actor.person("peskov", "Dmitry Peskov", country="RUS")
KREMLIN = Actor("kremlin", "The Kremlin", ActorKind.GOVERNMENT, country="RUS")
TRUMP = Actor.person("trump", "Donald Trump", country="USA")
INTERFAX = Actor.organization("interfax", "Interfax", kind="media", aliases={"Interfax"})
ACTORS = [RUS, USA, VEN, PESKOV, KREMLIN, TRUMP, INTERFAX]

SPOKESMAN = Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True)
KREMLIN_RUS = Affiliation("kremlin", "RUS", speaks_for=True)
PRESIDENT = Affiliation(
    "trump",
    "USA",
    role="president",
    span=TimeSpan.between(date(2017, 1, 20), date(2021, 1, 20)),
    speaks_for=True,
)
AFFILIATIONS = [SPOKESMAN, KREMLIN_RUS, PRESIDENT]

# Written as a user would, with aliases; the set stores them resolved to ids.
REMOVED = Claim("Moscow", "withdrew_personnel_from", "VEN")
TWEET = Statement(
    "tweet",
    "trump",
    JUNE_3,
    [Claim("Russia", "informed", "United States", content=REMOVED)],
    channel="tweet",
)
DENIAL = Rebuttal(
    "denial",
    "peskov",
    JUNE_4,
    # "There have been no official messages": up to the day it was said (a claim of the
    # denial's own, so its period decides what it denies).
    [
        Claim(
            "RUS",
            "informed",
            "USA",
            polarity="negated",
            qualifiers="official",
            when=TimeSpan.until(JUNE_4),
        )
    ],
    targets=[ClaimRef("tweet", 0)],
    kind="denial",
)
CHALLENGE = Rebuttal("challenge", "peskov", JUNE_4, targets=["tweet"], kind="challenge")
RELAYED = Statement(
    "relayed",
    "kremlin",
    JUNE_3,
    [Claim("RUS", "cooperates_with", "VEN"), Claim("RUS", "sells_arms_to", "VEN")],
    relays=[Relay("interfax")],
)
VAGUE = Statement(
    "vague", "peskov", TimeSpan.sometime_in(2019, 5), [Claim("RUS", "supports", "maduro")]
)
STATEMENTS: list[Statement] = [TWEET, DENIAL, CHALLENGE, RELAYED, VAGUE]
ITEMS: list[Item] = [*ACTORS, *AFFILIATIONS, *STATEMENTS]


def full_set() -> StatementSet:
    return StatementSet(ITEMS)


def snapshot(s: StatementSet) -> tuple[Any, ...]:
    """Everything a reader can see of a set, in the order it is seen."""
    return (
        list(s.actors.items()),
        s.affiliations,
        list(s.statements.items()),
        s.timeline(),
        list(s),
        list(s.assertions()),
        len(s),
        repr(s),
    )


class TestAssertion:
    def test_fields(self) -> None:
        """An assertion names its statement, claim, side and index, and its statement's speaker."""
        claim = Claim("RUS", "informed", "USA")
        statement = Statement("s", "peskov", JUNE_4, [claim])
        assertion = Assertion(statement, claim, "RUS", 0)
        assert (assertion.speaker, assertion.side, assertion.index) == ("peskov", "RUS", 0)
        assert assertion.denies is None
        assert assertion.ref == "s#0"

    def test_when(self) -> None:
        """An assertion is about its claim's period, or else the day the statement was made."""
        dated = Claim("RUS", "x", when=TimeSpan.sometime_in(2019, 3))
        undated = Claim("RUS", "y")
        statement = Statement("s", "peskov", JUNE_4, [dated, undated])
        assert Assertion(statement, dated, "RUS", 0).when == TimeSpan.sometime_in(2019, 3)
        assert Assertion(statement, undated, "RUS", 1).when == TimeSpan.on(JUNE_4)

    def test_ref_of_an_implied_negation(self) -> None:
        """The negation a rebuttal implies has no index; its ref names the claim it denies."""
        claim = Claim("RUS", "informed", "USA")
        assertion = Assertion(DENIAL, claim.negated(), "RUS", None, denies=ClaimRef("tweet", 0))
        assert assertion.ref == "denial#denies:tweet#0"

    @pytest.mark.parametrize("denies", [None, ClaimRef("tweet", 0)])
    def test_made_without_init(self, denies: ClaimRef | None) -> None:
        """The checker's faster way to make an assertion makes the same one, every field set."""
        claim = Claim("RUS", "informed", "USA")
        index = None if denies else 0
        made = make_assertion(DENIAL, claim, "RUS", index, denies)
        built = Assertion(DENIAL, claim, "RUS", index, denies=denies)
        assert attrs.asdict(made, recurse=False) == attrs.asdict(built, recurse=False)
        assert (made, hash(made), repr(made)) == (built, hash(built), repr(built))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.side = "USA"  # type: ignore[misc]


class TestAdd:
    def test_returns_the_item_as_stored(self) -> None:
        """add() returns the item as stored: a statement with aliases resolved to ids."""
        s = StatementSet([*ACTORS, *AFFILIATIONS])
        stored = s.add(TWEET)
        assert stored.claims[0] == Claim(
            "RUS", "informed", "USA", content=Claim("RUS", "withdrew_personnel_from", "VEN")
        )
        assert s.statements["tweet"] == stored
        assert type(s.add(DENIAL)) is Rebuttal  # the class is kept: a rebuttal comes back
        assert s.add(RUS) is RUS
        assert s.add(SPOKESMAN) is SPOKESMAN

    # (statement as written, field, value stored)
    ALIASES = (
        # speakers, on_behalf_of and relays given by alias (any case) are stored as ids
        (Statement("a", "Moscow", JUNE_4), "speaker", "RUS"),
        (Statement("a", "moscow", JUNE_4), "speaker", "RUS"),
        (Statement("a", "peskov", JUNE_4, on_behalf_of="Russia"), "on_behalf_of", "RUS"),
        (
            Statement("a", "peskov", JUNE_4, relays=[Relay("INTERFAX")]),
            "relays",
            (Relay("interfax"),),
        ),
        # claim subjects and objects, nested content included
        (
            Statement("a", "peskov", JUNE_4, [Claim("Moscow", "supports", "maduro")]),
            "claims",
            (Claim("RUS", "supports", "maduro"),),
        ),
        (
            Statement("a", "peskov", JUNE_4, [Claim("maduro", "backed_by", "russia")]),
            "claims",
            (Claim("maduro", "backed_by", "RUS"),),
        ),
        (
            Statement(
                "a",
                "peskov",
                JUNE_4,
                [Claim("x", "said", content=Claim("y", "z", content=Claim("Washington", "w")))],
            ),
            "claims",
            (Claim("x", "said", content=Claim("y", "z", content=Claim("USA", "w"))),),
        ),
        # an Actor stands for its id; ids and plain entity names are kept as they are
        (
            Statement("a", PESKOV, JUNE_4, [Claim(RUS, "supports", "S-300")]),
            "claims",
            (Claim("RUS", "supports", "S-300"),),
        ),
        (
            Statement("a", "peskov", JUNE_4, [Claim("RUS", "supports", "maduro")]),
            "speaker",
            "peskov",
        ),
    )

    @pytest.mark.parametrize(("statement", "field", "stored"), ALIASES)
    def test_aliases_resolved(self, statement: Statement, field: str, stored: object) -> None:
        """Aliases ("Moscow") are stored as the actor's id wherever an actor is named."""
        s = StatementSet([*ACTORS, *AFFILIATIONS])
        added = s.add(statement)
        assert getattr(added, field) == stored
        assert getattr(s.statements["a"], field) == stored

    def test_same_item_twice(self) -> None:
        """Adding the very same item again, even written with aliases, changes nothing."""
        s = full_set()
        before = snapshot(s)
        for item in ITEMS:
            s.add(item)
        s.extend(ITEMS)
        s.extend([TWEET, TWEET])
        assert snapshot(s) == before

    def test_any_order_within_a_batch(self) -> None:
        """In one batch a statement may come before its speaker and a rebuttal before its target."""
        s = StatementSet()
        s.extend([CHALLENGE, DENIAL, *reversed(STATEMENTS), *reversed(AFFILIATIONS), *ACTORS])
        assert s == full_set()

    def test_rebuttal_of_a_rebuttal_later_in_the_batch(self) -> None:
        """A rebuttal may target another rebuttal that comes later in the same batch."""
        retraction = Rebuttal(
            "retraction", "kremlin", JUNE_4, targets=["denial"], kind="retraction"
        )
        s = StatementSet([*ACTORS, TWEET, retraction, DENIAL])
        assert s.rebuttals_of("denial") == (retraction,)

    def test_constructor_takes_items(self) -> None:
        """StatementSet(items) is the same as an empty set extended with them."""
        s = StatementSet()
        s.extend(iter(ITEMS))
        assert StatementSet(ITEMS) == s
        assert len(StatementSet()) == 0

    def test_alias_added_after_the_claim_that_uses_it(self) -> None:
        """A claim stored before the actor whose alias it names is resolved when the actor comes."""
        s = StatementSet([PESKOV])
        s.add(Statement("a", "peskov", JUNE_4, [Claim("x", "said", content=Claim("Moscow", "w"))]))
        assert s.statements["a"].claims[0].content == Claim("Moscow", "w")
        s.add(RUS)
        assert s.statements["a"].claims[0].content == Claim("RUS", "w")
        assert s.about("RUS") == (s.statements["a"],)

    def test_readding_after_the_alias_arrived(self) -> None:
        """A statement re-added after its alias became known is the same statement, not a clash."""
        statement = Statement("a", "peskov", JUNE_4, [Claim("Moscow", "w")])
        s = StatementSet([PESKOV, statement])
        s.extend([RUS, statement])
        assert s.statements["a"].claims == (Claim("RUS", "w"),)
        s.add(statement)
        assert len(s) == 1


class TestReferences:
    # (item, error class, path, words in the message)
    INVALID: tuple[tuple[Any, type[Exception], str, str], ...] = (
        # unknown actors, with close matches
        (
            Statement("x", "pesckov", JUNE_4),
            UnknownReferenceError,
            "Statement('x').speaker",
            "did you mean 'peskov'?",
        ),
        (
            Statement("x", "peskov", JUNE_4, on_behalf_of="kremlim"),
            UnknownReferenceError,
            "Statement('x').on_behalf_of",
            "did you mean 'kremlin'?",
        ),
        (
            Statement("x", "peskov", JUNE_4, relays=[Relay("interfax"), Relay("tass")]),
            UnknownReferenceError,
            "Statement('x').relays[1].via",
            "got 'tass'",
        ),
        (
            Affiliation("lavrov", "RUS", speaks_for=True),
            UnknownReferenceError,
            "Affiliation('lavrov', 'RUS').member",
            "expected a known actor id, got 'lavrov'",
        ),
        (
            Affiliation("peskov", "kremln"),
            UnknownReferenceError,
            "Affiliation('peskov', 'kremln').organization",
            "did you mean 'kremlin'?",
        ),
        # affiliations name actors by id, not by alias
        (
            Affiliation("kremlin", "Moscow"),
            FieldError,
            "Affiliation('kremlin', 'Moscow').organization",
            "the actor's id 'RUS', not an alias",
        ),
        # unknown targets, claim indexes out of range, a rebuttal aimed at itself
        (
            Rebuttal("r", "peskov", JUNE_4, targets=["twet"], kind="denial"),
            UnknownReferenceError,
            "Rebuttal('r').targets[0]",
            "expected a known statement id, got 'twet'; did you mean 'tweet'?",
        ),
        (
            Rebuttal("r", "peskov", JUNE_4, targets=["tweet", ClaimRef("tweet", 1)], kind="denial"),
            FieldError,
            "Rebuttal('r').targets[1].claim",
            "a claim index below 1 (statement 'tweet' has 1 claim)",
        ),
        (
            Rebuttal("r", "peskov", JUNE_4, targets=[ClaimRef("relayed", 5)], kind="denial"),
            FieldError,
            "Rebuttal('r').targets[0].claim",
            "statement 'relayed' has 2 claims",
        ),
        (
            Rebuttal("r", "peskov", JUNE_4, targets=["r"], kind="denial"),
            FieldError,
            "Rebuttal('r').targets[0]",
            "a rebuttal cannot target itself",
        ),
        # ids reused for different content
        (
            Actor.person("peskov", "Dmitri Peskov"),
            DuplicateIdError,
            "Actor('peskov').id",
            "actor id 'peskov' is already used by a different actor",
        ),
        (
            Statement("tweet", "trump", JUNE_4),
            DuplicateIdError,
            "Statement('tweet').id",
            "statement id 'tweet' is already used",
        ),
        (
            Rebuttal(
                "tweet",
                "trump",
                JUNE_3,
                TWEET.claims,
                channel="tweet",
                targets=["denial"],
                kind="denial",
            ),
            DuplicateIdError,
            "Rebuttal('tweet').id",
            "statement id 'tweet'",
        ),
        # an alias is owned by one actor; an id cannot be another actor's alias
        (
            Actor("moscow-city", "Moscow", ActorKind.OTHER, aliases={"moscow"}),
            DuplicateIdError,
            "Actor('moscow-city').aliases",
            "actor alias id 'moscow'",
        ),
        (
            Actor("Washington", "Washington, D.C.", ActorKind.OTHER),
            DuplicateIdError,
            "Actor('Washington').aliases",
            "'Washington'",
        ),
        (
            Actor("kgb", "KGB", ActorKind.GOVERNMENT, aliases={"kremlin"}),
            DuplicateIdError,
            "Actor('kgb').aliases",
            "'kremlin'",
        ),
        # not an item at all
        (
            Claim("RUS", "informed"),
            FieldError,
            "StatementSet.add(item)",
            "an Actor, Affiliation, PartOf, Statement or Rebuttal",
        ),
        ("peskov", FieldError, "StatementSet.add(item)", "got 'peskov'"),
    )

    @pytest.mark.parametrize(("item", "error", "path", "words"), INVALID)
    def test_add_rejects(self, item: Any, error: type[Exception], path: str, words: str) -> None:
        """A bad reference raises an error naming the path, the id and close matches."""
        s = full_set()
        with pytest.raises(error) as caught:
            s.add(item)
        assert isinstance(caught.value, DiplostatementsError)
        assert str(caught.value).startswith(f"{path}: ")
        assert words in str(caught.value)

    @pytest.mark.parametrize(("item", "error", "path", "words"), INVALID)
    def test_failed_add_leaves_the_set_unchanged(
        self, item: Any, error: type[Exception], path: str, words: str
    ) -> None:
        """After a failed add the set is exactly as it was: equal to a copy taken before."""
        s = full_set()
        before = s.copy()
        seen = snapshot(s)
        with pytest.raises(error):
            s.add(item)
        assert s == before
        assert snapshot(s) == seen
        assert [s.side_of(a.id, JUNE_4) for a in ACTORS] == [
            before.side_of(a.id, JUNE_4) for a in ACTORS
        ]

    def test_unknown_reference_suggestions(self) -> None:
        """The error keeps the bad id and the suggestions as attributes."""
        with pytest.raises(UnknownReferenceError) as caught:
            full_set().add(Statement("x", "Moskow", JUNE_4))
        assert caught.value.ref == "Moskow"
        assert "Moscow" in caught.value.suggestions  # spelled as the actor spells its alias
        assert isinstance(caught.value, KeyError)

    def test_failed_alias_is_not_registered(self) -> None:
        """An actor rejected for a clashing alias leaves none of its other aliases behind."""
        s = full_set()
        with pytest.raises(DuplicateIdError):
            s.add(Actor("city", "Moscow", ActorKind.OTHER, aliases={"Moskva", "Moscow"}))
        with pytest.raises(UnknownReferenceError):
            s.actor("Moskva")
        with pytest.raises(UnknownReferenceError):
            s.actor("city")


class TestExtendAllOrNothing:
    def test_every_problem_listed_and_nothing_added(self) -> None:
        """extend() with bad items among good ones adds nothing and lists every problem by place."""
        s = full_set()
        before = s.copy()
        seen = snapshot(s)
        lavrov = Actor.person("lavrov", "Sergei Lavrov")
        batch: list[Any] = [
            lavrov,
            Statement("lavrov-1", "lavrov", JUNE_4, [Claim("RUS", "supports", "maduro")]),
            Statement("bad-speaker", "lavrof", JUNE_4),
            Affiliation("lavrov", "RUS", speaks_for=True),
            Rebuttal("bad-target", "lavrov", JUNE_4, targets=["tweeet"], kind="denial"),
            Claim("not", "an item"),
        ]
        with pytest.raises(ValidationError) as caught:
            s.extend(batch)
        error = caught.value
        assert (
            str(error).splitlines()[0] == "nothing was added: 3 of 6 items are invalid (3 problems)"
        )
        problems = error.problems
        assert len(problems) == len(error.exceptions) == 3
        assert any(
            p.startswith("[2] Statement('bad-speaker').speaker: ") and "'lavrov'" in p
            for p in problems
        )
        assert any(
            p.startswith("[4] Rebuttal('bad-target').targets[0]: ") and "'tweet'" in p
            for p in problems
        )
        assert any(p.startswith("[5] StatementSet.add(item): ") for p in problems)
        assert s == before
        assert snapshot(s) == seen
        assert "lavrov" not in s.actors
        assert "lavrov-1" not in s
        assert s.side_of("peskov", JUNE_4) == "RUS"

    def test_the_same_batch_without_the_bad_items(self) -> None:
        """The good items of a rejected batch are fine on their own."""
        s = full_set()
        lavrov = Actor.person("lavrov", "Sergei Lavrov")
        s.extend([Affiliation("lavrov", "RUS", speaks_for=True), lavrov])
        assert s.side_of("lavrov", JUNE_4) == "RUS"

    def test_duplicate_ids_within_a_batch(self) -> None:
        """Two different items with one id in the same batch are a problem; nothing is added."""
        s = StatementSet()
        with pytest.raises(ValidationError) as caught:
            s.extend(
                [
                    PESKOV,
                    Actor.person("peskov", "Peskov"),
                    Statement("a", "peskov", JUNE_4),
                    Statement("a", "peskov", JUNE_3),
                ]
            )
        assert len(caught.value.exceptions) == 2
        assert all(isinstance(e, DuplicateIdError) for e in caught.value.exceptions)
        assert snapshot(s) == snapshot(StatementSet())

    def test_constructor_is_all_or_nothing(self) -> None:
        """StatementSet(items) raises ValidationError for bad items, like extend()."""
        with pytest.raises(ValidationError):
            StatementSet([TWEET])

    def test_no_warning_from_a_rejected_batch(self) -> None:
        """A batch that fails warns about nothing: the typo warnings come only with the items."""
        s = full_set()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with pytest.raises(ValidationError):
                s.extend(
                    [
                        Statement("a", "peskov", JUNE_4, [Claim("kremlim", "x")]),
                        Statement("b", "nobody", JUNE_4),
                    ]
                )
        assert caught == []


class TestExtendInChunks:
    """A batch is staged a chunk at a time: what one chunk checked holds for the next."""

    @pytest.fixture(autouse=True)
    def _small_chunks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from diplostatements import _references  # noqa: PLC0415 -- the constant patched

        monkeypatch.setattr(_references, "_CHUNK", 2)

    def plain(self, count: int) -> list[Statement]:
        return [
            Statement(f"p{i}", "peskov", JUNE_4, [Claim("RUS", "supports", "maduro")])
            for i in range(count)
        ]

    def test_a_name_seen_plain_before_a_slip_of_an_id(self) -> None:
        """A slip of an id in a late chunk is warned about after plain names passed earlier."""
        s = full_set()
        batch = [*self.plain(5), Statement("late", "peskov", JUNE_4, [Claim("x", "y", "kremlim")])]
        with pytest.warns(UserWarning, match="did you mean 'kremlin'") as record:
            s.extend(batch)
        assert len(record) == 1
        assert str(record[0].message).startswith("[5] Statement('late').claims[0].object: ")
        assert len(s.statements) == len(full_set().statements) + 6

    @pytest.mark.parametrize(
        "late",
        [
            Statement("late", "peskov", JUNE_4, on_behalf_of="kremlim"),
            Statement("late", "peskov", JUNE_4, cosigners=["nobody"]),
            Statement("late", "peskov", JUNE_4, relays=[Relay("nobody")]),
            Statement("p1", "peskov", JUNE_3),
        ],
    )
    def test_a_late_problem_adds_nothing(self, late: Statement) -> None:
        """An unknown actor or a repeated id in the last chunk refuses the whole batch."""
        s = full_set()
        before = snapshot(s)
        with pytest.raises(ValidationError) as caught:
            s.extend([*self.plain(5), late])
        assert [p.split(": ")[0].split(" ")[0] for p in caught.value.problems] == ["[5]"]
        assert snapshot(s) == before

    def test_others_named_in_a_late_chunk(self) -> None:
        """Statements naming whom they speak for, in any chunk, are stored with those ids."""
        s = full_set()
        s.extend([*self.plain(3), Statement("late", "peskov", JUNE_4, on_behalf_of="RUS")])
        assert s.statements["late"].on_behalf_of == "RUS"


class TestTypoWarning:
    # plain entity names that look like a known id
    TYPOS = (("kremlim", "kremlin"), ("rus", "RUS"), ("Peskov", "peskov"), ("kremlinn", "kremlin"))

    @pytest.mark.parametrize(("name", "meant"), TYPOS)
    def test_warns(self, name: str, meant: str) -> None:
        """A plain entity name close to a known id is kept, with a warning that suggests the id."""
        s = full_set()
        with pytest.warns(UserWarning, match=f"did you mean {meant!r}") as record:
            added = s.add(
                Statement("a", "peskov", JUNE_4, [Claim("x", "y", content=Claim("z", "w", name))])
            )
        content = added.claims[0].content
        assert content is not None
        assert content.object == name
        assert len(record) == 1
        message = str(record[0].message)
        assert message.startswith("Statement('a').claims[0].content.object: ")
        assert f"{name!r} is not a known actor and is kept as a plain entity name" in message
        assert record[0].filename == __file__

    def test_warning_points_at_the_caller(self) -> None:
        """The warning from extend() and from the constructor points at the caller's line."""
        statement = Statement("a", "peskov", JUNE_4, [Claim("kremlim", "x")])
        with pytest.warns(UserWarning, match="'kremlim'") as record:
            StatementSet([*ITEMS, statement])
        with pytest.warns(UserWarning, match="'kremlim'") as more:
            full_set().extend([statement])
        assert [w.filename for w in [*record, *more]] == [__file__, __file__]

    # plain entity names that look like no known id
    PLAIN = ("maduro", "S-300", "a newspaper report", "Caracas", "Kremlin Palace")

    @pytest.mark.parametrize("name", PLAIN)
    def test_no_warning_for_other_names(self, name: str) -> None:
        """A plain entity name that looks like no known id is kept silently."""
        s = full_set()
        s.add(Statement("a", "peskov", JUNE_4, [Claim(name, "exists")]))
        assert s.statements["a"].claims[0].subject == name

    def test_copy_and_merge_do_not_warn_again(self) -> None:
        """A warning is given once, when the item is added; copying the set repeats nothing."""
        s = full_set()
        with pytest.warns(UserWarning, match="did you mean 'kremlin'"):
            s.add(Statement("a", "peskov", JUNE_4, [Claim("kremlim", "x")]))
        copied = s.copy()
        assert copied == s
        assert (s | StatementSet()) == s


class TestReading:
    def test_actors(self) -> None:
        """The actors mapping maps ids to actors, in id order."""
        s = full_set()
        assert list(s.actors) == sorted(actor.id for actor in ACTORS)
        assert s.actors["peskov"] is PESKOV

    def test_actor_by_id_alias_or_actor(self) -> None:
        """actor() finds an actor by id or by alias in any case."""
        s = full_set()
        assert s.actor("RUS") is RUS
        assert s.actor("Moscow") is RUS
        assert s.actor("MOSCOW") is RUS
        with pytest.raises(UnknownReferenceError, match="did you mean 'peskov'"):
            s.actor("peskof")

    def test_statements_mapping(self) -> None:
        """The statements mapping maps ids to statements, iterating by time, then by id."""
        s = full_set()
        mapping = s.statements
        assert list(mapping) == ["vague", "relayed", "tweet", "challenge", "denial"]
        assert len(mapping) == 5
        assert "tweet" in mapping
        assert "nope" not in mapping
        assert mapping["denial"] == DENIAL
        assert repr(mapping) == "<5 statements>"
        with pytest.raises(KeyError):
            mapping["nope"]

    def test_iteration_and_timeline(self) -> None:
        """Iterating the set and timeline() give the statements in the same order."""
        s = full_set()
        assert [st.id for st in s] == [st.id for st in s.timeline()] == list(s.statements)
        assert len(s) == 5

    def test_affiliations(self) -> None:
        """The affiliations are ordered by member, organization, then period."""
        s = full_set()
        early = Affiliation(
            "trump", "USA", role="candidate", span=TimeSpan.until(date(2017, 1, 19))
        )
        s.add(early)
        assert s.affiliations == (KREMLIN_RUS, SPOKESMAN, early, PRESIDENT)

    def test_contains(self) -> None:
        """`in` finds statement ids, statements (as written or stored), actors and affiliations."""
        s = full_set()
        assert "tweet" in s
        assert "peskov" not in s  # strings are statement ids
        assert TWEET in s  # as written, with aliases
        assert s.statements["tweet"] in s
        assert Statement("tweet", "trump", JUNE_3) not in s
        assert Statement("new", "trump", JUNE_3) not in s
        assert Statement("tweet", "nobody", JUNE_3) not in s
        assert PESKOV in s
        assert Actor.person("peskov", "Peskov") not in s
        assert SPOKESMAN in s
        assert Affiliation("trump", "RUS") not in s
        assert [] not in s
        assert None not in s

    def test_repr(self) -> None:
        """repr() counts actors, affiliations and statements."""
        assert repr(full_set()) == "<StatementSet: 7 actors, 3 affiliations, 5 statements>"

    def test_equality(self) -> None:
        """Sets are equal when they hold the same items; a set is not hashable."""
        assert full_set() == full_set()
        assert full_set() != StatementSet(ACTORS)
        assert full_set() != StatementSet([*ACTORS, *AFFILIATIONS])
        assert full_set() != ITEMS
        with_extra = full_set()
        with_extra.add(Affiliation("trump", "RUS"))
        assert with_extra != full_set()
        with pytest.raises(TypeError):
            hash(full_set())


class TestQueries:
    @pytest.mark.parametrize("who", ["peskov", PESKOV])
    def test_by_speaker(self, who: str | Actor) -> None:
        """by_speaker() gives an actor's statements in order, by id or Actor."""
        assert [st.id for st in full_set().by_speaker(who)] == ["vague", "challenge", "denial"]

    def test_by_speaker_alias(self) -> None:
        """by_speaker() takes an alias, and finds statements whose speaker was given by alias."""
        s = full_set()
        s.add(Statement("m", "Moscow", JUNE_4))
        assert [st.id for st in s.by_speaker("russia")] == ["m"]

    def test_by_speaker_unknown(self) -> None:
        """by_speaker() of an unknown actor is an error with suggestions, not an empty answer."""
        with pytest.raises(
            UnknownReferenceError, match=r"StatementSet\.by_speaker\(actor\).*'trump'"
        ):
            full_set().by_speaker("trumpp")
        with pytest.raises(FieldError, match=r"StatementSet\.by_speaker\(actor\)"):
            full_set().by_speaker(3)  # type: ignore[arg-type]
        assert full_set().by_speaker("VEN") == ()

    # (start, end, ids of the statements that may have been made in between)
    BETWEEN: tuple[tuple[date | None, date | None, list[str]], ...] = (
        # both ends included
        (JUNE_3, JUNE_3, ["relayed", "tweet"]),
        (JUNE_3, JUNE_4, ["relayed", "tweet", "challenge", "denial"]),
        # open ends
        (JUNE_4, None, ["challenge", "denial"]),
        (None, JUNE_3, ["vague", "relayed", "tweet"]),
        (None, None, ["vague", "relayed", "tweet", "challenge", "denial"]),
        # an imprecise date counts when some reading of it falls in the range
        (MAY_31, MAY_31, ["vague"]),
        (date(2019, 4, 1), date(2019, 5, 1), ["vague"]),
        (date(2019, 4, 1), date(2019, 4, 30), []),
        # a datetime is its day
        (datetime(2019, 6, 4, 9), None, ["challenge", "denial"]),
    )

    @pytest.mark.parametrize(("start", "end", "ids"), BETWEEN)
    def test_between(self, start: date | None, end: date | None, ids: list[str]) -> None:
        """between() gives the statements that may have been made in the range, in order."""
        assert [st.id for st in full_set().between(start, end)] == ids

    # (start, end, path named by the error)
    BAD_BETWEEN: tuple[tuple[Any, Any, str], ...] = (
        ("2019-06-03", None, "StatementSet.between(start)"),
        (None, 2019, "StatementSet.between(end)"),
        (JUNE_4, JUNE_3, "StatementSet.between(end)"),
    )

    @pytest.mark.parametrize(("start", "end", "path"), BAD_BETWEEN)
    def test_between_invalid(self, start: Any, end: Any, path: str) -> None:
        """between() rejects non-dates and an end before the start, naming its own argument."""
        with pytest.raises(FieldError) as caught:
            full_set().between(start, end)
        assert caught.value.path == path

    # (actor, ids of the statements with a claim about it)
    ABOUT: tuple[tuple[str | Actor, list[str]], ...] = (
        # as subject or object, given by id, alias or Actor
        ("RUS", ["vague", "relayed", "tweet", "denial"]),
        ("Moscow", ["vague", "relayed", "tweet", "denial"]),
        (USA, ["tweet", "denial"]),
        # nested content counts: the tweet names Venezuela only inside what Russia said
        ("VEN", ["relayed", "tweet"]),
        # the speaker does not count, only what the claims are about
        ("peskov", []),
    )

    @pytest.mark.parametrize(("actor", "ids"), ABOUT)
    def test_about(self, actor: str | Actor, ids: list[str]) -> None:
        """about() gives the statements with a claim about the actor, nested content included."""
        assert [st.id for st in full_set().about(actor)] == ids

    def test_about_unknown(self) -> None:
        """about() takes known actors only; a plain entity name is an unknown reference."""
        with pytest.raises(UnknownReferenceError, match=r"StatementSet\.about\(actor\)"):
            full_set().about("maduro")

    def test_rebuttals_of(self) -> None:
        """rebuttals_of() gives the rebuttals aimed at a statement or at one of its claims."""
        s = full_set()
        assert [r.id for r in s.rebuttals_of("tweet")] == ["challenge", "denial"]
        assert s.rebuttals_of("relayed") == ()
        assert s.rebuttals_of("denial") == ()

    def test_rebuttals_of_unknown(self) -> None:
        """rebuttals_of() an unknown statement is an error suggesting close ids."""
        with pytest.raises(UnknownReferenceError) as caught:
            full_set().rebuttals_of("twet")
        assert str(caught.value) == (
            "StatementSet.rebuttals_of(statement_id): expected a known statement id, got 'twet';"
            " did you mean 'tweet'?"
        )

    def test_check_finds_the_sets_contradictions(self) -> None:
        """check() reports the denial of the tweet, definite, and the challenge as a dispute."""
        report = full_set().check()
        assert [(c.kind.value, c.certainty.value, c.statements) for c in report] == [
            ("denial", "definite", ("tweet", "denial"))
        ]
        assert [(d.kind.value, d.rebuttal.id, d.target.id) for d in report.disputes] == [
            ("challenge", "challenge", "tweet")
        ]

    def test_check_passes_its_options_on(self) -> None:
        """check(rules=..., vocabulary=...) narrows what is reported as check() does."""
        assert len(full_set().check(rules=["negation"])) == 0
        with pytest.raises(FieldError, match="vocabulary"):
            full_set().check(vocabulary="default")


def side_set(*affiliations: Affiliation) -> StatementSet:
    people = [
        Actor.person(ident, ident.title())
        for ident in ("bolton", "aide", "envoy", "a", "b", "c", "lone")
    ]
    orgs = [
        Actor("ministry", "Ministry", ActorKind.GOVERNMENT),
        Actor("org-a", "Org A", ActorKind.ORGANIZATION),
        Actor("org-b", "Org B", ActorKind.ORGANIZATION),
        Actor.organization("rostec", "Rostec", kind="company", country="RUS"),
    ]
    return StatementSet([*ACTORS, *AFFILIATIONS, *people, *orgs, *affiliations])


BOLTON = Affiliation(
    "bolton",
    "USA",
    role="national security adviser",
    span=TimeSpan.between(date(2018, 4, 9), date(2019, 9, 10)),
    speaks_for=True,
)


class TestSideOf:
    # (when, Bolton's side then)
    TENURE: tuple[tuple[date | TimeSpan, str], ...] = (
        # before the affiliation starts, and after it ends, he speaks for himself
        (date(2018, 4, 8), "bolton"),
        (date(2019, 9, 11), "bolton"),
        (date(2020, 1, 1), "bolton"),
        # on its first and last days, and in between, for the United States
        (date(2018, 4, 9), "USA"),
        (JUNE_4, "USA"),
        (date(2019, 9, 10), "USA"),
        # an imprecise time needs an affiliation that surely covers every reading of it
        (TimeSpan.sometime_in(2019, 8), "USA"),
        (TimeSpan.sometime_in(2019, 9), "bolton"),
        (TimeSpan.sometime_in(2018, 4), "bolton"),
        (TimeSpan.sometime_between(date(2018, 4, 9), date(2019, 9, 10)), "USA"),
        (TimeSpan.sometime_before(JUNE_4), "bolton"),
        (TimeSpan.between(date(2019, 1, 1), date(2019, 12, 31)), "bolton"),
    )

    @pytest.mark.parametrize(("when", "side"), TENURE)
    def test_affiliation_that_starts_and_ends(self, when: date | TimeSpan, side: str) -> None:
        """A speaks-for affiliation decides the side only while it surely holds."""
        assert side_set(BOLTON).side_of("bolton", when) == side

    def test_chain(self) -> None:
        """The chain is followed to the top: spokesman -> Kremlin -> Russia."""
        s = full_set()
        assert s.side_of("peskov", JUNE_4) == "RUS"
        assert s.side_of("kremlin", JUNE_4) == "RUS"
        assert s.side_of("RUS", JUNE_4) == "RUS"

    def test_chain_broken_in_time(self) -> None:
        """A link that has ended stops the chain there."""
        s = side_set(
            Affiliation("aide", "ministry", speaks_for=True),
            Affiliation(
                "ministry", "USA", span=TimeSpan.until(date(2018, 12, 31)), speaks_for=True
            ),
        )
        assert s.side_of("aide", date(2018, 6, 1)) == "USA"
        assert s.side_of("aide", date(2019, 6, 1)) == "ministry"

    def test_only_speaks_for_affiliations_count(self) -> None:
        """Membership without speaks_for, and a country, never decide a side."""
        s = side_set(Affiliation("rostec", "RUS", role="state corporation"))
        assert s.side_of("rostec", JUNE_4) == "rostec"
        assert s.side_of("lone", JUNE_4) == "lone"
        assert s.side_of("trump", date(2015, 1, 1)) == "trump"  # his country is USA; no matter

    def test_several_covering_affiliations(self) -> None:
        """Where two speaks-for affiliations cover the time, the smaller organization id wins."""
        first = Affiliation("envoy", "org-b", speaks_for=True)
        second = Affiliation("envoy", "org-a", speaks_for=True)
        assert side_set(first, second).side_of("envoy", JUNE_4) == "org-a"
        assert side_set(second, first).side_of("envoy", JUNE_4) == "org-a"

    # (the speaks-for affiliations, the cycle the error names; None: accepted)
    CYCLES: tuple[tuple[tuple[Affiliation, ...], str | None], ...] = (
        (
            (Affiliation("a", "b", speaks_for=True), Affiliation("b", "a", speaks_for=True)),
            "a -> b -> a",
        ),
        (
            (
                Affiliation("a", "b", speaks_for=True),
                Affiliation("b", "c", speaks_for=True),
                Affiliation("c", "b", speaks_for=True),
            ),
            "b -> c -> b",
        ),
        (
            (
                Affiliation("a", "b", speaks_for=True),
                Affiliation("b", "c", speaks_for=True),
                Affiliation("c", "a", speaks_for=True, span=TimeSpan.since(date(2019, 1, 1))),
            ),
            "a -> b -> c -> a",
        ),
        # periods that never meet: a change of roles, not a cycle
        (
            (
                Affiliation("a", "b", speaks_for=True, span=TimeSpan.until(date(2018, 12, 31))),
                Affiliation("b", "a", speaks_for=True, span=TimeSpan.since(date(2019, 1, 1))),
            ),
            None,
        ),
        # a chain that comes back only at a time when its first link no longer holds ...
        (
            (
                Affiliation("a", "b", speaks_for=True, span=TimeSpan.until(date(2018, 12, 31))),
                Affiliation("b", "c", speaks_for=True),
                Affiliation("c", "a", speaks_for=True, span=TimeSpan.since(date(2019, 1, 1))),
            ),
            None,
        ),
        # ... and membership without speaks_for is no link of one
        ((Affiliation("a", "b", speaks_for=True), Affiliation("b", "a")), None),
    )

    @pytest.mark.parametrize(("links", "cycle"), CYCLES)
    def test_cycles_are_refused(self, links: tuple[Affiliation, ...], cycle: str | None) -> None:
        """A speaks-for cycle over periods that may all hold at once is refused, and named."""
        if cycle is None:
            s = side_set(*links)
            assert set(links) <= set(s.affiliations)
            return
        with pytest.raises(ValidationError) as caught:
            side_set(*links)
        (problem,) = caught.value.problems
        assert "expected an affiliation that closes no speaks-for cycle" in problem
        assert problem.endswith(f"so none of them is at the top), got {cycle!r}")

    def test_cycle_closed_by_one_add(self) -> None:
        """Adding the affiliation that closes a cycle raises, and leaves the set as it was."""
        s = side_set(Affiliation("a", "b", speaks_for=True), Affiliation("b", "c", speaks_for=True))
        before = s.copy()
        with pytest.raises(FieldError) as caught:
            s.add(Affiliation("c", "a", speaks_for=True))
        assert str(caught.value).startswith("Affiliation('c', 'a').speaks_for: expected")
        assert caught.value.got == "c -> a -> b -> c"
        assert s == before
        assert s.side_of("a", JUNE_4) == "c"

    def test_arguments(self) -> None:
        """side_of() takes an id, alias or Actor, and a date, datetime or span."""
        s = full_set()
        assert s.side_of(PESKOV, datetime(2019, 6, 4, 12)) == "RUS"
        assert s.side_of("Moscow", TimeSpan.on(JUNE_4)) == "RUS"
        assert s.side_of("peskov", JUNE_4) == s.side_of("peskov", JUNE_4)  # cached, same answer
        with pytest.raises(FieldError, match=r"StatementSet\.side_of\(when\)"):
            s.side_of("peskov", "2019-06-04")  # type: ignore[arg-type]
        with pytest.raises(UnknownReferenceError, match="did you mean 'peskov'"):
            s.side_of("peskof", JUNE_4)

    def test_new_affiliation_changes_the_answer(self) -> None:
        """A speaks-for affiliation added later is taken into account (no stale answers)."""
        s = side_set()
        assert s.side_of("envoy", JUNE_4) == "envoy"
        s.add(Affiliation("envoy", "org-b", speaks_for=True))
        assert s.side_of("envoy", JUNE_4) == "org-b"
        s.add(Affiliation("org-b", "org-a", speaks_for=True))
        assert s.side_of("envoy", JUNE_4) == "org-a"


class TestSideOfStatement:
    def test_speaker_side_at_said_on(self) -> None:
        """A statement commits its speaker's side at the time it was said."""
        s = side_set(BOLTON)
        during = s.add(Statement("b1", "bolton", JUNE_4))
        after = s.add(Statement("b2", "bolton", date(2019, 10, 1)))
        vague = s.add(Statement("b3", "bolton", TimeSpan.sometime_in(2019, 9)))
        assert s.side_of_statement(during) == "USA"
        assert s.side_of_statement(after) == "bolton"  # a former official speaks for himself
        assert s.side_of_statement(vague) == "bolton"

    def test_on_behalf_of(self) -> None:
        """on_behalf_of names whom the statement commits; the chain goes on from there."""
        s = full_set()
        by_kremlin = s.add(Statement("k", "trump", JUNE_4, on_behalf_of="kremlin"))
        assert s.side_of_statement(by_kremlin) == "RUS"
        assert s.side_of_statement(s.statements["denial"]) == "RUS"
        assert s.side_of_statement(s.statements["tweet"]) == "USA"


class TestAssertions:
    def test_top_level_claims_only(self) -> None:
        """assertions() yields every top-level claim once, in order, never nested content."""
        s = full_set()
        found = list(s.assertions())
        assert [(a.statement.id, a.index) for a in found] == [
            ("vague", 0),
            ("relayed", 0),
            ("relayed", 1),
            ("tweet", 0),
            ("denial", 0),
        ]
        for assertion in found:
            assert assertion.claim is assertion.statement.claims[assertion.index or 0]
            assert assertion.denies is None
        nested = s.statements["tweet"].claims[0].content
        assert nested is not None
        assert all(a.claim != nested for a in found)

    def test_sides(self) -> None:
        """Each assertion carries the side its statement commits."""
        sides = {a.ref: a.side for a in full_set().assertions()}
        assert sides == {
            "vague#0": "RUS",
            "relayed#0": "RUS",
            "relayed#1": "RUS",
            "tweet#0": "USA",
            "denial#0": "RUS",
        }

    def test_negated_reporting_claim(self) -> None:
        """'We were not informed that X' asserts the negated report only, neither X nor not-X."""
        inner = Claim("RUS", "withdrew_personnel_from", "VEN")
        s = StatementSet(
            [
                *ACTORS,
                Statement(
                    "s",
                    "trump",
                    JUNE_4,
                    [Claim("RUS", "informed", "USA", content=inner, polarity="negated")],
                ),
            ]
        )
        claims = [a.claim for a in s.assertions()]
        assert claims == [Claim("RUS", "informed", "USA", content=inner, polarity="negated")]


class TestCombining:
    def test_copy(self) -> None:
        """copy() is an equal, independent set."""
        s = full_set()
        copied = s.copy()
        assert copied == s
        assert snapshot(copied) == snapshot(s)
        copied.add(Actor.person("lavrov", "Sergei Lavrov"))
        copied.add(Affiliation("lavrov", "RUS", speaks_for=True))
        copied.add(Rebuttal("r", "lavrov", JUNE_4, targets=["tweet"], kind="dismissal"))
        assert "lavrov" not in s.actors
        assert s.rebuttals_of("tweet") == (CHALLENGE, s.statements["denial"])
        assert len(copied.rebuttals_of("tweet")) == 3
        assert copied != s

    def test_merge(self) -> None:
        """merge() and | give a new set with the items of both, leaving both as they were."""
        left = StatementSet([*ACTORS, *AFFILIATIONS, TWEET])
        right = StatementSet([*ACTORS, DENIAL, RELAYED, VAGUE, TWEET, CHALLENGE])
        left_before, right_before = snapshot(left), snapshot(right)
        merged = left.merge(right)
        assert merged == full_set()
        assert left | right == merged
        assert right | left == merged
        assert (snapshot(left), snapshot(right)) == (left_before, right_before)

    def test_merge_resolves_aliases_across_sets(self) -> None:
        """A claim naming "Moscow" in one set is resolved when merged with a set that knows it."""
        words = StatementSet([PESKOV, Statement("a", "peskov", JUNE_4, [Claim("Moscow", "w")])])
        actors = StatementSet([RUS])
        assert words | actors == actors | words
        assert (words | actors).statements["a"].claims == (Claim("RUS", "w"),)

    def test_merge_conflict(self) -> None:
        """Sets that use an id for different items cannot merge; neither is changed."""
        left = full_set()
        right = StatementSet([Actor.person("peskov", "D. Peskov")])
        before = snapshot(left)
        with pytest.raises(ValidationError) as caught:
            left.merge(right)
        assert "actor id 'peskov' is already used" in str(caught.value)
        with pytest.raises(ValidationError):
            left | right
        assert snapshot(left) == before

    def test_merge_needs_a_set(self) -> None:
        """merge() of something else is a FieldError; | of something else a TypeError."""
        with pytest.raises(FieldError, match=r"StatementSet\.merge\(other\)"):
            full_set().merge(ITEMS)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            full_set() | ITEMS


def dependency_order(items: Sequence[Item], rng: random.Random) -> list[Item]:
    """A random order in which each item comes after everything it refers to.

    Aliases are not references: an actor may come after a claim that names it by alias.
    """
    remaining = list(items)
    rng.shuffle(remaining)
    known: set[str] = set()
    order: list[Item] = []
    while remaining:
        for position, item in enumerate(remaining):
            if _ready(item, known):
                order.append(remaining.pop(position))
                if isinstance(item, Actor | Statement):
                    known.add(item.id)
                break
        else:  # pragma: no cover - the pools below always have an order
            raise AssertionError("no item can come next")
    return order


def _ready(item: Item, known: set[str]) -> bool:
    if isinstance(item, Actor):
        return True
    if isinstance(item, Affiliation):
        return {item.member, item.organization} <= known
    assert isinstance(item, Statement)
    needed = {item.speaker, *(relay.via for relay in item.relays)}
    if item.on_behalf_of is not None:
        needed.add(item.on_behalf_of)
    if isinstance(item, Rebuttal):
        needed.update(item.target_ids)
    return needed <= known


class TestOrderIndependence:
    @pytest.mark.parametrize("seed", range(12))
    def test_shuffled_batch(self, seed: int) -> None:
        """The same items in a shuffled batch give an equal set that reads the same in every way."""
        items = list(ITEMS)
        random.Random(seed).shuffle(items)
        s = StatementSet(items)
        assert s == full_set()
        assert snapshot(s) == snapshot(full_set())

    @pytest.mark.parametrize("seed", range(12))
    def test_one_at_a_time(self, seed: int) -> None:
        """Adding the items one by one, in any order the references allow, gives the same set."""
        s = StatementSet()
        for item in dependency_order(ITEMS, random.Random(seed)):
            s.add(item)
        assert s == full_set()
        assert snapshot(s) == snapshot(full_set())


class TestNames:
    def test_names_map_every_actor_id_to_its_name_in_id_order(self) -> None:
        """StatementSet.names is id -> display name for every actor, sorted by id."""
        s = StatementSet([Actor.state("RUS"), Actor.person("peskov", "Dmitry Peskov")])
        assert s.names == {"RUS": "Russia", "peskov": "Dmitry Peskov"}
        assert list(s.names) == sorted(s.actors)
