"""Evidence spans: split an article into sentences and point at the one a quote comes from.

The curated data cites every fact by a short quote of the *sentence* that states it: the
evidence IRI ``https://w3id.org/coop/doc/{id}#c{start}-{end}`` carries the sentence's span
in Python ``str`` offsets of the corpus file as read with
``open(path, encoding="utf-8").read()``. A sentence that supports several facts with
different words gets one evidence node per quote,
``https://w3id.org/coop/doc/{id}#c{start}-{end}-q{quoteStart}``, where ``quoteStart`` is
the quote's own offset in the document (the node's ``oa:start``/``oa:end`` stay the
sentence span). This module is pure (no I/O, no RDF) so the curation tools and the tests
agree on spans.

Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by white space and a word that
does not open in lower case (closing quotes and brackets stay with the sentence), and at
every line break, so each footnote line (``[1] …``) is a sentence of its own; a
semicolon never ends one. Abbreviations (``TS.``, ``GS.``, ``tr.`` …) and outline numbers
at the start of a line (``1.1.``) do not end a sentence; neither does a dot inside a
number (``1.050``) or a file name (``.jpg``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["ABBREVIATIONS", "BASE", "EvidenceRef", "evidence_iri", "locate", "parse_evidence_iri",
           "quote_evidence_iri", "sentence_spans"]

BASE = "https://w3id.org/coop/"

#: Words that end with a dot without ending the sentence (compared case-insensitively).
ABBREVIATIONS = frozenset({
    "gs", "pgs", "ts", "ths", "tskh", "ks", "bs",  # Vietnamese academic titles: "GS. TS."
    "tr", "tp",  # "tr. 3-11" (pages), "TP. Hồ Chí Minh"
    "dr", "mr", "mrs", "ms", "prof", "st", "vol", "pp",
})

# A run of sentence-final marks, then any closing quotes or brackets.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_WORD_BEFORE = re.compile(r"(\w+)$")
_NEXT_WORD = re.compile(r"[ \t]*(\w)")  # the first letter after the marks, on the same line
_OUTLINE = re.compile(r"^\s*(?:\d+\.)*\d+$")  # "1", "1.1", "2.3" at the start of a line


def _ends_sentence(text: str, line_start: int, mark: int, after: int) -> bool:
    """Whether the marks at ``text[mark:after]`` close a sentence."""
    if after < len(text) and not text[after].isspace():
        return False  # "1.050", ".jpg)", "moj.gov.vn": no space after the dot
    following = _NEXT_WORD.match(text, after)
    if following and following.group(1).islower():
        return False  # "phòng điều tra… cùng hệ thống": no sentence opens in lower case
    if text[mark] != ".":
        return True  # "!", "?", "…" followed by a space
    before = text[line_start:mark]
    if _OUTLINE.match(before):
        return False  # "1.1. Dấu mốc …": an outline number opens the line
    word = _WORD_BEFORE.search(before)
    if word and after - mark == 1 and word.group(1).lower() in ABBREVIATIONS:
        return False  # "GS. TS. Tô Lâm", "tr. 3-11"
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return their ``(start, end)`` offsets.

    Leading and trailing white space is left out of every span and empty sentences are
    dropped, so ``text[start:end]`` is the sentence itself.

    Examples
    --------
    >>> text = "Hai Bên đã ký. GS. TS. Tô Lâm viết, tr. 3-11.\\n[1] Chú thích; còn tiếp."
    >>> for s, e in sentence_spans(text):
    ...     print(text[s:e])
    Hai Bên đã ký.
    GS. TS. Tô Lâm viết, tr. 3-11.
    [1] Chú thích; còn tiếp.
    >>> text = "1.1. Mốc đầu. Số 1.050, ảnh .jpg) xong…. Hết “đúng.” Cuối… vẫn cuối"
    >>> for s, e in sentence_spans(text):
    ...     print(text[s:e])
    1.1. Mốc đầu.
    Số 1.050, ảnh .jpg) xong….
    Hết “đúng.”
    Cuối… vẫn cuối
    >>> sentence_spans("")
    []
    """
    spans: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))

    line_start = 0
    for line in text.splitlines(keepends=True):
        line_end = line_start + len(line)
        start = line_start
        for match in _END.finditer(text, line_start, line_end):
            if _ends_sentence(text, line_start, match.start(), match.end()):
                add(start, match.end())
                start = match.end()
        add(start, line_end)
        line_start = line_end
    return spans


def locate(text: str, quote: str, start: int = 0) -> tuple[int, int]:
    """Span of the sentence holding the first occurrence of ``quote`` at or after ``start``.

    Raises :class:`ValueError` naming the quote when it does not occur, or when its first
    occurrence runs over the end of a sentence (a quote must lie inside one sentence).

    Examples
    --------
    >>> text = "Mở đầu. Việt Nam là thành viên từ ngày 10/4/2013.\\nViệt Nam lần nữa."
    >>> s, e = locate(text, "thành viên từ ngày 10/4/2013")
    >>> (s, e, text[s:e])
    (8, 49, 'Việt Nam là thành viên từ ngày 10/4/2013.')
    >>> locate(text, "Việt Nam")  # the first occurrence wins
    (8, 49)
    >>> locate(text, "Việt Nam", start=49)
    (50, 67)
    >>> locate(text, "HCCH")
    Traceback (most recent call last):
    ...
    ValueError: quote not found in the text: 'HCCH'
    """
    if not quote:
        raise ValueError("quote is empty")
    found = text.find(quote, start)
    if found < 0:
        raise ValueError(f"quote not found in the text: {quote!r}")
    for s, e in sentence_spans(text):
        if s <= found < e:
            if found + len(quote) > e:
                raise ValueError(f"quote runs over the end of its sentence: {quote!r}")
            return s, e
    raise ValueError(f"quote lies outside every sentence (white space only?): {quote!r}")


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    """The IRI of an evidence span: ``https://w3id.org/coop/doc/{id}#c{start}-{end}``.

    Examples
    --------
    >>> evidence_iri("000", 1203, 1420)
    'https://w3id.org/coop/doc/000#c1203-1420'
    >>> evidence_iri("000", 5, 2)
    Traceback (most recent call last):
    ...
    ValueError: empty or reversed span: 5-2
    """
    if not 0 <= start < end:
        raise ValueError(f"empty or reversed span: {start}-{end}")
    return f"{BASE}doc/{doc_id}#c{start}-{end}"


def quote_evidence_iri(doc_id: str, start: int, end: int, quote_start: int) -> str:
    """The IRI of one of several quotes of a sentence: ``…#c{start}-{end}-q{quoteStart}``.

    ``start``/``end`` are the sentence's span, ``quote_start`` the offset in the document
    where the quote begins; it must lie inside the sentence.

    Examples
    --------
    >>> quote_evidence_iri("000", 24000, 24175, 24104)
    'https://w3id.org/coop/doc/000#c24000-24175-q24104'
    >>> quote_evidence_iri("000", 10, 20, 20)
    Traceback (most recent call last):
    ...
    ValueError: quote start 20 lies outside the sentence 10-20
    """
    iri = evidence_iri(doc_id, start, end)
    if not start <= quote_start < end:
        raise ValueError(f"quote start {quote_start} lies outside the sentence {start}-{end}")
    return f"{iri}-q{quote_start}"


class EvidenceRef(NamedTuple):
    """The parts of an evidence IRI; ``quote_start`` is None for ``…#c{start}-{end}``."""

    doc_id: str
    start: int
    end: int
    quote_start: int | None


_EVIDENCE_IRI = re.compile(r"doc/([^/#]+)#c(\d+)-(\d+)(?:-q(\d+))?")


def parse_evidence_iri(iri: str) -> EvidenceRef | None:
    """Split an evidence IRI into document id, sentence span and quote start, or None.

    Examples
    --------
    >>> parse_evidence_iri("https://w3id.org/coop/doc/000#c24000-24175-q24104")
    EvidenceRef(doc_id='000', start=24000, end=24175, quote_start=24104)
    >>> parse_evidence_iri("https://w3id.org/coop/doc/003#c0-245")
    EvidenceRef(doc_id='003', start=0, end=245, quote_start=None)
    >>> parse_evidence_iri("https://w3id.org/coop/id/org/moj-vn") is None
    True
    """
    if not iri.startswith(BASE):
        return None
    found = _EVIDENCE_IRI.fullmatch(iri[len(BASE):])
    if not found:
        return None
    doc_id, start, end, quote = found.groups()
    return EvidenceRef(doc_id, int(start), int(end), int(quote) if quote is not None else None)
