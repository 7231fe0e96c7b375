"""Laws of the file format: lossless round trips, one text per set, schema validity, safe errors."""

from __future__ import annotations

import contextlib
import io as stdio
import json
import random
import tempfile
import warnings
from typing import Any
from unittest import mock

import jsonschema
import pytest
from cattrs.errors import BaseValidationError
from hypothesis import given
from hypothesis import strategies as st

from diplostatements import (
    DiplostatementsError,
    ParseError,
    StatementSet,
    TimeSpan,
    ValidationError,
    examples,
)
from diplostatements import io as dio
from diplostatements._converter import RECORD_TYPES, BadValueError, structure_item
from diplostatements._fast import DECODER as FAST
from diplostatements._fast import Reader, as_json
from diplostatements._problems import Problems
from diplostatements._reading import repeated_keys
from diplostatements.cli import main
from diplostatements.strategies import rich_statement_sets, statement_sets

SCHEMA = dio.schema()
DOCUMENT = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
HEADER = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": "#/$defs/header"})
RECORD = jsonschema.Draft202012Validator(
    {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/record"},
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)

sets = st.one_of(rich_statement_sets(), statement_sets(max_claims=12))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def _rejection(text: str | bytes) -> DiplostatementsError | None:
    # Any other exception escapes and fails the test.
    try:
        dio.loads(text)
    except DiplostatementsError as error:
        return error
    return None


def assert_safe_rejection(text: str | bytes) -> None:
    """Reading ``text`` either succeeds or raises a library error whose problems have paths."""
    error = _rejection(text)
    if isinstance(error, ValidationError):
        assert error.problems
        for problem in error.problems:
            assert problem.startswith(("$", "line ")), problem
    elif isinstance(error, ParseError):
        assert error.path is not None
        assert "line " in error.path or error.path == "the text"
    else:
        assert error is None, repr(error)


class TestRoundTrip:
    """``loads(dumps(s)) == s``, for a JSON document and for JSON Lines."""

    @given(sets)
    def test_document(self, s: StatementSet) -> None:
        """A document reads back as the set that wrote it."""
        assert dio.loads(dio.dumps(s)) == s

    @given(sets)
    def test_json_lines(self, s: StatementSet) -> None:
        """JSON Lines read back as the set, as text, bytes, or streamed record by record."""
        text = dio.dumps(s, format="jsonl")
        assert dio.loads(text) == s
        assert dio.load(stdio.BytesIO(text.encode("utf-8"))) == s
        assert list(dio.iter_jsonl(stdio.StringIO(text))) == [
            *s.actors.values(),
            *s.affiliations,
            *s.part_of,
            *s,
        ]


class TestDeterminism:
    """The same set gives the same bytes, whatever order it was built in."""

    @given(sets, st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, s: StatementSet, shuffler: random.Random) -> None:
        """Shuffling the items a set is built from changes nothing in its files."""
        items = [*s.actors.values(), *s.affiliations, *s.part_of, *s]
        shuffler.shuffle(items)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # typo warnings about drawn entity names
            again = StatementSet(items)
        assert dio.dumps(again) == dio.dumps(s)
        assert dio.dumps(again, format="jsonl") == dio.dumps(s, format="jsonl")

    @given(sets)
    def test_written_twice(self, s: StatementSet) -> None:
        """Reading and writing again gives the very same text."""
        text = dio.dumps(s)
        assert dio.dumps(dio.loads(text)) == text


class TestSchema:
    """Every file the library writes validates against the schema it ships."""

    @given(sets)
    def test_document_validates(self, s: StatementSet) -> None:
        """The JSON document validates."""
        DOCUMENT.validate(json.loads(dio.dumps(s)))

    @given(sets)
    def test_json_lines_validate(self, s: StatementSet) -> None:
        """The header and every record of JSON Lines validate."""
        # Split on line feeds only: text may hold other line separators (U+2028) unescaped.
        first, *rest = dio.dumps(s, format="jsonl").rstrip("\n").split("\n")
        HEADER.validate(json.loads(first))
        for line in rest:
            RECORD.validate(json.loads(line))


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON value, the value itself included."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


def _mutated(value: Any, path: tuple[Any, ...], how: str, new: Any) -> Any:
    if not path:
        return new if how == "replace" else value
    *head, last = path
    parent = value
    for step in head:
        parent = parent[step]
    if how == "replace":
        parent[last] = new
    elif how == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[f"extra-{last}"] = new
    else:
        parent.insert(last, new)
    return value


class TestFuzz:
    """Whatever the input, only library errors escape, and their messages say where."""

    @given(json_values)
    def test_random_json(self, value: object) -> None:
        """Any JSON value is read or rejected with paths."""
        assert_safe_rejection(json.dumps(value))

    @given(json_values)
    def test_random_json_with_header(self, value: object) -> None:
        """Any JSON value as a document's section or as a record is rejected with paths."""
        for section in ("actors", "affiliations", "statements", "colour"):
            assert_safe_rejection(
                json.dumps({"format": "diplostatements", "version": 1, section: [value]})
            )
        assert_safe_rejection(
            '{"format": "diplostatements", "version": 1}\n' + json.dumps(value) + "\n"
        )

    @given(
        sets,
        st.data(),
        st.sampled_from(("replace", "delete", "insert")),
        json_values,
        st.booleans(),
    )
    def test_mutated_files(
        self, s: StatementSet, data: st.DataObject, how: str, new: object, lines: bool
    ) -> None:
        """A valid file with one value replaced, removed or added is read or rejected safely."""
        if lines:
            text = dio.dumps(s, format="jsonl").rstrip("\n")
            records = [json.loads(line) for line in text.split("\n")]
            index = data.draw(st.integers(0, len(records) - 1))
            places = _places(records[index])
            path = data.draw(st.sampled_from(places))
            records[index] = _mutated(records[index], path, how, new)
            assert_safe_rejection("\n".join(json.dumps(record) for record in records))
        else:
            value = json.loads(dio.dumps(s))
            path = data.draw(st.sampled_from(_places(value)))
            assert_safe_rejection(json.dumps(_mutated(value, path, how, new)))

    @given(sets, st.data())
    def test_damaged_bytes(self, s: StatementSet, data: st.DataObject) -> None:
        """A valid file with bytes changed, cut or inserted is read or rejected safely."""
        raw = bytearray(dio.dumps(s, format=data.draw(st.sampled_from(("json", "jsonl")))).encode())
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(raw)))
            byte = data.draw(st.integers(0, 255))
            choice = data.draw(st.sampled_from(("set", "cut", "insert")))
            if choice == "insert" or at == len(raw):
                raw.insert(at, byte)
            elif choice == "set":
                raw[at] = byte
            else:
                del raw[at:]
        assert_safe_rejection(bytes(raw))


# --- the acceptance law ---------------------------------------------------------------------

# The fields that hold free text (ids, names, words): everything else is an enum, a date, a
# number or a code, whose values the format fixes.
FREE_TEXT = frozenset(
    {
        "id",
        "name",
        "aliases",
        "subject",
        "predicate",
        "object",
        "where",
        "qualifiers",
        "text",
        "role",
        "member",
        "organization",
        "speaker",
        "on_behalf_of",
        "via",
        "publisher",
        "title",
        "url",
        "unit",
        "statement_id",
        "targets",
    }
)

# Any character at all, with the ones that break things drawn often: lone surrogates, controls,
# format characters (zero-width, right-to-left marks), line and paragraph separators.
any_text = st.text(
    st.one_of(st.characters(), st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp", "Co"])),
    min_size=1,
    max_size=6,
)


def _free_strings(value: Any, free: bool = False) -> list[str]:
    """The strings of a JSON value that sit in free-text fields."""
    if isinstance(value, str):
        return [value] if free else []
    if isinstance(value, list):
        return [text for item in value for text in _free_strings(item, free)]
    if isinstance(value, dict):
        return [
            text for key, item in value.items() for text in _free_strings(item, key in FREE_TEXT)
        ]
    return []


def _substituted(value: Any, new: dict[str, str], free: bool = False) -> Any:
    """The JSON value with each free-text string in ``new`` replaced, everywhere it appears."""
    if isinstance(value, str):
        return new.get(value, value) if free else value
    if isinstance(value, list):
        return [_substituted(item, new, free) for item in value]
    if isinstance(value, dict):
        return {key: _substituted(item, new, key in FREE_TEXT) for key, item in value.items()}
    return value


def _written(text: str) -> bytes:
    """The text as a program writes it to a pipe or terminal: UTF-8, refusing what cannot be."""
    return text.encode("utf-8")


def _run_cli(path: str, *args: str) -> tuple[int, bytes]:
    out = stdio.TextIOWrapper(stdio.BytesIO(), encoding="utf-8", errors="strict")
    err = stdio.TextIOWrapper(stdio.BytesIO(), encoding="utf-8", errors="strict")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([*args, path])
        out.flush()
    buffer = out.buffer
    assert isinstance(buffer, stdio.BytesIO)
    return status, buffer.getvalue()


class TestAcceptanceLaw:
    """Anything ``io.load`` accepts, ``check``, ``timeline`` and ``io.dump`` handle, in every form.

    Free-text fields get any text at all (lone surrogates, control and format characters
    included), the same replacement everywhere a string appears, so references still hold.
    """

    @given(
        st.one_of(st.just(examples.venezuela_2019()), rich_statement_sets(max_statements=3)),
        st.data(),
    )
    def test_accepted_input_goes_through_everything(
        self, s: StatementSet, data: st.DataObject
    ) -> None:
        """Loaded, a file checks, shows and writes in every output; or it is refused with paths."""
        value = json.loads(dio.dumps(s))
        strings = sorted(set(_free_strings(value)))
        chosen = data.draw(st.lists(st.sampled_from(strings), max_size=6, unique=True))
        new = {old: data.draw(any_text) for old in chosen}
        changed = _substituted(value, new)
        for text in (json.dumps(changed), json.dumps(changed, ensure_ascii=False)):
            error = _rejection(text)
            if error is not None:
                assert_safe_rejection(text)
                continue
            loaded = dio.loads(text)
            report = loaded.check()
            outputs = [
                str(report),
                json.dumps(report.to_records(), ensure_ascii=False),
                report.to_dot(),
                report._repr_html_(),
                loaded._repr_html_(),
                loaded.timeline_text(),
                json.dumps(loaded.to_records(), ensure_ascii=False, default=str),
            ]
            for output in outputs:
                _written(output)
            for form in ("json", "jsonl"):
                written = dio.dumps(loaded, format=form)
                assert dio.loads(_written(written)) == loaded
        with tempfile.TemporaryDirectory() as folder:
            path = f"{folder}/set.json"
            with open(path, "w", encoding="ascii") as stream:
                stream.write(json.dumps(changed))  # surrogates as JSON escapes, as files hold them
            accepted = _rejection(json.dumps(changed)) is None
            for args in (
                ("check",),
                ("check", "--format", "json"),
                ("check", "--format", "csv"),
                ("timeline",),
                ("validate",),
            ):
                status, printed = _run_cli(path, *args)
                assert status == (0 if accepted else 2)
                if args[-1] != "csv":  # CSV is data, passed on as it is
                    assert all(line.isprintable() for line in printed.decode().splitlines())


# --- the one-pass reader and the careful reader ---------------------------------------------


def _careful(value: object, kinds: Any, default: str | None) -> object:
    """What the careful reader makes of a record: its item, or its problems."""
    problems = Problems()
    record = as_json(value)
    found = list(repeated_keys(record, "$"))
    if found:
        return ("refused", [str(problem) for problem in found])
    try:
        return structure_item(record, kinds, default)
    except (BadValueError, BaseValidationError) as error:
        problems.add_error(error, "$")
        return ("refused", [str(problem) for problem in problems.found])


def _one_pass(value: object, kinds: Any, default: str | None) -> object:
    """What the one-pass reader makes of it: its item, or (it not taking it) the careful answer."""
    item = Reader().record(value, kinds, default)
    return item if item is not None else _careful(value, kinds, default)


class TestOnePassReader:
    """The one-pass reader accepts exactly what the careful reader accepts, and makes equal items.

    A record the one-pass reader does not take is read carefully, which words its problems: so
    the problems are the same by construction, and what must hold is that the one-pass reader
    never takes a record the careful one refuses, nor makes a different item of it.
    """

    @given(sets, st.data(), st.sampled_from(("replace", "delete", "insert")), json_values)
    def test_same_answer_on_mutated_records(
        self, s: StatementSet, data: st.DataObject, how: str, new: object
    ) -> None:
        """A record with one value replaced, removed or added gets the same answer both ways."""
        lines = dio.dumps(s, format="jsonl").rstrip("\n").split("\n")[1:]
        if not lines:
            return
        line = data.draw(st.sampled_from(lines))
        record = json.loads(line)
        path = data.draw(st.sampled_from(_places(record)))
        mutated = json.dumps(_mutated(record, path, how, new))
        value = FAST.decode(mutated)
        kinds = RECORD_TYPES
        one_pass, careful = _one_pass(value, kinds, None), _careful(value, kinds, None)
        assert one_pass == careful
        if not isinstance(careful, tuple):
            assert type(one_pass) is type(careful)
            assert repr(one_pass) == repr(careful)

    @given(sets)
    def test_takes_every_written_record(self, s: StatementSet) -> None:
        """Every record the library writes is taken in one pass (the careful way is for errors)."""
        for line in dio.dumps(s, format="jsonl").rstrip("\n").split("\n")[1:]:
            item = Reader().record(FAST.decode(line), RECORD_TYPES)
            assert item is not None, line
            assert item == _careful(FAST.decode(line), RECORD_TYPES, None)

    @given(
        st.sampled_from(
            [
                '{"type": "statement", "id": "s", "speaker": "a", "said_on": "2019-01-01",'
                ' "claims": {}}',
                '{"type": "statement", "id": "s", "speaker": "a", "said_on": "2019-01-01",'
                ' "claims": [{"subject": "a", "predicate": "p", "subject": "b"}]}',
                '{"type": "actor", "id": "a", "name": "A", "kind": ["state"]}',
                '{"type": "actor", "id": "a b", "name": "A", "kind": "state"}',
                '{"type": "actor", "id": "a", "name": "\\ud800", "kind": "state"}',
                '{"type": "rebuttal", "id": "r", "speaker": "a", "said_on": "2019-01-01",'
                ' "targets": [], "kind": "denial"}',
                '{"type": "statement", "id": "s", "speaker": "a", "said_on": "2019-02-30"}',
            ]
        )
    )
    def test_refuses_what_the_careful_reader_refuses(self, line: str) -> None:
        """Records the careful reader refuses are never taken in one pass."""
        assert Reader().record(FAST.decode(line), RECORD_TYPES) is None
        assert isinstance(_careful(FAST.decode(line), RECORD_TYPES, None), tuple)


class TestFuzzSeesBugs:
    """A bug inside the reader is never passed off as a problem with the file.

    Each test injects a bug and shows that the fuzz law above fails on it: the bug's own
    exception comes out, not a ValidationError.
    """

    def test_bug_in_the_careful_reader(self) -> None:
        """An AttributeError in a span reader escapes the careful path as it is."""
        text = dumps_with_sometime_in()
        with (
            mock.patch.object(TimeSpan, "sometime_in", side_effect=AttributeError("bug")),
            pytest.raises(AttributeError, match=r"^bug$"),
        ):
            assert_safe_rejection(text)

    def test_bug_in_the_one_pass_reader(self) -> None:
        """An AttributeError in the one-pass reader escapes as it is."""
        text = dumps_with_sometime_in()
        with (
            mock.patch.object(Reader, "_claim", side_effect=AttributeError("bug")),
            pytest.raises(AttributeError, match=r"^bug$"),
        ):
            assert_safe_rejection(text)


def dumps_with_sometime_in() -> str:
    """A valid file whose claims' periods are read by TimeSpan.sometime_in."""
    return dio.dumps(examples.venezuela_2019(), format="jsonl")
