"""What comes from outside (another start, the file manager, a ``feed:`` link) opened in the
window: files imported as dropped ones are, the first feed link in the subscribe prompt."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.ingest.targets import FeedLink, LocalFile, Target, Unopenable

log = logging.getLogger(__name__)


def open_targets(
    targets: Sequence[Target],
    import_files: Callable[[Sequence[Path]], bool],
    open_prompt: Callable[[str], None],
) -> str | None:
    """Import the files and open the first feed link in the prompt (filled in, waiting for the
    person to confirm); return the sentence about what could not be opened, if anything."""
    problems = [target.sentence for target in targets if isinstance(target, Unopenable)]
    for sentence in problems:
        log.info("Not opened: %s", sentence)
    files = [target.path for target in targets if isinstance(target, LocalFile)]
    if files and not import_files(files):
        problems.append("Broadsheet is importing other files; open these again afterwards.")
    links = [target.url for target in targets if isinstance(target, FeedLink)]
    if links:
        log.info("Asked to subscribe to %s", links[0])
        open_prompt(links[0])
    if len(links) > 1:
        problems.append(f"Only the first of {len(links)} feed links is shown; add the others.")
    return problems[0] if problems else None
