"""Fail the build when a public name is missing from the API reference or has no docstring.

Public means: every module of the package whose dotted name has no part starting with ``_``, and
every name in such a module's ``__all__``. A name counts as documented when the Python domain
holds an entry for it in some public module that exports the very same object (a name the package
root re-exports is documented where it is defined). Run on every build, so a module or name that
lands later cannot slip through; the warnings are errors under ``-W``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE = "diplostatements"


def public_modules() -> dict[str, types.ModuleType]:
    """Every public module of the package, by dotted name."""
    root = importlib.import_module(PACKAGE)
    found = {PACKAGE: root}
    for info in pkgutil.walk_packages(root.__path__, f"{PACKAGE}."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        try:
            found[info.name] = importlib.import_module(info.name)
        except Exception as error:  # any failure is reported, not raised
            logger.warning("API reference: cannot import %s: %s", info.name, error)
    return found


def _documents_itself(value: Any) -> bool:
    # Instances of plain data (constants, mappings) carry their docstring in the source, which
    # autodoc reads; classes, functions and modules must carry their own.
    return inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value)


def _own_doc(value: Any) -> bool:
    # A class must say what it is itself; the docstring of a base class does not count.
    doc = vars(value).get("__doc__") if inspect.isclass(value) else value.__doc__
    return bool(doc and doc.strip())


def check(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about each public name the reference lacks, and each one without a docstring."""
    domain = env.get_domain("py")
    documented = {name for name, *_ in domain.get_objects()}
    modules = public_modules()
    for modname, module in sorted(modules.items()):
        if modname not in documented:
            logger.warning("API reference: public module %s is not documented", modname)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            homes = [
                other
                for other, mod in modules.items()
                if f"{other}.{name}" in documented and getattr(mod, name, None) is value
            ]
            if inspect.ismodule(value) and value.__name__ in documented:
                homes.append(value.__name__)
            if not homes:
                logger.warning("API reference: %s.%s is not documented", modname, name)
            if _documents_itself(value) and not _own_doc(value):
                logger.warning("API reference: %s.%s has no docstring", modname, name)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the check."""
    app.connect("env-check-consistency", check)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
