"""The coopgraph benchmark, run by ``make bench`` (``python -m bench``).

One run generates synthetic cooperation graphs (``coop synth``: 100k and 1M triples by
default, cached under ``bench/work/``), loads them, starts real server processes on
127.0.0.1 — our API (uvicorn), ``oxigraph serve``, and ``rdflib-endpoint`` at the smaller
size — and times the same queries against each, side by side: medians and p95 after a
warm-up, a fixed number of repetitions, a time budget per measurement. It prints a table of
ratios against the peers and the targets of issue 8, and writes ``bench/results.json`` and
``bench/RESULTS.md``.

``python -m bench --smoke`` runs the same harness on 2,000 triples with 2 repetitions, so
that ``make test`` keeps it working (``tests/bench/test_smoke.py``).

Unlike the product (where only ``graph/store.py`` touches the engine), the benchmark imports
pyoxigraph and rdflib directly: they are the peers it measures us against.
"""
