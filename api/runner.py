"""Run SPARQL work off the event loop, in workers a request can abandon at its deadline.

Why not ``run_in_threadpool``: its threads are shared with every other sync route, so a
few slow queries could starve ``/entities`` and ``/health``; and why not a
:class:`~concurrent.futures.ThreadPoolExecutor`: its threads are joined at interpreter
exit, so one runaway query would keep the server from stopping. Here a fixed number of
*daemon* threads serve one bounded queue. A request waits with :func:`asyncio.wait_for`;
at its deadline it answers 503 and walks away, while the worker goes on until the store's
own :class:`~graph.store.Limits` stop the iteration (or the engine finishes; Oxigraph
releases the GIL while it evaluates, so other requests keep being served meanwhile).

An in-process Oxigraph cannot be interrupted, and an aggregate over a cross product
produces no row for the limits to look at: such a worker may run for hours. So a worker
whose request walked away is *replaced* at once by a fresh thread (up to ``max_lost``
such stragglers; each one exits when its query ends), and the pool keeps serving at its
full size. The straggler still costs CPU: a public endpoint should sit on ``oxigraph
serve --timeout-s N``, which cancels inside the engine (docs/operating.md).
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graph.errors import QueryTimeout, StoreUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class _Job:
    fn: Callable[[], Any]
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future
    abandoned: threading.Event = field(default_factory=threading.Event)
    started: bool = False
    finished: bool = False
    replaced: bool = False  # its worker has a replacement: it exits once the job ends
    worker: threading.Thread | None = None


class QueryRunner:
    """A bounded pool of daemon threads for store work with a deadline.

    Parameters
    ----------
    workers
        Threads that run queries at once.
    backlog
        Jobs that may wait for a thread; past that a request gets 503 at once rather
        than queueing behind work that will time out anyway.
    max_lost
        Workers still running a query nobody waits for that have been replaced; past
        that, a timed-out worker is no longer replaced (the pool shrinks until one ends).
    """

    def __init__(self, workers: int = 4, backlog: int = 64, max_lost: int = 32) -> None:
        self.workers = workers
        self.max_lost = max_lost
        self._jobs: queue.Queue[_Job | None] = queue.Queue(maxsize=backlog)
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._spawned = 0
        self.busy = 0
        self.lost = 0  # replaced workers still inside an abandoned query

    def start(self) -> "QueryRunner":
        with self._lock:
            while len(self._threads) < self.workers:
                self._spawn()
        return self

    def _spawn(self) -> None:
        """One more worker thread (the caller holds the lock)."""
        thread = threading.Thread(target=self._work, name=f"coop-query-{self._spawned}", daemon=True)
        self._spawned += 1
        thread.start()
        self._threads.append(thread)

    def close(self) -> None:
        """Ask idle workers to stop; a worker still inside a query ends with the process."""
        for _ in self._threads:
            try:
                self._jobs.put_nowait(None)
            except queue.Full:
                break
        self._threads.clear()

    async def run(self, fn: Callable[[], T], timeout: float | None) -> T:
        """``fn()`` in a worker; :class:`QueryTimeout` when it has not answered in ``timeout`` s."""
        if not self._threads:
            self.start()
        loop = asyncio.get_running_loop()
        job = _Job(fn, loop, loop.create_future())
        try:
            self._jobs.put_nowait(job)
        except queue.Full:
            raise StoreUnavailable("The query service is busy; try again in a moment.") from None
        try:
            return await asyncio.wait_for(job.future, timeout)
        except asyncio.TimeoutError:
            self._replace(job)
            raise QueryTimeout(
                f"The query ran longer than its time limit of {timeout:g} s and was stopped.") from None
        finally:
            # Whether answered, timed out or cancelled by a client that went away:
            # a job nobody waits for is skipped if it has not started yet.
            job.abandoned.set()

    def _replace(self, job: _Job) -> None:
        """A fresh worker in place of the one still running ``job``, which nobody awaits."""
        with self._lock:
            if not job.started or job.finished or not self._threads:
                return  # not started (it will be skipped), already over, or the runner closed
            if self.lost >= self.max_lost:
                log.warning("%d abandoned queries still running: not replacing another worker", self.lost)
                return
            job.replaced = True
            self.lost += 1
            self._threads[:] = [t for t in self._threads if t is not job.worker]
            self._spawn()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            with self._lock:
                if job.abandoned.is_set():
                    continue
                job.started, job.worker = True, threading.current_thread()
                self.busy += 1
            try:
                outcome, failed = job.fn(), False
            except BaseException as exc:  # handed to the waiting request, which re-raises it
                outcome, failed = exc, True
            finally:
                with self._lock:
                    self.busy -= 1
                    job.finished = True
                    replaced = job.replaced
                    if replaced:
                        self.lost -= 1
            if job.abandoned.is_set():
                log.info("a query finished after its request gave up on it (failed: %s)", failed)
                if replaced:
                    return  # a replacement took this worker's place
                continue
            try:
                job.loop.call_soon_threadsafe(_settle, job.future, outcome, failed)
            except RuntimeError:
                pass  # the event loop has closed: nobody is waiting any more


def _settle(future: asyncio.Future, outcome: Any, failed: bool) -> None:
    if future.done():
        return
    if failed:
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
