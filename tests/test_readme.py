"""The README's example runs and says what the README says it says."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


class TestReadme:
    def test_the_short_example_reports_one_definite_denial(self) -> None:
        """The README's Python example prints one definite contradiction, USA vs Russia."""
        blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
        assert len(blocks) == 1
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(blocks[0], str(README), "exec"), {})
        lines = printed.getvalue().splitlines()
        assert lines[0] == "1 contradiction (1 definite, 0 internal), 0 disputes, 0 retracted"
        assert "1. DENIAL, definite: the United States vs Russia" in lines

    def test_the_two_commands_come_first(self) -> None:
        """The README opens with the main command and then the test command, each marked."""
        text = README.read_text(encoding="utf-8")
        main, tests = text.index("<!-- main-command -->"), text.index("<!-- test-command -->")
        assert main < tests < text.index("```python")
        assert "diplostatements example venezuela-2019 |" in text[main:tests]
        assert "pytest" in text[tests : text.index("```python")]
