"""rdflib as a peer: its default (Memory) store, in a child process we can stop.

``python -m bench.rdflib_peer serve DATA PORT`` serves ``DATA`` with rdflib-endpoint (a
FastAPI app over an rdflib ``Dataset``) on 127.0.0.1:PORT.

``python -m bench.rdflib_peer time DATA`` loads ``DATA`` and then times the queries it
reads from stdin (one JSON object a line) inside its own process — ``Graph.query`` with no
HTTP — answering one JSON line each. It runs in a child process because a query that
rdflib cannot finish cannot be interrupted from inside: the parent kills the child instead.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import DidNotFinish, Sample


def load(data: str):
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    return dataset


def serve(data: str, port: int) -> None:
    import uvicorn
    from rdflib_endpoint import SparqlEndpoint

    app = SparqlEndpoint(graph=load(data), cors_enabled=False, public_url=f"http://127.0.0.1:{port}/")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def time_queries(data: str) -> None:
    t0 = time.perf_counter()
    dataset = load(data)
    print(json.dumps({"loaded_s": time.perf_counter() - t0}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        times, rows = [], None
        started = time.perf_counter()
        for i in range(job["warmup"] + job["reps"]):
            t = time.perf_counter()
            rows = len(list(dataset.query(job["query"])))
            if i >= job["warmup"]:
                times.append(time.perf_counter() - t)
            if time.perf_counter() - started > job["budget"]:
                break
        print(json.dumps({"times": times, "rows": rows}), flush=True)


class RdflibWorker:
    """The parent's side of ``time``: one child, restarted after a query it had to kill."""

    def __init__(self, data: Path, load_timeout: float = 600.0) -> None:
        self.data, self.load_timeout = data, load_timeout
        self.child: subprocess.Popen | None = None

    def _start(self) -> None:
        self.child = subprocess.Popen([sys.executable, "-m", "bench.rdflib_peer", "time", str(self.data)],
                                      cwd=Path(__file__).resolve().parents[1], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, start_new_session=True)
        self._read(self.load_timeout, "loading the data")

    def _read(self, timeout: float, what: str) -> dict:
        ready, _, _ = select.select([self.child.stdout], [], [], timeout)
        if not ready:
            self.stop()
            raise DidNotFinish(f"did not finish {what} in {timeout:g} s (stopped)")
        line = self.child.stdout.readline()
        if not line:
            self.stop()
            raise RuntimeError(f"the rdflib worker exited while {what}")
        return json.loads(line)

    def measure(self, query: str, *, reps: int, warmup: int, budget: float, timeout: float) -> Sample:
        """Time ``query`` in the child; a query past ``timeout`` s is a 'did not finish'."""
        try:
            if self.child is None or self.child.poll() is not None:
                self._start()
            self.child.stdin.write(json.dumps({"query": query, "reps": reps, "warmup": warmup,
                                               "budget": budget}) + "\n")
            self.child.stdin.flush()
            answer = self._read(timeout + budget, "one query")
        except DidNotFinish as exc:
            return Sample(note=str(exc))
        note = "" if len(answer["times"]) >= reps else f"stopped after {len(answer['times'])} of {reps} ({budget:g} s budget)"
        return Sample(answer["times"], note, answer["rows"])

    def stop(self) -> None:
        if self.child is not None and self.child.poll() is None:
            self.child.kill()  # our own child, by its pid
            self.child.wait(timeout=30)
        self.child = None


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2], int(sys.argv[3]))
    else:
        time_queries(sys.argv[2])
