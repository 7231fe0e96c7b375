"""Rebuttals: statements that answer other statements.

A :class:`Rebuttal` is a :class:`~diplostatements.Statement` with :attr:`~Rebuttal.targets` (whole
statements, or single claims through :class:`ClaimRef`) and a :class:`RebuttalKind`. Denials,
corrections, dismissals and retractions contradict what they target; qualifications and challenges
only dispute it.

>>> from datetime import date
>>> from diplostatements import Rebuttal, RebuttalKind, ClaimRef
>>> denial = Rebuttal(
...     "peskov-2019-06-04", "peskov", date(2019, 6, 4),
...     targets=[ClaimRef("trump-2019-06-03", 0)], kind=RebuttalKind.DENIAL,
... )
>>> denial.act
<SpeechAct.DENY: 'deny'>
>>> denial.kind.contradicts
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Final, Literal, TypeAlias

import attrs

from ._hints import hinted, modality_hint
from ._validation import (
    Checks,
    check_text,
    enum_of,
    non_empty_str,
    path_of,
    plain_text,
    run_checks,
    to_enum,
    to_tuple,
)
from .actors import Actor
from .claims import Claim, Modality, ModalityValue
from .exceptions import FieldError
from .statements import (
    CHECKS,
    Channel,
    ChannelValue,
    QuoteKind,
    QuoteKindValue,
    Relay,
    Source,
    SpeechAct,
    SpeechActValue,
    Statement,
    fill_statement,
    split_speakers,
    statement_fields_plain,
)
from .timespans import TimeSpan

__all__ = ["MAX_CONTENT", "ClaimRef", "Rebuttal", "RebuttalKind", "RebuttalKindValue"]


class RebuttalKind(enum.Enum):
    """How a rebuttal answers its targets."""

    DENIAL = "denial"
    """The target is false."""
    CORRECTION = "correction"
    """The target is false; the rebuttal's own claims say what is true."""
    DISMISSAL = "dismissal"
    """Rejected without content ("a circus show")."""
    RETRACTION = "retraction"
    """The speaker's side withdraws its own earlier statement."""
    QUALIFICATION = "qualification"
    """The target is partly right: a dispute, not a contradiction."""
    CHALLENGE = "challenge"
    """"We don't know what that means": a dispute, not a contradiction."""

    @property
    def contradicts(self) -> bool:
        """Whether a rebuttal of this kind asserts that its targets are false.

        >>> RebuttalKind.CHALLENGE.contradicts
        False
        """
        return self in _CONTRADICTING

    @property
    def act(self) -> SpeechAct:
        """The speech act a rebuttal of this kind performs unless told otherwise."""
        return _ACTS[self]


_CONTRADICTING = frozenset(
    {RebuttalKind.DENIAL, RebuttalKind.CORRECTION, RebuttalKind.DISMISSAL, RebuttalKind.RETRACTION}
)
_ACTS = {
    RebuttalKind.DENIAL: SpeechAct.DENY,
    RebuttalKind.CORRECTION: SpeechAct.DENY,
    RebuttalKind.DISMISSAL: SpeechAct.REJECT,
    RebuttalKind.RETRACTION: SpeechAct.ACKNOWLEDGE,
    RebuttalKind.QUALIFICATION: SpeechAct.ASSERT,
    RebuttalKind.CHALLENGE: SpeechAct.REJECT,
}


def _index(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(path_of(instance, attribute), "a claim index (an int >= 0)", value)


def _to_rebuttal_kind(value: object) -> Any:
    return to_enum(RebuttalKind, value)


def _to_modality(value: object) -> Any:
    return to_enum(Modality, value)


def _to_speech_act(value: object) -> Any:
    return to_enum(SpeechAct, value)


def _to_depth(value: bool | int) -> Any:
    # content=True reads best for the usual one level; a depth reaches further in.
    if value is True:
        return 1
    if value is False:
        return 0
    return value


def _depth(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CONTENT:
        raise FieldError(
            path_of(instance, attribute),
            f"True, False or a depth of nested content (an int from 0 to {MAX_CONTENT})",
            value,
        )


MAX_CONTENT: Final = 32
"""How deep a :class:`ClaimRef` may point into nested content (as deep as claims may nest)."""


@attrs.frozen
class ClaimRef:
    """One claim of a statement, by the statement's id and the claim's 0-based index.

    With ``content``, the reference points into the claim's nested content: what a reporting
    claim conveyed. "Russia informed us *that it withdrew*": a denial of the withdrawal targets
    ``ClaimRef("trump-tweet", 0, content=True)``, not the informing.

    Args:
        statement_id: the id of the statement.
        claim: the index of the claim in that statement's ``claims``.
        content: ``True`` for the claim's content, ``False`` (the default) for the claim itself;
            or a depth (2: the content's content). Stored as the depth.

    >>> ref = ClaimRef("trump-tweet", 0, content=True)
    >>> ref.content, str(ref)
    (1, 'trump-tweet#0.content')
    """

    statement_id: str = attrs.field(validator=non_empty_str)
    claim: int = attrs.field(default=0, validator=_index)
    content: int = attrs.field(default=0, kw_only=True, converter=_to_depth, validator=_depth)

    def __str__(self) -> str:
        return f"{self.statement_id}#{self.claim}" + ".content" * self.content

    def __repr__(self) -> str:
        # As attrs writes it, with content only where it is set (most references have none).
        content = f", content={self.content}" if self.content else ""
        return f"ClaimRef(statement_id={self.statement_id!r}, claim={self.claim}{content})"

    def find(self, statement: Statement) -> Claim:
        """The claim this reference names in ``statement`` (nested content followed).

        Args:
            statement: the statement with id ``statement_id``.

        Raises:
            FieldError: the statement has no such claim, or the claim no content that deep.

        >>> from datetime import date
        >>> from diplostatements import Claim
        >>> told = Claim("RUS", "informed", "USA", content=Claim("RUS", "withdrew_from", "VEN"))
        >>> tweet = Statement("trump-tweet", "trump", date(2019, 6, 3), [told])
        >>> ClaimRef("trump-tweet", 0, content=True).find(tweet)
        Claim('RUS', 'withdrew_from', 'VEN')
        """
        where = f"ClaimRef({self.statement_id!r}, {self.claim})"
        claims = statement.claims
        if self.claim >= len(claims):
            count = len(claims)
            raise FieldError(
                f"{where}.claim",
                f"a claim index below {count} (statement {statement.id!r} has"
                f" {count} claim{'s' if count != 1 else ''})",
                self.claim,
            )
        found = claims[self.claim]
        for depth in range(self.content):
            if found.content is None:
                raise FieldError(
                    f"{where}.content", _no_content(statement.id, self, depth), self.content
                )
            found = found.content
        return found


def _no_content(ident: str, ref: ClaimRef, depth: int) -> str:
    if depth == 0:
        return f"False: claim {ref.claim} of statement {ident!r} has no nested content"
    return (
        f"a depth of at most {depth}: claim {ref.claim} of statement {ident!r} nests"
        f" content {depth} deep"
    )


def _targets(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    where = path_of(instance, attribute)
    expected = "a statement id or a ClaimRef"
    if not isinstance(value, tuple) or not value:
        raise FieldError(where, f"a non-empty sequence of targets ({expected})", value)
    for index, item in enumerate(value):
        if not (isinstance(item, ClaimRef) or (isinstance(item, str) and item.strip())):
            raise FieldError(f"{where}[{index}]", expected, item)
        if isinstance(item, str):
            check_text(f"{where}[{index}]", item)


def _default_act(self: Rebuttal) -> SpeechAct:
    # A kind the converter could not read is left for its validator to reject with a FieldError;
    # the default must not fail first with an AttributeError.
    kind: object = self.kind
    return kind.act if isinstance(kind, RebuttalKind) else SpeechAct.ASSERT


RebuttalKindValue: TypeAlias = Literal[
    "denial", "correction", "dismissal", "retraction", "qualification", "challenge"
]
"""A :class:`RebuttalKind` as the text a constructor also takes (its value)."""


@attrs.frozen(init=False)
class Rebuttal(Statement):  # type: ignore[override]  # attrs' __attrs_init__ takes its own fields
    """A statement that answers others.

    Takes every argument of :class:`~diplostatements.Statement`, and:

    Args:
        targets: what it answers: statement ids (all their claims) or :class:`ClaimRef` values.
        kind: how it answers them.
        modality: how sure the rebuttal is: "as far as I know, there was no call" is a PROBABLE
            denial.
        act: defaults to the act of its kind (a denial DENIES).
    """

    # The fields, their defaults and their validators (_CHECKS); __init__ is written out.
    targets: tuple[str | ClaimRef, ...] = attrs.field(kw_only=True)
    kind: RebuttalKind = attrs.field(kw_only=True)
    modality: Modality = attrs.field(default=Modality.CERTAIN, kw_only=True)
    act: SpeechAct = attrs.field(default=attrs.Factory(_default_act, takes_self=True), kw_only=True)

    def __init__(
        self,
        id: str,
        speaker: Actor | str | Sequence[Actor | str],
        said_on: date | TimeSpan,
        claims: Iterable[Claim] = (),
        *,
        targets: Iterable[str | ClaimRef],
        kind: RebuttalKind | RebuttalKindValue,
        modality: Modality | ModalityValue = Modality.CERTAIN,
        act: SpeechAct | SpeechActValue | None = None,
        on_behalf_of: Actor | str | None = None,
        channel: Channel | ChannelValue = Channel.UNSPECIFIED,
        text: str | None = None,
        quote: QuoteKind | QuoteKindValue = QuoteKind.UNSPECIFIED,
        relays: Iterable[Relay] = (),
        source: Source | None = None,
        language: str | None = None,
        cosigners: Iterable[Actor | str] = (),
    ) -> None:
        # Written out, as Statement's is; ``act`` left out is the act of the rebuttal's kind.
        if type(kind) is not RebuttalKind:
            kind = _to_rebuttal_kind(kind)
        if act is None:
            act = kind.act if isinstance(kind, RebuttalKind) else SpeechAct.ASSERT
        fill_statement(
            self,
            id,
            speaker,
            said_on,
            claims,
            on_behalf_of,
            channel,
            act,
            text,
            quote,
            relays,
            source,
            language,
            cosigners,
        )
        _set_targets(self, to_tuple(targets))
        _set_kind(self, kind)
        _set_modality(self, modality if type(modality) is Modality else _to_modality(modality))
        speaker_or_list: object = self.speaker  # a tuple until split_speakers stores it
        if type(speaker_or_list) is tuple:
            split_speakers(self)
        targets = self.targets
        if not (
            statement_fields_plain(self)
            and type(targets) is tuple
            and targets
            and all(type(target) is ClaimRef or plain_text(target) for target in targets)
            and type(self.kind) is RebuttalKind
            and type(self.modality) is Modality
        ):
            run_checks(self, _CHECKS)

    @property
    def target_ids(self) -> tuple[str, ...]:
        """The ids of the statements it targets, in order, each once."""
        seen: dict[str, None] = {}
        for target in self.targets:
            seen[target.statement_id if isinstance(target, ClaimRef) else target] = None
        return tuple(seen)


def _checks() -> Checks:
    # Every field's validator, in the order attrs lists the fields (``act`` comes last here).
    own = {
        **dict(CHECKS),
        "targets": _targets,
        "kind": enum_of(RebuttalKind),
        "modality": hinted(enum_of(Modality), modality_hint),
    }
    return tuple((field.name, own[field.name]) for field in attrs.fields(Rebuttal))


_CHECKS: Final = _checks()

_set_targets, _set_kind, _set_modality = (
    getattr(Rebuttal, name).__set__ for name in ("targets", "kind", "modality")
)
