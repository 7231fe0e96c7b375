"""The consistency checker: which assertions cannot all be true.

:func:`check` reads a :class:`~diplostatements.StatementSet` and returns a
:class:`~diplostatements.Report`. The rules are in :mod:`diplostatements.rules`; what the
predicates mean comes from a :class:`~diplostatements.Vocabulary`.

How it works: a one-way pipeline of four stages, each a module with one entry function, each
reading only what the stage before produced, never comparing all pairs:

1. **rows** (:func:`~diplostatements.checker.rows.rows`): each assertion numbered. Each top-level
   claim of each statement is an assertion of the statement's side; a contradicting rebuttal
   (denial, correction, dismissal, retraction) also asserts the negation of each claim it
   targets, over the target's period, with the rebuttal's modality. A claims table is first cut
   down, with Arrow compute, to the rows that can be in a finding (``_tables``).
2. **gather** (:func:`~diplostatements.checker.gather.gather`): each assertion goes in the bucket
   of its proposition ``(subject, predicate, object)``; an affirmed claim of a functional,
   inverse-functional or contrary-bearing predicate also goes in the bucket of its functional key
   or its (subject, object) pair; and each claim an affirmed assertion implies through the
   vocabulary goes where a stated claim of that predicate would. One pass, O(n) dictionary work
   (times the implications per predicate). The groups of entries that may hold a clash are
   handed on; the others (most) are dropped before their entries are built.
3. **sweep** (:func:`~diplostatements.checker.sweep.sweep`): one pure function per group, which
   sorts it by period and sweeps, comparing an entry only with the live entries of the classes it
   can clash with: O(b log b + k) for a group of ``b`` entries and ``k`` candidate pairs.
4. **findings** (:func:`~diplostatements.checker.findings.findings`): the hits for a pair of
   assertions are merged (one finding per pair, the most specific kind winning: DENIAL >
   NEGATION > EXCLUSIVE > CONTRARY > QUANTITY > ENTAILED > ATTRIBUTION; for ENTAILED and
   ATTRIBUTION the shortest chains), the sides of the assertions in findings resolved (one
   finding per pair of sides for a joint statement), and the findings ordered. Their objects and
   sentences are written when the report is read.

In all, O(n log n + findings). The rules' tests are pure functions in
:mod:`diplostatements.rules`.

Details worth knowing:

- A claim of a symmetric predicate stands for itself and its mirror, for every rule: "A allied
  with B" is contrary to "B fights A" even though only one of the two predicates is symmetric.
- Reported content narrows like a qualifier or a place: "sent no message" denies "informed us
  that P", but "sent no message about P" does not deny "informed us" (of something).
- An implied claim keeps the subject, object, qualifiers, place and period of the claim that
  implies it; it keeps the content only if its predicate is a reporting one, and has no quantity.
- Two claims of one statement may contradict each other; a claim never contradicts itself.
- A rebuttal denies top-level claims, or nested content a ``ClaimRef(..., content=True)``
  points into; answering a claimless statement denies nothing. A rebuttal that states a target's
  proposition with the other polarity in a claim of its own implies no negation of it: its own
  claim is the denial (over its own period).
- Content an attributive claim conveys is compared with the assertions of the side it is
  attributed to only (ATTRIBUTION); a distributive claim about a part holds of its wholes
  (ENTAILED, the part-of steps in the chain).
- In a DENIAL the denied claim is ``first``; otherwise ``first`` is the assertion about the
  earlier period, then the one said earlier, then by statement id and claim index.

>>> from datetime import date
>>> from diplostatements import Claim, Statement
>>> from diplostatements.checker import check
>>> report = check([
...     Statement("a", "RUS", date(2019, 6, 3), [Claim("RUS", "informed", "USA")]),
...     Statement("b", "RUS", date(2019, 6, 3), [Claim("RUS", "informed", "USA").negated()]),
... ])
>>> [(c.kind.value, c.certainty.value, c.internal) for c in report]
[('negation', 'definite', True)]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

from .._paused import collector_paused
from ..actors import Actor, ActorKind
from ..collection import Item, StatementSet
from ..exceptions import FieldError
from ..report import Report
from ..rules import ALL_RULES, ENTAILED, Rule
from ..statements import Statement
from ..vocabulary import DEFAULT_VOCABULARY, Vocabulary
from ._notes import Used
from .findings import findings
from .gather import gather
from .rows import rows
from .sweep import sweep

__all__ = ["check"]

Progress = Callable[[int, "int | None"], object]
"""``progress(done, total)``: see :func:`check`."""


def check(
    statements: StatementSet | Iterable[Item] | Any,
    *,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    rules: Iterable[Rule | str] = ALL_RULES,
    progress: Progress | None = None,
) -> Report:
    """Find the pairs of assertions that cannot both be true.

    Args:
        statements: a :class:`~diplostatements.StatementSet`; or any iterable of statements (and
            actors and affiliations); or a set's tables (:class:`diplostatements.tables.Tables`)
            or the path of a Parquet set (a directory, or its claims file), read without
            building a model object for any claim that cannot be in a finding. From an iterable
            a set is built; an actor a statement names as speaker (or cosigner),
            ``on_behalf_of`` or relay but that the iterable does not hold is made up as an actor
            of kind OTHER named by its id, which is its own side. The report is the same
            whichever form the same set comes in.
        vocabulary: what the predicates mean.
        rules: the kinds of finding to report (rules or their names). Every pair still gets its
            most specific kind; pairs of other kinds are left out, so restricting the rules
            only ever removes findings.
        progress: called as ``progress(done, total)`` with the number of groups of claims swept
            so far and their total: a bounded number of times (about every 1 %), and once at the
            end with ``done == total``.

    Returns:
        The report: contradictions, disputes and retractions.

    Raises:
        FieldError: ``vocabulary`` is not a :class:`~diplostatements.Vocabulary`, ``rules``
            names no rule, or ``progress`` is not callable.
        ValidationError: an iterable holds items that do not make a valid set, or tables are
            not a valid set.
    """
    if not isinstance(vocabulary, Vocabulary):
        raise FieldError("check(vocabulary)", "a Vocabulary", vocabulary)
    if progress is not None and not callable(progress):
        raise FieldError("check(progress)", "a callable progress(done, total), or None", progress)
    enabled = _rules(rules)
    with collector_paused():
        # The set too is made with the collector paused: from tables or items, its objects are
        # many and make no cycles.
        return _check(*_as_set(statements, vocabulary), vocabulary, enabled, progress)


def _check(
    found: StatementSet,
    used: Used | None,
    vocabulary: Vocabulary,
    enabled: frozenset[Rule],
    progress: Progress | None,
) -> Report:
    # Everything but the report is freed when this returns, before the collector resumes: so
    # resuming it does not set off a pass over the whole heap.
    numbered = rows(found, vocabulary)
    gathered = gather(numbered, vocabulary, entailed=ENTAILED in enabled)
    groups = gathered.groups
    if progress is None:
        hits = list(map(sweep, groups))
    else:
        hits = []
        total = len(groups)
        step = max(1, total // 100)
        for done, group in enumerate(groups, 1):
            hits.append(sweep(group))
            if done % step == 0 and done != total:
                progress(done, total)
        progress(total, total)
    return findings(hits, gathered.rows, vocabulary, enabled, used)


def _rules(rules: Iterable[Rule | str]) -> frozenset[Rule]:
    chosen: set[Rule] = set()
    items = (rules,) if isinstance(rules, Rule | str) else rules
    for item in items:
        if isinstance(item, Rule):
            chosen.add(item)
            continue
        try:
            chosen.add(Rule(str(item).lower()))
        except ValueError:
            names = ", ".join(rule.name for rule in Rule)
            raise FieldError("check(rules)", f"rules or names of rules ({names})", item) from None
    return frozenset(chosen)


def _as_set(statements: object, vocabulary: Vocabulary) -> tuple[StatementSet, Used | None]:
    """The set to check, and the names the whole set uses when it holds only part of it."""
    if isinstance(statements, StatementSet):
        return statements, None
    if isinstance(statements, str | os.PathLike) and not _parquet(statements):
        raise FieldError(
            "check(statements)",
            "a StatementSet, an iterable of statements, Tables or the path of a Parquet set",
            statements,
        )
    if isinstance(statements, str | os.PathLike) or _is_tables(statements):
        # The table form needs pyarrow (the extra ``tables``): loaded only when asked for.
        from ._tables import candidates  # noqa: PLC0415

        return candidates(statements, vocabulary)
    if isinstance(statements, bytes) or not isinstance(statements, Iterable):
        raise FieldError(
            "check(statements)",
            "a StatementSet, an iterable of statements, Tables or the path of a Parquet set",
            statements,
        )
    items = list(statements)
    known = {item.id for item in items if isinstance(item, Actor)}
    aliases = {alias for item in items if isinstance(item, Actor) for alias in item.aliases}
    wanted: dict[str, None] = {}
    for item in items:
        if isinstance(item, Statement):
            refs = [
                *item.speakers,
                item.on_behalf_of,
                *(relay.via for relay in item.relays),
            ]
            wanted.update((ref, None) for ref in refs if ref is not None)
    made_up = [
        Actor(ref, ref, ActorKind.OTHER)
        for ref in wanted
        if ref not in known and ref not in aliases
    ]
    return StatementSet([*made_up, *items]), None


def _parquet(path: str | os.PathLike[str]) -> bool:
    """Whether a path may be a Parquet set: a directory, or a claims file."""
    return os.path.isdir(path) or (os.fspath(path).endswith(".parquet") and os.path.isfile(path))


def _is_tables(value: object) -> bool:
    """Whether ``value`` is a set's tables (without importing pyarrow to find out)."""
    # Whoever holds tables has imported the module that makes them.
    module = sys.modules.get("diplostatements.tables")
    return module is not None and isinstance(value, module.Tables)
