"""Downloading articles' pictures: what is asked for, and how often progress is told."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from desktop.ingest.figures import BodyImage
from desktop.net.fetch import Failure, FailureKind, Request, Response, Validators
from desktop.operations.photos import (
    CHECKS_AHEAD,
    Tally,
    Wanted,
    fetch_pictures,
    wanted_pictures,
)
from tests.newsroom import photo_bytes

T = TypeVar("T")


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


class CountingPool(ThreadPoolExecutor):
    """A pool that notes the most pictures it was given to check at once."""

    def __init__(self) -> None:
        super().__init__(1)
        self.waiting = 0
        self.most = 0
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        with self._lock:
            self.waiting += 1
            self.most = max(self.most, self.waiting)
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, _: object) -> None:
        with self._lock:
            self.waiting -= 1


def test_pictures_arriving_faster_than_they_are_checked_wait_for_the_checks(
    tmp_path: Path,
) -> None:
    """Downloads wait for the checks: a fast network never piles up pictures in memory."""
    picture = photo_bytes((30, 60, 90), (640, 360))
    wanted = [Wanted(n, f"https://pictures.example/{n}.jpg") for n in range(120)]

    def instant(requests: Sequence[Request]) -> Iterator[Response]:
        for request in requests:
            yield Response(request.url, request.url, 200, picture, "image/jpeg", None, Validators())

    kept: list[object] = []
    tally = Tally()
    with CountingPool() as pool:
        steps = list(fetch_pictures(kept.append, tmp_path, wanted, instant, tally, pool))  # type: ignore[arg-type]
    assert steps[-1].done == 120 and len(kept) == 120 and tally.pictures == 120
    assert pool.most <= CHECKS_AHEAD + 1
