"""Server processes on 127.0.0.1: our API (uvicorn), ``oxigraph serve``, rdflib-endpoint.

Each is started on a free loopback port, polled until it answers, measured from outside
(peak and current RSS from ``/proc``), and stopped — by its own process id — when the
``with`` block ends, whatever happened inside it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def rss_mb(pid: int, field: str = "VmRSS") -> float | None:
    """Resident memory of ``pid`` in MB (``VmHWM`` is the peak), from /proc; None elsewhere."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Server:
    """A child process serving HTTP on ``url``; a context manager that always stops it."""

    def __init__(self, name: str, argv: list[str], port: int, *, health: str, env: dict | None = None,
                 log: Path | None = None, start_timeout: float = 300.0) -> None:
        self.name, self.argv, self.port, self.health = name, argv, port, health
        self.env = {**os.environ, **(env or {})}
        self.log, self.start_timeout = log, start_timeout
        self.url = f"http://{HOST}:{port}"
        self.process: subprocess.Popen | None = None
        self.started_in: float | None = None

    def __enter__(self) -> "Server":
        log = self.log.open("wb") if self.log else subprocess.DEVNULL
        t0 = time.perf_counter()
        self.process = subprocess.Popen(self.argv, cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        try:
            self._wait(t0)
        except BaseException:
            self.stop()
            raise
        self.started_in = time.perf_counter() - t0
        return self

    def _wait(self, t0: float) -> None:
        deadline = t0 + self.start_timeout
        with httpx.Client(timeout=5.0) as client:
            while time.perf_counter() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} exited with {self.process.returncode} before answering"
                                       + (f" (log: {self.log})" if self.log else ""))
                try:
                    if client.get(self.url + self.health).status_code < 500:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer on {self.url} within {self.start_timeout:g} s")

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss(self) -> float | None:
        return rss_mb(self.pid)

    def peak_rss(self) -> float | None:
        return rss_mb(self.pid, "VmHWM")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # our own child, by its pid
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)

    def __exit__(self, *exc: object) -> None:
        self.stop()


def api_server(store: str, log: Path | None = None, **settings: str) -> Server:
    """Our API (``uvicorn api.main:create_app --factory``, one worker) over ``store``."""
    port = free_port()
    env = {"COOP_STORE": store, **{f"COOP_{k.upper()}": v for k, v in settings.items()}}
    argv = [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host", HOST,
            "--port", str(port), "--log-level", "warning", "--no-access-log"]
    return Server("coop API", argv, port, health="/health", env=env, log=log)


def oxigraph_server(location: Path, log: Path | None = None) -> Server:
    """``oxigraph serve`` (the server binary from the ``oxigraph`` package) on ``location``."""
    port = free_port()
    argv = [str(BIN / "oxigraph"), "serve", "--location", str(location), "--bind", f"{HOST}:{port}"]
    return Server("oxigraph serve", argv, port, health="/query?query=ASK%7B%7D", log=log)


def rdflib_endpoint_server(data: Path, log: Path | None = None) -> Server:
    """rdflib-endpoint over an rdflib ``Dataset`` (default graph = union) read from ``data``."""
    port = free_port()
    argv = [sys.executable, "-m", "bench.rdflib_peer", "serve", str(data), str(port)]
    return Server("rdflib-endpoint", argv, port, health="/?query=ASK%7B%7D", log=log, start_timeout=600.0)
