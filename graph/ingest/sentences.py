"""Sentences and word tokens of a cleaned article, with offsets into the original text.

Sentence boundaries are those of :func:`graph.evidence.sentence_spans`, the splitter the
curated data is cited by, so an accepted extracted fact cites the same span a curator
would. It runs on the masked working text, so noise never ends up inside a sentence.
Tokens are syllables (``\\w+``) and single punctuation marks: Vietnamese writes one
syllable per space-separated word, and names are runs of capitalised syllables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from graph.evidence import sentence_spans
from graph.ingest.clean import Cleaned, Footnote

__all__ = ["Sentence", "Token", "split", "tokenize"]

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # folded (lower case, tone placement unified)

    @property
    def word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def cap(self) -> bool:
        """Opens with a capital letter (a name's syllable)."""
        return self.text[0].isupper()

    @property
    def acronym(self) -> bool:
        """"THADS", "HccH", "G7", "UNWOMEN": two or more letters, mostly capitals."""
        letters = [c for c in self.text if c.isalpha()]
        if len(letters) < 2 or not self.text[0].isupper():
            return False
        return sum(c.isupper() for c in letters) >= max(2, (len(letters) + 1) // 2)

    @property
    def number(self) -> bool:
        return self.text.isdigit()


@dataclass
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    footnote: Footnote | None = None  # set when the sentence is a footnote's text
    index: int = 0
    extra: dict = field(default_factory=dict)

    @cached_property
    def keys(self) -> list[str]:
        return [t.key for t in self.tokens]

    def find(self, words: str, start: int = 0) -> int:
        """Index of the first token run equal to ``words`` (folded, space-separated), or -1."""
        wanted = words.split()
        n = len(wanted)
        keys = self.keys
        for i in range(start, len(keys) - n + 1):
            if keys[i:i + n] == wanted:
                return i
        return -1


def tokenize(work: str, folded: str, start: int, end: int) -> list[Token]:
    """Tokens of ``work[start:end]``; ``folded`` is the same-length folded text."""
    return [
        Token(work[m.start():m.end()], m.start(), m.end(), folded[m.start():m.end()])
        for m in _TOKEN.finditer(work, start, end)
    ]


def split(cleaned: Cleaned, folded: str) -> list[Sentence]:
    """The sentences of the cleaned text; footnote sentences know their footnote."""
    sentences = []
    for start, end in sentence_spans(cleaned.work):
        tokens = tokenize(cleaned.work, folded, start, end)
        if not any(t.word for t in tokens):
            continue
        sentence = Sentence(start, end, tokens, cleaned.footnote_at(start), len(sentences))
        sentences.append(sentence)
    return sentences
