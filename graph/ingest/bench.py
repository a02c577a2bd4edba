"""Throughput of extraction, for the benchmark suite (not a timed test).

``bench(words=10_000)`` builds an article of about that many words from the corpus (or,
without it, from a built-in paragraph), extracts it once to warm the lexicons, then times
``repeat`` runs on one core and returns the best, with words per second.
"""

from __future__ import annotations

import time
from pathlib import Path

from graph.ingest.extract import extract
from graph.ingest.gazetteer import Gazetteer

__all__ = ["bench", "sample_article"]

_PARAGRAPH = (
    "Ngày 12/3/2024, tại Hà Nội, Thứ trưởng Bộ Tư pháp Nguyễn Thanh Tịnh đã tiếp Đoàn công tác của "
    "Bộ Tư pháp Hàn Quốc. Hai bên trao đổi về việc thực hiện Bản ghi nhớ hợp tác giữa Bộ Tư pháp Việt Nam "
    "và Bộ Tư pháp Hàn Quốc ký ngày 05/11/2019 tại Seoul, và thống nhất tổ chức Hội nghị Tư pháp các tỉnh "
    "có chung đường biên giới Việt Nam – Lào lần thứ 7 vào tháng 6/2026 tại Nghệ An."
)


def sample_article(words: int, corpus: Path | None = None) -> str:
    """About ``words`` words of ministry news: corpus paragraphs repeated, or a built-in one."""
    paragraphs: list[str] = []
    if corpus is not None and corpus.is_dir():
        for path in sorted(corpus.glob("*.txt")):
            paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) > 20]
    paragraphs = paragraphs or [_PARAGRAPH]
    out, count, i = [], 0, 0
    while count < words:
        # numbered, so that no paragraph repeats: ingest masks repeated paragraphs as scrape noise
        out.append(f"{paragraphs[i % len(paragraphs)]} (Tin số {i + 1}.)")
        count += len(paragraphs[i % len(paragraphs)].split())
        i += 1
    return "\n".join(out)


def bench(words: int = 10_000, repeat: int = 3, corpus: Path | None = None) -> dict[str, float]:
    """Best of ``repeat`` extractions of a ``words``-word article: seconds, words/s, facts."""
    if corpus is None:
        from graph.resources import corpus_dir

        corpus = corpus_dir()
    text = sample_article(words, corpus)
    gazetteer = Gazetteer.empty()
    extract(text[:2000], doc_id="bench", gazetteer=gazetteer)  # load the lexicons once
    best = float("inf")
    facts = 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = extract(text, doc_id="bench", gazetteer=gazetteer)
        best = min(best, time.perf_counter() - started)
        facts = len(result.facts)
    n = len(text.split())
    return {"words": n, "seconds": best, "words_per_second": n / best, "facts": facts,
            "entities": len(result.entities)}


if __name__ == "__main__":  # python -m graph.ingest.bench
    print(bench())
