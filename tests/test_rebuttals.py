from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from diplostatements import (
    Claim,
    ClaimRef,
    Modality,
    Rebuttal,
    RebuttalKind,
    SpeechAct,
    Statement,
    TimeSpan,
)
from diplostatements.exceptions import FieldError

JUNE_4 = date(2019, 6, 4)
TWEET = "trump-2019-06-03"


def rebuttal(**kwargs: Any) -> Rebuttal:
    arguments: dict[str, Any] = {
        "id": "peskov-2019-06-04",
        "speaker": "peskov",
        "said_on": JUNE_4,
        "targets": [ClaimRef(TWEET, 0)],
        "kind": RebuttalKind.DENIAL,
        **kwargs,
    }
    return Rebuttal(**arguments)


class TestRebuttalKind:
    # (kind, whether it contradicts its targets, the act it performs by default)
    KINDS = (
        # the target is false
        (RebuttalKind.DENIAL, True, SpeechAct.DENY),
        (RebuttalKind.CORRECTION, True, SpeechAct.DENY),
        (RebuttalKind.DISMISSAL, True, SpeechAct.REJECT),
        (RebuttalKind.RETRACTION, True, SpeechAct.ACKNOWLEDGE),
        # disputes: reported, never counted as contradictions
        (RebuttalKind.QUALIFICATION, False, SpeechAct.ASSERT),
        (RebuttalKind.CHALLENGE, False, SpeechAct.REJECT),
    )

    @pytest.mark.parametrize(("kind", "contradicts", "act"), KINDS)
    def test_kind(self, kind: RebuttalKind, contradicts: bool, act: SpeechAct) -> None:
        """Each kind says whether it contradicts its targets and which act it performs."""
        assert kind.contradicts is contradicts
        assert kind.act is act
        assert kind.value == kind.name.lower()

    def test_table_is_complete(self) -> None:
        """The table above covers every kind."""
        assert {kind for kind, _, _ in self.KINDS} == set(RebuttalKind)


class TestClaimRef:
    def test_valid(self) -> None:
        """A claim reference keeps the statement id and a 0-based index (default 0)."""
        assert (ClaimRef(TWEET).statement_id, ClaimRef(TWEET).claim) == (TWEET, 0)
        assert ClaimRef(TWEET, 2).claim == 2
        assert ClaimRef(TWEET, 1) == ClaimRef(statement_id=TWEET, claim=1)
        assert hash(ClaimRef(TWEET, 1)) == hash(ClaimRef(TWEET, 1))

    def test_str(self) -> None:
        """str() reads 'statement-id#index'."""
        assert str(ClaimRef(TWEET, 1)) == "trump-2019-06-03#1"

    # (arguments, path named by the error)
    INVALID: tuple[tuple[tuple[Any, ...], str], ...] = (
        # the statement id: a non-empty string
        (("",), "ClaimRef.statement_id"),
        ((None,), "ClaimRef.statement_id"),
        ((3,), "ClaimRef.statement_id"),
        # the index: an int from 0, never a bool, float or string
        ((TWEET, -1), "ClaimRef.claim"),
        ((TWEET, True), "ClaimRef.claim"),
        ((TWEET, 1.0), "ClaimRef.claim"),
        ((TWEET, "0"), "ClaimRef.claim"),
        ((TWEET, None), "ClaimRef.claim"),
    )

    @pytest.mark.parametrize(("args", "path"), INVALID)
    def test_invalid(self, args: tuple[Any, ...], path: str) -> None:
        """A bad reference raises FieldError naming the field and showing what came."""
        with pytest.raises(FieldError) as caught:
            ClaimRef(*args)
        assert caught.value.path == path
        assert caught.value.got == args[-1]


class TestRebuttal:
    def test_is_a_statement(self) -> None:
        """A rebuttal is a Statement with every Statement field and its own."""
        denial = rebuttal(claims=[Claim("RUS", "informed", "USA", polarity="negated")])
        assert isinstance(denial, Statement)
        assert denial.said_on == TimeSpan.on(JUNE_4)
        assert denial.claims[0].polarity.value == "negated"

    @pytest.mark.parametrize("kind", list(RebuttalKind))
    def test_act_follows_kind(self, kind: RebuttalKind) -> None:
        """Without an act, a rebuttal performs the act of its kind (a denial DENIES)."""
        assert rebuttal(kind=kind).act is kind.act

    def test_explicit_act_wins(self) -> None:
        """An act given outright is kept, by member or by name."""
        assert rebuttal(act=SpeechAct.CRITICIZE).act is SpeechAct.CRITICIZE
        assert rebuttal(kind="challenge", act="decline_comment").act is SpeechAct.DECLINE_COMMENT

    def test_defaults(self) -> None:
        """A rebuttal is CERTAIN unless hedged."""
        assert rebuttal().modality is Modality.CERTAIN

    # (keyword arguments, field, value stored)
    CONVERSIONS: tuple[tuple[dict[str, Any], str, object], ...] = (
        # targets: statement ids and claim references, any ordered collection -> tuple
        ({"targets": [TWEET]}, "targets", (TWEET,)),
        ({"targets": (TWEET, ClaimRef("x", 1))}, "targets", (TWEET, ClaimRef("x", 1))),
        ({"targets": iter([ClaimRef(TWEET)])}, "targets", (ClaimRef(TWEET),)),
        # kind and modality by member, value or name
        ({"kind": "denial"}, "kind", RebuttalKind.DENIAL),
        ({"kind": "CORRECTION"}, "kind", RebuttalKind.CORRECTION),
        ({"kind": RebuttalKind.RETRACTION}, "kind", RebuttalKind.RETRACTION),
        ({"modality": "probable"}, "modality", Modality.PROBABLE),
        ({"modality": Modality.POSSIBLE}, "modality", Modality.POSSIBLE),
    )

    @pytest.mark.parametrize(("kwargs", "field", "stored"), CONVERSIONS)
    def test_valid(self, kwargs: dict[str, Any], field: str, stored: object) -> None:
        """Valid arguments are stored in their normal form."""
        assert getattr(rebuttal(**kwargs), field) == stored

    # (keyword arguments, path named by the error)
    INVALID: tuple[tuple[dict[str, Any], str], ...] = (
        # targets: a non-empty sequence of ids or ClaimRefs
        ({"targets": []}, "Rebuttal.targets"),
        ({"targets": TWEET}, "Rebuttal.targets"),
        ({"targets": None}, "Rebuttal.targets"),
        ({"targets": {TWEET}}, "Rebuttal.targets"),
        ({"targets": [TWEET, ""]}, "Rebuttal.targets[1]"),
        ({"targets": [3]}, "Rebuttal.targets[0]"),
        ({"targets": [(TWEET, 0)]}, "Rebuttal.targets[0]"),
        # kind: a RebuttalKind; an unknown kind is a FieldError, never an AttributeError
        ({"kind": "refutation"}, "Rebuttal.kind"),
        ({"kind": None}, "Rebuttal.kind"),
        ({"kind": SpeechAct.DENY}, "Rebuttal.kind"),
        # modality and act
        ({"modality": "sure"}, "Rebuttal.modality"),
        ({"act": "refute"}, "Rebuttal.act"),
        # Statement's own fields are checked as before, with the rebuttal's class in the path
        ({"id": ""}, "Rebuttal.id"),
        ({"claims": ["no"]}, "Rebuttal.claims[0]"),
    )

    @pytest.mark.parametrize(("kwargs", "path"), INVALID)
    def test_invalid(self, kwargs: dict[str, Any], path: str) -> None:
        """A bad argument raises FieldError naming Class.field."""
        with pytest.raises(FieldError) as caught:
            rebuttal(**kwargs)
        assert caught.value.path == path

    @pytest.mark.parametrize("missing", ["targets", "kind"])
    def test_required(self, missing: str) -> None:
        """A rebuttal needs its targets and its kind: neither has a default."""
        arguments: dict[str, Any] = {"targets": [TWEET], "kind": "denial"}
        del arguments[missing]
        with pytest.raises(TypeError, match=missing):
            Rebuttal("r", "peskov", JUNE_4, **arguments)

    # (targets, their statement ids)
    TARGET_IDS = (
        ([TWEET], (TWEET,)),
        ([ClaimRef(TWEET, 0)], (TWEET,)),
        # in order of first mention, each once
        ([ClaimRef("b", 1), "a", ClaimRef("b", 0), "a"], ("b", "a")),
        (["a", ClaimRef("b"), "c"], ("a", "b", "c")),
    )

    @pytest.mark.parametrize(("targets", "ids"), TARGET_IDS)
    def test_target_ids(self, targets: list[str | ClaimRef], ids: tuple[str, ...]) -> None:
        """target_ids lists the targeted statements in order, each once."""
        assert rebuttal(targets=targets).target_ids == ids

    def test_value_semantics(self) -> None:
        """Rebuttals are frozen values, and never equal to a plain statement."""
        assert rebuttal() == rebuttal(targets=(ClaimRef(TWEET, 0),), act="deny")
        assert hash(rebuttal()) == hash(rebuttal())
        assert rebuttal() != rebuttal(kind="correction")
        assert rebuttal() != rebuttal(modality="probable")
        plain = Statement("peskov-2019-06-04", "peskov", JUNE_4, act=SpeechAct.DENY)
        assert plain != rebuttal()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            rebuttal().kind = RebuttalKind.CHALLENGE  # type: ignore[misc]

    def test_evolve_keeps_an_explicit_act(self) -> None:
        """attrs.evolve passes the current act on; it does not recompute it from a new kind."""
        challenge = attrs.evolve(rebuttal(), kind=RebuttalKind.CHALLENGE)
        assert challenge.kind is RebuttalKind.CHALLENGE
        assert challenge.act is SpeechAct.DENY
