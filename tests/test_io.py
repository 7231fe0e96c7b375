"""Tests for diplostatements.io: the file format, its schema, and errors on bad input."""

from __future__ import annotations

import enum
import hashlib
import io as stdio
import json
import typing
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from diplostatements import (
    Actor,
    Affiliation,
    Claim,
    ClaimRef,
    DiplostatementsError,
    DuplicateIdError,
    FieldError,
    Modality,
    ParseError,
    PartOf,
    Quantity,
    Rebuttal,
    RebuttalKind,
    Relay,
    Source,
    Statement,
    StatementSet,
    TimeSpan,
    UnknownReferenceError,
    ValidationError,
    examples,
)
from diplostatements import io as dio
from diplostatements._converter import MAX_DEPTH, converter, structure_span, unstructure_span
from diplostatements._problems import MAX_PROBLEMS, describe

HEADER = '{"format": "diplostatements", "version": 1}'


def document(**sections: Any) -> str:
    """A JSON document with the given sections."""
    return json.dumps({"format": "diplostatements", "version": 1, **sections})


def jsonl(*records: Any) -> str:
    """JSON Lines: the header, then one line per record."""
    return "\n".join([HEADER, *(json.dumps(record) for record in records)]) + "\n"


def problems_of(text: str | bytes) -> list[str]:
    """The problems ``loads`` reports for ``text`` (it must reject it)."""
    with pytest.raises(ValidationError) as caught:
        dio.loads(text)
    return caught.value.problems


ACTOR = {"id": "a", "name": "A", "kind": "state"}
STATEMENT = {"id": "s", "speaker": "a", "said_on": "2019-06-04"}


class TestRoundTrip:
    def test_example_both_formats(self) -> None:
        """The seed example comes back equal from a document and from JSON Lines."""
        s = examples.venezuela_2019()
        assert dio.loads(dio.dumps(s)) == s
        assert dio.loads(dio.dumps(s, format="jsonl")) == s

    def test_same_set_same_bytes(self) -> None:
        """A set built in another order writes the very same text."""
        s = examples.venezuela_2019()
        items = [*s.actors.values(), *s.affiliations, *s]
        reversed_set = StatementSet(reversed(items))
        forms: tuple[dio.Format, ...] = ("json", "jsonl")
        for form in forms:
            assert dio.dumps(reversed_set, format=form) == dio.dumps(s, format=form)

    def test_defaults_are_left_out(self) -> None:
        """A minimal statement is written with its three required fields only."""
        s = StatementSet([Actor("a", "A", "state"), Statement("s", "a", date(2019, 6, 4))])
        records = [json.loads(line) for line in dio.dumps(s, format="jsonl").splitlines()[1:]]
        assert records == [{"type": "actor", **ACTOR}, {"type": "statement", **STATEMENT}]

    def test_missing_sections_read_as_empty(self) -> None:
        """A document with only its header, or a header-only JSON Lines file, is an empty set."""
        assert dio.loads(document()) == StatementSet()
        assert dio.loads(HEADER + "\n") == StatementSet()

    def test_unicode_is_written_as_is(self) -> None:
        """Non-ASCII text is written as UTF-8, not escaped, and reads back."""
        s = StatementSet([Actor("a", "Nicolás Maduro — 马杜罗", "person")])
        text = dio.dumps(s)
        assert "Nicolás Maduro — 马杜罗" in text
        assert dio.loads(text.encode("utf-8")) == s

    def test_rebuttal_with_every_field(self) -> None:
        """A rebuttal keeps targets, kind, modality, a non-default act and nested content."""
        nested = Claim("a", "said", content=Claim("b", "said", content=Claim("c", "did")))
        q = Quantity(None, 7, unit="ships", text="up to 7", high_open=True)
        items: list[Actor | Affiliation | Statement] = [
            Actor("a", "A", "state", aliases={"Alpha"}, country="rus", wikidata="Q1"),
            Actor("m", "M", "media"),
            Affiliation("m", "a", role="outlet", span=TimeSpan.since(date(2000, 1, 1))),
            Statement(
                "t",
                "a",
                TimeSpan.sometime_in(2019, 3),
                [nested, Claim("a", "has", "b", quantity=q, where="here", qualifiers={"x", "y"})],
                relays=[Relay("m", kind="translated", on=date(2019, 3, 2))],
                source=Source("m", title="T", url="u", published=date(2019, 3, 3)),
                language="ru",
            ),
            Rebuttal(
                "r",
                "m",
                date(2019, 4, 1),
                targets=["t", ClaimRef("t", 1)],
                kind=RebuttalKind.CORRECTION,
                modality=Modality.PROBABLE,
                act="reject",
            ),
        ]
        s = StatementSet(items)
        assert dio.loads(dio.dumps(s)) == s
        record = json.loads(dio.dumps(s, format="jsonl").splitlines()[-1])
        assert record["act"] == "reject"
        assert record["targets"] == ["t", {"statement_id": "t", "claim": 1}]

    def test_claim_ref_index_zero_is_written(self) -> None:
        """A claim reference always names its index, so it never reads as a whole statement."""
        assert converter.unstructure(ClaimRef("t", 0)) == {"statement_id": "t", "claim": 0}


class TestTimeSpanForms:
    # Each span is written in the shortest form that names its four bounds exactly.
    @pytest.mark.parametrize(
        ("span", "written"),
        [
            # a day
            (TimeSpan.on(date(2019, 6, 3)), "2019-06-03"),
            # a moment in a month or a year
            (TimeSpan.sometime_in(2019, 3), {"sometime_in": "2019-03"}),
            (TimeSpan.sometime_in(2019, 2), {"sometime_in": "2019-02"}),
            (TimeSpan.sometime_in(2019), {"sometime_in": "2019"}),
            # held throughout, ends open or not
            (
                TimeSpan.between(date(2019, 1, 1), date(2019, 2, 1)),
                {"from": "2019-01-01", "to": "2019-02-01"},
            ),
            (TimeSpan.since(date(2019, 1, 23)), {"from": "2019-01-23", "to": None}),
            (TimeSpan.until(date(2019, 7, 22)), {"from": None, "to": "2019-07-22"}),
            (TimeSpan.always(), {"from": None, "to": None}),
            # a moment in a range
            (
                TimeSpan.sometime_between(date(2019, 5, 7), date(2019, 5, 10)),
                {"sometime_between": ["2019-05-07", "2019-05-10"]},
            ),
            (
                TimeSpan.sometime_between(date(2019, 1, 2), date(2019, 12, 31)),
                {"sometime_between": ["2019-01-02", "2019-12-31"]},
            ),
            (
                TimeSpan.sometime_between(date(2019, 2, 1), date(2019, 3, 31)),
                {"sometime_between": ["2019-02-01", "2019-03-31"]},
            ),
            (
                TimeSpan.sometime_before(date(2019, 6, 4)),
                {"sometime_between": [None, "2019-06-03"]},
            ),
            (
                TimeSpan.sometime_after(date(2019, 6, 4)),
                {"sometime_between": ["2019-06-05", None]},
            ),
            # anything else
            (
                TimeSpan(
                    start_earliest=date(2019, 1, 1),
                    start_latest=date(2019, 1, 31),
                    end_earliest=date(2019, 3, 1),
                    end_latest=None,
                ),
                {"start": ["2019-01-01", "2019-01-31"], "end": ["2019-03-01", None]},
            ),
            (
                TimeSpan(
                    start_earliest=None,
                    start_latest=None,
                    end_earliest=None,
                    end_latest=None,
                ),
                {"sometime_between": [None, None]},
            ),
            (
                TimeSpan(
                    start_earliest=date.max,
                    start_latest=date.max,
                    end_earliest=date.max,
                    end_latest=date.max,
                ),
                "9999-12-31",
            ),
        ],
    )
    def test_form(self, span: TimeSpan, written: object) -> None:
        """The span is written in its form and read back equal."""
        assert unstructure_span(span) == written
        assert structure_span(written) == span


class TestSchema:
    def test_schema_is_valid_draft_2020_12(self) -> None:
        """The shipped schema is itself a valid draft 2020-12 schema."""
        schema = dio.schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)
        assert dio.SCHEMA_PATH.is_file()

    def test_example_validates(self) -> None:
        """The example, as a document and as JSON Lines, validates against the schema."""
        s = examples.venezuela_2019()
        validator = jsonschema.Draft202012Validator(
            dio.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        validator.validate(json.loads(dio.dumps(s)))
        lines = dio.dumps(s, format="jsonl").splitlines()
        defs = dio.schema()["$defs"]
        jsonschema.validate(json.loads(lines[0]), {"$defs": defs, "$ref": "#/$defs/header"})
        for line in lines[1:]:
            jsonschema.validate(json.loads(line), {"$defs": defs, "$ref": "#/$defs/record"})

    def test_schema_rejects_unknown_fields(self) -> None:
        """The schema, like the reader, refuses a field it does not know."""
        bad = json.loads(document(actors=[{**ACTOR, "colour": "red"}]))
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, dio.schema())

    @pytest.mark.parametrize(
        ("definition", "cls"),
        [
            ("actor", Actor),
            ("affiliation", Affiliation),
            ("statement", Statement),
            ("rebuttal", Rebuttal),
            ("claim", Claim),
            ("quantity", Quantity),
            ("relay", Relay),
            ("source", Source),
            ("claimRef", ClaimRef),
            ("partOf", PartOf),
        ],
    )
    def test_fields_match_the_model(self, definition: str, cls: type) -> None:
        """Each record's properties are its class's fields (plus the type tag), enums in sync."""
        properties = dio.schema()["$defs"][definition]["properties"]
        assert set(properties) - {"type"} == {field.name for field in attrs.fields(cls)}
        hints = typing.get_type_hints(cls)
        for name, schema_of_field in properties.items():
            kind = hints.get(name)
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                assert schema_of_field["enum"] == [member.value for member in kind]


class TestBadInput:
    # Each bad input and what its problems must say; paths are JSON paths.
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # the header
            ('{"format": "other", "version": 1}', ['$.format: expected "diplostatements"']),
            (document().replace('"version": 1', '"version": 2'), ["$.version: expected 1 (this"]),
            (document().replace('"version": 1', '"version": "1"'), ["$.version: expected 1, got"]),
            (document().replace('"version": 1', '"version": true'), ["got true"]),
            ("[1, 2]", ["$: expected a JSON object, got a list of 2"]),
            (document(actors={}), ["$.actors: expected a list, got an empty object"]),
            (
                document(extra=1),
                ["$.extra: expected one of the fields format, version", 'unknown field "extra"'],
            ),
            # wrong types, missing and unknown fields
            (document(actors=[5]), ["$.actors[0]: expected an actor object, got 5"]),
            (
                document(actors=[{"id": "a", "name": 3, "kind": "state"}]),
                ["$.actors[0].name: expected a string, got 3"],
            ),
            (
                document(actors=[{"id": "a"}]),
                ["$.actors[0].name: expected a value", "$.actors[0].kind: expected a value"],
            ),
            (
                document(actors=[{**ACTOR, "colour": "red"}]),
                ["$.actors[0].colour: expected one of the fields id, name, kind", '"colour"'],
            ),
            (
                document(actors=[{**ACTOR, "aliases": "Moscow"}]),
                ["$.actors[0].aliases: expected a list of strings"],
            ),
            (
                document(actors=[{**ACTOR, "aliases": ["x", 1]}]),
                ["$.actors[0].aliases[1]: expected a string, got 1"],
            ),
            (
                document(affiliations=[{"member": "a", "organization": "b", "speaks_for": 1}]),
                ["$.affiliations[0].speaks_for: expected true or false, got 1"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "claims": {}}]),
                ["$.statements[0].claims: expected a list"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "claims": [{"subject": "a"}]}]),
                ["$.statements[0].claims[0].predicate: expected a value"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "type": "actor"}]),
                ['$.statements[0].type: expected a record type: "statement" or "rebuttal"'],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "targets": ["x"]}]),
                ['$.statements[0].type: expected "rebuttal"'],
            ),
            # model checks
            (
                document(actors=[{**ACTOR, "id": "has space"}]),
                ["$.actors[0].id: expected a non-empty id without white space"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "language": "English"}]),
                ["$.statements[0].language: expected a BCP 47 language tag"],
            ),
            # enums
            (
                document(actors=[{**ACTOR, "kind": "State"}]),
                ['$.actors[0].kind: expected one of "state", "government"', 'got "State"'],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "channel": 3}]),
                ['$.statements[0].channel: expected one of "tweet"'],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {**STATEMENT, "claims": [{"subject": "a", "predicate": "p", "quantity": 5}]}
                    ],
                ),
                ["$.statements[0].claims[0].quantity: expected a quantity object, got 5"],
            ),
            # dates and spans
            (
                document(
                    actors=[ACTOR],
                    statements=[{**STATEMENT, "said_on": {"sometime_in": "March"}}],
                ),
                ['$.statements[0].said_on.sometime_in: expected a month as "YYYY-MM"'],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "said_on": {}, "a": 1, "b": 2}]),
                ["$.statements[0].said_on: expected a time span", "$.statements[0].b: expected"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "said_on": "2019-02-30"}]),
                ["$.statements[0].said_on: expected an existing date"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "said_on": "20190204"}]),
                ['$.statements[0].said_on: expected a date as "YYYY-MM-DD"'],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "said_on": 2019}]),
                ["$.statements[0].said_on: expected a time span"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "said_on": {"on": "x"}}]),
                ["$.statements[0].said_on: expected a time span"],
            ),
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "said_on": {"from": None}}]),
                ['$.statements[0].said_on: expected a time span with the keys "from" and "to"'],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[{**STATEMENT, "said_on": {"sometime_in": "2019-13"}}],
                ),
                ['$.statements[0].said_on.sometime_in: expected a month as "YYYY-MM"'],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[{**STATEMENT, "said_on": {"sometime_in": "0000"}}],
                ),
                ["$.statements[0].said_on.sometime_in: expected a month"],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[{**STATEMENT, "said_on": {"sometime_between": ["2019-01-01"]}}],
                ),
                ["$.statements[0].said_on.sometime_between: expected a pair"],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {**STATEMENT, "said_on": {"start": ["2019-01-01", 5], "end": [None, None]}}
                    ],
                ),
                ["$.statements[0].said_on.start[1]: expected a date"],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {
                            **STATEMENT,
                            "said_on": {"from": "2019-02-01", "to": "2019-01-01"},
                        }
                    ],
                ),
                ["$.statements[0].said_on.end_latest: expected start_earliest on or before"],
            ),
            # numbers
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {
                            **STATEMENT,
                            "claims": [
                                {
                                    "subject": "a",
                                    "predicate": "p",
                                    "quantity": {"low": 1e400, "high": 10**40},
                                }
                            ],
                        }
                    ],
                ),
                [
                    "$.statements[0].claims[0].quantity.low: expected a finite number",
                    "$.statements[0].claims[0].quantity.high: expected a finite number",
                ],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {
                            **STATEMENT,
                            "claims": [
                                {"subject": "a", "predicate": "p", "quantity": {"low": True}}
                            ],
                        }
                    ],
                ),
                [
                    "$.statements[0].claims[0].quantity.low: expected a number or null, got true",
                    "$.statements[0].claims[0].quantity.high: expected a value",
                ],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {
                            **STATEMENT,
                            "claims": [
                                {
                                    "subject": "a",
                                    "predicate": "p",
                                    "quantity": {"low": 5, "high": 1},
                                }
                            ],
                        }
                    ],
                ),
                ["$.statements[0].claims[0].quantity.high: expected a number not below low"],
            ),
            (
                '{"format": "diplostatements", "version": 1, "actors": [{"id": "a", "name": "A",'
                ' "kind": "state"}], "statements": [{"id": "s", "speaker": "a", "said_on":'
                ' "2019-01-01", "claims": [{"subject": "a", "predicate": "p", "quantity":'
                ' {"low": NaN, "high": Infinity}}]}]}',
                ["quantity.low: expected a finite number", "got NaN"],
            ),
            (
                document(actors=[ACTOR, {"id": "b", "name": "B", "kind": "state"}]).replace(
                    "]",
                    "], " + '"statements": [{"type": "rebuttal", "id": "r", "speaker": "a",'
                    ' "said_on": "2019-01-01", "targets": [{"statement_id": "x", "claim": '
                    + "9" * 60
                    + '}], "kind": "denial"}]',
                    1,
                ),
                ["$.statements[0].targets[0].claim: expected an integer"],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {
                            "type": "rebuttal",
                            **STATEMENT,
                            "targets": [{"statement_id": "s", "claim": 2**60}],
                            "kind": "denial",
                        }
                    ],
                ),
                ["$.statements[0].targets[0].claim: expected an integer of at most"],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        {"type": "rebuttal", **STATEMENT, "targets": [5], "kind": "denial"}
                    ],
                ),
                ["$.statements[0].targets[0]: expected a statement id or"],
            ),
            # references and ids
            (
                document(actors=[ACTOR], statements=[{**STATEMENT, "speaker": "aa"}]),
                ["$.statements[0].speaker: expected a known actor id, got 'aa'"],
            ),
            (
                document(actors=[ACTOR], affiliations=[{"member": "a", "organization": "b"}]),
                ["$.affiliations[0].organization: expected a known actor id"],
            ),
            (
                document(
                    actors=[ACTOR],
                    statements=[
                        STATEMENT,
                        {
                            "type": "rebuttal",
                            **STATEMENT,
                            "id": "r",
                            "targets": ["x"],
                            "kind": "denial",
                        },
                        {
                            "type": "rebuttal",
                            **STATEMENT,
                            "id": "r2",
                            "targets": [{"statement_id": "s", "claim": 1}],
                            "kind": "denial",
                        },
                    ],
                ),
                [
                    "$.statements[1].targets[0]: expected a known statement id, got 'x'",
                    "$.statements[2].targets[0].claim: expected a claim index below 0",
                ],
            ),
            (
                document(actors=[ACTOR, ACTOR], statements=[STATEMENT, STATEMENT]),
                [
                    "$.actors[1].id: actor id 'a' is already used at $.actors[0]",
                    "$.statements[1].id: statement id 's' is already used at $.statements[0]",
                ],
            ),
            (
                document(
                    actors=[ACTOR, {**ACTOR, "id": "b"}],
                    affiliations=[
                        {"member": "a", "organization": "b", "speaks_for": True},
                        {"member": "b", "organization": "a", "speaks_for": True},
                    ],
                ),
                [
                    "$.affiliations[0].speaks_for: expected an affiliation that closes no"
                    " speaks-for cycle",
                    "got 'a -> b -> a'",
                ],
            ),
            (
                document(
                    actors=[
                        {**ACTOR, "aliases": ["Moscow"]},
                        {"id": "b", "name": "B", "kind": "state", "aliases": ["moscow"]},
                    ]
                ),
                ["$.actors[1].aliases"],
            ),
        ],
    )
    def test_problem_listed(self, text: str, expected: list[str]) -> None:
        """Each problem is listed with its JSON path and what was expected."""
        found = "\n".join(problems_of(text))
        for fragment in expected:
            assert fragment in found

    def test_every_problem_is_listed(self) -> None:
        """Problems in several items and fields are all reported at once."""
        bad = document(
            actors=[{"id": "a", "name": "", "kind": "x"}, {"id": 5, "name": "B", "kind": "state"}],
            statements=[{"id": "s", "speaker": 1, "said_on": "never"}],
        )
        found = problems_of(bad)
        # The model's own checks (a blank name) run once an item's fields have the right types.
        assert len(found) == 4
        assert all(line.startswith("$.") for line in found)

    def test_problem_types(self) -> None:
        """Problems keep their kind: bad fields, unknown references, repeated ids."""
        with pytest.raises(ValidationError) as caught:
            dio.loads(document(actors=[ACTOR], statements=[{**STATEMENT, "speaker": "b"}]))
        (error,) = caught.value.exceptions
        assert isinstance(error, UnknownReferenceError)
        assert error.path == "$.statements[0].speaker"
        with pytest.raises(ValidationError) as caught:
            dio.loads(document(actors=[ACTOR, ACTOR]))
        assert isinstance(caught.value.exceptions[0], DuplicateIdError)
        with pytest.raises(ValidationError) as caught:
            dio.loads(document(actors=[{**ACTOR, "name": 1}]))
        field_error = caught.value.exceptions[0]
        assert isinstance(field_error, FieldError)
        assert (field_error.path, field_error.got) == ("$.actors[0].name", 1)

    def test_newer_version_is_reported_alone(self) -> None:
        """A newer file's other fields are not judged by this version's rules."""
        found = problems_of('{"format": "diplostatements", "version": 9, "actors": [1]}')
        assert len(found) == 1
        assert "upgrade" in found[0]

    def test_deep_content(self) -> None:
        """Claims nested beyond the limit are one problem, at the content that is too deep."""
        claim: dict[str, Any] = {"subject": "a", "predicate": "p"}
        for _ in range(MAX_DEPTH + 5):
            claim = {"subject": "a", "predicate": "said", "content": claim}
        found = problems_of(document(actors=[ACTOR], statements=[{**STATEMENT, "claims": [claim]}]))
        assert len(found) == 1
        assert found[0].startswith("$.statements[0].claims[0]" + ".content" * (MAX_DEPTH + 1))

    def test_content_at_the_limit_reads(self) -> None:
        """Claims nested exactly to the limit are read."""
        claim: dict[str, Any] = {"subject": "a", "predicate": "p"}
        for _ in range(MAX_DEPTH):
            claim = {"subject": "a", "predicate": "said", "content": claim}
        s = dio.loads(document(actors=[ACTOR], statements=[{**STATEMENT, "claims": [claim]}]))
        assert dio.loads(dio.dumps(s)) == s

    def test_deep_json_is_a_parse_error(self) -> None:
        """JSON nested deeper than Python can read is a ParseError, not a RecursionError."""
        with pytest.raises(ParseError, match="nested less deeply"):
            dio.loads("[" * 100_000)

    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ('{"format": "diplostatements",\n  "version": 1,\n  "actors": [}', "line 3, column 14"),
            ("{", "line 1, column 2"),
            ("not json at all", "line 1, column 1"),
            (document() + " x", "line 1, column 45"),
        ],
    )
    def test_malformed_json(self, text: str, where: str) -> None:
        """Malformed JSON is a ParseError naming the line and column, with a caret under it."""
        with pytest.raises(ParseError) as caught:
            dio.loads(text)
        assert caught.value.path == where
        assert "^" in str(caught.value)

    def test_long_line_is_cut_around_the_error(self) -> None:
        """The excerpt of a very long line shows the part around the error."""
        text = '{"format": "diplostatements", "version": 1, "actors": [' + "1, " * 500 + "}"
        with pytest.raises(ParseError) as caught:
            dio.loads(text)
        assert len(caught.value.text) <= 72
        assert caught.value.text[caught.value.start] == "}"

    def test_empty_input(self) -> None:
        """Empty text is a ParseError."""
        with pytest.raises(ParseError, match="JSON document or JSON Lines"):
            dio.loads("  \n")

    def test_not_text(self) -> None:
        """Something that is not text is rejected as input."""
        with pytest.raises(ValidationError, match="text"):
            dio.loads(5)  # type: ignore[arg-type]

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are a ParseError naming the line and byte."""
        with pytest.raises(ParseError) as caught:
            dio.loads(b'{"format": "diplostatements",\n "version": 1, "x": "\xff"}')
        assert caught.value.path == "line 2, byte 22"

    def test_byte_order_mark_is_ignored(self) -> None:
        """A UTF-8 byte order mark at the start of a file is allowed."""
        text = dio.dumps(examples.venezuela_2019())
        assert dio.loads(b"\xef\xbb\xbf" + text.encode()) == dio.loads("\ufeff" + text)

    def test_many_problems_are_capped(self) -> None:
        """At most MAX_PROBLEMS are kept; the message gives the full count."""
        bad = document(actors=[{"id": str(n)} for n in range(MAX_PROBLEMS)])
        with pytest.raises(ValidationError) as caught:
            dio.loads(bad)
        assert len(caught.value.exceptions) == MAX_PROBLEMS
        assert caught.value.total == 2 * MAX_PROBLEMS
        first = str(caught.value).splitlines()[0]
        assert first.endswith(f"({2 * MAX_PROBLEMS} problems; the first {MAX_PROBLEMS} are listed)")


class TestJsonSyntax:
    # (text, the whole message after "expected valid JSON (", the column)
    MESSAGES = (
        ('{"format": "diplostatements",}', "a property name in double quotes is missing here", 30),
        ("[1,]", "a value is missing here", 4),
        ('{"format" "x"}', "a ':' is missing here", 11),
        ("[1 2]", "a ',' is missing here", 4),
        ("[] x", "more text after the end of the JSON value", 4),
        ('{"format": "diplostat', "the string that starts here has no closing quote", 12),
        ('{"a": "\x01"}', "a control character inside a string (write it escaped)", 8),
        ('{"a": "\\q"}', "an escape that JSON does not know", 8),
        ('{"a": "\\u12"}', "an escape \\u not followed by four hexadecimal digits", 9),
    )

    @pytest.mark.parametrize(("text", "words", "column"), MESSAGES)
    def test_whole_messages(self, text: str, words: str, column: int) -> None:
        """JSON syntax errors say what is wrong in whole words, at the line and column."""
        with pytest.raises(ParseError) as caught:
            dio.loads(text)
        assert str(caught.value).startswith(
            f"line 1, column {column}: expected valid JSON ({words})"
        )

    def test_file_errors_name_the_file(self, tmp_path: Path) -> None:
        """Read from a file, a syntax or encoding error is placed as FILE:LINE:COLUMN."""
        path = tmp_path / "bad.json"
        path.write_text('{"format": "diplostatements",\n  "version": 1,\n  "actors": [}')
        with pytest.raises(ParseError) as caught:
            dio.load(path)
        assert caught.value.path == f"{path}:3:14"
        assert str(caught.value).startswith(f"{path}:3:14: expected valid JSON (a value is")
        path.write_bytes(b'{"format": "diplostatements",\n "x": "\xff"}')
        with pytest.raises(ParseError) as caught:
            dio.load(path)
        assert str(caught.value).startswith(
            f"{path}:2:8: expected UTF-8 text (invalid start byte: byte ff)"
        )
        named = stdio.BytesIO(b"{")
        named.name = "stream.json"
        with pytest.raises(ParseError, match=r"^stream\.json:1:2: expected valid JSON"):
            dio.load(named)

    def test_control_bytes_are_not_echoed(self) -> None:
        """An ESC byte in a bad file is shown escaped, with the caret still under it."""
        with pytest.raises(ParseError) as caught:
            dio.loads(b'{"format": "\x1b[2J"}')
        lines = str(caught.value).splitlines()
        assert "\x1b" not in str(caught.value)
        assert lines[1] == '    {"format": "\\x1b[2J"}'
        assert lines[2] == "    " + " " * 12 + "^^^^"

    def test_binary_file_is_not_echoed(self) -> None:
        """Random bytes give a message that is safe to print."""
        with pytest.raises(ParseError) as caught:
            dio.loads(bytes(range(1, 32)) + b"\xc3\xa9\x7f\x9b")
        assert all(line.isprintable() for line in str(caught.value).splitlines())


class TestDuplicateKeys:
    # (text, the problem it must list)
    DUPLICATES = (
        (
            document(actors=[ACTOR], statements=[STATEMENT]).replace(
                '"id": "s"', '"id": "s", "id": "t"'
            ),
            '$.statements[0]: expected each key once, got duplicate key "id"',
        ),
        (
            document(
                actors=[ACTOR],
                statements=[{**STATEMENT, "claims": [{"subject": "a", "predicate": "p"}]}],
            ).replace('"predicate": "p"', '"predicate": "p", "predicate": "q"'),
            '$.statements[0].claims[0]: expected each key once, got duplicate key "predicate"',
        ),
        (
            '{"format": "diplostatements", "version": 1, "actors": [], "actors": []}',
            '$: expected each key once, got duplicate key "actors"',
        ),
        (
            jsonl({"type": "actor", **ACTOR}).replace('"name": "A"', '"name": "A", "name": "B"'),
            'line 2, $: expected each key once, got duplicate key "name"',
        ),
        (
            '{"format": "diplostatements", "version": 1, "version": 1}\n' + json.dumps(ACTOR),
            'line 1, $: expected each key once, got duplicate key "version"',
        ),
    )

    @pytest.mark.parametrize(("text", "problem"), DUPLICATES)
    def test_duplicate_key_is_a_problem(self, text: str, problem: str) -> None:
        """A key repeated in an object is reported where it is, never read last-wins."""
        assert problem in problems_of(text)


class TestText:
    def test_lone_surrogate_is_refused(self) -> None:
        """A lone surrogate written as a JSON escape is refused at its path."""
        text = document(actors=[{**ACTOR, "name": "\ud800"}]).replace("\\ud800", "\\ud800")
        assert "\\ud800" in text  # json.dumps wrote the escape, as a file holds it
        assert problems_of(text) == [
            "$.actors[0].name: expected text without a lone surrogate (U+D800 to U+DFFF alone"
            ' cannot be written as UTF-8), got "\\ud800"'
        ]

    def test_odd_but_writable_text_round_trips(self) -> None:
        """Control and format characters are text: kept, written and read back as they are."""
        s = StatementSet([Actor("a", "A\x1b[2J\u200b\u2028\U0001f600", "state")])
        for form in ("json", "jsonl"):
            text = dio.dumps(s, format=form)
            assert dio.loads(text.encode("utf-8")) == s


class TestJsonLines:
    def test_problems_carry_line_numbers(self) -> None:
        """A record's problems name its line; malformed lines are listed with their column."""
        text = "\n".join(
            [
                HEADER,
                json.dumps({"type": "actor", **ACTOR}),
                "",
                '{"type": "statement", "id": "s", "speaker": "a", "said_on": 5}',
                "{bad",
                '{"type": "thing"}',
                '["x"]',
            ]
        )
        found = problems_of(text)
        assert found[0].startswith("line 4, $.said_on: expected a time span")
        assert found[1].startswith("line 5, column 2: expected valid JSON")
        assert found[2].startswith('line 6, $.type: expected a record type: "actor"')
        assert found[3].startswith(
            "line 7, $: expected an actor, affiliation, part-of, statement or"
        )

    def test_reference_problems_carry_line_numbers(self) -> None:
        """An unknown speaker is reported at its line."""
        text = jsonl({"type": "actor", **ACTOR}, {"type": "statement", **STATEMENT, "speaker": "b"})
        assert problems_of(text) == ["line 3, $.speaker: expected a known actor id, got 'b'"]

    def test_bad_header(self) -> None:
        """A header of another format or version is reported at line 1, and nothing else read."""
        text = '{"format": "x", "version": 3}\n{"type": "nonsense"}\n'
        found = problems_of(text)
        assert found[0].startswith('line 1, $.format: expected "diplostatements"')
        assert len(found) == 2

    def test_malformed_header(self) -> None:
        """A first line that is a JSON value but not an object is reported."""
        found = problems_of('[1]\n{"type": "actor"}\n')
        assert found[0] == "line 1, $: expected a JSON object, got a list of 1 item(s)"

    def test_not_utf8_line(self) -> None:
        """A line that is not UTF-8 is one problem, naming its line and byte."""
        text = (HEADER + "\n").encode() + b'{"type": "actor", "id": "\xfe"}\n'
        found = problems_of(text)
        assert found[0].startswith("line 2, byte 26: expected UTF-8 text")

    def test_iter_jsonl_streams(self, tmp_path: Path) -> None:
        """The streaming reader yields records as it reads and raises at the first bad line."""
        path = tmp_path / "x.jsonl"
        path.write_text(
            jsonl({"type": "actor", **ACTOR}, {"type": "actor", "id": "b"}, {"type": "actor"})
        )
        records = dio.iter_jsonl(path)
        assert next(records) == Actor("a", "A", "state")
        with pytest.raises(ValidationError) as caught:
            next(records)
        assert caught.value.problems[0].startswith("line 3, $.name")

    def test_iter_jsonl_bad_last_line(self) -> None:
        """A bad last line is raised after the good ones are yielded."""
        records = dio.iter_jsonl(stdio.StringIO(jsonl({"type": "actor", **ACTOR}, [])))
        assert next(records) == Actor("a", "A", "state")
        with pytest.raises(ValidationError) as caught:
            next(records)
        assert caught.value.problems[0].startswith("line 3, $: expected an actor")

    def test_iter_jsonl_header(self) -> None:
        """The streaming reader checks the header first; an empty file yields nothing."""
        with pytest.raises(ValidationError) as caught:
            list(dio.iter_jsonl(stdio.StringIO('{"format": "x"}\n')))
        assert caught.value.problems[0].startswith('line 1, $.format: expected "diplostatements"')
        with pytest.raises(ValidationError) as caught:
            list(dio.iter_jsonl(stdio.StringIO("{\n")))
        assert caught.value.problems[0].startswith("line 1, column 2: expected valid JSON")
        assert list(dio.iter_jsonl(stdio.StringIO(""))) == []
        blank_first = "\n  \n" + jsonl({"type": "actor", **ACTOR})
        assert list(dio.iter_jsonl(stdio.StringIO(blank_first))) == [Actor("a", "A", "state")]

    def test_iter_jsonl_reads_every_type(self) -> None:
        """All four record types come out of JSON Lines as their classes."""
        s = examples.venezuela_2019()
        items = list(dio.iter_jsonl(stdio.BytesIO(dio.dumps(s, format="jsonl").encode())))
        assert items == [*s.actors.values(), *s.affiliations, *s]


class TestFiles:
    def test_path_and_suffix(self, tmp_path: Path) -> None:
        """Dumping picks JSON Lines for a .jsonl path, a document otherwise; load reads both."""
        s = examples.venezuela_2019()
        for name, first in (("s.jsonl", HEADER), ("s.json", "{")):
            path = tmp_path / name
            dio.dump(s, path)
            assert path.read_text(encoding="utf-8").splitlines()[0] == first
            assert dio.load(path) == s
            assert dio.load(str(path)) == s

    def test_open_files(self, tmp_path: Path) -> None:
        """Dumping and loading take text and binary files."""
        s = examples.venezuela_2019()
        binary = stdio.BytesIO()
        dio.dump(s, binary, format="jsonl")
        assert binary.getvalue().decode() == dio.dumps(s, format="jsonl")
        binary.seek(0)
        assert dio.load(binary) == s
        text = stdio.StringIO()
        dio.dump(s, text)
        text.seek(0)
        assert dio.load(text) == s
        path = tmp_path / "s.json"
        with open(path, "wb") as stream:
            dio.dump(s, stream)
        with open(path, encoding="utf-8") as stream:
            assert dio.load(stream) == s

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a FileError, which is also an OSError."""
        with pytest.raises(dio.FileError) as caught:
            dio.load(tmp_path / "nothing.json")
        assert isinstance(caught.value, OSError)
        assert isinstance(caught.value, DiplostatementsError)
        assert str(caught.value) == f"{tmp_path / 'nothing.json'}: No such file or directory"

    def test_directory(self, tmp_path: Path) -> None:
        """A directory given as a file is a FileError."""
        with pytest.raises(dio.FileError):
            dio.load(tmp_path)
        with pytest.raises(dio.FileError):
            dio.dump(StatementSet(), tmp_path)

    def test_unreadable_stream(self) -> None:
        """An error while reading an open file is a FileError."""

        class Broken(stdio.StringIO):
            def __iter__(self) -> Broken:  # type: ignore[override]
                raise OSError(5, "Input/output error")

        with pytest.raises(dio.FileError, match="Input/output error"):
            dio.load(Broken())

    def test_unwritable_stream(self) -> None:
        """An error while writing to an open file is a FileError."""
        stream = stdio.StringIO()
        stream.close()
        with pytest.raises(dio.FileError):
            dio.dump(StatementSet(), _Closed())

    def test_text_stream_not_utf8(self, tmp_path: Path) -> None:
        """A text-mode file whose bytes are not UTF-8 is a ParseError."""
        path = tmp_path / "latin.json"
        path.write_bytes(b'{"x": "\xe9"}')
        with open(path, encoding="utf-8") as stream, pytest.raises(ParseError):
            dio.load(stream)

    def test_input_file_is_not_changed(self, tmp_path: Path) -> None:
        """Reading a bad file leaves it exactly as it was."""
        path = tmp_path / "bad.json"
        path.write_text(document(actors=[{"id": "a"}]))
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        with pytest.raises(ValidationError):
            dio.load(path)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    def test_bad_arguments(self) -> None:
        """Writing something that is not a set, or in an unknown format, is refused."""
        with pytest.raises(TypeError, match="StatementSet"):
            dio.dumps([])  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="format"):
            dio.dumps(StatementSet(), format="xml")  # type: ignore[arg-type]


class _Closed(stdio.StringIO):
    def writelines(self, lines: Any) -> None:
        raise OSError(28, "No space left on device")


class TestDescribe:
    # How values show in messages: as JSON, short, never a deep repr.
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (None, "null"),
            (True, "true"),
            ("é", '"é"'),
            ("x" * 200, '"' + "x" * 76 + "..."),
            ({}, "an empty object"),
            ({"a": 1}, "an object with key a"),
            ({str(n): n for n in range(8)}, "an object with keys 0, 1, 2, 3, 4, 5 and 2 more"),
            ([], "an empty list"),
            ([[[[]]]], "a list of 1 item(s)"),
            (float("nan"), "NaN"),
            (date(2019, 1, 1), "2019-01-01"),
            (frozenset({1}), "frozenset({1})"),
            # safe to print: nothing a terminal would not show as itself
            ("a\x1bb", '"a\\u001bb"'),
            ("zero\u200bwidth\x9b", '"zero\\u200bwidth\\x9b"'),
            ({"\x1b[2J": 1}, "an object with key \\x1b[2J"),
        ],
    )
    def test_describe(self, value: object, shown: str) -> None:
        """The value is shown as stated."""
        assert describe(value) == shown
