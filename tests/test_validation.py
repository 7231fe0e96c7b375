"""The shared validators and converters behind every model class (``_validation.py``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from diplostatements import (
    Actor,
    Affiliation,
    Claim,
    ClaimRef,
    Modality,
    Polarity,
    Quantity,
    Rebuttal,
    Relay,
    Source,
    Statement,
)
from diplostatements._validation import (
    EMPTY,
    TEXT,
    close_matches,
    enum_member,
    enum_of,
    is_text,
    of_type,
    to_enum,
    to_frozenset,
    to_tuple,
    tuple_of,
)
from diplostatements.exceptions import FieldError

JUNE_4 = date(2019, 6, 4)


@attrs.frozen
class Sample:
    number: Any = attrs.field(default=0, validator=of_type(int, "an int"))
    maybe: Any = attrs.field(default=None, validator=of_type(int, "an int", optional=True))
    flag: Any = attrs.field(default=False, validator=of_type(bool, "a bool"))
    numbers: Any = attrs.field(default=(), validator=tuple_of(int, "an int"))
    mode: Any = attrs.field(default=Modality.CERTAIN, validator=enum_of(Modality))


class TestToTuple:
    # (value, result): ordered collections become tuples
    CONVERTED: tuple[tuple[Any, Any], ...] = (
        ((1, 2), (1, 2)),
        ([1, 2], (1, 2)),
        (range(3), (0, 1, 2)),
        (iter("ab"), ("a", "b")),
        ({"a": 1}.keys(), ("a",)),
    )

    @pytest.mark.parametrize(("value", "result"), CONVERTED)
    def test_converted(self, value: Any, result: tuple[Any, ...]) -> None:
        """Lists, ranges, iterators and views become tuples, in their order."""
        assert to_tuple(value) == result

    # values left for the validator: text, mappings, unordered sets, non-iterables
    LEFT: tuple[Any, ...] = ("ab", b"ab", {"a": 1}, {1, 2}, frozenset({1}), 3, None)

    @pytest.mark.parametrize("value", LEFT)
    def test_left_alone(self, value: Any) -> None:
        """Text, mappings, sets (no order) and single values are returned unchanged."""
        assert to_tuple(value) is value


class TestToFrozenset:
    # (value, result)
    CONVERTED: tuple[tuple[Any, Any], ...] = (
        (["a", "b"], frozenset({"a", "b"})),
        (("a",), frozenset({"a"})),
        ({"a"}, frozenset({"a"})),
        ("official", frozenset({"official"})),
    )

    @pytest.mark.parametrize(("value", "result"), CONVERTED)
    def test_converted(self, value: Any, result: frozenset[str]) -> None:
        """Lists, tuples and sets become frozensets; a lone string is a one-item set."""
        assert to_frozenset(value) == result

    @pytest.mark.parametrize("value", [frozenset({"a"}), None, 3, iter(["a"])])
    def test_left_alone(self, value: Any) -> None:
        """A frozenset is kept; anything else is left for the validator."""
        assert to_frozenset(value) is value


class TestEnums:
    # (value, member)
    ACCEPTED: tuple[tuple[Any, Polarity], ...] = (
        (Polarity.NEGATED, Polarity.NEGATED),
        ("negated", Polarity.NEGATED),
        ("NEGATED", Polarity.NEGATED),
        ("nEgAtEd", Polarity.NEGATED),
    )

    @pytest.mark.parametrize(("value", "member"), ACCEPTED)
    def test_to_enum(self, value: Any, member: Polarity) -> None:
        """A member, its value or its name in any case gives the member."""
        assert to_enum(Polarity, value) is member
        assert enum_member(Polarity)(value) is member

    @pytest.mark.parametrize("value", ["denied", "", 1, None, Modality.CERTAIN])
    def test_unknown_left_alone(self, value: Any) -> None:
        """Anything else is returned unchanged, for the validator to reject."""
        assert to_enum(Polarity, value) is value
        assert enum_member(Polarity)(value) is value

    def test_enum_of(self) -> None:
        """enum_of rejects non-members with the allowed names."""
        with pytest.raises(FieldError) as caught:
            Sample(mode="certain")
        assert caught.value.path == "Sample.mode"
        assert caught.value.expected == "one of Modality: CERTAIN, PROBABLE, POSSIBLE"


class TestOfType:
    # (keyword arguments, path named by the error)
    INVALID: tuple[tuple[dict[str, Any], str], ...] = (
        # a bool is never a number, though Python calls it an int
        ({"number": True}, "Sample.number"),
        ({"number": "1"}, "Sample.number"),
        ({"maybe": False}, "Sample.maybe"),
        # a sequence: a tuple of the kind, the path names the bad index
        ({"numbers": [1]}, "Sample.numbers"),
        ({"numbers": (1, True)}, "Sample.numbers[1]"),
        ({"numbers": (1, "2")}, "Sample.numbers[1]"),
        # a bool where a bool is wanted, nothing else
        ({"flag": 1}, "Sample.flag"),
    )

    @pytest.mark.parametrize(("kwargs", "path"), INVALID)
    def test_invalid(self, kwargs: dict[str, Any], path: str) -> None:
        """A value of the wrong type raises FieldError naming the field (and index)."""
        with pytest.raises(FieldError) as caught:
            Sample(**kwargs)
        assert caught.value.path == path

    def test_valid(self) -> None:
        """Ints, None where optional, bools where wanted and tuples of ints pass."""
        sample = Sample(number=3, maybe=None, flag=True, numbers=(1, 2))
        assert (sample.number, sample.maybe, sample.flag, sample.numbers) == (3, None, True, (1, 2))
        assert Sample(maybe=4).maybe == 4


class TestCloseMatches:
    # (word, known words, matches closest first)
    MATCHES: tuple[tuple[str, list[str], list[str]], ...] = (
        ("pesckov", ["peskov", "trump", "pompeo"], ["peskov"]),
        # case does not matter, and the known spelling is returned
        ("KREMLIN", ["kremlin"], ["kremlin"]),
        ("rus", ["RUS", "USA", "VEN"], ["RUS", "USA"]),
        # nothing close: nothing
        ("xyz", ["peskov", "trump"], []),
        ("anything", [], []),
    )

    @pytest.mark.parametrize(("word", "known", "found"), MATCHES)
    def test_close_matches(self, word: str, known: list[str], found: list[str]) -> None:
        """close_matches suggests known words that look like the word, as known."""
        assert close_matches(word, known) == found

    def test_limit(self) -> None:
        """At most ``limit`` suggestions are made, closest first."""
        known = ["peskov1", "peskov12", "peskov123", "peskov"]
        assert close_matches("peskov", known, limit=2) == ["peskov", "peskov1"]


class TestSharedEmpty:
    @pytest.mark.parametrize("empty", [[], (), set(), frozenset()])
    def test_every_empty_set_is_the_shared_one(self, empty: object) -> None:
        """An empty collection becomes the one shared empty frozenset (memory per claim)."""
        assert to_frozenset(empty) is EMPTY


class TestText:
    # (text, whether every output can write it)
    TEXTS = (
        ("peskov", True),
        ("Nicolás Maduro — 马杜罗 \U0001f600", True),
        ("\x1b[2J\u200b\u2028", True),  # odd, but writable: escaped where printed
        ("\ud800", False),
        ("a\udfffb", False),
        ("\U0001f600\udc00", False),
    )

    @pytest.mark.parametrize(("text", "valid"), TEXTS)
    def test_is_text(self, text: str, valid: bool) -> None:
        """A string is text unless it holds a lone surrogate, which no encoding can write."""
        assert is_text(text) is valid

    # (a constructor call, the field its message must name)
    SURROGATES: tuple[tuple[Any, str], ...] = (
        (lambda: Actor("a\ud800", "A", "state"), "Actor.id"),
        (lambda: Actor("a", "\ud800", "state"), "Actor.name"),
        (lambda: Actor("a", "A", "state", aliases={"ok", "\ud800"}), "Actor.aliases"),
        (lambda: Affiliation("a", "b", role="\udc00"), "Affiliation.role"),
        (lambda: Claim("\ud800", "p"), "Claim.subject"),
        (lambda: Claim("s", "p\ud800"), "Claim.predicate"),
        (lambda: Claim("s", "p", "\ud800"), "Claim.object"),
        (lambda: Claim("s", "p", where="\ud800"), "Claim.where"),
        (lambda: Claim("s", "p", qualifiers={"\ud800"}), "Claim.qualifiers"),
        (lambda: Quantity(1, 2, unit="\ud800"), "Quantity.unit"),
        (lambda: Statement("\ud800", "a", JUNE_4), "Statement.id"),
        (lambda: Statement("s", "a", JUNE_4, text="said \ud800"), "Statement.text"),
        (lambda: Relay("\ud800"), "Relay.via"),
        (lambda: Source("p", title="\ud800"), "Source.title"),
        (lambda: ClaimRef("\ud800", 0), "ClaimRef.statement_id"),
        (
            lambda: Rebuttal("r", "a", JUNE_4, targets=["\ud800"], kind="denial"),
            "Rebuttal.targets[0]",
        ),
    )

    @pytest.mark.parametrize(("build", "path"), SURROGATES)
    def test_lone_surrogates_are_refused(self, build: Any, path: str) -> None:
        """Every string field refuses a lone surrogate, naming the field."""
        with pytest.raises(FieldError) as caught:
            build()
        assert caught.value.path == path
        assert caught.value.expected == TEXT
        assert str(caught.value).isprintable()
