"""A set from the items read from a file, with repeated ids and broken references by place.

:func:`assemble` builds the set in one pass when nothing is wrong; otherwise it builds it again
item by item, and reports each problem at its place in the file (``$.statements[3]`` or
``line 7, $``), never at the item's position in a batch.
"""

from __future__ import annotations

from ._converter import Item
from ._problems import Problems, relocate
from .actors import Actor
from .collection import StatementSet
from .exceptions import DiplostatementsError, DuplicateIdError, ValidationError
from .parts import PartOf
from .statements import Statement

__all__ = ["assemble"]


def assemble(items: list[Item], places: list[str] | list[int], name: str) -> StatementSet:
    """The set of the items, with repeated ids and broken references reported by place.

    ``places`` are JSON paths, or line numbers of JSON Lines. The set is built in one pass when
    nothing is wrong; otherwise it is built again item by item to word the problems.
    """
    actors = sum(type(item) is Actor for item in items)
    statements = sum(isinstance(item, Statement) for item in items)
    try:
        built = StatementSet._quietly(items)
    except ValidationError:
        pass
    else:
        if len(built._actors) == actors and len(built._statements) == statements:
            return built  # no id was used twice
    return _assemble_carefully(items, [_place(place) for place in places], name)


def _place(place: str | int) -> str:
    return place if isinstance(place, str) else f"line {place}, $"


def _assemble_carefully(items: list[Item], places: list[str], name: str) -> StatementSet:
    problems = Problems()
    first_place: dict[tuple[bool, str], str] = {}
    unique: list[Item] = []
    unique_places: list[str] = []
    for item, place in zip(items, places, strict=True):
        if isinstance(item, Actor | Statement):
            key = (isinstance(item, Actor), item.id)
            earlier = first_place.setdefault(key, place)
            if earlier != place:
                what = "actor" if key[0] else "statement"
                error = DuplicateIdError(f"{place}.id", item.id, what)
                error.args = (f"{place}.id: {what} id {item.id!r} is already used at {earlier}",)
                problems.add(error)
                continue
        unique.append(item)
        unique_places.append(place)
    try:
        result = StatementSet._quietly(unique)
    except ValidationError as error:
        for problem in error.exceptions:
            assert isinstance(problem, DiplostatementsError)
            position = _position(problem)
            if position is None:  # pragma: no cover -- the set names every item's position
                problems.add(problem)
                continue
            old = f"[{position}] {_item_name(unique[position])}"
            problems.add(relocate(problem, old, unique_places[position]))
    problems.check(name)
    return result


def _position(error: DiplostatementsError) -> int | None:
    path = getattr(error, "path", "")
    if isinstance(path, str) and path.startswith("["):
        number = path[1 : path.find("]")]
        if number.isdigit():
            return int(number)
    return None  # pragma: no cover


def _item_name(item: Item) -> str:
    # How StatementSet names an item in its messages (see _references).
    if isinstance(item, Statement | Actor):
        return f"{type(item).__name__}({item.id!r})"
    if isinstance(item, PartOf):
        return f"PartOf({item.part!r}, {item.whole!r})"
    return f"Affiliation({item.member!r}, {item.organization!r})"
