"""Named SPARQL queries, one ``.rq`` file each, loaded by name.

Queries never contain user input: values are bound by :meth:`graph.store.Store.query`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DIR = Path(__file__).resolve().parent


@cache
def load(name: str) -> str:
    """The text of ``graph/queries/{name}.rq``.

    >>> "SELECT" in load("labels")
    True
    """
    path = _DIR / f"{name}.rq"
    if not path.is_file():
        raise KeyError(f"No query named {name!r} in {_DIR}")
    return path.read_text(encoding="utf-8")


def names() -> list[str]:
    return sorted(p.stem for p in _DIR.glob("*.rq"))
