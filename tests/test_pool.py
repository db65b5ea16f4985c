"""The HTTP service's worker pool: who waits for a worker, and who goes next.

The order is tested with a clock the test sets, and the pool itself with a fake
handler that holds its worker until the test lets it go: no test here depends on
how fast anything runs."""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
from collections.abc import Callable
from typing import Any

import pytest

from lint_article.faces.pool import QueueFull, WaitingLine, WorkerPool


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


# Each case: jobs as (name, time it joins the line, cost in seconds), and the
# order in which a worker that becomes free after they have all joined takes them.
CASES = [
    pytest.param([("big", 0, 5), ("small", 0, 1)], ["small", "big"], id="the shorter job first"),
    pytest.param(
        [("big", 0, 5), ("small", 3, 1)], ["small", "big"], id="a short job passes a long one that joined just before"
    ),
    pytest.param([("big", 0, 5), ("small", 4, 1)], ["big", "small"], id="equal due times: first come, first served"),
    pytest.param(
        [("big", 0, 5), ("small", 6, 1)], ["big", "small"], id="a long job that has waited its cost is passed no more"
    ),
    pytest.param([("a", 0, 1), ("b", 1, 1), ("c", 2, 1)], ["a", "b", "c"], id="equal costs: first come, first served"),
    pytest.param([("a", 0, 0), ("b", 0, 0), ("c", 0, 0)], ["a", "b", "c"], id="no costs: first come, first served"),
    pytest.param(
        [("huge", 0, 10), *((f"s{n}", 2 * n, 1) for n in range(1, 8))],
        ["s1", "s2", "s3", "s4", "huge", "s5", "s6", "s7"],
        id="a stream of short jobs passes a long one only until it has waited its cost",
    ),
]


@pytest.mark.parametrize(("jobs", "order"), CASES)
def test_the_line_serves_the_job_due_first(jobs: list[tuple[str, float, float]], order: list[str]) -> None:
    clock = Clock()
    line: WaitingLine[str] = WaitingLine(clock)
    for name, joined, cost in jobs:
        clock.now = joined
        line.join(name, cost)
    clock.now = 100
    assert len(line) == len(jobs)
    assert [line.next() for _ in jobs] == order
    assert line.next() is None and len(line) == 0


def test_one_that_leaves_the_line_is_never_served() -> None:
    line: WaitingLine[str] = WaitingLine(Clock())
    for name, cost in [("a", 1), ("b", 2), ("c", 3)]:
        line.join(name, cost)
    line.leave("b")
    assert (len(line), line.next(), line.next(), line.next()) == (2, "a", "c", None)


# -- the pool, with a fake handler ---------------------------------------------


def gated_handler(gate: Any) -> Callable[[Any], Any]:
    """A worker's handler that answers a job with its name, holding the worker
    first until *gate* (an event shared with the test) is set when the job asks."""

    def handle(job: tuple[str, bool]) -> str:
        name, hold = job
        if hold:
            gate.wait(60)
        return name

    return handle


def test_a_small_job_overtakes_a_big_one_and_an_old_one_is_not_starved() -> None:
    context = multiprocessing.get_context("spawn")
    gate = context.Event()
    clock = Clock()

    async def scenario() -> list[str]:
        pool = WorkerPool(functools.partial(gated_handler, gate), workers=1, queue_size=3, timeout=120, clock=clock)
        await pool.start()
        finished: list[str] = []

        async def send(name: str, cost: float, *, hold: bool = False) -> None:
            done = await pool.run((name, hold), cost=cost)
            finished.append(done.result)

        try:
            holder = asyncio.create_task(send("holder", 0, hold=True))
            while pool.state().busy == 0:  # the only worker is now held
                await asyncio.sleep(0)
            tasks = [holder]
            for name, now, cost in [("big", 0, 5), ("small", 1, 1), ("late", 6, 0)]:
                clock.now = now
                tasks.append(asyncio.create_task(send(name, cost)))
                while pool.state().waiting < len(tasks) - 1:  # it has joined the line
                    await asyncio.sleep(0)
            with pytest.raises(QueueFull):  # the line holds three
                await pool.run(("refused", False))
            gate.set()
            await asyncio.gather(*tasks)
        finally:
            await pool.close()
        return finished

    # small (due at 2) overtook big (due at 5); late (due at 6) joined after big had waited its cost.
    assert asyncio.run(scenario()) == ["holder", "small", "big", "late"]
