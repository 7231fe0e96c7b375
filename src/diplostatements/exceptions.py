"""The exceptions the library raises.

Every error derives from :class:`DiplostatementsError`, so a tool that wants to catch "anything this
library rejected" catches one class. Contradictions are never exceptions: they are data in a
:class:`~diplostatements.Report`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from ._plural import counted
from ._printable import printable

__all__ = [
    "DiplostatementsError",
    "DuplicateIdError",
    "FieldError",
    "MissingExtraError",
    "ParseError",
    "UnknownReferenceError",
    "ValidationError",
    "VocabularyError",
]


class DiplostatementsError(Exception):
    """Base class of every error raised by diplostatements."""


class FieldError(DiplostatementsError, TypeError, ValueError):
    """One field holds a value it cannot hold.

    It is both a :class:`TypeError` and a :class:`ValueError` so that code written against the
    conventions of the standard library (wrong type: ``TypeError``; wrong value: ``ValueError``)
    catches it either way.

    Attributes:
        path: where the field is, e.g. ``"Claim.subject"`` or ``"$.statements[3].claims[0].when"``.
        expected: what the field must hold, in words.
        got: the value that came.
    """

    def __init__(self, path: str, expected: str, got: object) -> None:
        self.path = path
        self.expected = expected
        self.got = got
        super().__init__(f"{printable(path)}: expected {printable(expected)}, got {_show(got)}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle as ``cls(*args)``; args hold only the message, not these arguments.
        # Pickling matters: a pipeline that checks inputs in worker processes gets them back.
        return (type(self), (self.path, self.expected, self.got), self.__dict__)


class ValidationError(DiplostatementsError, ExceptionGroup[DiplostatementsError]):
    """Input was rejected; every problem found is one of :attr:`exceptions`.

    Each sub-exception names the path of the bad field. Nothing is returned or half-applied
    when this is raised.

    Attributes:
        total: how many problems were found, when that is more than the group holds (a file
            with a million bad records lists the first thousand); otherwise ``None``.
    """

    total: int | None = None

    def __new__(cls, message: str, exceptions: Sequence[DiplostatementsError]) -> ValidationError:
        """Create the group from a message and the problems found (at least one)."""
        return super().__new__(cls, message, exceptions)

    @property
    def problems(self) -> list[str]:
        """Every problem as one line, in the order found."""
        lines: list[str] = []
        for exc in self.exceptions:
            if isinstance(exc, ValidationError):
                lines.extend(exc.problems)
            else:
                lines.append(str(exc))
        return lines

    def __str__(self) -> str:
        problems = self.problems
        listed = len(problems)
        if self.total is not None and self.total > listed:
            head = f"{self.message} ({self.total} problems; the first {listed} are listed)"
        else:
            head = f"{self.message} ({counted(listed, 'problem')})"
        return "\n".join([head, *(f"  - {line}" for line in problems)])


class UnknownReferenceError(DiplostatementsError, KeyError):
    """An id refers to nothing known: an unknown speaker, actor, statement or target.

    Attributes:
        path: the field that holds the reference.
        ref: the id that was not found.
        suggestions: known ids that look like it, closest first.
    """

    def __init__(self, path: str, ref: str, what: str, suggestions: Sequence[str] = ()) -> None:
        self.path = path
        self.ref = ref
        self.what = what
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {_or_list(self.suggestions)}?" if self.suggestions else ""
        self.text = f"{printable(path)}: expected a known {what} id, got {ref!r}{hint}"
        super().__init__(self.text)

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of its argument; a message reads better.
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.ref, self.what, self.suggestions), self.__dict__)


class DuplicateIdError(DiplostatementsError, ValueError):
    """An id is already used by a different item.

    Adding the very same item twice is not an error; reusing its id for different content is.
    """

    def __init__(self, path: str, ident: str, what: str) -> None:
        self.path = path
        self.ident = ident
        self.what = what
        super().__init__(
            f"{printable(path)}: {what} id {ident!r} is already used by a different {what}"
            " (ids must be unique; the same item may be added again)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.ident, self.what), self.__dict__)


class ParseError(DiplostatementsError, ValueError):
    """Text could not be read; the message quotes it and marks the bad part with carets.

    The quoted text is safe to print: a character a terminal would not show as itself (a control
    byte, a zero-width space) is written escaped, as ``repr`` writes it, and the carets stay
    under it.

    Attributes:
        text: the whole text that was being read.
        start: where the bad part starts (index into :attr:`text`).
        end: where it ends (exclusive).
        expected: what the reader expected there.
    """

    def __init__(
        self,
        expected: str,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        path: str | None = None,
    ) -> None:
        self.expected = expected
        self.text = text
        self.start = start
        self.end = len(text) if end is None else end
        self.path = path
        where = f"{printable(path)}: " if path else ""
        before = printable(text[:start])
        marked = printable(text[start : self.end])
        shown = before + marked + printable(text[self.end :])
        marks = " " * len(before) + "^" * max(1, len(marked))
        super().__init__(f"{where}expected {printable(expected)}\n    {shown}\n    {marks}")

    def __reduce__(self) -> tuple[Any, ...]:
        rebuild = functools.partial(type(self), path=self.path)
        return (rebuild, (self.expected, self.text, self.start, self.end), self.__dict__)


def _show(value: object) -> str:
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    kind = type(value).__name__
    return shown if isinstance(value, str | int | float | type(None)) else f"{shown} ({kind})"


def _or_list(items: Sequence[str]) -> str:
    quoted = [repr(item) for item in items]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


class VocabularyError(DiplostatementsError, ValueError):
    """A vocabulary whose declarations cannot all hold.

    Either implications form a cycle, or a predicate implies two contrary things (an affirmed
    claim of it would contradict itself).

    Attributes:
        predicates: the predicate names involved, in the order of the cycle or chain.
    """

    def __init__(self, message: str, predicates: Iterable[str]) -> None:
        self.predicates = tuple(predicates)
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.predicates), self.__dict__)


class MissingExtraError(DiplostatementsError, ImportError):
    """An optional part of the library needs a package that is not installed.

    It is an :class:`ImportError` too (its ``name`` is the missing package), so code that
    guards an optional import with ``except ImportError`` keeps working.

    Attributes:
        feature: what needs the package (``"diplostatements.tables"``).
        package: the package that is missing (``"pyarrow"``).
        extra: the extra that installs it (``"tables"``), or None when no extra of this
            library installs it (install the package itself).
    """

    def __init__(self, feature: str, package: str, extra: str | None = None) -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        how = (
            f"install it with: pip install {package}"
            if extra is None
            else f"install the {extra!r} extra: pip install -e '.[{extra}]' in a checkout of"
            f" diplostatements, or pip install {package}"
        )
        super().__init__(
            f"{feature} needs {package}, which is not installed; {how}",
            name=package,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.feature, self.package, self.extra), self.__dict__)
