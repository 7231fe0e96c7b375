"""A ``cli-run`` directive: a shell session whose output is checked when the docs are built.

The block reads like a terminal (``$ command`` lines, each followed by what it prints). At build
time every command is run with ``bash`` in a scratch directory kept for the whole page (so a file
written by one block can be read by the next), with the Python environment that runs Sphinx first
on ``PATH``. Its output (standard output and error in one stream, as a terminal shows them) is
compared with the lines shown, as a doctest would (``...`` matches anything). A difference is a
warning, an error under ``-W``: the page cannot show output the program no longer prints.

.. code-block:: markdown

    ```{cli-run}
    $ diplostatements --version
    diplostatements ...
    ```
"""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes  # type: ignore[import-untyped, unused-ignore]
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

_CHECKER = doctest.OutputChecker()
_FLAGS = doctest.ELLIPSIS
_SCRATCH: dict[str, tempfile.TemporaryDirectory[str]] = {}


def _scratch(docname: str) -> Path:
    if docname not in _SCRATCH:
        _SCRATCH[docname] = tempfile.TemporaryDirectory(prefix="clirun-")
    return Path(_SCRATCH[docname].name)


def _sessions(lines: list[str]) -> list[tuple[str, str]]:
    """The (command, expected output) pairs of a block."""
    found: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return [(command, "".join(f"{out}\n" for out in output)) for command, output in found]


class CliRun(SphinxDirective):
    """Show a shell session, and check that running it prints what is shown."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Run the commands, warn on a difference, and return the session as a code block."""
        lines = list(self.content)
        where = self.get_location()
        env = dict(os.environ)
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        env["COLUMNS"] = "100"
        for command, want in _sessions(lines):
            done = subprocess.run(
                ["bash", "-c", command],
                cwd=_scratch(self.env.docname),
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,  # one stream, in the order a terminal shows it
                text=True,
                timeout=120,
                check=False,
            )
            got = done.stdout
            if not _CHECKER.check_output(want, got, _FLAGS):
                logger.warning(
                    "cli-run: the output of %r differs from the page:\nshown:\n%s\nprinted:\n%s",
                    command,
                    want,
                    got,
                    location=where,
                )
        text = "\n".join(lines)
        block = nodes.literal_block(text, text, language="console")
        self.set_source_info(block)
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("cli-run", CliRun)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
