"""A refresh as the command line prints it: a line per source as each is done, then the summary.

Those lines are the command's output (stdout), whether it goes to a terminal, a file or a pipe.
The stage under way (sources being checked, full articles, photos) is shown only to a person
watching: on one line of the terminal, rewritten in place, and erased before the next line.
"""

from __future__ import annotations

import shutil
from typing import TextIO

from desktop.domain import Progress
from desktop.operations.refresh import RefreshReport, outcome_line, summary
from desktop.wording import printable

ERASE_LINE = "\r\x1b[K"


class RefreshPrinter:
    """Prints a refresh's report as it fills: its sources to ``out``, its steps live on ``live``
    when that is a terminal (else nowhere)."""

    def __init__(self, report: RefreshReport, out: TextIO, live: TextIO) -> None:
        self._report = report
        self._out = out
        self._live = live if live.isatty() else None
        self._printed = 0
        self._showing = False

    def show(self, step: Progress) -> None:
        """Print the sources done since the last step, or else show the step in place."""
        if self._print_sources():
            return
        if self._live is not None and step.done < step.total:
            width = shutil.get_terminal_size().columns - 1
            self._live.write(f"\r{printable(step.message)[:width]}\x1b[K")
            self._live.flush()
            self._showing = True

    def finish(self) -> None:
        """Print the sources not printed yet, then the sentence that sums the refresh up."""
        self._print_sources()
        self._erase()
        print(summary(self._report), file=self._out, flush=True)

    def _print_sources(self) -> bool:
        """A line for each source done since the last call; return whether there was one."""
        outcomes = self._report.outcomes[self._printed :]
        if outcomes:
            self._erase()
            for outcome in outcomes:
                print(outcome_line(outcome), file=self._out, flush=True)
            self._printed += len(outcomes)
        return bool(outcomes)

    def _erase(self) -> None:
        """Take the step shown in place off the terminal, for a line that stays."""
        if self._live is not None and self._showing:
            self._live.write(ERASE_LINE)
            self._live.flush()
            self._showing = False
