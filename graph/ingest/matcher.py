"""Find known names (countries, places, international bodies, gazetteer labels) in tokens.

Names are stored as tuples of folded tokens and looked up longest first, so "Cộng hòa Dân
chủ Đức" wins over "Đức". A match must open with a capital letter (or be an acronym):
"Lào" is the country, "lao động" is not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.ingest import lexicon
from graph.ingest.clean import fold

__all__ = ["Match", "PhraseMatcher", "name_tokens"]

_TOKEN = re.compile(r"\w+|[^\w\s]")


def name_tokens(name: str) -> tuple[str, ...]:
    """The folded tokens of a name, as the matcher compares them.

    >>> name_tokens("Xanh-pê-tec-bua")
    ('xanh', '-', 'pê', '-', 'tec', '-', 'bua')
    """
    return tuple(_TOKEN.findall(fold(name)))


@dataclass(frozen=True)
class Match:
    length: int  # in tokens
    type: str  # "country", "place", "intl", or an entity type from the gazetteer
    value: Any  # ISO code, preferred name, or gazetteer payload


class PhraseMatcher:
    """Longest-first lookup of multi-token names."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], Match]] = defaultdict(dict)
        self._longest = 1

    def add(self, name: str, type_: str, value: Any, *, replace: bool = False) -> None:
        tokens = name_tokens(name)
        if not tokens:
            return
        table = self._by_first[tokens[0]]
        if replace or tokens not in table:
            table[tokens] = Match(len(tokens), type_, value)
        self._longest = max(self._longest, len(tokens))

    def match(self, keys: list[str], i: int, *, types: set[str] | None = None) -> Match | None:
        """The longest name starting at ``keys[i]`` (of one of ``types``, if given)."""
        table = self._by_first.get(keys[i])
        if not table:
            return None
        for n in range(min(self._longest, len(keys) - i), 0, -1):
            found = table.get(tuple(keys[i:i + n]))
            if found is not None and (types is None or found.type in types):
                return found
        return None

    @classmethod
    def builtin(cls) -> "PhraseMatcher":
        """Countries, places and international bodies from :mod:`graph.ingest.lexicon`."""
        matcher = cls()
        for key, (abbreviation, name) in lexicon.international().items():
            matcher.add(key, "intl", (abbreviation, name))
        for key, name in lexicon.places().items():
            matcher.add(key, "place" if name else "region", name)
        for key, (code, name) in lexicon.countries().items():
            matcher.add(key, "country", (code, name), replace=True)
        return matcher
