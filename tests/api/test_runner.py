"""The query runner: answers, deadlines, abandoned work, and a full queue."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from api.runner import QueryRunner
from graph.errors import InvalidQuery, QueryTimeout, StoreUnavailable


def test_results_and_errors_come_back():
    runner = QueryRunner(workers=2)

    async def main():
        assert await runner.run(lambda: 41 + 1, 1.0) == 42
        with pytest.raises(InvalidQuery, match="bad"):
            await runner.run(lambda: (_ for _ in ()).throw(InvalidQuery("bad")), 1.0)

    asyncio.run(main())
    runner.close()


def test_a_deadline_answers_on_time_and_the_worker_is_freed_for_others():
    runner = QueryRunner(workers=2)
    release = threading.Event()

    async def main():
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="time limit of 0.2 s"):
            await runner.run(lambda: release.wait(5), 0.2)
        assert time.monotonic() - started < 1.0
        # One worker is still inside the abandoned job; the other answers at once.
        assert await runner.run(lambda: "fast", 1.0) == "fast"

    asyncio.run(main())
    release.set()
    runner.close()


def test_a_job_abandoned_before_it_starts_is_never_run():
    runner = QueryRunner(workers=1)
    release, ran = threading.Event(), []

    async def main():
        blocker = asyncio.ensure_future(runner.run(lambda: release.wait(5), 5))
        await asyncio.sleep(0.05)
        with pytest.raises(QueryTimeout):
            await runner.run(lambda: ran.append("late"), 0.1)  # queued behind the blocker
        release.set()
        await blocker
        assert await runner.run(lambda: "next", 1.0) == "next"

    asyncio.run(main())
    assert ran == []
    runner.close()


def test_a_full_queue_is_503_at_once():
    runner = QueryRunner(workers=1, backlog=1)
    release = threading.Event()

    async def main():
        first = asyncio.ensure_future(runner.run(lambda: release.wait(5), 5))
        await asyncio.sleep(0.05)
        second = asyncio.ensure_future(runner.run(lambda: None, 5))  # waits in the queue
        await asyncio.sleep(0.05)
        with pytest.raises(StoreUnavailable, match="busy"):
            await runner.run(lambda: None, 5)
        release.set()
        await asyncio.gather(first, second)

    asyncio.run(main())
    runner.close()


def test_a_worker_stuck_in_an_abandoned_job_is_replaced_so_the_pool_keeps_its_size():
    runner = QueryRunner(workers=1)
    release = threading.Event()

    async def main():
        for _ in range(3):  # three runaway queries on a one-thread pool
            with pytest.raises(QueryTimeout):
                await runner.run(lambda: release.wait(10), 0.1)
        assert runner.lost == 3
        started = time.monotonic()
        assert await runner.run(lambda: "light", 1.0) == "light"
        assert time.monotonic() - started < 0.5

    asyncio.run(main())
    release.set()
    deadline = time.monotonic() + 5
    while runner.lost and time.monotonic() < deadline:
        time.sleep(0.01)
    assert runner.lost == 0  # each straggler left when its query ended
    assert sum(t.is_alive() for t in threading.enumerate() if t.name.startswith("coop-query-")) >= 1
    runner.close()


def test_replacements_stop_at_max_lost():
    runner = QueryRunner(workers=1, max_lost=1)
    release = threading.Event()

    async def main():
        with pytest.raises(QueryTimeout):
            await runner.run(lambda: release.wait(10), 0.1)
        with pytest.raises(QueryTimeout):  # runs on the replacement, which is not replaced
            await runner.run(lambda: release.wait(10), 0.1)
        assert runner.lost == 1
        with pytest.raises(QueryTimeout):  # every thread is taken now: it waits, then times out
            await runner.run(lambda: "light", 0.2)

    asyncio.run(main())
    release.set()
    runner.close()
