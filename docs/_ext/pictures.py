"""A ``picture`` directive: run a few lines of Python that make a figure, and show it as a PNG.

The directive's content is the code, run when the docs are built, so the picture on the page is
what the library draws today; the code itself is not shown. Its last statement must be an
expression whose value has a ``savefig`` method (a matplotlib figure): that is saved as
``_generated/NAME.png`` under the docs' source folder (a build product, ignored by git) and shown
as a figure. An error in the code is a warning, so a build with ``-W`` fails rather than show a
stale picture.

.. code-block:: markdown

    ```{picture} venezuela-timeline
    :alt: The article's statements on a timeline, one lane per side.
    :caption: The bundled example.

    from diplostatements import examples
    examples.venezuela_2019().plot_timeline()
    ```
"""

from __future__ import annotations

import ast
import traceback
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes  # type: ignore[import-untyped, unused-ignore]
from docutils.parsers.rst import directives  # type: ignore[import-untyped, unused-ignore]
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

FOLDER = "_generated"
DPI = 150


def render(code: str, target: Path) -> None:
    """Run ``code`` and save the figure its last expression gives to ``target``."""
    tree = ast.parse(code, mode="exec")
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise ValueError("the code must end with an expression giving a figure")
    last = ast.Expression(tree.body.pop().value)
    scope: dict[str, Any] = {}
    exec(compile(tree, "<picture>", "exec"), scope)  # the pages' own code, like a doctest
    figure = eval(compile(last, "<picture>", "eval"), scope)
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, dpi=DPI)


class Picture(SphinxDirective):
    """Show the figure some code draws, drawn at build time."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "alt": directives.unchanged,
        "caption": directives.unchanged,
        "width": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        """Draw the figure and return a figure node, or warn and return nothing."""
        name = self.arguments[0]
        code = "\n".join(self.content)
        target = Path(self.env.srcdir) / FOLDER / f"{name}.png"
        try:
            render(code, target)
        except Exception:  # any failure is reported, and fails a -W build
            logger.warning(
                "picture %s: the code failed:\n%s", name, traceback.format_exc(), location=self
            )
            return []
        image = nodes.image(
            uri=f"/{FOLDER}/{name}.png",
            alt=self.options.get("alt", name),
            width=self.options.get("width", "100%"),
        )
        figure = nodes.figure("", image, classes=["picture"])
        if self.options.get("caption"):
            text, messages = self.state.inline_text(self.options["caption"], self.lineno)
            figure += nodes.caption("", "", *text)
            figure += messages
        self.set_source_info(figure)
        return [figure]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("picture", Picture)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
