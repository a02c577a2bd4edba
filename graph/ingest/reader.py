"""Read an article file into text, refusing what is not a Vietnamese text document.

An article arrives as UTF-8 plain text or as an HTML page. Anything else is refused with a
message that names the file and says what is wrong: empty, too large, binary, or text in
another encoding (named when it can be recognised, with the command that converts it).

Offsets of the evidence spans index the text this module returns: for plain NFC text (the
corpus, and nearly all text) that is exactly ``open(path, encoding="utf-8").read()``; text
with decomposed tones is composed (NFC) first; for HTML it is the page's visible text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from graph.errors import InvalidInput

__all__ = ["DEFAULT_MAX_BYTES", "Article", "decode", "read_article"]

#: Largest article accepted by default (``COOP_INGEST_MAX_BYTES`` or ``--max-bytes``).
DEFAULT_MAX_BYTES = 5_000_000

_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<p[ >]|<article)", re.IGNORECASE)
_VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_CP1258_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@dataclass(frozen=True)
class Article:
    """The text of one article and where it came from."""

    name: str  # the file name (or "request body") used in messages and coop:corpusFile
    text: str
    html: bool = False


def read_article(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read ``path`` as an article; raise :class:`InvalidInput` naming the file otherwise."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InvalidInput(
                f"{path}: the file is {size:,} bytes, over the ingest limit of {max_bytes:,} bytes "
                "(set COOP_INGEST_MAX_BYTES or --max-bytes to raise it)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    return decode(data, str(path), max_bytes=max_bytes)


def decode(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Turn the bytes of an article into its text.

    >>> decode("Bộ Tư pháp".encode(), "a.txt").text
    'Bộ Tư pháp'
    >>> decode(b"<html><body><p>B&#7897; T\\xc6\\xb0 ph\\xc3\\xa1p</p><script>x()</script></body></html>", "a.html").text
    'Bộ Tư pháp'
    >>> decode(b"", "empty.txt")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: empty.txt: the file is empty: there is no article to ingest
    """
    if len(data) > max_bytes:
        raise InvalidInput(
            f"{name}: the article is {len(data):,} bytes, over the ingest limit of {max_bytes:,} bytes"
        )
    if not data.strip():
        raise InvalidInput(f"{name}: the file is empty: there is no article to ingest")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(f"{name}: the text is UTF-16, not UTF-8; convert it with "
                           f"`iconv -f UTF-16 -t UTF-8`")
    if _looks_binary(data):
        raise InvalidInput(f"{name}: this is a binary file, not a text article "
                           "(ingest reads UTF-8 plain text or HTML)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        hint = (f"it looks like {guess[0]}; convert it with `iconv -f {guess[1]} -t UTF-8`"
                if guess else "its encoding could not be recognised")
        raise InvalidInput(
            f"{name}: the text is not UTF-8 (invalid byte 0x{data[exc.start]:02x} at byte {exc.start}); {hint}"
        ) from None
    # Names are matched in composed form; text typed with combining tones (NFD) is composed
    # first, and offsets then index the composed text (docs/model.md: NFC, as stored).
    text = unicodedata.normalize("NFC", text)
    if _HTML_START.match(data[:512]):
        text = html_to_text(text)
        if not text.strip():
            raise InvalidInput(f"{name}: the HTML page has no visible text")
        return Article(name, text, html=True)
    return Article(name, text)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, mean a binary file (PDF, DOCX, image …)."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    """Recognise the legacy encodings Vietnamese text still arrives in.

    Windows-1258 writes tones as combining marks after the vowel; a text that decodes
    with several of them and Vietnamese base letters is taken for it. Otherwise Latin-1
    (Windows-1252) is named when the text decodes cleanly as that.
    """
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text:
        tones = sum(1 for c in text if c in _CP1258_TONES)
        letters = sum(1 for c in text if c in _VIETNAMESE_LETTERS)
        if tones + letters >= 3:
            return "Windows-1258 (Vietnamese)", "CP1258"
    try:
        data.decode("cp1252")
        return "Windows-1252 / Latin-1", "CP1252"
    except UnicodeDecodeError:
        return None


class _TextExtractor(HTMLParser):
    """Collect visible text; block elements become line breaks, scripts are dropped."""

    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "header", "footer", "blockquote", "figcaption", "table", "ul", "ol"}
    _HIDDEN = {"script", "style", "noscript", "template", "head", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one block per line.

    >>> html_to_text("<h1>Tiêu đề</h1><p>Đoạn &amp; <b>một</b></p><style>p{}</style>")
    'Tiêu đề\\nĐoạn & một'
    """
    parser = _TextExtractor()
    parser.feed(page)
    parser.close()
    raw = "".join(parser.parts)  # character references were already decoded by the parser
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in raw.split("\n")]
    return "\n".join(line for line in lines if line)
