"""A writer the crash tests run in a child process (and SIGKILL in the middle of its work).

``python child.py MODE ...`` prints ``begin`` just before the write it is asked for and
``end`` just after it, so the test knows where the process was when it killed it:

* ``replace DIR GRAPH FILE [hang]`` — ``store.replace_graph`` of an N-Triples file (the
  transactional write every load and ingest goes through); with ``hang``, it then prints
  ``written`` and waits to be killed without closing the store;
* ``restore DIR FILE FMT`` — ``store.restore`` of a whole dump;
* ``chunks DIR GRAPH FILE N`` — a deliberately *non-atomic* writer (drop the graph, then
  insert N lines per transaction), the control that shows the tests can see a half-write;
* ``coop ARG...`` — the ``coop`` command line, e.g. ``coop --store DIR restore FILE``.

Nothing runs at import (pytest imports every module for doctests).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def say(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str]) -> int:
    from graph.store import OxigraphStore

    mode, args = argv[0], argv[1:]
    if mode == "coop":
        from graph.cli import app

        say("begin")
        try:
            app(args, standalone_mode=False)
        finally:
            say("end")
        return 0
    store = OxigraphStore(args[0])
    if mode == "replace":
        graph, data = args[1], Path(args[2]).read_bytes()
        say("begin")
        store.replace_graph(graph, data, "ntriples")
        say("end")
        if args[3:] == ["hang"]:
            say("written")
            time.sleep(3600)  # killed by the test: the store is never closed or flushed
    elif mode == "restore":
        data = Path(args[1]).read_bytes()
        say("begin")
        store.restore(data, args[2])
        say("end")
    elif mode == "chunks":
        graph, text, size = args[1], Path(args[2]).read_text(encoding="utf-8"), int(args[3])
        statements = text.splitlines()
        say("begin")
        store.drop_graph(graph)
        for n, i in enumerate(range(0, len(statements), size), 1):
            body = "\n".join(statements[i:i + size])
            store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ {body} }} }}")
            say(f"chunk {n}")
        say("end")
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
