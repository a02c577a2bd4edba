"""Timing: warm-up, a fixed number of repetitions, a time budget, medians and p95."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class DidNotFinish(Exception):
    """One call ran past its time limit (raised by the callable being measured)."""


@dataclass
class Sample:
    """Durations in seconds of the repetitions that ran, and why any did not."""

    times: list[float] = field(default_factory=list)
    note: str = ""
    result: Any = None  # what the last call returned (row counts, for cross-checks)

    @property
    def n(self) -> int:
        return len(self.times)

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def p95(self) -> float | None:
        """Nearest-rank 95th percentile (with few repetitions: the slowest or near it).

        >>> Sample([0.1] * 19 + [1.0]).p95
        0.1
        >>> Sample([1.0, 2.0, 3.0]).p95
        3.0
        """
        if not self.times:
            return None
        ordered = sorted(self.times)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    def to_json(self) -> dict:
        return {"n": self.n, "median_s": self.median, "p95_s": self.p95, "note": self.note,
                "times_s": [round(t, 6) for t in self.times]}


def measure(call: Callable[[], Any], *, reps: int, warmup: int = 1, budget: float = 30.0) -> Sample:
    """Time ``call``: ``warmup`` untimed calls, then up to ``reps`` timed ones.

    Stops early, with a note, when the repetitions have used up ``budget`` seconds, or when
    a call raises :class:`DidNotFinish`. Any other exception is recorded as the note.

    >>> sample = measure(lambda: sum(range(100)), reps=5, warmup=1)
    >>> sample.n, sample.result
    (5, 4950)
    """
    sample = Sample()
    started = time.perf_counter()
    try:
        for _ in range(warmup):
            sample.result = call()
            if time.perf_counter() - started > budget:
                sample.note = f"warm-up alone took more than the {budget:g} s budget"
                break
        else:
            for i in range(reps):
                t0 = time.perf_counter()
                sample.result = call()
                sample.times.append(time.perf_counter() - t0)
                if i + 1 < reps and time.perf_counter() - started > budget:
                    sample.note = f"stopped after {i + 1} of {reps} repetitions ({budget:g} s budget)"
                    break
    except DidNotFinish as exc:
        sample.note = str(exc)
    except Exception as exc:  # noqa: BLE001 - a failed measurement is a row note, not a crash
        sample.note = f"failed: {type(exc).__name__}: {str(exc).strip()[:200]}"
    return sample


def measure_pair(ours: Callable[[], Any], peer: Callable[[], Any], *, reps: int, warmup: int = 1,
                 budget: float = 30.0) -> tuple[Sample, Sample]:
    """Time two calls side by side, alternating which goes first in each round.

    On a shared machine the load drifts over minutes; timing all of one and then all of
    the other would put the drift into the ratio. Alternating keeps it out.

    >>> mine, theirs = measure_pair(lambda: sum(range(10)), lambda: sum(range(20)), reps=4, warmup=0)
    >>> mine.n, theirs.n, mine.result, theirs.result
    (4, 4, 45, 190)
    """
    samples = (Sample(), Sample())
    calls = (ours, peer)
    started = time.perf_counter()
    try:
        for _ in range(warmup):
            for sample, call in zip(samples, calls):
                sample.result = call()
        for i in range(reps):
            order = (0, 1) if i % 2 == 0 else (1, 0)
            for k in order:
                t0 = time.perf_counter()
                samples[k].result = calls[k]()
                samples[k].times.append(time.perf_counter() - t0)
            if i + 1 < reps and time.perf_counter() - started > budget:
                for sample in samples:
                    sample.note = f"stopped after {i + 1} of {reps} repetitions ({budget:g} s budget)"
                break
    except DidNotFinish as exc:
        for sample in samples:
            sample.note = sample.note or str(exc)
    except Exception as exc:  # noqa: BLE001 - a failed measurement is a row note, not a crash
        for sample in samples:
            sample.note = f"failed: {type(exc).__name__}: {str(exc).strip()[:200]}"
    return samples
