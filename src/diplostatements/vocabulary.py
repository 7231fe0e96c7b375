"""Predicates and what the checker may conclude from them.

A :class:`Predicate` declares what a predicate name means for the checker: whether it admits one
object per subject at a time (``functional``), one subject per object (``inverse_functional``),
whether "A p B" is the same as "B p A" (``symmetric``), which predicates cannot hold together with
it (``contrary``), what it entails (``implies``), whether its claims carry reported content
(``reporting``) that the subject holds true (``attributive``), whether their truth depends on
the day they are asked (``timeless``), and whether what a part does its whole does
(``distributive``).

A :class:`Vocabulary` is an immutable mapping of predicates by name, checked as a whole: every
``contrary`` and ``implies`` reference must name a predicate it holds, ``contrary`` is closed
symmetrically, and implications may not loop. :data:`DEFAULT_VOCABULARY` is a documented
diplomatic vocabulary; extend it with ``|``:

>>> from diplostatements.vocabulary import DEFAULT_VOCABULARY, Predicate
>>> vocab = DEFAULT_VOCABULARY | Predicate("annexed", implies={"occupies"})
>>> [" -> ".join(chain) for chain in vocab.implications("annexed")]
['annexed -> occupies', 'annexed -> occupies -> has_personnel_in']
>>> sorted(vocab.contraries("opposes"))
['supports']

Predicates that are not in the vocabulary still work in claims: only the rules that need no
declaration (negation, quantity, denial) apply to them.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast

import attrs

from . import _predicates
from ._plural import counted
from ._validation import close_matches, non_empty_str, of_type, path_of, set_of_str, to_frozenset
from .exceptions import (
    DuplicateIdError,
    FieldError,
    UnknownReferenceError,
    VocabularyError,
)

__all__ = ["DEFAULT_VOCABULARY", "Predicate", "Vocabulary", "VocabularyError"]

_CAMEO = re.compile(r"[0-9]{2,4}")
_NO_CHAINS: tuple[tuple[str, ...], ...] = ()


def _no_self_reference(instance: Predicate, attribute: attrs.Attribute[Any], value: object) -> None:
    set_of_str(instance, attribute, value)
    if isinstance(value, frozenset) and instance.name in value:
        raise FieldError(
            path_of(instance, attribute), f"predicate names other than {instance.name!r}", value
        )


def _cameo(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, str) and _CAMEO.fullmatch(value)):
        raise FieldError(path_of(instance, attribute), "None or a CAMEO code such as '054'", value)


def _attributive(instance: Predicate, attribute: attrs.Attribute[Any], value: object) -> None:
    of_type(bool, "a bool")(instance, attribute, value)
    if value and not instance.reporting:
        raise FieldError(
            path_of(instance, attribute),
            "False unless reporting=True (only a reporting predicate carries content)",
            value,
        )


def _flag() -> Any:
    return attrs.field(default=False, kw_only=True, validator=of_type(bool, "a bool"))


def _name_set(value: Iterable[str] | str) -> frozenset[str]:
    # Typed for callers; anything else passes through to the validator, which names the field.
    return cast("frozenset[str]", to_frozenset(value))


@attrs.frozen
class Predicate:
    """What a predicate name means to the checker.

    Args:
        name: the name claims use ("legitimate_president_of").
        functional: one object per subject at a time (Wikidata's single-value constraint): two
            affirmed claims with different objects contradict each other.
        inverse_functional: one subject per object at a time ("the legitimate president of
            Venezuela"): two affirmed claims with different subjects contradict each other.
        symmetric: "A p B" says the same as "B p A" ("talked_with").
        contrary: predicates that cannot hold together with this one for the same subject and
            object. A :class:`Vocabulary` adds the reverse direction itself.
        implies: predicates an affirmed claim of this one entails, for the same subject, object,
            qualifiers and period.
        reporting: the claim's ``content`` is what a message conveyed ("informed").
        attributive: a claim of it attributes its ``content`` to its subject, as something the
            subject holds true ("informed", "accused", but not "requested" or "promised", whose
            content is an action asked for or offered). Content attributed to a side that its
            own statements contradict is an ATTRIBUTION finding. Implies ``reporting``.
        timeless: a claim without ``when`` holds at all times, not only the day it was said
            ("responsible_for" a past attack).
        distributive: what a part does, each whole it belongs to does: an affirmed claim about
            a part (:class:`~diplostatements.PartOf`) implies the same claim about each of its
            wholes over the period the links surely hold ("a Buk of the 53rd brigade crossed
            the border", so the armed forces' did, so Russia's did). Crossing a border, firing
            on, being present in; not supporting or recognising, which a part may do alone.
        description: what the predicate means, for people.
        cameo: the CAMEO event code it corresponds to, if one fits.
        phrase: how a claim of it reads in a sentence, between subject and object ("is the
            legitimate president of"); empty means the name with spaces for underscores.

    Raises:
        FieldError: a field holds a value it cannot hold, e.g. a predicate contrary to itself.

    >>> Predicate("supports", contrary=["opposes"]).contrary
    frozenset({'opposes'})
    """

    name: str = attrs.field(validator=non_empty_str)
    functional: bool = _flag()
    inverse_functional: bool = _flag()
    symmetric: bool = _flag()
    contrary: frozenset[str] = attrs.field(
        default=frozenset(), kw_only=True, converter=_name_set, validator=_no_self_reference
    )
    implies: frozenset[str] = attrs.field(
        default=frozenset(), kw_only=True, converter=_name_set, validator=_no_self_reference
    )
    reporting: bool = _flag()
    attributive: bool = attrs.field(default=False, kw_only=True, validator=_attributive)
    timeless: bool = _flag()
    distributive: bool = _flag()
    description: str = attrs.field(default="", kw_only=True, validator=of_type(str, "a string"))
    cameo: str | None = attrs.field(default=None, kw_only=True, validator=_cameo)
    phrase: str = attrs.field(default="", kw_only=True, validator=of_type(str, "a string"))

    def __str__(self) -> str:
        return self.name


class Vocabulary(Mapping[str, Predicate]):
    """An immutable mapping of predicates by name, checked as a whole.

    Iteration is in name order. Looking up a name returns the predicate with its ``contrary``
    closed symmetrically (if "supports" is declared contrary to "opposes", "opposes" is contrary
    to "supports"). Combine vocabularies with ``|``: the right side wins on a name clash, and the
    result is checked again. The right side may be a :class:`Vocabulary`, a :class:`Predicate`
    or an iterable of predicates, so a small extension may refer to predicates of the left side.

    Args:
        predicates: the predicates it holds.

    Raises:
        UnknownReferenceError: a ``contrary`` or ``implies`` names a predicate it does not hold
            (close matches are suggested).
        DuplicateIdError: two different predicates share a name.
        VocabularyError: implications form a cycle, or a predicate implies contrary things.
        FieldError: an item is not a :class:`Predicate`.

    >>> v = Vocabulary([Predicate("met_with", symmetric=True, implies={"talked_with"}),
    ...                 Predicate("talked_with", symmetric=True)])
    >>> v.implications("met_with")
    (('met_with', 'talked_with'),)
    >>> Vocabulary([Predicate("invaded", implies={"atacked"}), Predicate("attacked")])
    Traceback (most recent call last):
    ...
    diplostatements.exceptions.UnknownReferenceError: Predicate('invaded').implies: expected a \
known predicate id, got 'atacked'; did you mean 'attacked'?
    """

    __slots__ = ("_chains", "_closed", "_contraries", "_declared")

    def __init__(self, predicates: Iterable[Predicate] = ()) -> None:
        declared: dict[str, Predicate] = {}
        for index, predicate in enumerate(predicates):
            if not isinstance(predicate, Predicate):
                raise FieldError(f"Vocabulary.predicates[{index}]", "a Predicate", predicate)
            known = declared.get(predicate.name)
            if known is not None and known != predicate:
                raise DuplicateIdError(
                    f"Vocabulary.predicates[{index}].name", predicate.name, "predicate"
                )
            declared[predicate.name] = predicate
        self._declared = {name: declared[name] for name in sorted(declared)}
        _check_references(self._declared)
        self._contraries = _close_contraries(self._declared)
        self._closed = {
            name: (
                attrs.evolve(p, contrary=self._contraries[name])
                if self._contraries[name] != p.contrary
                else p
            )
            for name, p in self._declared.items()
        }
        self._chains = _implication_chains(self._declared)
        _check_consistent(self._chains, self._contraries)

    # -- the mapping ------------------------------------------------------------------------

    def __getitem__(self, name: str) -> Predicate:
        return self._closed[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._closed)

    def __len__(self) -> int:
        return len(self._closed)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Vocabulary):
            return NotImplemented
        return self._declared == other._declared

    def __hash__(self) -> int:
        return hash(frozenset(self._declared.values()))

    def __repr__(self) -> str:
        names = ", ".join(list(self._closed)[:5])
        more = ", ..." if len(self) > 5 else ""
        return f"<Vocabulary of {counted(len(self), 'predicate')}: {names}{more}>"

    def __or__(self, other: object) -> Vocabulary:
        if isinstance(other, Vocabulary):
            extra: Iterable[Predicate] = other._declared.values()
        elif isinstance(other, Predicate):
            extra = (other,)
        elif isinstance(other, Iterable) and not isinstance(other, str | Mapping):
            extra = tuple(other)
        else:
            return NotImplemented
        merged = dict(self._declared)
        for predicate in extra:
            if not isinstance(predicate, Predicate):
                raise FieldError("Vocabulary | other", "a Predicate", predicate)
            merged[predicate.name] = predicate
        return Vocabulary(merged.values())

    # -- what the checker needs -------------------------------------------------------------

    @property
    def phrases(self) -> Mapping[str, str]:
        """Predicate name -> the phrase a claim of it reads with, for those that declare one.

        Pass it to :meth:`Claim.describe <diplostatements.Claim.describe>`:

        >>> from diplostatements import Claim, DEFAULT_VOCABULARY
        >>> Claim("maduro", "legitimate_president_of", "VEN").describe(
        ...     phrases=DEFAULT_VOCABULARY.phrases
        ... )
        'maduro is the legitimate president of VEN'
        """
        return {name: p.phrase for name, p in self._declared.items() if p.phrase}

    @property
    def declared(self) -> Mapping[str, Predicate]:
        """The predicates as declared, before ``contrary`` was closed symmetrically."""
        return dict(self._declared)

    def contraries(self, name: str) -> frozenset[str]:
        """The predicates contrary to ``name`` (both directions); empty for an unknown name.

        >>> sorted(DEFAULT_VOCABULARY.contraries("supports"))
        ['opposes']
        """
        return self._contraries.get(name, frozenset())

    def implications(self, name: str) -> tuple[tuple[str, ...], ...]:
        """Every predicate ``name`` implies, transitively, as the chain that leads to it.

        Each chain starts with ``name`` and ends with the implied predicate; for each implied
        predicate only the shortest chain is kept (the first in name order among equals), and the
        chains come shortest first, then in name order. Empty for an unknown name.

        >>> DEFAULT_VOCABULARY.implications("increased_support_for")
        (('increased_support_for', 'supports'),)
        """
        return self._chains.get(name, _NO_CHAINS)


def _check_references(declared: Mapping[str, Predicate]) -> None:
    for name, predicate in declared.items():
        for field in ("contrary", "implies"):
            for ref in sorted(getattr(predicate, field)):
                if ref not in declared:
                    raise UnknownReferenceError(
                        f"Predicate({name!r}).{field}",
                        ref,
                        "predicate",
                        close_matches(ref, declared),
                    )


def _close_contraries(declared: Mapping[str, Predicate]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {name: set(p.contrary) for name, p in declared.items()}
    for name, predicate in declared.items():
        for other in predicate.contrary:
            found[other].add(name)
    return {name: frozenset(names) for name, names in found.items()}


def _implication_chains(
    declared: Mapping[str, Predicate],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    _refuse_cycles(declared)
    chains: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, predicate in declared.items():
        if not predicate.implies:
            continue
        # Breadth first, neighbours in name order: the first path to reach a predicate is the
        # shortest, and the first in name order among the shortest.
        best: dict[str, tuple[str, ...]] = {}
        queue: deque[tuple[str, ...]] = deque([(name,)])
        while queue:
            path = queue.popleft()
            for target in sorted(declared[path[-1]].implies):
                if target not in best:
                    best[target] = (*path, target)
                    queue.append(best[target])
        chains[name] = tuple(sorted(best.values(), key=lambda chain: (len(chain), chain)))
    return chains


def _refuse_cycles(declared: Mapping[str, Predicate]) -> None:
    done: set[str] = set()
    for start in declared:
        if start in done:
            continue
        # Iterative depth-first search; ``path`` is the current chain of implications.
        path: list[str] = [start]
        on_path = {start}
        stack = [iter(sorted(declared[start].implies))]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                stack.pop()
                done.add(_leave(path, on_path))
                continue
            if target in on_path:
                cycle = [*path[path.index(target) :], target]
                raise VocabularyError(
                    f"implications form a cycle: {' -> '.join(cycle)}"
                    " (a predicate cannot imply itself, even through others)",
                    cycle,
                )
            if target not in done:
                path.append(target)
                on_path.add(target)
                stack.append(iter(sorted(declared[target].implies)))


def _leave(path: list[str], on_path: set[str]) -> str:
    name = path.pop()
    on_path.discard(name)
    return name


def _check_consistent(
    chains: Mapping[str, tuple[tuple[str, ...], ...]],
    contraries: Mapping[str, frozenset[str]],
) -> None:
    for name, name_chains in chains.items():
        entailed = {name: (name,)} | {chain[-1]: chain for chain in name_chains}
        for held, chain in sorted(entailed.items()):
            clash = sorted(contraries[held] & entailed.keys())
            if clash:
                other = entailed[clash[0]]
                raise VocabularyError(
                    f"predicate {name!r} contradicts itself: it implies {held!r}"
                    f" ({' -> '.join(chain)}) and {clash[0]!r} ({' -> '.join(other)}),"
                    " which are contrary",
                    (*chain, *other[1:]),
                )


def _default() -> Vocabulary:
    return Vocabulary(
        Predicate(name, description=description, **properties)
        for name, description, properties in _predicates.TABLE
    )


DEFAULT_VOCABULARY: Vocabulary = _default()
"""The diplomatic vocabulary the checker uses unless told otherwise.

It covers presence, deployment and withdrawal of personnel; support and its increase or
reduction; recognition and legitimate leadership; heads of state and government; sanctions;
talks, calls and meetings; messages and requests; attacks, invasion, responsibility and
intentions; alliances, agreements and relations; interference; changes of stance; arms deliveries
and military-technical cooperation. Each predicate's ``description`` says what it means and why it
has (or lacks) its properties.
"""
