"""A refresh as the command line prints it: a line per source and a summary, the steps between
them shown only on a terminal, in place."""

from __future__ import annotations

import io

from desktop.cli_progress import ERASE_LINE, RefreshPrinter
from desktop.domain import Progress
from desktop.operations.refresh import RefreshReport, SourceOutcome


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def play(printer: RefreshPrinter, report: RefreshReport) -> None:
    """A refresh of two sources whose articles bring 250 photos, step by step."""
    printer.show(Progress(0, 2, "Checking 2 sources…"))
    for number, new in enumerate((3, 0), start=1):
        outcome = SourceOutcome(number, f"https://paper{number}.example/feed", "updated", new=new)
        report.outcomes.append(outcome)
        printer.show(Progress(number, 2, f"{outcome.url}: {new} new"))
    for done in range(1, 251):
        printer.show(Progress(done, 250, f"Fetched {done} of 250 photos"))
    printer.finish()


def test_printed_elsewhere_than_a_terminal_a_refresh_is_its_sources_and_summary() -> None:
    report, out, err = RefreshReport(), io.StringIO(), io.StringIO()
    play(RefreshPrinter(report, out, err), report)
    assert out.getvalue().splitlines() == [
        "https://paper1.example/feed: 3 new",
        "https://paper2.example/feed: 0 new",
        "3 new articles from 2 sources.",
    ]
    assert err.getvalue() == ""


def test_on_a_terminal_the_steps_are_rewritten_in_place_and_erased() -> None:
    report, out, live = RefreshReport(), io.StringIO(), Terminal()
    play(RefreshPrinter(report, out, live), report)
    assert out.getvalue().count("\n") == 3  # the same lines as in a pipe
    shown = live.getvalue()
    assert "\n" not in shown
    assert shown.startswith("\rChecking 2 sources…\x1b[K" + ERASE_LINE)
    assert "\rFetched 249 of 250 photos\x1b[K" in shown
    assert shown.endswith(ERASE_LINE)  # nothing left over the summary
