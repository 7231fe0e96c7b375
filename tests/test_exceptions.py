from __future__ import annotations

import pickle

import pytest

import diplostatements
from diplostatements.exceptions import (
    DiplostatementsError,
    DuplicateIdError,
    FieldError,
    ParseError,
    UnknownReferenceError,
    ValidationError,
)


class TestHierarchy:
    # (error class, the standard-library classes code may catch it as)
    BASES = (
        (FieldError, (TypeError, ValueError)),
        (ValidationError, (ExceptionGroup,)),
        (UnknownReferenceError, (KeyError, LookupError)),
        (DuplicateIdError, (ValueError,)),
        (ParseError, (ValueError,)),
    )

    @pytest.mark.parametrize(("cls", "bases"), BASES)
    def test_bases(self, cls: type[Exception], bases: tuple[type[Exception], ...]) -> None:
        """Every error is a DiplostatementsError and also the standard error its kind suggests."""
        assert issubclass(cls, DiplostatementsError)
        for base in bases:
            assert issubclass(cls, base)

    @pytest.mark.parametrize("cls", [DiplostatementsError, *(cls for cls, _ in BASES)])
    def test_exported_from_root(self, cls: type[Exception]) -> None:
        """Every error class is importable from the package root."""
        assert getattr(diplostatements, cls.__name__) is cls
        assert cls.__name__ in diplostatements.__all__


class TestFieldError:
    # (value that came, how the message shows it)
    SHOWN: tuple[tuple[object, str], ...] = (
        # scalars show as their repr alone
        ("peskov", "'peskov'"),
        (3, "3"),
        (2.5, "2.5"),
        (None, "None"),
        (True, "True"),
        # anything else also names its type, so "got [1] (list)" is not mistaken for a string
        ([1], "[1] (list)"),
        (frozenset(), "frozenset() (frozenset)"),
        # long values are cut to 80 characters
        ("x" * 100, "'" + "x" * 76 + "..."),
    )

    @pytest.mark.parametrize(("got", "shown"), SHOWN)
    def test_message(self, got: object, shown: str) -> None:
        """The message is 'path: expected ..., got ...' with the value shown readably."""
        error = FieldError("Claim.subject", "a non-empty string", got)
        assert str(error) == f"Claim.subject: expected a non-empty string, got {shown}"

    def test_attributes(self) -> None:
        """The path, what was expected and the value that came are kept as attributes."""
        error = FieldError("Statement.claims[2]", "a Claim", 7)
        assert (error.path, error.expected, error.got) == ("Statement.claims[2]", "a Claim", 7)

    def test_pickles(self) -> None:
        """A field error survives pickling (e.g. from a worker process) with message and notes."""
        error = FieldError("Claim.when", "a TimeSpan or a date", ["June"])
        error.add_note("while reading row 3")
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is FieldError
        assert (str(copy), copy.path, copy.expected, copy.got) == (
            str(error),
            error.path,
            error.expected,
            error.got,
        )
        assert copy.__notes__ == ["while reading row 3"]


class TestValidationError:
    def problems(self) -> list[DiplostatementsError]:
        return [
            FieldError("[0] Claim.subject", "a non-empty string", ""),
            UnknownReferenceError("[2] Statement('a').speaker", "pesckov", "actor", ["peskov"]),
        ]

    def test_problems_and_message(self) -> None:
        """str() gives a head line with the count and one indented line per problem, in order."""
        error = ValidationError("nothing was added", self.problems())
        assert error.problems == [str(problem) for problem in self.problems()]
        assert str(error).splitlines() == [
            "nothing was added (2 problems)",
            "  - [0] Claim.subject: expected a non-empty string, got ''",
            "  - [2] Statement('a').speaker: expected a known actor id, got 'pesckov';"
            " did you mean 'peskov'?",
        ]

    def test_single_problem(self) -> None:
        """One problem reads as '1 problem', not '1 problems'."""
        error = ValidationError("bad", [FieldError("A.b", "x", 1)])
        assert str(error).splitlines()[0] == "bad (1 problem)"

    def test_nested_groups_are_flattened(self) -> None:
        """A group inside a group contributes its problems, not one line for itself."""
        inner = ValidationError("inner", self.problems())
        outer = ValidationError("outer", [inner, ParseError("a date", "Juni")])
        assert outer.problems == [*inner.problems, str(ParseError("a date", "Juni"))]

    def test_is_an_exception_group(self) -> None:
        """except* can pick out one kind of problem from the group."""
        caught: list[BaseException] = []
        try:
            raise ValidationError("bad", self.problems())
        except* UnknownReferenceError as group:
            caught.extend(group.exceptions)
        except* FieldError:
            pass
        assert [type(error) for error in caught] == [UnknownReferenceError]

    def test_needs_a_problem(self) -> None:
        """A group with no problems cannot be built (ExceptionGroup's own rule)."""
        with pytest.raises(ValueError, match="non-empty"):
            ValidationError("nothing", [])

    def test_pickles(self) -> None:
        """A validation error survives pickling with every problem."""
        error = ValidationError("bad", self.problems())
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is ValidationError
        assert copy.problems == error.problems
        assert str(copy) == str(error)


class TestUnknownReferenceError:
    # (suggestions, the hint that ends the message)
    HINTS = (
        # no suggestion: no hint at all
        ((), ""),
        # one, two, three suggestions, joined the way people write them
        (("peskov",), "; did you mean 'peskov'?"),
        (("RUS", "RWA"), "; did you mean 'RUS' or 'RWA'?"),
        (("a", "b", "c"), "; did you mean 'a', 'b' or 'c'?"),
    )

    @pytest.mark.parametrize(("suggestions", "hint"), HINTS)
    def test_message(self, suggestions: tuple[str, ...], hint: str) -> None:
        """The message names the path, what kind of id, the id that came and the suggestions."""
        error = UnknownReferenceError("Statement('x').speaker", "pesckov", "actor", suggestions)
        expected = f"Statement('x').speaker: expected a known actor id, got 'pesckov'{hint}"
        assert str(error) == expected
        assert error.suggestions == suggestions

    def test_str_is_not_a_key_repr(self) -> None:
        """Unlike a plain KeyError, str() is the message, not its repr in quotes."""
        error = UnknownReferenceError("p", "x", "statement")
        assert str(error) == "p: expected a known statement id, got 'x'"
        assert (error.path, error.ref, error.what) == ("p", "x", "statement")

    def test_pickles(self) -> None:
        """An unknown-reference error survives pickling with its suggestions."""
        error = UnknownReferenceError("p", "pesckov", "actor", ["peskov"])
        copy = pickle.loads(pickle.dumps(error))
        assert (str(copy), copy.suggestions, copy.ref) == (str(error), ("peskov",), "pesckov")


class TestDuplicateIdError:
    def test_message(self) -> None:
        """The message names the path and id and says the same item may be added again."""
        error = DuplicateIdError("Statement('s1').id", "s1", "statement")
        assert str(error) == (
            "Statement('s1').id: statement id 's1' is already used by a different statement"
            " (ids must be unique; the same item may be added again)"
        )
        assert (error.path, error.ident, error.what) == ("Statement('s1').id", "s1", "statement")

    def test_pickles(self) -> None:
        """A duplicate-id error survives pickling."""
        error = DuplicateIdError("p", "s1", "statement")
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), str(copy), copy.ident) == (DuplicateIdError, str(error), "s1")


class TestParseError:
    # (text, start, end, the caret line under the text)
    MARKS = (
        # the whole text when no span is given
        ("on Mnday", 0, None, "^^^^^^^^"),
        # just the bad part
        ("on Mnday", 3, 8, "   ^^^^^"),
        # an empty span still gets one caret, where the problem is
        ("on", 2, 2, "  ^"),
        ("", 0, None, "^"),
    )

    @pytest.mark.parametrize(("text", "start", "end", "marks"), MARKS)
    def test_carets_mark_the_bad_part(
        self, text: str, start: int, end: int | None, marks: str
    ) -> None:
        """The message quotes the text and draws carets under the bad part."""
        error = ParseError("a weekday", text, start, end)
        assert str(error).splitlines() == ["expected a weekday", f"    {text}", f"    {marks}"]
        assert (error.text, error.start, error.end) == (
            text,
            start,
            len(text) if end is None else end,
        )

    def test_path_prefix(self) -> None:
        """A path, when given, starts the message."""
        error = ParseError("a date", "Juni", path="$.statements[0].said_on")
        assert str(error).startswith("$.statements[0].said_on: expected a date\n")
        assert error.path == "$.statements[0].said_on"
        assert ParseError("a date", "Juni").path is None

    def test_pickles(self) -> None:
        """A parse error survives pickling with its path and span."""
        error = ParseError("a weekday", "on Mnday", 3, 8, path="when")
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is ParseError
        assert (str(copy), copy.path, copy.start, copy.end, copy.expected) == (
            str(error),
            "when",
            3,
            8,
            "a weekday",
        )

    # (text, start, end, what the message shows, the caret line): escapes keep the carets aligned
    ESCAPED = (
        ("a\x1b[2Jb", 1, 2, "a\\x1b[2Jb", " ^^^^"),
        ("x\u200by", 2, 3, "x\\u200by", "       ^"),
        ("\ud800!", 1, 2, "\\ud800!", "      ^"),
        ("tab\there", 0, 3, "tab\\there", "^^^"),
    )

    @pytest.mark.parametrize(("text", "start", "end", "shown", "marks"), ESCAPED)
    def test_non_printable_characters_are_escaped(
        self, text: str, start: int, end: int, shown: str, marks: str
    ) -> None:
        """A control byte, zero-width space or lone surrogate is shown escaped, carets under it."""
        error = ParseError("text", text, start, end, path="file\x1b:1:2")
        lines = str(error).splitlines()
        assert lines == ["file\\x1b:1:2: expected text", f"    {shown}", f"    {marks}"]
        assert all(line.isprintable() for line in lines)
        assert error.text == text  # the attribute keeps the text as it came


class TestSafeToPrint:
    # (error, text the message must not hold raw)
    ERRORS = (
        (FieldError("$.actors[0].na\x1bme", "a name\x07", "x\x1b"), "\x1b\x07"),
        (UnknownReferenceError("Statement('s\x1b').speaker", "p\x9b", "actor"), "\x1b\x9b"),
        (DuplicateIdError("$.x\u202e", "i\u200b", "actor"), "\u202e\u200b"),
    )

    @pytest.mark.parametrize(("error", "raw"), ERRORS)
    def test_messages_escape_what_came(self, error: Exception, raw: str) -> None:
        """No message holds a character a terminal would not print as itself."""
        assert not set(str(error)) & set(raw)
        assert str(error).isprintable()
