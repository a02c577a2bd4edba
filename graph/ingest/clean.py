"""Remove scrape noise without moving a single character.

Web scrapes of the ministry's articles carry noise: the title and the lead paragraph
repeated, a stray "Sign In", an image-name fragment such as ".jpg)", URL lines, and
footnote markers ("[1]") glued to words. Extraction must not see them, but evidence
offsets must still index the original text. So noise is *masked*: :func:`clean` returns a
working copy of the same length in which every noise character is a space (line breaks
kept), and the footnotes are kept apart, each linked to the marker that calls it.

:func:`fold` gives a second same-length copy for matching: lower case, with the old and
new tone placements made equal ("Uỷ"/"Ủy", "hoá"/"hóa"), so a lexicon lookup in the folded
text returns offsets that are valid in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Cleaned", "Footnote", "clean", "fold"]

_UI_LINES = {
    "sign in", "sign up", "log in", "login", "đăng nhập", "đăng ký", "share", "chia sẻ",
    "in bài", "print", "facebook", "twitter", "zalo", "email", "menu", "tìm kiếm", "search",
    "trang chủ", "home", "xem thêm", "read more", "bình luận", "comments",
}
_IMAGE = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|\S*\.(?:jpe?g|png|gif|webp|bmp|svg)\)?", re.IGNORECASE)
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_MARKER = re.compile(r"\[(\d{1,3})\]")
_FOOTNOTE_LINE = re.compile(r"^[ \t]*\[(\d{1,3})\][ \t]*")

# Old ("hoá", "uỷ") and new ("hóa", "ủy") tone placement; fold() rewrites both to the new
# one when the pair ends a syllable, which is where the two styles differ.
_OLD_TONES = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE = re.compile("(" + "|".join(_OLD_TONES) + r")(?!\w)")


@dataclass(frozen=True)
class Footnote:
    """A footnote: its number, the span of its text, and the marker(s) that call it."""

    number: int
    start: int  # of the footnote's text, after "[n]"
    end: int
    markers: tuple[int, ...] = ()  # offsets of "[n]" in the body


@dataclass
class Cleaned:
    text: str  # the original text
    work: str  # same length, noise replaced by spaces
    noise: list[tuple[int, int]] = field(default_factory=list)
    footnotes: dict[int, Footnote] = field(default_factory=dict)

    def footnote_at(self, offset: int) -> Footnote | None:
        """The footnote whose text contains ``offset``, if any."""
        for note in self.footnotes.values():
            if note.start <= offset < note.end:
                return note
        return None


def fold(text: str) -> str:
    """Lower-case ``text`` and unify tone placement, keeping its length.

    >>> fold("Uỷ ban Hoà giải") == fold("Ủy ban Hòa giải")
    True
    >>> fold("Hoàng")  # "oà" inside a syllable is the same in both styles: untouched
    'hoàng'
    >>> len(fold("Đức İ")) == len("Đức İ")
    True
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ"): char by char
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(1)], lowered)


def clean(text: str) -> Cleaned:
    """Mask the noise of ``text`` and collect its footnotes.

    >>> text = "Tiêu đề bài\\nSign In\\nTiêu đề bài\\nBộ Tư pháp[1] ký.\\n.jpg)\\n[1] Chú thích."
    >>> c = clean(text)
    >>> c.work.split("\\n")
    ['Tiêu đề bài', '       ', '           ', 'Bộ Tư pháp    ký.', '     ', '    Chú thích.']
    >>> note = c.footnotes[1]
    >>> text[note.start:note.end], [text[m:m + 3] for m in note.markers]
    ('Chú thích.', ['[1]'])
    """
    work = list(text)
    noise: list[tuple[int, int]] = []

    def mask(start: int, end: int) -> None:
        for i in range(start, end):
            if work[i] != "\n":
                work[i] = " "
        noise.append((start, end))

    seen: set[str] = set()
    notes: dict[int, tuple[int, int]] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        start, end = offset, offset + len(body)
        offset += len(line)
        if not stripped:
            continue
        key = " ".join(stripped.split()).casefold()
        if key in _UI_LINES or _URL_LINE.match(body):
            mask(start, end)
            continue
        if len(key) >= 10 and key in seen:
            mask(start, end)  # a repeated title or paragraph: keep its first occurrence
            continue
        seen.add(key)
        for image in _IMAGE.finditer(body):
            mask(start + image.start(), start + image.end())
        footnote = _FOOTNOTE_LINE.match(body)
        if footnote:
            number = int(footnote.group(1))
            mask(start, start + footnote.end())
            notes.setdefault(number, (start + footnote.end(), end))
    markers: dict[int, list[int]] = {}
    note_spans = list(notes.values())
    for match in _MARKER.finditer(text):
        if any(s - 8 <= match.start() < e for s, e in note_spans) or work[match.start()] == " ":
            continue  # the label of a footnote line, already masked
        number = int(match.group(1))
        markers.setdefault(number, []).append(match.start())
        mask(match.start(), match.end())
    footnotes = {
        n: Footnote(n, s, e, tuple(markers.get(n, ()))) for n, (s, e) in sorted(notes.items())
    }
    return Cleaned(text, "".join(work), sorted(noise), footnotes)
