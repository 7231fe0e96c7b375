"""``python -m diplostatements``: the same as the ``diplostatements`` command."""

import sys

from .cli import main

if __name__ == "__main__":  # pragma: no branch -- imported only to run
    sys.exit(main())
