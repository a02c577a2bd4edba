"""Rows of the benchmark, their ratios and targets, and the printed, JSON and Markdown reports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Sample

NA = "n/a"


@dataclass(frozen=True)
class Target:
    """A goal for one row.

    ``kind`` is ``"ratio"`` (ours ÷ peer ≤ ``value``), ``"speedup"`` (peer ÷ ours ≥
    ``value``) or ``"max"`` (ours ≤ ``value`` in the row's unit).
    """

    kind: str
    value: float

    def text(self, unit: str) -> str:
        if self.kind == "ratio":
            return f"≤ {self.value:g}×"
        if self.kind == "speedup":
            return f"≥ {self.value:g}× faster"
        return f"≤ {_amount(self.value, unit)}"


@dataclass
class Row:
    """One line of the report: what we measured, against whom, and the goal."""

    id: str
    title: str
    size: str  # e.g. "100k" (triples of the graph it ran on) or "-" when none
    ours: Sample | None = None
    peer_name: str = ""
    peer: Sample | None = None
    target: Target | None = None
    unit: str = "s"  # seconds (shown in ms or s), or "MB"
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Ours ÷ peer on medians; with no peer, ours ÷ an absolute target."""
        mine = self.ours.median if self.ours else None
        if mine is None:
            return None
        theirs = self.peer.median if self.peer else None
        if theirs:
            return mine / theirs
        if self.target and self.target.kind == "max" and self.target.value:
            return mine / self.target.value
        return None

    @property
    def met(self) -> bool | None:
        if self.target is None or self.ours is None or self.ours.median is None:
            return None
        mine = self.ours.median
        theirs = self.peer.median if self.peer else None
        if self.target.kind == "max":
            return mine <= self.target.value
        if theirs is None:
            return None
        if self.target.kind == "ratio":
            return mine / theirs <= self.target.value
        return theirs / mine >= self.target.value

    def cells(self) -> list[str]:
        ours = _stat(self.ours, self.unit)
        if self.peer_name:
            peer = f"{self.peer_name}: {_stat(self.peer, self.unit)}"
        elif self.target and self.target.kind == "max":
            peer = "(target)"
        else:
            peer = "–"
        ratio = self.ratio
        ratio_text = NA if ratio is None else f"{ratio:.2f}×"
        if ratio and ratio < 1 and self.peer_name:
            ratio_text += f" ({1 / ratio:.1f}× faster)"
        if ratio is not None and not self.peer_name:
            ratio_text += " of target"
        target = self.target.text(self.unit) if self.target else "–"
        met = {True: "yes", False: "NO", None: "–"}[self.met]
        notes = "; ".join(n for n in (self.note, _note(self.ours), _note(self.peer, self.peer_name)) if n)
        return [self.title, self.size, ours, peer, ratio_text, target, met, notes]

    def sentence(self) -> str:
        """'/sparql selective: ours 1.4 ms vs oxigraph serve 1.1 ms = 1.27×, target ≤ 1.3×'."""
        mine = _amount(self.ours.median, self.unit) if self.ours and self.ours.median is not None else NA
        text = f"{self.title} [{self.size}]: ours {mine}"
        if self.peer_name:
            theirs = _amount(self.peer.median, self.unit) if self.peer and self.peer.median is not None else NA
            text += f" vs {self.peer_name} {theirs}"
        if self.ratio is not None:
            text += f" = {self.ratio:.2f}×" + ("" if self.peer_name else " of target")
        if self.target:
            text += f", target {self.target.text(self.unit)}" + {True: " (met)", False: " (NOT met)", None: ""}[self.met]
        return text

    def to_json(self) -> dict:
        return {
            "id": self.id, "title": self.title, "size": self.size, "unit": self.unit,
            "ours": self.ours.to_json() if self.ours else None,
            "peer_name": self.peer_name or None, "peer": self.peer.to_json() if self.peer else None,
            "ratio": self.ratio, "target": None if self.target is None else {
                "kind": self.target.kind, "value": self.target.value, "text": self.target.text(self.unit)},
            "met": self.met, "note": self.note, **({"extra": self.extra} if self.extra else {}),
        }


HEADER = ["case", "size", "ours (median / p95)", "peer (median / p95)", "ratio", "target", "met", "notes"]


def _amount(value: float | None, unit: str) -> str:
    """>>> _amount(0.0014, "s"), _amount(2.5, "s"), _amount(512.4, "MB")
    ('1.40 ms', '2.50 s', '512 MB')
    """
    if value is None:
        return NA
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "MB/1k":
        return f"{value:.2f} MB per 1,000 requests"
    return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"


def _stat(sample: Sample | None, unit: str) -> str:
    if sample is None or sample.median is None:
        return NA
    if sample.n == 1 or unit.startswith("MB"):
        return _amount(sample.median, unit)
    return f"{_amount(sample.median, unit)} / {_amount(sample.p95, unit)} (n={sample.n})"


def _note(sample: Sample | None, who: str = "ours") -> str:
    return f"{who or 'peer'}: {sample.note}" if sample is not None and sample.note else ""


def table(rows: list[Row]) -> str:
    """An aligned plain-text table (what the terminal shows)."""
    lines = [HEADER] + [r.cells() for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = []
    for k, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown(rows: list[Row], machine: dict, settings: dict) -> str:
    """``bench/RESULTS.md``: the machine, the settings, the table and the one-line verdicts."""
    def escape(cell: str) -> str:
        return cell.replace("|", "\\|")

    lines = ["# Benchmark results", "",
             f"Run {machine.get('date', '')} with `python -m bench {settings.get('argv', '')}`.".replace("  ", " "), "",
             "## Machine", ""]
    lines += [f"- **{key}**: {value}" for key, value in machine.items() if key != "packages"]
    packages = ", ".join(f"{k} {v}" for k, v in machine.get("packages", {}).items())
    lines += [f"- **packages**: {packages}", "", "## Settings", ""]
    lines += [f"- **{key}**: {value}" for key, value in settings.items() if key != "argv"]
    lines += ["", "## Results", "",
              "Times are medians / p95 over the repetitions (n); ratio = ours ÷ peer (or ÷ the target "
              "when a row has no peer). `n/a` means not measured, with the reason in the notes.", "",
              "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(escape(c) for c in r.cells()) + " |" for r in rows]
    lines += ["", "## Targets", ""]
    lines += [f"- {r.sentence()}" for r in rows if r.target]
    return "\n".join(lines) + "\n"


def write(rows: list[Row], machine: dict, settings: dict, out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    results = out / "results.json"
    results.write_text(json.dumps({"machine": machine, "settings": settings,
                                   "rows": [r.to_json() for r in rows]}, indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    md = out / "RESULTS.md"
    md.write_text(markdown(rows, machine, settings), encoding="utf-8")
    return results, md
