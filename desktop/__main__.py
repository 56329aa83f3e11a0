"""Entry point: ``broadsheet`` and ``python -m desktop``.

With a command the headless CLI runs and Qt is never imported; without one the window opens,
or the one already open on the same data folder takes the files and links given. Before the
window's modules (or the self-test's) are imported, PySide6's check of each import is patched
(``desktop.ui.binding``); a PySide6 that patch was not checked with stops the start with one line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command, or open the window when none is given."""
    from desktop import cli

    words = sys.argv[1:] if argv is None else list(argv)
    # Without a command word (or a request for help) the window opens, with any files or links
    # given: its parser need not know the commands, which saves building them before the first
    # paint. Only the first word that is not an option can be a command, never a target.
    arguments = cli.build_parser(with_commands=cli.wants_command(words)).parse_args(words)
    if arguments.command is not None and not arguments.self_test:
        return cli.run(arguments)
    from desktop.patching import PatchVersionError
    from desktop.ui import binding  # needs Qt, which the commands never load

    try:
        binding.apply()
    except PatchVersionError as error:
        print(f"broadsheet: {error}", file=sys.stderr)
        return 1
    if arguments.self_test:
        from desktop import selftest

        return selftest.main(arguments)
    from desktop import app

    return app.main(arguments)


if __name__ == "__main__":
    sys.exit(main())
