"""Entry point: ``broadsheet`` and ``python -m desktop``.

With a command the headless CLI runs and Qt is never imported; without one the window opens.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command, or open the window when none is given."""
    from desktop import cli

    words = sys.argv[1:] if argv is None else list(argv)
    # Without a command word (or a request for help) the window opens: its parser need not know
    # the commands, which saves building them on the way to the first paint.
    wants_cli = any(word in cli.COMMANDS or word in ("-h", "--help") for word in words)
    arguments = cli.build_parser(with_commands=wants_cli).parse_args(words)
    if arguments.command is not None:
        return cli.run(arguments)
    from desktop import app

    return app.main(arguments)


if __name__ == "__main__":
    sys.exit(main())
