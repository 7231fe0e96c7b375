"""A ``vocabulary-table`` directive: a vocabulary's predicates as a table, made from the code.

The table is built when the docs are built, from the :class:`~diplostatements.Vocabulary` object
itself, so it cannot drift from what the checker uses: one row per predicate, in name order, with
the phrase a claim of it reads with, its flags (every boolean field of
:class:`~diplostatements.Predicate`, so a flag added to the class gets a column entry without
touching this file), the predicates contrary to it (both directions), what it implies (directly,
or through others: the chain is named), its CAMEO code and its description. Each predicate's row
has an anchor (``#predicate-NAME``) that the contrary and implies cells link to.

.. code-block:: markdown

    ```{vocabulary-table}
    ```

    ```{vocabulary-table} mypackage.vocab.MY_VOCABULARY
    ```
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any, ClassVar

import attrs
from docutils import nodes  # type: ignore[import-untyped, unused-ignore]
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from diplostatements.vocabulary import Predicate, Vocabulary

logger = logging.getLogger(__name__)

DEFAULT = "diplostatements.vocabulary.DEFAULT_VOCABULARY"
COLUMNS = ("Predicate", "Reads", "Flags", "Contrary to", "Implies", "CAMEO", "Meaning")
WIDTHS = (14, 12, 9, 10, 13, 5, 37)


def flag_names() -> tuple[str, ...]:
    """The boolean fields of :class:`Predicate`, in the order the class declares them."""
    return tuple(field.name for field in attrs.fields(Predicate) if field.type in ("bool", bool))


def load(path: str) -> Vocabulary:
    """The vocabulary named by a dotted path (``package.module.NAME``)."""
    module, _, name = path.rpartition(".")
    found = getattr(importlib.import_module(module), name)
    if not isinstance(found, Vocabulary):
        raise TypeError(f"{path} is a {type(found).__name__}, not a Vocabulary")
    return found


def anchor(name: str) -> str:
    """The id of a predicate's row."""
    return nodes.make_id(f"predicate-{name}")


class VocabularyTable(SphinxDirective):
    """The predicates of a vocabulary (by default the library's), one row each."""

    optional_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Build the table, or warn (an error under ``-W``) if the vocabulary cannot be loaded."""
        path = self.arguments[0] if self.arguments else DEFAULT
        try:
            vocabulary = load(path)
        except (ImportError, AttributeError, TypeError, ValueError) as error:
            logger.warning("vocabulary-table: cannot load %s: %s", path, error, location=self)
            return []
        # Rebuild this page whenever the code that defines the vocabulary changes.
        module = importlib.import_module(path.rpartition(".")[0])
        for source in {inspect.getfile(module), inspect.getfile(Predicate)}:
            self.env.note_dependency(source)
        return [self._table(vocabulary)]

    def _table(self, vocabulary: Vocabulary) -> nodes.table:
        table = nodes.table(classes=["vocabulary-table"])
        group = nodes.tgroup(cols=len(COLUMNS))
        table += group
        group.extend(nodes.colspec(colwidth=width) for width in WIDTHS)
        head = nodes.thead()
        head += _row([nodes.Text(title) for title in COLUMNS])
        group += head
        body = nodes.tbody()
        for name, predicate in vocabulary.items():
            body += _row(_cells(vocabulary, name, predicate))
        group += body
        return table


def _cells(vocabulary: Vocabulary, name: str, predicate: Predicate) -> list[nodes.Node]:
    title = nodes.literal(name, name)
    target = nodes.inline(ids=[anchor(name)])
    target += title
    reads = predicate.phrase or name.replace("_", " ")
    flags = [flag.replace("_", " ") for flag in flag_names() if getattr(predicate, flag)]
    implied: list[nodes.Node] = []
    for chain in vocabulary.implications(name):
        if implied:
            implied.append(nodes.Text(", "))
        implied.append(_link(chain[-1]))
        if len(chain) > 2:  # reached through other predicates: say which
            implied.append(nodes.Text(f" (via {' -> '.join(chain[1:-1])})"))
    return [
        target,
        nodes.Text(reads),
        nodes.Text(", ".join(flags)),
        _links(sorted(predicate.contrary)),
        _join(implied),
        nodes.Text(predicate.cameo or ""),
        nodes.Text(predicate.description),
    ]


def _link(name: str) -> nodes.reference:
    reference = nodes.reference("", "", refid=anchor(name), internal=True)
    reference += nodes.literal(name, name)
    return reference


def _links(names: list[str]) -> nodes.Node:
    parts: list[nodes.Node] = []
    for name in names:
        if parts:
            parts.append(nodes.Text(", "))
        parts.append(_link(name))
    return _join(parts)


def _join(parts: list[nodes.Node]) -> nodes.Node:
    line = nodes.inline()
    line.extend(parts)
    return line


def _row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        entry = nodes.entry()
        paragraph = nodes.paragraph()
        paragraph += content
        entry += paragraph
        row += entry
    return row


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("vocabulary-table", VocabularyTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
