"""Speaks-for cycles: ``A`` speaks for ``B`` and ``B`` for ``A`` (or longer) at the same time.

In such a cycle no side is at the top, so the side of a statement would depend on where the chain
was entered. :func:`find_cycles` finds the cycles that a batch of new affiliations would close:
chains of speaks-for affiliations that come back to where they started, over periods that may
all hold at one time (spans that never meet make a change of roles, not a cycle).

The cost is linear in the affiliations reachable from the new ones: strongly connected components
first (none, in any set without a cycle), and only inside a component a search at each time a
period of the component may start.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from .actors import Affiliation
from .exceptions import FieldError
from .parts import PartOf

__all__ = ["cycle_errors", "find_cycles", "part_of_cycle_errors"]


def cycle_errors(
    existing: Mapping[str, Sequence[Affiliation]],
    new: Sequence[Affiliation],
    places: Mapping[int, str],
) -> list[FieldError]:
    """An error for each cycle the ``new`` affiliations would close, at its first new link.

    ``places`` gives each new affiliation's position in its batch (``"[3] "``) by ``id()``.
    """
    if not any(link.speaks_for for link in new):
        return []
    errors = []
    for cycle in find_cycles(existing, new):
        first = cycle[0]
        names = " -> ".join([first.member, *(link.organization for link in cycle)])
        errors.append(
            FieldError(
                f"{places[id(first)]}Affiliation({first.member!r},"
                f" {first.organization!r}).speaks_for",
                "an affiliation that closes no speaks-for cycle (each actor of a cycle speaks"
                " for the next at times that may overlap, so none of them is at the top)",
                names,
            )
        )
    return errors


def part_of_cycle_errors(
    existing: Mapping[str, Sequence[PartOf]],
    new: Sequence[PartOf],
    places: Mapping[int, str],
) -> list[FieldError]:
    """An error for each part-of cycle the ``new`` links would close, at its first new link.

    A part-of cycle is found as a speaks-for cycle is: each link stands in as an affiliation
    that speaks for its whole, over the same period.
    """
    if not new:
        return []
    shadows: dict[int, PartOf] = {}

    def shadow(link: PartOf) -> Affiliation:
        stand_in = Affiliation(link.part, link.whole, span=link.span, speaks_for=True)
        shadows[id(stand_in)] = link
        return stand_in

    reachable = _Shadows(existing, shadow)
    errors = []
    for cycle in find_cycles(reachable, [shadow(link) for link in new]):
        first = shadows[id(cycle[0])]
        names = " -> ".join([first.part, *(link.organization for link in cycle)])
        errors.append(
            FieldError(
                f"{places[id(first)]}PartOf({first.part!r}, {first.whole!r}).whole",
                "a whole that closes no part-of cycle (each actor of a cycle is part of the"
                " next at times that may overlap, so it would be part of itself)",
                names,
            )
        )
    return errors


class _Shadows(Mapping[str, Sequence[Affiliation]]):
    """Held part-of links, as stand-in affiliations made when a member is first looked up."""

    def __init__(self, links: Mapping[str, Sequence[PartOf]], shadow: Any) -> None:
        self._links = links
        self._shadow = shadow
        self._made: dict[str, list[Affiliation]] = {}

    def __getitem__(self, member: str) -> Sequence[Affiliation]:
        made = self._made.get(member)
        if made is None:
            made = self._made[member] = [self._shadow(link) for link in self._links[member]]
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._links)

    def __len__(self) -> int:
        return len(self._links)


def find_cycles(
    existing: Mapping[str, Sequence[Affiliation]], new: Sequence[Affiliation]
) -> list[list[Affiliation]]:
    """The speaks-for cycles the ``new`` affiliations would close, each once.

    Args:
        existing: the speaks-for affiliations already held (member -> affiliations), with no
            cycle among them.
        new: the affiliations being added, in the order they came; those without
            ``speaks_for`` are ignored.

    Returns:
        Each cycle as its affiliations in order, starting with the one of the earliest position
        in ``new``, each one's organization the next one's member.
    """
    added = [link for link in new if link.speaks_for]
    if not added:
        return []
    edges: dict[str, list[Affiliation]] = {}
    for member in _reachable(existing, added):
        edges[member] = list(existing.get(member, ()))
    for link in added:
        edges.setdefault(link.member, []).append(link)
    rank = {id(link): position for position, link in enumerate(added)}
    found: list[list[Affiliation]] = []
    for component in _components(edges):
        cycle = _timed_cycle(component, edges)
        if cycle is not None:
            first = min(range(len(cycle)), key=lambda i: rank.get(id(cycle[i]), len(rank)))
            found.append(cycle[first:] + cycle[:first])
    found.sort(key=lambda cycle: rank[id(cycle[0])])
    return found


def _reachable(
    existing: Mapping[str, Sequence[Affiliation]], added: Iterable[Affiliation]
) -> set[str]:
    """Every member reachable through speaks-for links from the new links' members."""
    new: dict[str, list[str]] = {}
    for link in added:
        new.setdefault(link.member, []).append(link.organization)
    seen: set[str] = set()
    stack = list(new)
    while stack:
        member = stack.pop()
        if member in seen:
            continue
        seen.add(member)
        stack.extend(link.organization for link in existing.get(member, ()))
        stack.extend(new.get(member, ()))
    return seen


def _components(edges: Mapping[str, Sequence[Affiliation]]) -> Iterator[set[str]]:
    """The strongly connected components of more than one member (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterator[Affiliation]]] = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            member, links = work[-1]
            link = next(links, None)
            if link is not None:
                target = link.organization
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(edges.get(target, ()))))
                elif target in on_stack:
                    low[member] = min(low[member], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[member])
            if low[member] == index[member]:
                component = set()
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.add(top)
                    if top == member:
                        break
                if len(component) > 1:
                    yield component


def _timed_cycle(
    component: set[str], edges: Mapping[str, Sequence[Affiliation]]
) -> list[Affiliation] | None:
    """A cycle inside the component whose periods may all hold on one day, if there is one.

    If the periods of a cycle share a day, they share the latest of their first days: so the
    days to try are the first days of the component's periods.
    """
    inner = [
        link
        for member in sorted(component)
        for link in edges[member]
        if link.organization in component
    ]
    for day in sorted({link.span.start_earliest for link in inner}):
        cycle = _cycle_on(day, inner)
        if cycle is not None:
            return cycle
    return None


def _cycle_on(day: date, links: Sequence[Affiliation]) -> list[Affiliation] | None:
    """A cycle of the links whose periods may hold on ``day``, found by depth-first search."""
    out: dict[str, list[Affiliation]] = {}
    for link in links:
        if link.span.start_earliest <= day <= link.span.end_latest:
            out.setdefault(link.member, []).append(link)
    done: set[str] = set()
    for root in sorted(out):
        if root in done:
            continue
        path: list[Affiliation] = []
        on_path = {root: 0}
        work: list[Iterator[Affiliation]] = [iter(out[root])]
        while work:
            step = next(work[-1], None)
            if step is None:
                work.pop()
                finished = path.pop().organization if path else root
                on_path.pop(finished, None)
                done.add(finished)
                continue
            target = step.organization
            if target in on_path:
                return [*path[on_path[target] :], step]
            if target in done or target not in out:
                continue
            path.append(step)
            on_path[target] = len(path)
            work.append(iter(out[target]))
    return None
