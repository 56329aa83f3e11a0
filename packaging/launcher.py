"""The bundle's entry script: the ``broadsheet`` command, as ``python -m desktop`` runs it."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
