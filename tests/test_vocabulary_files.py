"""Tests for vocabulary files (diplostatements._vocabulary_files, io.load_vocabulary)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from diplostatements import io as dio
from diplostatements._vocabulary_files import (
    parse_vocabulary,
    vocabulary_from_dict,
    vocabulary_to_dict,
)
from diplostatements.exceptions import FieldError, ParseError, ValidationError
from diplostatements.vocabulary import DEFAULT_VOCABULARY, Predicate, Vocabulary

HEAD: dict[str, Any] = {"format": "diplostatements-vocabulary", "version": 1}


def schema() -> dict[str, Any]:
    """The vocabulary file's JSON Schema."""
    loaded: dict[str, Any] = json.loads(dio.VOCABULARY_SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


class TestReading:
    def test_json_extends_the_default(self) -> None:
        """By default a file's predicates are added to the default vocabulary."""
        vocabulary = parse_vocabulary(
            json.dumps({**HEAD, "predicates": [{"name": "annexed", "implies": ["occupies"]}]})
        )
        assert vocabulary["annexed"].implies == frozenset({"occupies"})
        assert set(DEFAULT_VOCABULARY) < set(vocabulary)

    def test_toml_alone(self) -> None:
        """``extends = "none"`` gives the file's predicates alone."""
        vocabulary = parse_vocabulary(
            'format = "diplostatements-vocabulary"\nversion = 1\nextends = "none"\n'
            '[[predicates]]\nname = "a"\ncontrary = ["b"]\n[[predicates]]\nname = "b"\n',
            format="toml",
        )
        assert list(vocabulary) == ["a", "b"]
        assert vocabulary.contraries("b") == frozenset({"a"})

    def test_bytes_with_a_byte_order_mark(self) -> None:
        """A file's bytes are read as UTF-8, a byte order mark left out."""
        text = json.dumps({**HEAD, "extends": "none", "predicates": [{"name": "é"}]})
        assert list(parse_vocabulary("\ufeff".encode() + text.encode())) == ["é"]

    def test_every_predicate_field_is_written_and_read_back(self) -> None:
        """vocabulary_to_dict and vocabulary_from_dict are inverse, the default vocabulary too."""
        for vocabulary in (DEFAULT_VOCABULARY, Vocabulary([Predicate("p", cameo="054")])):
            written = json.loads(json.dumps(vocabulary_to_dict(vocabulary)))
            assert vocabulary_from_dict(written) == vocabulary
            jsonschema.validate(written, schema())

    def test_to_dict_refuses_an_unknown_base(self) -> None:
        """``extends`` is "default" or "none"."""
        with pytest.raises(FieldError, match="extends"):
            vocabulary_to_dict(DEFAULT_VOCABULARY, extends="mine")

    def test_load_from_a_file(self, tmp_path: Path) -> None:
        """io.load_vocabulary reads JSON, or TOML by the file's name."""
        path = tmp_path / "v.toml"
        path.write_text('format = "diplostatements-vocabulary"\nversion = 1\n', encoding="utf-8")
        assert dio.load_vocabulary(path) == DEFAULT_VOCABULARY
        with pytest.raises(dio.FileError, match=r"nope\.json"):
            dio.load_vocabulary(tmp_path / "nope.json")


class TestProblems:
    # (file content, the paths of the problems listed)
    BAD: tuple[tuple[object, list[str]], ...] = (
        # the head
        ([], ["$"]),
        ({"version": 1}, ["$.format"]),
        ({**HEAD, "version": 2}, ["$.version"]),
        ({**HEAD, "version": True}, ["$.version"]),
        ({**HEAD, "extends": "mine"}, ["$.extends"]),
        ({**HEAD, "predicate": []}, ["$.predicate"]),
        ({**HEAD, "predicates": {}}, ["$.predicates"]),
        # each predicate, every problem at once
        ({**HEAD, "predicates": [3]}, ["$.predicates[0]"]),
        ({**HEAD, "predicates": [{"timeless": True}]}, ["$.predicates[0].name"]),
        (
            {**HEAD, "predicates": [{"name": "p", "timeless": "yes", "implies": "q"}]},
            ["$.predicates[0].timeless", "$.predicates[0].implies"],
        ),
        ({**HEAD, "predicates": [{"name": " "}]}, ["$.predicates[0].name"]),
        ({**HEAD, "predicates": [{"name": "p", "cameo": 54}]}, ["$.predicates[0].cameo"]),
        ({**HEAD, "predicates": [{"name": "p", "cameo": "x"}]}, ["$.predicates[0]"]),
        ({**HEAD, "predicates": [{"name": "p", "contrary": ["p"]}]}, ["$.predicates[0]"]),
        ({**HEAD, "predicates": [{"name": "p"}, {"name": "p"}]}, ["$.predicates[1].name"]),
        # the vocabulary as a whole
        (
            {**HEAD, "extends": "none", "predicates": [{"name": "p", "implies": ["q"]}]},
            ["$.predicates"],
        ),
        (
            {
                **HEAD,
                "extends": "none",
                "predicates": [{"name": "p", "implies": ["q"]}, {"name": "q", "implies": ["p"]}],
            },
            ["$.predicates"],
        ),
    )

    @pytest.mark.parametrize(("data", "paths"), BAD)
    def test_every_problem_has_its_path(self, data: object, paths: list[str]) -> None:
        """A bad file raises ValidationError listing each problem with its path."""
        with pytest.raises(ValidationError) as caught:
            vocabulary_from_dict(data, source="v.json")
        assert str(caught.value).startswith("v.json is not a valid vocabulary file")
        assert [problem.split(":")[0] for problem in caught.value.problems] == paths

    def test_a_misspelt_key_is_named(self) -> None:
        """An unknown key suggests the one meant."""
        with pytest.raises(ValidationError) as caught:
            vocabulary_from_dict({**HEAD, "predicates": [{"name": "p", "timles": True}]})
        assert "did you mean 'timeless'?" in caught.value.problems[0]

    @pytest.mark.parametrize(
        ("text", "form"), [("{", "json"), ("format = ", "toml"), (b"\xff\xfe", "json")]
    )
    def test_syntax_errors(self, text: str | bytes, form: Any) -> None:
        """Text that is not JSON, TOML or UTF-8 raises ParseError."""
        with pytest.raises(ParseError):
            parse_vocabulary(text, format=form)

    @pytest.mark.parametrize(("data", "paths"), BAD[1:7])
    def test_the_schema_refuses_what_the_reader_refuses(
        self, data: object, paths: list[str]
    ) -> None:
        """The shipped schema refuses the heads the reader refuses."""
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema())


class TestSchema:
    def test_the_schema_names_every_predicate_field(self) -> None:
        """Every field of Predicate is a property of the schema's predicate, and no other."""
        properties = schema()["$defs"]["predicate"]["properties"]
        assert set(properties) == {field.name for field in attrs.fields(Predicate)}

    def test_the_schema_is_valid(self) -> None:
        """The schema is a valid draft 2020-12 schema."""
        jsonschema.Draft202012Validator.check_schema(schema())
