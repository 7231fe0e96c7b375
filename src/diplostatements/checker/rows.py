"""The first stage: every assertion of a check as a numbered row.

An assertion is a top-level claim of a statement, or the negation a contradicting rebuttal
(denial, correction, dismissal, retraction) implies of a claim it targets. :func:`rows` numbers
them: assertion ``aid`` is ``claims[aid]`` as said by ``statements[aid]``; a row's fields (its
proposition key, polarity, modality, quantity, scope, period, statement and claim index) are read
from those two, by the stage that needs them, and its side is resolved only for the assertions
in findings (:meth:`Rows.side`).

Claims are numbered in the order the set stores its statements, which is the cheapest to read
(on a million claims, reading them chronologically takes about twice as long: the objects are
visited out of their order in memory). That order depends on how the set was built, so nothing
the checker reports may depend on the numbers: it orders findings by their content. The implied
negations are numbered after every stated claim, in the order of the rebuttals.

A claims table reaches this stage as the statement set of its candidate rows: see
:mod:`diplostatements.checker._tables`, which keeps (with Arrow compute) only the rows that can
be in a finding, a dispute or a retraction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

import attrs

from ..actors import Actor
from ..claims import Claim, Modality
from ..collection import StatementSet
from ..collection import _statement_key as statement_key
from ..parts import PartOf
from ..rebuttals import ClaimRef, Rebuttal
from ..rules import orient
from ..statements import Statement
from ..timespans import TimeSpan
from ..vocabulary import Vocabulary
from ._profiles import period_span, profile_of

__all__ = ["Origin", "Rows", "rows"]


class Origin(NamedTuple):
    """Where an assertion comes from.

    Attributes:
        statement: the statement that asserts it.
        position: the claim's index, or ``None`` for a rebuttal's implied negation.
        claim: the claim asserted.
        denies: for an implied negation, the claim it denies.
        target: for an implied negation, the number of the assertion it denies.
    """

    statement: Statement
    position: int | None
    claim: Claim
    denies: ClaimRef | None = None
    target: int | None = None


@attrs.define
class Rows:
    """The numbered assertions: what :func:`rows` hands to the gathering stage.

    Attributes:
        statements: the statement of each assertion, by number (the claims of a statement are
            numbered one after the other).
        claims: the claim of each assertion; an implied negation's claim is the target claim
            negated, over the target's period, with the rebuttal's modality.
        stated: how many assertions are stated claims (the implied negations come after).
        denied: implied negation number -> (the claim it denies, that claim's number).
        scoped: the denials a rebuttal states itself: ``(target, own, ref)`` where claim
            ``own`` of a contradicting rebuttal is the target claim's proposition with the
            other polarity, so it replaces the implied negation of claim ``target`` (``ref``).
        attributed: attributed content's number -> (the number of the claim attributing it,
            the side it is attributed to). Content an affirmed claim of an attributive predicate
            conveys ("Russia informed us that X": X, attributed to Russia's side) is numbered
            after the implied negations; it is compared with the assertions of its side alone
            (ATTRIBUTION), never asserted.
        attributions: the number of an attributing claim -> the number of its content.
        resolved: (claim number, content depth) -> the claim a reference names, as it is
            denied: about its period (its ``when``; for nested content without one, the period
            of the claim conveying it) and as hedged as the weakest claim on the way to it.
        wholes: the set's :meth:`~diplostatements.StatementSet.wholes_of`, or ``None`` when it
            holds no part-of link (then no claim is lifted to a whole).
        parts: the actors that are part of another at some time.
        rebuttals: the rebuttals that target statements of the set, in the set's order.
        sides: the side a statement commits (the set's resolver, with its cache).
        every_side: every side a statement commits: one per signatory's side for a joint
            statement, the first being :attr:`sides`'s.
        names: actor id -> display name.
        actors: the set's actors by id.
        targets: the statements of the set by id (the targets of rebuttals).
    """

    statements: list[Statement]
    claims: list[Claim]
    stated: int
    denied: dict[int, tuple[ClaimRef, int]]
    scoped: list[tuple[int, int, ClaimRef]]
    attributed: dict[int, tuple[int, str]]
    attributions: dict[int, int]
    resolved: dict[tuple[int, int], Claim]
    wholes: Callable[[str, TimeSpan], Mapping[str, tuple[PartOf, ...]]] | None
    parts: frozenset[str]
    rebuttals: list[Rebuttal]
    sides: Callable[[Statement], str]
    every_side: Callable[[Statement], tuple[str, ...]]
    names: Mapping[str, str]
    actors: Mapping[str, Actor]
    targets: Mapping[str, Statement]

    def source(self, aid: int) -> Origin:
        """Where assertion ``aid`` comes from."""
        statement = self.statements[aid]
        attributed = self.attributed.get(aid)
        if attributed is not None:  # content: where the claim conveying it comes from
            teller = self.source(attributed[0])
            return Origin(statement, teller.position, self.claims[aid])
        denied = self.denied.get(aid)
        if denied is None:
            # Its claims are numbered one after the other: count back to the first.
            said_by, first = self.statements, aid
            while first and said_by[first - 1] is statement:
                first -= 1
            return Origin(statement, aid - first, self.claims[aid])
        return Origin(statement, None, self.claims[aid], denied[0], denied[1])

    def side(self, aid: int) -> str:
        """The side assertion ``aid`` commits."""
        return self.sides(self.statements[aid])

    def denied_claim(self, aid: int, ref: ClaimRef) -> Claim:
        """The claim ``ref`` names in assertion ``aid`` as a denial meets it (see ``resolved``)."""
        return self.resolved[aid, ref.content]

    def every_side_of(self, aid: int) -> tuple[str, ...]:
        """Every side assertion ``aid`` commits (several for a joint statement)."""
        statement = self.statements[aid]
        return self.every_side(statement) if statement.cosigners else (self.sides(statement),)


def rows(statements: StatementSet, vocabulary: Vocabulary) -> Rows:
    """Number the assertions of a set.

    Args:
        statements: the set to check.
        vocabulary: what the predicates mean (an implied negation is about its target's
            period, which for a timeless predicate is all time).

    Returns:
        The numbered assertions.
    """
    said_by: list[Statement] = []
    claims: list[Claim] = []
    rebutted = statements._rebutted()
    # The statements rebuttals target, and the rebuttals themselves (their own claims may say
    # what they deny): the numbers of their first claims are kept.
    watched = {*rebutted, *(ident for ids in rebutted.values() for ident in ids)}
    first_aid: dict[str, int] = {}
    # The hot loop: most statements hold one claim.
    for statement in statements._stored():
        if statement.id in watched:
            first_aid[statement.id] = len(claims)
        held = statement.claims
        if len(held) == 1:
            claims.append(held[0])
            said_by.append(statement)
        elif held:
            claims += held
            said_by += [statement] * len(held)
    parts = frozenset(link.part for link in statements.part_of)
    found = Rows(
        said_by,
        claims,
        len(claims),
        {},
        [],
        {},
        {},
        {},
        statements.wholes_of if parts else None,
        parts,
        _rebuttals(statements),
        statements.side_of_statement,
        statements.sides_of_statement,
        statements.names,
        statements.actors,
        statements.statements,
    )
    _add_negations(found, statements, vocabulary, first_aid)
    _add_attributed(found, statements, vocabulary)
    return found


def _add_attributed(found: Rows, statements: StatementSet, vocabulary: Vocabulary) -> None:
    """Number the content each affirmed claim of an attributive predicate attributes.

    The content is about its own ``when``; without one, about the period of the claim that
    conveys it (what Russia told on Monday was so on Monday), or all time for a timeless
    predicate. It is as hedged as the weaker of the two claims, and attributed to the side the
    conveying claim's subject commits over that claim's period. A subject that is not an actor
    has no statements to contradict it: its content is not numbered.
    """
    attributive = {name for name, predicate in vocabulary.items() if predicate.attributive}
    if not attributive:
        return
    claims, said_by, actors = found.claims, found.statements, statements.actors
    tellers = [
        aid
        for aid in range(found.stated)
        if claims[aid].content is not None
        and claims[aid].predicate in attributive
        and claims[aid].affirmed
        and claims[aid].subject in actors
    ]
    for aid in tellers:
        claim, statement = claims[aid], said_by[aid]
        span = period_span(claim, statement, profile_of(vocabulary, claim.predicate))
        side = statements.side_of(claim.subject, span)
        content = _resolve(found, vocabulary, aid, 1)
        found.attributed[len(claims)] = (aid, side)
        found.attributions[aid] = len(claims)
        claims.append(content)
        said_by.append(statement)


def _weaker(one: Modality, other: Modality) -> Modality:
    """The less certain of two modalities (CERTAIN, then PROBABLE, then POSSIBLE)."""
    order = (Modality.CERTAIN, Modality.PROBABLE, Modality.POSSIBLE)
    return max(one, other, key=order.index)


def _rebuttals(statements: StatementSet) -> list[Rebuttal]:
    """The rebuttals that target statements of the set, in the set's order."""
    stored = statements.statements
    found = {
        id(rebuttal): rebuttal
        for ids in statements._rebutted().values()
        for ident in ids
        if isinstance(rebuttal := stored[ident], Rebuttal)
    }
    return sorted(found.values(), key=statement_key)


def _add_negations(
    found: Rows, statements: StatementSet, vocabulary: Vocabulary, first_aid: dict[str, int]
) -> None:
    """Number the negation each contradicting rebuttal implies of each target claim.

    Unless the rebuttal states that claim's proposition with the other polarity itself: then
    its own claim is what it says of the target ("no *recent* call"), and no negation is
    implied (the pair is listed in :attr:`Rows.scoped`).
    """
    claims = found.claims
    for rebuttal in found.rebuttals:
        if not rebuttal.kind.contradicts:
            continue
        own = _own_propositions(rebuttal, vocabulary, first_aid)
        for ref, target in _denied(rebuttal, statements, first_aid):
            denied = _resolve(found, vocabulary, target, ref.content)
            stating = own.get(_opposite(denied, vocabulary)) if own else None
            if stating:
                found.scoped += [(target, aid, ref) for aid in stating]
                continue
            found.denied[len(claims)] = (ref, target)
            claims.append(
                attrs.evolve(denied, polarity=denied.polarity.flipped(), modality=rebuttal.modality)
            )
            found.statements.append(rebuttal)


def _resolve(found: Rows, vocabulary: Vocabulary, aid: int, depth: int) -> Claim:
    """The claim ``depth`` levels into assertion ``aid``'s content, as a denial meets it.

    About its own ``when``; else, for the stated claim, the period it is about, and for nested
    content the period of the claim conveying it (or all time for a timeless predicate). As
    hedged as the least certain claim on the way.
    """
    known = found.resolved.get((aid, depth))
    if known is not None:
        return known
    claim, modality = found.claims[aid], found.claims[aid].modality
    span = period_span(claim, found.statements[aid], profile_of(vocabulary, claim.predicate))
    for _ in range(depth):
        assert claim.content is not None  # a reference is checked against its target
        claim = claim.content
        modality = _weaker(modality, claim.modality)
        if claim.when is not None:
            span = claim.when
        else:
            profile = profile_of(vocabulary, claim.predicate)
            span = _ALWAYS if profile is not None and profile.timeless else span
    resolved = found.resolved[aid, depth] = attrs.evolve(claim, when=span, modality=modality)
    return resolved


_Proposition = tuple[str, str, "str | None", bool]
"""A claim's oriented proposition key and whether it is affirmed."""


def _proposition(claim: Claim, vocabulary: Vocabulary, *, affirmed: bool) -> _Proposition:
    predicate = vocabulary.get(claim.predicate)
    first, second = orient(
        claim.subject, claim.object, symmetric=predicate is not None and predicate.symmetric
    )
    return (first, claim.predicate, second, affirmed)


def _opposite(claim: Claim, vocabulary: Vocabulary) -> _Proposition:
    """The key a claim stating the other polarity of ``claim``'s proposition has."""
    return _proposition(claim, vocabulary, affirmed=not claim.affirmed)


def _own_propositions(
    rebuttal: Rebuttal, vocabulary: Vocabulary, first_aid: dict[str, int]
) -> dict[_Proposition, list[int]]:
    """A rebuttal's own claims by proposition and polarity, with their assertion numbers."""
    own: dict[_Proposition, list[int]] = {}
    if rebuttal.claims:
        first = first_aid[rebuttal.id]
        for index, claim in enumerate(rebuttal.claims):
            key = _proposition(claim, vocabulary, affirmed=claim.affirmed)
            own.setdefault(key, []).append(first + index)
    return own


def _denied(
    rebuttal: Rebuttal, statements: StatementSet, first_aid: dict[str, int]
) -> Iterator[tuple[ClaimRef, int]]:
    """Each claim a contradicting rebuttal denies, once, with its assertion number."""
    seen: set[ClaimRef] = set()
    for target in rebuttal.targets:
        if isinstance(target, ClaimRef):
            refs: list[ClaimRef] = [target]
        else:
            count = len(statements.statements[target].claims)
            refs = [ClaimRef(target, index) for index in range(count)]
        for ref in refs:
            if ref not in seen:
                seen.add(ref)
                yield ref, first_aid[ref.statement_id] + ref.claim


_ALWAYS = TimeSpan.always()
