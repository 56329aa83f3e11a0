"""Entry point: ``broadsheet`` and ``python -m desktop``.

With a command the headless CLI runs and Qt is never imported; without one the window opens.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command, or open the window when none is given."""
    from desktop import cli

    arguments = cli.build_parser().parse_args(argv)
    if arguments.command is not None:
        return cli.run(arguments)
    from desktop import app

    return app.main(arguments)


if __name__ == "__main__":
    sys.exit(main())
