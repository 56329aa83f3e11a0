"""Downloading articles' pictures: what is asked for, and how often progress is told."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from desktop.ingest.fetch import Failure, FailureKind, Request
from desktop.ingest.figures import BodyImage
from desktop.operations.photos import Tally, Wanted, fetch_pictures, wanted_pictures


def unreachable(requests: Sequence[Request]) -> Iterator[Failure]:
    """A network where every picture fails at once."""
    for request in requests:
        yield Failure(request.url, FailureKind.UNREACHABLE, None, None, "No answer.")


def test_thousands_of_pictures_tell_their_progress_a_hundred_times_and_end_at_the_total(
    tmp_path: Path,
) -> None:
    wanted = [Wanted(n, f"https://pictures.example/{n}.jpg") for n in range(2_345)]
    steps = list(fetch_pictures(lambda job: None, tmp_path, wanted, unreachable, Tally()))  # type: ignore[arg-type]
    assert 90 <= len(steps) <= 101
    assert (steps[-1].done, steps[-1].total) == (2_345, 2_345)
    assert [step.done for step in steps] == sorted(step.done for step in steps)


def test_a_few_pictures_tell_each_one(tmp_path: Path) -> None:
    wanted = [Wanted(n, f"https://pictures.example/{n}.jpg") for n in range(7)]
    steps = list(fetch_pictures(lambda job: None, tmp_path, wanted, unreachable, Tally()))  # type: ignore[arg-type]
    assert [step.done for step in steps] == [1, 2, 3, 4, 5, 6, 7]


def test_the_lead_photo_again_in_the_body_is_not_asked_for_twice() -> None:
    body = (
        BodyImage("https://cdn.example/uploads/quay-storm-768x432.jpg", caption="The quay."),
        BodyImage("https://cdn.example/uploads/crowd.jpg"),
        BodyImage("https://cdn.example/uploads/chart.svg"),
    )
    wanted = wanted_pictures(1, "https://cdn.example/quay-storm.jpg?w=1200", body)
    assert [(item.url, item.lead, item.aliases) for item in wanted] == [
        (
            "https://cdn.example/quay-storm.jpg?w=1200",
            True,
            ("https://cdn.example/uploads/quay-storm-768x432.jpg",),
        ),
        ("https://cdn.example/uploads/crowd.jpg", False, ()),
    ]
