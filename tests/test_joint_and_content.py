"""Joint statements (several signatories) and rebuttals aimed into nested content."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import attrs
import jsonschema
import pytest

from diplostatements import (
    Actor,
    Claim,
    ClaimRef,
    Rebuttal,
    Statement,
    StatementSet,
    examples,
)
from diplostatements import io as dio
from diplostatements.exceptions import FieldError, UnknownReferenceError, ValidationError

MARCH_15_2018 = date(2018, 3, 15)
SIGNATORIES = ["FRA", "DEU", "GBR", "USA"]
STATES = [Actor.state(code) for code in [*SIGNATORIES, "RUS"]]
# The joint statement of France, Germany, the United Kingdom and the United States on Salisbury.
SALISBURY = Claim("RUS", "responsible_for", "salisbury-attack")
JOINT = Statement("salisbury-joint", SIGNATORIES, MARCH_15_2018, [SALISBURY], channel="statement")

WITHDREW = Claim("RUS", "withdrew_personnel_from", "VEN")
TWEET = Statement(
    "trump-tweet",
    "USA",
    date(2019, 6, 3),
    [Claim("RUS", "informed", "USA", content=WITHDREW)],
)


class TestJointStatement:
    def test_list_of_signatories(self) -> None:
        """A list as speaker names every signatory: the first is the speaker."""
        assert JOINT.speaker == "FRA"
        assert JOINT.cosigners == ("DEU", "GBR", "USA")
        assert JOINT.speakers == tuple(SIGNATORIES)

    def test_the_same_statement_either_way(self) -> None:
        """speaker=[...] and speaker + cosigners= make equal statements; actors become ids."""
        other = Statement(
            "salisbury-joint",
            STATES[0],
            MARCH_15_2018,
            [SALISBURY],
            channel="statement",
            cosigners=STATES[1:4],
        )
        assert other == JOINT
        assert hash(other) == hash(JOINT)

    def test_one_speaker(self) -> None:
        """A statement of one speaker has no cosigners; a list of one is the same."""
        alone = Statement("s", "FRA", MARCH_15_2018)
        assert alone.cosigners == ()
        assert alone.speakers == ("FRA",)
        assert Statement("s", ["FRA"], MARCH_15_2018) == alone

    def test_rebuttal(self) -> None:
        """A rebuttal may be joint too."""
        joint = Rebuttal(
            "r", ["RUS", "FRA"], MARCH_15_2018, targets=["salisbury-joint"], kind="denial"
        )
        assert joint.speakers == ("RUS", "FRA")

    def test_evolve_keeps_cosigners(self) -> None:
        """Changing the speaker with attrs.evolve keeps the cosigners."""
        assert attrs.evolve(JOINT, speaker="ITA").speakers == ("ITA", "DEU", "GBR", "USA")

    @pytest.mark.parametrize(
        ("speaker", "cosigners", "path", "expected"),
        [
            ([], (), "Statement.speaker", "a non-empty list"),
            (["FRA", 5], (), "Statement.speaker[1]", "an actor id or an Actor"),
            (["FRA", " "], (), "Statement.speaker[1]", "an actor id or an Actor"),
            (["FRA", "DEU", "FRA"], (), "Statement.speaker[2]", "not already named"),
            (["FRA", "DEU"], ["GBR"], "Statement.cosigners", "give them in one place"),
            ("FRA", ["FRA"], "Statement.cosigners[0]", "not already named"),
            ("FRA", ["DEU", "DEU"], "Statement.cosigners[1]", "not already named"),
            ("FRA", [""], "Statement.cosigners[0]", "an actor id or an Actor"),
            ("FRA", "DEU", "Statement.cosigners", "a sequence of actor ids"),
        ],
    )
    def test_invalid(self, speaker: Any, cosigners: Any, path: str, expected: str) -> None:
        """A bad list of signatories is a FieldError naming the place and what was expected."""
        with pytest.raises(FieldError) as caught:
            Statement("s", speaker, MARCH_15_2018, cosigners=cosigners)
        assert caught.value.path == path
        assert expected in caught.value.expected


class TestJointStatementInASet:
    def test_references_checked_for_each(self) -> None:
        """Each signatory must be a known actor; the error names its place."""
        s = StatementSet(STATES[:3])
        with pytest.raises(UnknownReferenceError) as caught:
            s.add(JOINT)
        assert caught.value.path == "Statement('salisbury-joint').cosigners[2]"
        assert len(s) == 0

    def test_aliases_resolved(self) -> None:
        """A cosigner named by alias is stored as the actor's id."""
        s = StatementSet([*STATES[:3], Actor.state("USA", aliases=["Washington"])])
        stored = s.add(Statement("j", "FRA", MARCH_15_2018, cosigners=["Washington", "DEU"]))
        assert stored.cosigners == ("USA", "DEU")

    def test_alias_of_another_signatory(self) -> None:
        """A cosigner that is an alias of a signatory already named is refused."""
        s = StatementSet([Actor.state("FRA", aliases=["Paris"]), *STATES[1:2]])
        with pytest.raises(FieldError, match=r"cosigners\[0\]: .*it is an alias of one"):
            s.add(Statement("j", "FRA", MARCH_15_2018, cosigners=["Paris"]))

    def test_sides(self) -> None:
        """A joint statement commits each signatory's side, each once, in order."""
        s = StatementSet(
            [
                *STATES,
                Actor.person("may", "Theresa May", country="GBR"),
                JOINT,
            ]
        )
        assert s.sides_of_statement(JOINT) == ("FRA", "DEU", "GBR", "USA")
        alone = s.add(Statement("s", "may", MARCH_15_2018))
        assert s.sides_of_statement(alone) == ("may",)

    def test_by_speaker(self) -> None:
        """A joint statement is one of each signatory's statements."""
        s = StatementSet([*STATES, JOINT, Statement("alone", "RUS", MARCH_15_2018)])
        assert s.by_speaker("GBR") == (JOINT,)
        assert s.by_speaker("FRA") == (JOINT,)
        assert [st.id for st in s.by_speaker("RUS")] == ["alone"]


class TestClaimRefContent:
    def test_true_is_one_level(self) -> None:
        """content=True points at the claim's content; it is stored as the depth 1."""
        ref = ClaimRef("trump-tweet", 0, content=True)
        assert ref.content == 1
        assert ref == ClaimRef("trump-tweet", 0, content=1)
        assert ClaimRef("trump-tweet", 0, content=False) == ClaimRef("trump-tweet", 0)
        assert str(ref) == "trump-tweet#0.content"
        assert repr(ref) == "ClaimRef(statement_id='trump-tweet', claim=0, content=1)"
        assert repr(ClaimRef("x")) == "ClaimRef(statement_id='x', claim=0)"

    def test_find(self) -> None:
        """Find follows the reference into the statement's claim and its content."""
        assert ClaimRef("trump-tweet", 0, content=True).find(TWEET) is WITHDREW
        assert ClaimRef("trump-tweet", 0).find(TWEET) is TWEET.claims[0]

    @pytest.mark.parametrize("content", [-1, 33, "yes", 1.0])
    def test_invalid_depth(self, content: Any) -> None:
        """A depth that is not a small whole number is refused, naming the field."""
        with pytest.raises(FieldError) as caught:
            ClaimRef("x", 0, content=content)
        assert caught.value.path == "ClaimRef.content"

    def test_target_checked(self) -> None:
        """A rebuttal may aim into content only where the target claim has some."""
        s = StatementSet([*STATES, TWEET])
        deeper = Rebuttal(
            "r", "RUS", date(2019, 6, 4), targets=[ClaimRef("trump-tweet", 2)], kind="denial"
        )
        with pytest.raises(FieldError) as caught:
            s.add(deeper)
        assert str(caught.value) == (
            "Rebuttal('r').targets[0].claim: expected a claim index below 1 (statement"
            " 'trump-tweet' has 1 claim), got 2"
        )
        too_deep = attrs.evolve(deeper, targets=[ClaimRef("trump-tweet", 0, content=2)])
        with pytest.raises(FieldError) as caught:
            s.add(too_deep)
        assert str(caught.value) == (
            "Rebuttal('r').targets[0].content: expected a depth of at most 1: claim 0 of"
            " statement 'trump-tweet' nests content 1 deep, got 2"
        )
        s.add(attrs.evolve(deeper, targets=[ClaimRef("trump-tweet", 0, content=True)]))
        assert len(s) == 2

    def test_no_content(self) -> None:
        """A claim without content cannot be aimed into."""
        s = StatementSet([*STATES, JOINT])
        with pytest.raises(FieldError, match=r"targets\[0\]\.content: expected False: claim 0"):
            s.add(
                Rebuttal(
                    "r",
                    "RUS",
                    date(2018, 3, 16),
                    targets=[ClaimRef("salisbury-joint", 0, content=True)],
                    kind="denial",
                )
            )


class TestFiles:
    def full_set(self) -> StatementSet:
        """A set with a joint statement and a rebuttal of nested content."""
        return StatementSet(
            [
                *STATES,
                JOINT,
                TWEET,
                Rebuttal(
                    "peskov",
                    "RUS",
                    date(2019, 6, 4),
                    targets=[ClaimRef("trump-tweet", 0, content=True)],
                    kind="denial",
                ),
            ]
        )

    @pytest.mark.parametrize("form", ["json", "jsonl"])
    def test_round_trip(self, form: dio.Format) -> None:
        """Cosigners and content targets come back from both layouts."""
        s = self.full_set()
        assert dio.loads(dio.dumps(s, format=form)) == s

    def test_written_fields(self) -> None:
        """Cosigners are a list after the other fields; a depth is written only when set."""
        lines = dio.dumps(self.full_set(), format="jsonl").splitlines()
        joint = json.loads(next(line for line in lines if "salisbury-joint" in line))
        assert joint["cosigners"] == ["DEU", "GBR", "USA"]
        assert joint["speaker"] == "FRA"
        rebuttal = json.loads(lines[-1])
        assert rebuttal["targets"] == [{"statement_id": "trump-tweet", "claim": 0, "content": 1}]

    def test_files_without_the_new_fields_unchanged(self) -> None:
        """A set that uses none of the new fields writes no new key."""
        text = dio.dumps(examples.venezuela_2019())
        for key in ("cosigners", '"content": 1', "part_of"):
            assert key not in text

    def test_schema(self) -> None:
        """Files with the new fields validate against the shipped schema."""
        s = self.full_set()
        jsonschema.validate(json.loads(dio.dumps(s)), dio.schema())
        defs = dio.schema()["$defs"]
        for line in dio.dumps(s, format="jsonl").splitlines()[1:]:
            jsonschema.validate(json.loads(line), {"$defs": defs, "$ref": "#/$defs/record"})

    @pytest.mark.parametrize(
        ("record", "problem"),
        [
            (
                {"cosigners": "DEU"},
                "line 3, $.cosigners: expected a list",
            ),
            (
                {"cosigners": ["FRA"]},
                "line 3, $.cosigners[0]: expected a signatory not already named",
            ),
            (
                {"cosigners": ["ITA"]},
                "line 3, $.cosigners[0]: expected a known actor id, got 'ITA'",
            ),
        ],
    )
    def test_bad_cosigners(self, record: dict[str, Any], problem: str) -> None:
        """Bad cosigners in a file are reported with their path."""
        text = "\n".join(
            [
                '{"format": "diplostatements", "version": 1}',
                json.dumps({"type": "actor", "id": "FRA", "name": "France", "kind": "state"}),
                json.dumps(
                    {"type": "statement", "id": "s", "speaker": "FRA", "said_on": "2018-03-15"}
                    | record
                ),
            ]
        )
        with pytest.raises(ValidationError) as caught:
            dio.loads(text)
        assert caught.value.problems[0].startswith(problem)

    def test_bad_depth(self) -> None:
        """A depth beyond what claims nest is reported with its path."""
        s = self.full_set()
        text = dio.dumps(s, format="jsonl").replace('"content": 1}', '"content": 40}')
        with pytest.raises(ValidationError) as caught:
            dio.loads(text)
        assert "$.targets[0].content: expected True, False or a depth" in caught.value.problems[0]
