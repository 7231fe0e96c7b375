"""diplostatements: who said what, when, on whose behalf, and who contradicts whom."""

from importlib.metadata import version as _version

__version__ = _version("diplostatements")
__all__ = ["__version__"]
