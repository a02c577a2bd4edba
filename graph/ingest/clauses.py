"""Clauses of a sentence, and the small helpers the fact rules share.

A :class:`Clause` is a sentence cut at ";" (the articles chain several statements that
way), with its mentions, its top-level mentions (not nested inside another) and its dates,
and a fast lookup of word sequences.
"""

from __future__ import annotations

from bisect import bisect_left

from graph.ingest import lexicon
from graph.ingest.clean import Cleaned, fold
from graph.ingest.dates import find_dates
from graph.ingest.model import Entity, Extraction, Fact, Mention
from graph.ingest.sentences import Sentence

__all__ = ["Clause", "NUMERALS", "absorb", "adjacent", "adjacent_at", "entity_before_marker", "event_kind",
           "footnote_after", "match_table", "only_places", "ordinal", "phrase", "preceded_by", "split_clauses",
           "unique"]

#: Ordinals as words ("lần thứ nhất", "lần thứ Sáu").
NUMERALS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
            "tám": 8, "chín": 9, "mười": 10}


class Clause:
    """Tokens ``a:b`` of a sentence; ``s_mentions`` are all the sentence's mentions."""

    def __init__(self, sentence: Sentence, a: int, b: int, mentions: list[Mention], text: str) -> None:
        self.s, self.a, self.b, self.text = sentence, a, b, text
        self.s_mentions = mentions
        self.keys = sentence.keys[a:b]
        self._joined = " " + " ".join(self.keys) + " "
        self._starts = []  # offset in _joined of each token of the clause
        at = 1
        for key in self.keys:
            self._starts.append(at)
            at += len(key) + 1
        self.start = sentence.tokens[a].start if a < len(sentence.tokens) else sentence.end
        self.end = sentence.tokens[b - 1].end if b > a else self.start
        self.mentions = [m for m in mentions if self.start <= m.start < self.end
                         and (m.entity is not None or m.type == "event")]
        self.top = [m for m in self.mentions if m.entity is not None
                    and not any(o is not m and o.start <= m.start and m.end <= o.end for o in self.mentions)]
        self.dates = find_dates(text, self.start, self.end)

    def has(self, words: str, start: int = 0) -> int:
        """Token offset (in the sentence) of ``words`` in this clause, at or after token
        ``start`` of the sentence, or -1."""
        first = max(0, start - self.a)
        if first >= len(self.keys):
            return -1
        found = self._joined.find(" " + words + " ", self._starts[first] - 1)
        return -1 if found < 0 else self.a + bisect_left(self._starts, found + 1)

    def tok(self, i: int) -> int:
        """Character offset of token ``i`` of the sentence."""
        return self.s.tokens[min(i, len(self.s.tokens) - 1)].start

    def after(self, offset: int, types: set[str], limit: int | None = None) -> list[Mention]:
        return [m for m in self.top if m.start >= offset and m.entity.type in types
                and (limit is None or m.start < limit)]

    def before(self, offset: int, types: set[str]) -> list[Mention]:
        return [m for m in self.top if m.end <= offset and m.entity.type in types]


def split_clauses(sentence: Sentence, mentions: list[Mention], text: str) -> list[Clause]:
    cuts = [i for i, k in enumerate(sentence.keys) if k == ";"]
    bounds = [-1] + cuts + [len(sentence.tokens)]
    return [Clause(sentence, a + 1, b, mentions, text) for a, b in zip(bounds, bounds[1:]) if b > a + 1]


def match_table(keys: list[str], i: int, table: dict[str, str]) -> tuple[str, int]:
    for n in (4, 3, 2):
        value = table.get(" ".join(keys[i:i + n]))
        if value and i + n <= len(keys):
            return value, n
    return "", 0


def ordinal(word: str) -> int | None:
    if word.isdigit():
        return int(word) if 0 < int(word) < 200 else None
    return NUMERALS.get(word)


def event_kind(name: str, mention: Mention | None) -> str:
    key = fold(name)
    for words, kind in lexicon.EVENT_KIND_WORDS:
        if words in key:
            return kind
    if mention is not None and mention.attrs.get("event_kind"):
        return mention.attrs["event_kind"]
    return "kind-working-session"


def preceded_by(c: Clause, m: Mention, words: tuple[str, ...]) -> bool:
    before = c.text[max(c.start, m.start - 12):m.start].split()
    return bool(before) and before[-1].lower() in words or (len(before) > 1 and before[-2].lower() in words
                                                            and before[-1].endswith(","))


def adjacent(c: Clause, a: Mention, b: Mention) -> bool:
    return not c.text[a.end:b.start].strip()


def adjacent_at(c: Clause, token: int, m: Mention) -> bool:
    return token < len(c.s.tokens) and c.s.tokens[token].start == m.start


def only_places(c: Clause, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only country or place names and "tại"."""
    rest = c.text[start:end]
    for m in c.mentions:
        if start <= m.start and m.end <= end and m.entity is not None and m.entity.type in ("country", "place"):
            rest = rest.replace(m.name, " ")
    return rest.replace("tại", " ").strip() == ""


def unique(entities: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for e in entities:
        if e not in out:
            out.append(e)
    return out


def entity_before_marker(ex: Extraction, cleaned: Cleaned, marker: int) -> Entity | None:
    """The organisation whose name the footnote marker at ``marker`` follows."""
    best = None
    for entity in ex.entities:
        if entity.type not in ("org", "intl"):
            continue
        for m in entity.mentions:
            gap = cleaned.text[m.end:marker]
            if m.end <= marker and len(gap) <= 8 and not gap.strip(" )"):
                best = entity
    return best


def footnote_after(cleaned: Cleaned, c: Clause, at: int) -> str:
    for note in cleaned.footnotes.values():
        if any(at <= marker < c.end + 8 for marker in note.markers):
            return cleaned.text[note.start:note.end]
    return ""


def phrase(c: Clause, i: int) -> str:
    words = []
    for t in c.s.tokens[i:c.b]:
        if t.text in (",", ";", "(", "–", "-", ".") or len(words) >= 12:
            break
        words.append(t)
    return c.text[words[0].start:words[-1].end] if words else ""


def absorb(fact: Fact, new: Fact) -> None:
    """Add the evidence of ``new`` (a repeated statement) to ``fact``."""
    for span, quote in zip(new.evidence, new.quotes):
        if span not in fact.evidence:
            fact.evidence.append(span)
            fact.quotes.append(quote)
