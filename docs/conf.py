"""Sphinx configuration: MyST pages and notebooks (myst-nb), furo, autodoc with Google style.

Built with warnings as errors (``python -m sphinx -W --keep-going -b html docs OUT``); the code on
the pages is run with ``-b doctest``, and the notebooks are executed on every build.
"""

from __future__ import annotations

import doctest
import sys
from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "diplostatements"
author = "The diplostatements developers"
copyright = "the diplostatements developers"  # the name Sphinx reads
release = _version("diplostatements")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",  # MyST Markdown pages and executed notebooks (it loads myst_parser itself)
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "apicheck",  # every public name must be documented, with a docstring
    "clirun",  # ``{cli-run}`` blocks: shell sessions whose output is checked at build time
    "vocabtable",  # ``{vocabulary-table}``: the default vocabulary as a table, from the code
    "pictures",  # ``{picture}``: a figure drawn by the library at build time, shown as a PNG
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints", "_ext", "_generated"]
root_doc = "index"

# -- MyST --------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- notebooks ---------------------------------------------------------------------------------
# Executed on every build, and an error in a cell fails the build: the example cannot rot.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 120

# -- autodoc -----------------------------------------------------------------------------------
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# "Attributes:" sections become fields, not attribute entries that would clash with autodoc's.
napoleon_use_ivar = True

# -- doctest -----------------------------------------------------------------------------------
# Only the explicit ``doctest``/``testcode`` blocks of the pages are run here. The ``>>>``
# examples inside docstrings run under pytest, in their own modules' namespaces.
doctest_test_doctest_blocks = ""
# Sphinx ignores exception messages by default; the pages show real messages, so compare them.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1
doctest_global_setup = "from datetime import date"

# -- HTML --------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"diplostatements {release}"
html_static_path: list[str] = []


_ATTRIBUTE_KINDS = frozenset({"attribute", "data", "property"})
_BEFORE_NAPOLEON: dict[str, list[str]] = {}


# Both handlers take the arguments Sphinx passes to "autodoc-process-docstring".
def _keep(  # noqa: PLR0917
    app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    if what in _ATTRIBUTE_KINDS:
        _BEFORE_NAPOLEON[name] = list(lines)


def _no_inline_type(  # noqa: PLR0917
    app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    # Napoleon reads the first line of an attribute's docstring as "type: description", so an
    # enum member documented as 'Stated as fact: "..."' would show the type "Stated as fact".
    # Our attribute docstrings never start with a type: where napoleon made one, undo it.
    original = _BEFORE_NAPOLEON.pop(name, None)
    if original is None:
        return
    made_type = any(line.startswith(":type:") for line in lines)
    if made_type and not any(line.startswith(":type:") for line in original):
        lines[:] = original


def setup(app: Any) -> None:
    """Undo napoleon's inline attribute types (napoleon handles docstrings at priority 500)."""
    app.connect("autodoc-process-docstring", _keep, priority=400)
    app.connect("autodoc-process-docstring", _no_inline_type, priority=600)
