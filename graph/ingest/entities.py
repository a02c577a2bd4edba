"""Recognise the names in one sentence: a small grammar over syllable tokens.

* **legal documents** by their number ("Nghị định số 26/2024/NĐ-CP", "Kết luận số 73-KL/TW");
* **countries, places, international bodies** and gazetteer names from a phrase lexicon;
* **organisations**: a head word ("Bộ", "Cục", "Cơ quan", "Đại sứ quán" …) then a body of
  capitalised syllables, acronyms and the lower-case words names hold ("dân sự", "tối cao"),
  up to a country name ("Bộ Tư pháp Lào"), with "và" kept only when it leads to a country
  ("Bộ Tư pháp và bảo vệ người tiêu dùng Liên bang Đức"), "tại" only for embassies;
  "Bộ, ngành Tư pháp" and "các Sở Tư pháp" are not names;
* **events and forums**: an event head ("Hội nghị", "Phiên họp", "Diễn đàn", "Lễ Kỷ niệm" …)
  and its name, stopping before the edition, the year and the place;
* **persons**: a surname and given names ("Nguyễn Thắng Lợi"), or Latin names after a title
  ("Quyền Giám đốc … Vladimir Voronin");
* **places** after "tại" that no lexicon knows; **acronyms** defined as "Name (ABBR)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.ingest import lexicon
from graph.ingest.matcher import PhraseMatcher, name_tokens
from graph.ingest.model import Mention
from graph.ingest.sentences import Sentence, Token

__all__ = ["DocState", "recognise"]

_LEGAL = re.compile(
    r"\b(Nghị định|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Thông tư liên tịch|Thông tư|Luật|"
    r"Pháp lệnh|Quy định|Hướng dẫn|Công văn|Thông báo|Kế hoạch)\s+(?:số\s+)?"
    r"(\d+[\w.\-]*/[\w/.\-]*[\w])(?:\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4}))?"
)
LEGAL_KINDS = {"nghị định": "kind-decree", "chỉ thị": "kind-directive", "kết luận": "kind-conclusion",
               "nghị quyết": "kind-resolution"}
_PLURAL = {"các", "những", "một số", "nhiều", "mọi", "hai", "2", "02", "04", "ba", "bốn", "03"}
_EMBASSY = {"đại sứ quán", "tổng lãnh sự quán", "lãnh sự quán"}
_JOINT = ("hỗn hợp",)
_LOWER_BODY = {"nhóm", "ủy ban", "hội đồng", "tổ công tác", "trung tâm", "ban", "tòa án", "viện kiểm sát"}
_DASH = {"-", "–", "—"}
_NOT_GIVEN_NAME = {"luật", "pháp", "bộ", "cục", "vụ", "viện", "sở", "ban", "hội", "tòa", "án", "đảng",
                   "chính", "phủ", "quốc", "hợp", "tác", "kiểm", "sát", "thi", "hành", "quản", "lý"}
_EVENT_WORDS = lexicon.NAME_WORDS | {"trưởng", "chức", "các", "nước", "đặc", "biệt", "năm"}
_ORG_HEADS = {tuple(k.split()): v for k, v in lexicon.ORG_HEADS.items()}
_EVENT_HEADS = {tuple(k.split()): v for k, v in lexicon.EVENT_HEADS.items()}
_TITLES = {tuple(name_tokens(t)) for t in lexicon.TITLES}
_HONORIFICS = {tuple(name_tokens(t)) for t in lexicon.HONORIFICS}


@dataclass
class DocState:
    """What one sentence leaves for the next: acronyms defined so far."""

    matcher: PhraseMatcher
    acronyms: dict[str, Mention] = field(default_factory=dict)  # folded ABBR -> defining mention
    expansions: dict[str, str] = field(default_factory=dict)  # folded ABBR -> folded words


def _longest(table: dict[tuple[str, ...], str], keys: list[str], i: int) -> tuple[int, str]:
    for n in (4, 3, 2, 1):
        value = table.get(tuple(keys[i:i + n]))
        if value is not None and i + n <= len(keys):
            return n, value
    return 0, ""


class _Reader:
    """The grammar, over one sentence."""

    def __init__(self, sentence: Sentence, text: str, state: DocState) -> None:
        self.s, self.text, self.state = sentence, text, state
        self.t: list[Token] = sentence.tokens
        self.k = sentence.keys
        self.n = len(self.t)

    # ---------------------------------------------------------------- helpers
    def mention(self, i: int, j: int, type_: str, **attrs) -> Mention:
        start, end = self.t[i].start, self.t[j - 1].end
        return Mention(start, end, type_, self.text[start:end], self.s.index,
                       {"tokens": (i, j), **attrs})

    def known(self, i: int, types: set[str]) -> int:
        """Length of a known country/place name at ``i`` (capitalised), else 0."""
        if i >= self.n:
            return 0
        if self.k[i] == "nước" and i + 1 < self.n:
            inner = self.known(i + 1, types)
            return inner + 1 if inner else 0
        if not (self.t[i].cap or self.t[i].acronym):
            return 0
        found = self.state.matcher.match(self.k, i, types=types)
        if not found:
            return 0
        after = i + found.length
        if found.type == "country" and after < self.n and self.k[after] in lexicon.COUNTRY_NOT_BEFORE:
            return 0
        return found.length

    def country(self, i: int) -> int:
        return self.known(i, {"country"})

    def place(self, i: int) -> int:
        return self.known(i, {"country", "place", "region"})

    def plural_before(self, i: int) -> bool:
        before = " ".join(self.k[max(0, i - 2):i])
        return any(before.endswith(p) for p in _PLURAL)

    def person_len(self, i: int) -> int:
        """Length of a Vietnamese name (surname + 1–4 capitalised syllables) at ``i``."""
        if i >= self.n or not self.t[i].cap or self.k[i] not in lexicon.SURNAMES or self.place(i):
            return 0
        j = i + 1
        while (j < self.n and j - i < 5 and self.t[j].cap and self.t[j].word and not self.t[j].acronym
               and self.k[j] not in _NOT_GIVEN_NAME and not self.t[j].number and not self.place(j)):
            j += 1
        return j - i if j - i >= 2 else 0

    def latin_name_len(self, i: int) -> int:
        """Capitalised syllables without Vietnamese letters: a foreign name ("Vladimir Voronin",
        "Park Sung-min"), hyphenated parts included."""
        j, words = i, 0
        while (j < self.n and words < 4 and self.t[j].cap and not self.t[j].acronym and self.t[j].word
               and self.t[j].text.isascii() and not self.place(j)):
            j += 1
            words += 1
            while (j + 1 < self.n and self.k[j] == "-" and self.t[j + 1].word and self.t[j + 1].text.isascii()
                   and self.t[j].start == self.t[j - 1].end):
                j += 2
        return j - i if words >= 2 else 0

    def lower_run(self, i: int, words: frozenset[str]) -> int:
        j = i
        while j < self.n and self.t[j].word and not self.t[j].cap and self.k[j] in words:
            j += 1
        return j

    def trim(self, last_strong: int, end: int, start: int) -> int:
        """Keep the lower-case words after the last capitalised one only up to a known tail.

        The syllable right after a capitalised one completes its word ("Tư pháp", "Chính
        phủ", "Nội vụ"), so it stays when nothing longer does.
        """
        for m in range(end, last_strong, -1):
            for size in (3, 2, 1):
                if m - size >= max(start, last_strong - 1) and " ".join(self.k[m - size:m]) in lexicon.NAME_TAILS:
                    return m
        if last_strong > start and end > last_strong and self.t[last_strong - 1].cap \
                and not self.t[last_strong - 1].acronym:
            return last_strong + 1
        return last_strong

    # ---------------------------------------------------------------- grammar
    def organisation(self, i: int) -> Mention | None:
        if not self.t[i].cap:
            return None
        size, kind = _longest(_ORG_HEADS, self.k, i)
        if not size:
            return None
        head = " ".join(self.k[i:i + size])
        following = " ".join(self.k[i:i + size + 2])
        if i + size < self.n and not self.t[i + size].cap and any(
                following == x or following.startswith(x + " ") for x in lexicon.NOT_A_NAME):
            return None  # "Bộ trưởng", "Hội nghị", "ban hành" (but "Bộ Luật pháp và Nhân quyền …" is a name)
        if self.plural_before(i):
            return None
        j = k = last = i + size
        unit_of = None
        while k < self.n:
            tok = self.t[k]
            c = self.place(k)
            if c:
                k = last = k + c
                if k + 1 < self.n and self.k[k] in _DASH and self.place(k + 1):
                    k += 1
                    continue
                if k < self.n and self.k[k] == "tại" and head in _EMBASSY and self.place(k + 1):
                    k = last = k + 1 + self.place(k + 1)
                if self.k[k:k + 1] == ["về"] and any(w in self.k[i:k] for w in ("hỗn",)):
                    m = self.lower_run(k + 1, lexicon.NAME_WORDS | {"các", "vấn", "đề"})
                    if m - k > 2:
                        k = last = m
                break
            if k > j and self.person_len(k):
                break
            if tok.acronym or (tok.cap and tok.word):
                k = last = k + 1
                continue
            if tok.word and self.k[k] in lexicon.NAME_WORDS:
                k += 1
                continue
            if self.k[k] == "và" and k + 1 < self.n and not _longest(_ORG_HEADS, self.k, k + 1)[0]:
                # "Bộ Tư pháp và bảo vệ người tiêu dùng Liên bang Đức", "Bộ Luật pháp và Nhân
                # quyền Indonesia": "và" inside a name always leads on to the country
                m = k + 1
                while m < self.n and m - k < 8 and self.t[m].word and not self.country(m) and (
                        self.k[m] in lexicon.NAME_WORDS or (self.t[m].cap and not self.person_len(m))):
                    m += 1
                if m > k + 1 and self.country(m):
                    k = m
                    continue
            if self.k[k] == "tại" and head in _EMBASSY and self.place(k + 1):
                k = last = k + 1 + self.place(k + 1)
            elif self.k[k] == "của" and k + 1 < self.n and (self.t[k + 1].acronym or self.country(k + 1)):
                if self.t[k + 1].acronym:
                    unit_of = k + 1
                    k = last = k + 2
                else:
                    k = last = k + 1 + self.country(k + 1)
            break
        end = self.trim(last, k, j) if k > last else last
        if end == j:
            if head not in lexicon.STANDALONE_HEADS and not (head in _EMBASSY and end > i + size):
                return None
        elif last == j:
            # only lower-case words: a name only mid-sentence, after a head that allows it
            if i == 0 or end - j < 2 or head not in _LOWER_BODY:
                return None
        type_ = "series" if any(" ".join(self.k[j:end]).startswith(w) for w in _JOINT) else "org"
        attrs = {"head": head, "class": kind}
        if kind == "international":
            type_ = "intl" if type_ == "org" else type_
        if unit_of is not None:
            attrs["unit_of"] = self.t[unit_of].text
        return self.mention(i, end, type_, **attrs)

    def event(self, i: int) -> Mention | None:
        if not self.t[i].cap:
            return None
        size, kind = _longest(_EVENT_HEADS, self.k, i)
        if not size:
            return None
        j = k = last = i + size
        while k < self.n:
            tok = self.t[k]
            if self.k[k] == "năm" and k + 1 < self.n and self.t[k + 1].number and len(self.t[k + 1].text) == 4:
                break
            if tok.number and self.k[i + size - 1] == "niệm" and k + 1 < self.n and self.k[k + 1] == "năm":
                k = last = k + 2
                continue
            c = self.place(k)
            if c:
                k = last = k + c
                continue
            if tok.acronym or (tok.cap and tok.word):
                k = last = k + 1
                continue
            if self.k[k] in _DASH and k + 1 < self.n and (self.t[k + 1].cap or self.t[k + 1].acronym):
                k += 1
                continue
            if tok.word and not tok.cap and self.k[k] in _EVENT_WORDS:
                k += 1
                continue
            if self.k[k] == "và" and k + 1 < self.n and not self.t[k + 1].cap:
                m = self.lower_run(k + 1, _EVENT_WORDS)
                if m > k + 1 and m < self.n and self.t[m].cap:
                    k = m
                    continue
            break
        end = self.trim(last, k, j) if k > last else last
        if end > j and last == j and self.k[i:i + size] != ["diễn", "đàn"]:
            end = j  # "Hội nghị tư pháp các tỉnh …" with no name of its own: a generic mention
        return self.mention(i, end, "event", event_kind=kind, head=" ".join(self.k[i:i + size]),
                            plural=self.plural_before(i))

    def person(self, i: int) -> Mention | None:
        size = self.person_len(i)
        if size:
            return self.mention(i, i + size, "person")
        return None

    def title(self, i: int) -> int:
        for n in (4, 3, 2, 1):
            if tuple(self.k[i:i + n]) in _TITLES and self.t[i].cap:
                return n
        return 0

    def honorific(self, i: int) -> int:
        for n in (2, 1):
            if tuple(self.k[i:i + n]) in _HONORIFICS:
                return n
        return 0


def recognise(sentence: Sentence, text: str, state: DocState) -> list[Mention]:
    """The mentions of one sentence, without overlaps except known names inside longer ones."""
    r = _Reader(sentence, text, state)
    found: list[Mention] = []
    for match in _LEGAL.finditer(text, sentence.start, sentence.end):
        kind_word = match.group(1).lower()
        found.append(Mention(match.start(), match.end(2), "legal", text[match.start():match.end(2)],
                             sentence.index, {"number": match.group(2), "doc_kind": LEGAL_KINDS.get(kind_word),
                                              "kind_word": match.group(1), "date": match.group(3)}))
    legal_spans = [(m.start, m.end) for m in found]
    i = 0
    titles: list[tuple[int, int]] = []
    anchors: list[tuple[int, int]] = []  # honorifics: "ông", "bà", "ngài" before a name
    while i < r.n:
        tok = r.t[i]
        if any(s <= tok.start < e for s, e in legal_spans) or not tok.word:
            i += 1
            continue
        candidates = [c for c in (r.organisation(i), r.event(i), r.person(i)) if c]
        known = state.matcher.match(r.k, i) if (tok.cap or tok.acronym) else None
        if known and known.type in ("org", "series") and r.plural_before(i):
            known = None  # "giữa hai Bộ Tư pháp", "các Sở Tư pháp": not one named body
        if known and known.type != "region" and (known.type != "country" or r.country(i)):
            m = r.mention(i, i + known.length, known.type, value=known.value)
            candidates.append(m)
        if tok.acronym and r.k[i] in state.acronyms and not known:
            source = state.acronyms[r.k[i]]
            candidates.append(r.mention(i, i + 1, source.type, alias_of=source.name))
        size = r.title(i)
        if size and not (titles and titles[-1][1] > i):
            titles.append((i, i + size))
        elif r.honorific(i) and not (titles and titles[-1][1] > i):
            anchors.append((i, i + r.honorific(i)))
        if candidates:
            found.extend(candidates)
        i += 1
    # "tại X": a capitalised run no lexicon knows is a place
    for i, key in enumerate(r.k[:-1]):
        if key == "tại" and r.t[i + 1].cap and not r.place(i + 1):
            j = i + 1
            while j < r.n and r.t[j].cap and r.t[j].word and not r.t[j].acronym:
                j += 1
            if i + 1 < j <= i + 5 and not _longest(_ORG_HEADS, r.k, i + 1)[0] \
                    and not _longest(_EVENT_HEADS, r.k, i + 1)[0] and not r.person_len(i + 1):
                found.append(r.mention(i + 1, j, "place", via="tại"))
    # foreign names after a title (and its organisation, or the country it is of / posted to)
    for a, b in titles + anchors:
        k = b
        org = next((m for m in found if m.attrs.get("tokens", (0, 0))[0] == b and m.type in ("org", "intl")), None)
        if org:
            k = org.attrs["tokens"][1]
        while r.country(k) or (k < r.n and r.k[k] == "tại" and r.place(k + 1)):
            k += r.country(k) or 1 + r.place(k + 1)
        size = r.latin_name_len(k)
        if size:
            found.append(r.mention(k, k + size, "person", foreign=True))
    mentions = _resolve(found)
    _define_acronyms(r, mentions, state)
    for m in mentions:
        m.attrs["titles"] = titles
    return mentions


_NESTABLE = {"country", "intl"}
_PRIORITY = {"legal": 0, "person": 1, "intl": 2, "series": 3, "org": 3, "event": 4, "place": 5, "country": 6}


def _resolve(found: list[Mention]) -> list[Mention]:
    """Longest mention wins; lexicon names may sit inside a longer organisation or event."""
    found.sort(key=lambda m: (-(m.end - m.start), _PRIORITY.get(m.type, 9), m.start))
    kept: list[Mention] = []
    for m in found:
        clash = False
        for other in kept:
            if m.start < other.end and other.start < m.end:
                inside = other.start <= m.start and m.end <= other.end
                if inside and m.type in _NESTABLE and other.type not in ("person", "legal", m.type) \
                        and (m.start, m.end) != (other.start, other.end):
                    continue
                clash = True
                break
        if not clash:
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, -m.end))


def _define_acronyms(r: _Reader, mentions: list[Mention], state: DocState) -> None:
    """"Name (ABBR)": the abbreviation becomes an alias of the name before it."""
    for i in range(1, r.n - 2):
        if r.k[i] != "(" or r.k[i + 2] != ")" or not r.t[i + 1].acronym:
            continue
        abbr, abbr_key = r.t[i + 1].text, r.k[i + 1]
        before = r.t[i - 1].end
        owner = next((m for m in mentions if m.end == before and m.type != "country"), None)
        if owner is not None:
            owner.attrs.setdefault("aliases", []).append(abbr)
            state.acronyms.setdefault(abbr_key, owner)
            continue
        # "thi hành án dân sự (THADS)": remember the words for names that use the acronym
        letters = [c.lower() for c in abbr if c.isalpha()]
        for size in range(len(letters), 1, -1):
            words = r.k[i - size:i]
            if len(words) == size and [w[0] for w in words] == [
                    "d" if c == "d" and w.startswith("đ") else c for c, w in zip(letters, words)]:
                state.expansions[abbr_key] = " ".join(words)
                break
            if len(words) == size and [_base(w[0]) for w in words] == letters:
                state.expansions[abbr_key] = " ".join(words)
                break


def _base(c: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", c.replace("đ", "d"))[0]
