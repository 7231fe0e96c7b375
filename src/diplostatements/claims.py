"""Claims: the propositions a statement puts forward.

A :class:`Claim` is one proposition, "subject predicate object", with how sure the speaker is of it
(:class:`Modality`), whether it is affirmed or denied (:class:`Polarity`), an optional
:class:`~diplostatements.Quantity` ("most of their people"), the period it is about, and qualifiers
that narrow it ("*official* messages").

>>> from diplostatements import Claim, Quantity
>>> removed = Claim("RUS", "withdrew_personnel_from", "VEN", quantity=Quantity.parse("most"))
>>> told = Claim("RUS", "informed", "USA", content=removed)
>>> told.negated().polarity
<Polarity.NEGATED: 'negated'>
>>> print(told)
RUS informed USA that RUS withdrew most of its personnel from VEN
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal, TypeAlias

import attrs

from . import _phrases
from ._hints import hinted, modality_hint, quantity_hint, span_hint
from ._validation import (
    EMPTY,
    TEXT,
    Checks,
    enum_of,
    is_text,
    non_empty_str,
    of_type,
    optional_non_empty_str,
    path_of,
    plain_text,
    run_checks,
    set_of_str,
    to_enum,
    to_frozenset,
)
from .actors import Actor, actor_id
from .exceptions import FieldError, ParseError
from .quantities import Quantity
from .timespans import TimeSpan

__all__ = ["Claim", "Modality", "ModalityValue", "Polarity", "PolarityValue"]


class Polarity(enum.Enum):
    """Whether a claim is affirmed or denied by the one who asserts it."""

    AFFIRMED = "affirmed"
    """The proposition is said to be true."""
    NEGATED = "negated"
    """The proposition is said to be false ("there have been no messages")."""

    def flipped(self) -> Polarity:
        """The other polarity."""
        return Polarity.NEGATED if self is Polarity.AFFIRMED else Polarity.AFFIRMED


class Modality(enum.Enum):
    """How sure the speaker says they are (factuality, after FactBank).

    Use :meth:`from_hedge` to map the hedge words of a report to a modality.
    """

    CERTAIN = "certain"
    """Stated as fact: "Russia has removed most of its people"."""
    PROBABLE = "probable"
    """Stated as likely: "highly likely", "evidence indicates", "they thought"."""
    POSSIBLE = "possible"
    """Stated as possible: "may", "could", "possibly"."""

    @classmethod
    def from_hedge(cls, text: str) -> Modality:
        """The modality a hedge expresses, by a fixed table.

        ============================================================= ============
        hedge                                                         modality
        ============================================================= ============
        "certainly", "definitely", "clearly", "confirmed", "it is a   CERTAIN
        fact"
        "highly likely", "likely", "probably", "evidence indicates",  PROBABLE
        "believe", "think", "thought", "as far as I know", "appears"
        "may", "might", "could", "possibly", "perhaps", "not ruled    POSSIBLE
        out", "cannot be ruled out", "cannot exclude", "it is
        possible"
        ============================================================= ============

        Args:
            text: the hedge as written, in any case.

        Returns:
            The matching modality.

        A negated hedge ("unlikely", "not likely", "doubt") is refused: record the claim's
        negation with :attr:`Polarity.NEGATED` and hedge that ("unlikely to attack" is a
        PROBABLE claim that they will *not* attack).

        Raises:
            ParseError: the text holds no hedge from the table, or a negated one.

        >>> Modality.from_hedge("highly likely")
        <Modality.PROBABLE: 'probable'>
        >>> Modality.from_hedge("may have")
        <Modality.POSSIBLE: 'possible'>
        """
        if not isinstance(text, str):
            raise FieldError("Modality.from_hedge.text", "a hedge as a string", text)
        lowered = text.lower().replace("\u2019", "'")
        negated = _NEGATED_HEDGE.search(lowered)
        if negated:
            raise ParseError(
                "a hedge that is not negated (record the negated claim with"
                " polarity=NEGATED and hedge it with 'likely')",
                text,
                negated.start(),
                negated.end(),
            )
        words = " ".join(lowered.split())
        for pattern, modality in _HEDGES:
            if pattern.search(words):
                return modality
        raise ParseError(
            "a hedge such as 'likely', 'highly likely', 'may' or 'certainly'", text, 0, len(text)
        )


# Checked in order: the longer, more specific phrases come first ("not ruled out" before "ruled").
_HEDGE_TABLE: tuple[tuple[str, Modality], ...] = (
    (r"\bhighly likely\b", Modality.PROBABLE),
    (
        r"\bnot (be |been )?ruled out\b|\b(cannot|can not|can't) (be )?(rule|ruled) out\b"
        r"|\b(cannot|can not|can't) (be )?exclude",
        Modality.POSSIBLE,
    ),
    (r"\bit is possible\b|\bpossibl[ey]\b|\bperhaps\b|\bmaybe\b", Modality.POSSIBLE),
    (r"\bmay\b|\bmight\b|\bcould\b", Modality.POSSIBLE),
    (r"\blikely\b|\bprobabl[ey]\b|\bevidence (indicates|suggests|shows)\b", Modality.PROBABLE),
    (r"\bbelieves?\b|\bthinks?\b|\bthought\b|\bas far as (i|we) know\b", Modality.PROBABLE),
    (r"\bappears?\b|\bseems?\b|\breportedly\b|\bapparently\b", Modality.PROBABLE),
    (
        r"\bcertain(ly)?\b|\bdefinitely\b|\bclearly\b|\bconfirmed?\b|\bit is a fact\b",
        Modality.CERTAIN,
    ),
)
_NEGATED_HEDGE = re.compile(
    r"\bunlikely\b|\bimprobabl[ey]\b|\bnot\s+(very\s+|at\s+all\s+)?(likely|probable|possible)\b"
    r"|\bdoubt(s|ful)?\b|\bimpossible\b"
)
_HEDGES = tuple((re.compile(pattern), modality) for pattern, modality in _HEDGE_TABLE)


def _to_span(value: object) -> object:
    if isinstance(value, date):
        return TimeSpan.coerce(value)
    return value


def _entity(instance: Claim, attribute: attrs.Attribute[Any], value: object) -> None:
    if attribute.name == "object" and value is None:
        return
    if not isinstance(value, str) or not value.strip():
        raise FieldError(
            path_of(instance, attribute), "an actor, an actor id or an entity name", value
        )
    if not value.isascii() and not is_text(value):
        raise FieldError(path_of(instance, attribute), TEXT, value)


def _to_polarity(value: object) -> Any:
    return to_enum(Polarity, value)


def _to_modality(value: object) -> Any:
    return to_enum(Modality, value)


PolarityValue: TypeAlias = Literal["affirmed", "negated"]
"""A :class:`Polarity` as the text a constructor also takes (its value)."""

ModalityValue: TypeAlias = Literal["certain", "probable", "possible"]
"""A :class:`Modality` as the text a constructor also takes (its value)."""


@attrs.frozen(repr=False, init=False)
class Claim:
    """One proposition put forward in a statement.

    Args:
        subject: who or what the claim is about: an actor id, an :class:`~diplostatements.Actor`
            (stored as its id), or a plain entity name ("S-300").
        predicate: what is said of the subject, a name from a
            :class:`~diplostatements.Vocabulary` ("withdrew_personnel_from") or any other name.
        object: the second participant, if the predicate has one.
        content: for a reporting predicate ("informed", "said"), what the message conveyed. It is
            attributed to the subject, never asserted by the speaker.
        polarity: affirmed or negated.
        modality: how sure the speaker says they are.
        quantity: how many or how much, possibly vague ("most", "about 1,000").
        when: the period the claim is about; ``None`` means the day the statement was made. A
            ``date`` is taken as that day (a ``datetime`` as its day, the time of day dropped).
        where: the place, if the claim names one narrower than its object.
        qualifiers: words that narrow the proposition ("official", "military"). A claim with more
            qualifiers is narrower.
    """

    # The fields, their defaults and their validators (_CHECKS); __init__ is written out.
    subject: str = attrs.field()
    predicate: str = attrs.field()
    object: str | None = attrs.field(default=None)
    content: Claim | None = attrs.field(default=None, kw_only=True)
    polarity: Polarity = attrs.field(default=Polarity.AFFIRMED, kw_only=True)
    modality: Modality = attrs.field(default=Modality.CERTAIN, kw_only=True)
    quantity: Quantity | None = attrs.field(default=None, kw_only=True)
    when: TimeSpan | None = attrs.field(default=None, kw_only=True)
    where: str | None = attrs.field(default=None, kw_only=True)
    qualifiers: frozenset[str] = attrs.field(default=EMPTY, kw_only=True)

    def __init__(
        self,
        subject: Actor | str,
        predicate: str,
        object: Actor | str | None = None,
        *,
        content: Claim | None = None,
        polarity: Polarity | PolarityValue = Polarity.AFFIRMED,
        modality: Modality | ModalityValue = Modality.CERTAIN,
        quantity: Quantity | None = None,
        when: TimeSpan | date | None = None,
        where: str | None = None,
        qualifiers: Iterable[str] | str = EMPTY,
    ) -> None:
        # Written out rather than generated by attrs: a claim of the usual types converts
        # nothing and is checked in one expression; any doubt, and each field's validator says
        # what is wrong with the first field at fault. Most claims are made in bulk.
        if type(subject) is not str:
            subject = actor_id(subject)
        if object is not None and type(object) is not str:
            object = actor_id(object)
        if type(polarity) is not Polarity:
            polarity = _to_polarity(polarity)
        if type(modality) is not Modality:
            modality = _to_modality(modality)
        if when is not None and type(when) is not TimeSpan:
            when = _to_span(when)  # type: ignore[assignment]  # or left for the validator
        if qualifiers is not EMPTY:
            qualifiers = to_frozenset(qualifiers)  # type: ignore[assignment]  # (likewise)
        _set_subject(self, subject)
        _set_predicate(self, predicate)
        _set_object(self, object)
        _set_content(self, content)
        _set_polarity(self, polarity)
        _set_modality(self, modality)
        _set_quantity(self, quantity)
        _set_when(self, when)
        _set_where(self, where)
        _set_qualifiers(self, qualifiers)
        if not (
            type(subject) is str
            and subject
            and not subject.isspace()
            and (subject.isascii() or is_text(subject))
            and type(predicate) is str
            and predicate
            and not predicate.isspace()
            and (predicate.isascii() or is_text(predicate))
            and (object is None or plain_text(object))
            and (content is None or type(content) is Claim)
            and (quantity is None or type(quantity) is Quantity)
            and (where is None or plain_text(where))
            and (qualifiers is EMPTY or _plain_set(qualifiers))
            and type(polarity) is Polarity
            and type(modality) is Modality
            and (when is None or type(when) is TimeSpan)
        ):
            run_checks(self, _CHECKS)

    def negated(self) -> Claim:
        """The same claim with the other polarity.

        >>> Claim("RUS", "informed", "USA").negated().negated() == Claim("RUS", "informed", "USA")
        True
        """
        return attrs.evolve(self, polarity=self.polarity.flipped())

    @property
    def affirmed(self) -> bool:
        """Whether the claim is affirmed."""
        return self.polarity is Polarity.AFFIRMED

    def describe(
        self,
        names: Mapping[str, str] | None = None,
        phrases: Mapping[str, str] | None = None,
    ) -> str:
        """The claim as a clause a sentence can quote, with actor names where given.

        The clause follows the library's convention for running text: a state's name takes its
        article ("the United States"); negation and modality are grammar ("did not inform",
        "is probably responsible for"); a quantity is woven in ("most of its personnel") and the
        period is a phrase ("in March 2019"; nothing for all time); qualifiers are in square
        brackets ("[official]"); reported content follows "that".

        Args:
            names: actor id -> name (e.g. ``{"RUS": "Russia"}``); other ids read as themselves.
            phrases: predicate name -> how it reads, verb first ("is the legitimate president
                of"); see :attr:`Vocabulary.phrases <diplostatements.Vocabulary.phrases>`. The
                default vocabulary's predicates read well without it; any other predicate reads
                as its name with spaces for underscores.

        >>> Claim("RUS", "has_personnel_in", "VEN", polarity="negated").describe({"RUS": "Russia"})
        'Russia does not have personnel in VEN'
        >>> Claim("USA", "informed", "RUS", modality="probable").describe({"USA": "United States"})
        'the United States probably informed RUS'
        """
        return describe_claim(self, names or {}, phrases or {})

    def __str__(self) -> str:
        return self.describe()

    def _repr_html_(self) -> str:
        # Rendering is a notebook nicety: load it only when a notebook asks.
        from ._html import claim_html  # noqa: PLC0415

        return claim_html(self)

    def __repr__(self) -> str:
        parts = [repr(self.subject), repr(self.predicate)]
        if self.object is not None:
            parts.append(repr(self.object))
        for field in attrs.fields(Claim)[3:]:
            value = getattr(self, field.name)
            if value != field.default and not (field.name == "qualifiers" and value == frozenset()):
                shown = (
                    "{" + ", ".join(repr(item) for item in sorted(value)) + "}"
                    if field.name == "qualifiers"
                    else repr(value)
                )
                parts.append(f"{field.name}={shown}")
        return f"Claim({', '.join(parts)})"


def describe_claim(
    claim: Claim, names: Mapping[str, str], phrases: Mapping[str, str], *, negated: bool = False
) -> str:
    """:meth:`Claim.describe`, with ``names`` and ``phrases`` given.

    With ``negated``, the claim is written as ``claim.negated()`` would be, without making that
    claim (the checker writes a rebuttal's denial of a claim so).
    """
    reading = _phrases.reading(claim.predicate, phrases)
    modality = claim.modality
    phrase = _phrases.verb(
        reading.phrase,
        negated=(claim.polarity is _AFFIRMED) is negated,
        modality=None if modality is _CERTAIN else modality.value,
    )
    quantity = claim.quantity
    if "{}" in phrase:
        counted = reading.noun or ""
        if quantity is not None:
            counted = _phrases.quantity_phrase(quantity, reading.noun)
            quantity = None
        phrase = phrase.replace("{}", counted).replace("  ", " ")
    parts = [_phrases.running_name(claim.subject, names), phrase]
    if claim.object is not None:
        parts.append(_phrases.running_name(claim.object, names))
    if claim.where is not None:
        parts.append(f"in {claim.where}")
    if quantity is not None:
        parts.append(f"{reading.tail} {quantity}" if reading.tail else f"[{quantity}]")
    if claim.qualifiers:
        parts.append(f"[{', '.join(sorted(claim.qualifiers))}]")
    if claim.when is not None:
        when = _phrases.period_phrase(claim.when)
        if when:
            parts.append(when)
    if claim.content is not None:
        parts += [reading.joiner, describe_claim(claim.content, names, phrases)]
    return " ".join(parts)


def _check_content(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Claim):
        raise FieldError(path_of(instance, attribute), "a Claim or None", value)


def _plain_set(value: object) -> bool:
    return type(value) is frozenset and all(plain_text(item) for item in value)


_CHECKS: Checks = (
    ("subject", _entity),
    ("predicate", non_empty_str),
    ("object", _entity),
    ("content", _check_content),
    ("polarity", enum_of(Polarity)),
    ("modality", hinted(enum_of(Modality), modality_hint)),
    ("quantity", hinted(of_type(Quantity, "a Quantity", optional=True), quantity_hint)),
    ("when", hinted(of_type(TimeSpan, "a TimeSpan or a date", optional=True), span_hint)),
    ("where", optional_non_empty_str),
    ("qualifiers", set_of_str),
)


_set_subject, _set_predicate, _set_object, _set_content, _set_polarity = (
    getattr(Claim, name).__set__
    for name in ("subject", "predicate", "object", "content", "polarity")
)
_set_modality, _set_quantity, _set_when, _set_where, _set_qualifiers = (
    getattr(Claim, name).__set__ for name in ("modality", "quantity", "when", "where", "qualifiers")
)

# describe_claim runs for every assertion the checker reports: it compares with these rather than
# with Polarity.AFFIRMED and Modality.CERTAIN, as looking a member up on its enum is slow (the
# enum's metaclass defines __getattr__, which keeps the lookup off Python's fast path).
_AFFIRMED = Polarity.AFFIRMED
_CERTAIN = Modality.CERTAIN
