"""The sentences that explain findings: who said what, when, and why it clashes.

Only the checker calls these; they take the actor names of the set (id -> display name) so a
reason reads "Dmitry Peskov for The Kremlin (Russia)" rather than "peskov".
"""

from __future__ import annotations

from collections.abc import Mapping

from .claims import Modality
from .collection import Assertion
from .rebuttals import Rebuttal, RebuttalKind
from .rules import CONTRARY, DENIAL, EXCLUSIVE, NEGATION, QUANTITY, Rule
from .statements import Statement
from .timespans import TimeSpan

__all__ = ["describe_when", "dispute_reason", "reason", "who"]

_Chains = tuple[tuple[str, ...], tuple[str, ...]]

_REBUTTAL_VERBS = {
    RebuttalKind.DENIAL: "denied",
    RebuttalKind.CORRECTION: "corrected",
    RebuttalKind.DISMISSAL: "dismissed",
    RebuttalKind.RETRACTION: "retracted",
    RebuttalKind.QUALIFICATION: "qualified",
    RebuttalKind.CHALLENGE: "challenged",
}


def describe_when(span: TimeSpan) -> str:
    """A period as an adverbial: "on 2019-06-04", "sometime in March 2019"."""
    text = str(span)
    return f"on {text}" if text[:1].isdigit() else text


def who(statement: Statement, side: str, names: Mapping[str, str]) -> str:
    """The speaker, on whose behalf, and the side: "Dmitry Peskov for The Kremlin (Russia)"."""
    text = names.get(statement.speaker, statement.speaker)
    if statement.on_behalf_of is not None:
        text += f" for {names.get(statement.on_behalf_of, statement.on_behalf_of)}"
    if side not in (statement.speaker, statement.on_behalf_of):
        text += f" ({names.get(side, side)})"
    return text


def _verb(assertion: Assertion, *, retracted: bool) -> str:
    statement = assertion.statement
    if assertion.denies is None or not isinstance(statement, Rebuttal):
        return "said"
    if statement.kind is RebuttalKind.RETRACTION and not retracted:
        return "denied"  # a "retraction" by another side withdraws nothing of its own
    return _REBUTTAL_VERBS[statement.kind]


def _telling(
    assertion: Assertion,
    names: Mapping[str, str],
    phrases: Mapping[str, str],
    *,
    retracted: bool = False,
) -> str:
    """What an assertion says: "X said on D that C", or "X denied on D that C"."""
    claim = assertion.claim.negated() if assertion.denies is not None else assertion.claim
    verb = _verb(assertion, retracted=retracted)
    when = describe_when(assertion.statement.said_on)
    return (
        f"{who(assertion.statement, assertion.side, names)} {verb} {when}"
        f" that {claim.describe(names, phrases)}"
    )


def _quote(name: str) -> str:
    return f"'{name}'"


def _why(rule: Rule, first: Assertion, second: Assertion, chains: _Chains) -> str:
    """Why the claims clash, in words.

    For ENTAILED, ``rule`` is the rule between the implied claims, and the chains come first.
    """
    clashing = [
        chain[-1] if chain else a.claim.predicate
        for a, chain in zip((first, second), chains, strict=True)
    ]
    if rule is EXCLUSIVE:
        one = (
            "object per subject"
            if first.claim.subject == second.claim.subject
            else "subject per object"
        )
        why = f"{_quote(clashing[0])} admits only one {one} at a time"
    elif rule is CONTRARY:
        why = f"{_quote(clashing[0])} and {_quote(clashing[1])} cannot both hold"
    elif rule is QUANTITY:
        why = f"{first.claim.quantity} and {second.claim.quantity} cannot both be right"
    else:
        why = "the same proposition is affirmed and denied"
    implied = [" implies ".join(_quote(name) for name in chain) for chain in chains if chain]
    if not implied:
        return why
    if rule is NEGATION:  # an implied claim is affirmed: the other claim denies it
        return f"{' and '.join(implied)}, which is denied"
    return f"{' and '.join(implied)}, and {why}"


def reason(
    kind: Rule,
    rule: Rule,
    first: Assertion,
    second: Assertion,
    chains: _Chains,
    *,
    definite: bool,
    names: Mapping[str, str],
    phrases: Mapping[str, str] | None = None,
    retracted: bool = False,
) -> str:
    """One sentence explaining a finding.

    Args:
        kind: the finding's kind.
        rule: the rule that matched (for ENTAILED, the rule between the implied claims).
        first: the earlier assertion.
        second: the later one.
        chains: the implication chains of ``first`` and ``second`` (empty when stated).
        definite: whether the finding is DEFINITE.
        names: actor id -> display name.
        phrases: predicate name -> how it reads (the vocabulary's phrases).
        retracted: the finding is a side withdrawing its own claim.
    """
    phrases = phrases or {}
    if kind is DENIAL:
        statement = second.statement
        verb = _verb(second, retracted=retracted)
        text = (
            f"{_telling(first, names, phrases)}; {who(statement, second.side, names)} {verb} it"
            f" {describe_when(statement.said_on)}"
        )
    else:
        why = _why(rule, first, second, chains)
        text = f"{_telling(first, names, phrases)}, but {_telling(second, names, phrases)}: {why}"
    if not definite:
        text += f" ({_hedge(first, second)})"
    return text + "."


def _hedge(first: Assertion, second: Assertion) -> str:
    hedged = [a for a in (first, second) if a.claim.modality is not Modality.CERTAIN]
    if hedged:
        return "possibly: " + " and ".join(
            f"{a.statement.id} is {a.claim.modality.value}" for a in hedged
        )
    return "possibly: the periods may not overlap"


def dispute_reason(
    rebuttal: Rebuttal,
    target: Statement,
    *,
    claim: int | None,
    side: str,
    target_side: str,
    names: Mapping[str, str],
    phrases: Mapping[str, str] | None = None,
) -> str:
    """One sentence describing a qualification or challenge."""
    phrases = phrases or {}
    verb = _REBUTTAL_VERBS[rebuttal.kind]
    what = (
        target.claims[claim].describe(names, phrases)
        if claim is not None
        else "; ".join(c.describe(names, phrases) for c in target.claims)
        or f"statement {target.id}"
    )
    return (
        f"{who(rebuttal, side, names)} {verb} {describe_when(rebuttal.said_on)} what"
        f" {who(target, target_side, names)} said {describe_when(target.said_on)}: {what}."
    )
