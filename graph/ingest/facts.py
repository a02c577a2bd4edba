"""State the facts of an article from its sentences, mentions and dates.

Rules work clause by clause (a sentence split at ";"), each anchored on a trigger:

* **agreements** — an agreement noun ("Hiệp định", "Bản ghi nhớ", "Chương trình hợp tác" …)
  with a signing verb or "giữa A và B"; parties from "giữa …", "với …", the clause's
  bodies, or a plural reference ("giữa hai Bộ Tư pháp" = the article's own ministry and
  its counterpart); a back-reference ("Biên bản ghi nhớ này") adds evidence to the
  agreement already found instead of minting another;
* **events** — an event name followed by its edition ("lần thứ 3"), date and place, and
  bare editions in footnotes ("lần thứ 4 năm 2018 tại Viêng Chăn") attached to the series
  named before them; planned when the clause says so ("chuẩn bị tổ chức");
* **visits** — "thăm và làm việc", "sang thăm", "chương trình làm việc với": visitor, host,
  head of delegation, inviter, dates;
* **memberships** — "trở thành thành viên" (the organisation is the one the footnote
  marker follows), "tham gia vị trí thành viên X";
* **projects** — "Dự án …" with "hỗ trợ/dành cho" (beneficiary) and "của" (funder);
* **posts** — a title with a person ("Cục trưởng … Nguyễn Thắng Lợi", "Đại sứ Đặng Minh Khôi");
* **legal documents** — number, kind, date, issuer ("X ban hành"), and which one replaces
  which ("(thay thế Nghị định số …)").
"""

from __future__ import annotations

from graph.ingest import lexicon
from graph.ingest.clauses import (
    Clause, absorb, adjacent, adjacent_at, entity_before_marker, event_kind, footnote_after, match_table,
    only_places, ordinal, phrase, preceded_by, split_clauses, unique,
)
from graph.ingest.clean import Cleaned, fold
from graph.ingest.model import Entity, Extraction, Fact, Mention
from graph.ingest.sentences import Sentence

__all__ = ["extract"]

_SIGN = ("ký", "ký kết", "tiến hành ký")
_BACK = {"này", "đó", "trên"}
_PLANNED = ("chuẩn bị", "sẽ", "dự kiến", "kế hoạch tổ chức")
_VISIT = ("thăm và làm việc", "sang thăm", "đến thăm", "chuyến thăm", "chương trình làm việc với",
          "thăm chính thức", "chuyến công tác", "tiếp và làm việc", "đã tiếp", "tiếp đoàn")
_RECEIVE = ("tiếp và làm việc", "đã tiếp", "tiếp đoàn", "đón")
_QUOTE_WORDS = 25


class _Builder:
    def __init__(self, ex: Extraction, cleaned: Cleaned, base: str) -> None:
        from graph.ingest.extract import author

        self.ex, self.cleaned, self.base = ex, cleaned, base
        self.facts: list[Fact] = []
        self.author = author(ex.entities)
        self.last_series: Entity | None = None
        self.last_visitor: Entity | None = None

    # ------------------------------------------------------------ evidence
    def evidence(self, fact: Fact, clause: Clause, lo: int, hi: int) -> None:
        s = clause.s
        span = (s.start, s.end)
        if span in fact.evidence:
            return
        lo, hi = max(lo, s.start), min(max(hi, lo + 1), s.end)
        words = [t for t in s.tokens if t.word and lo <= t.start < hi] or [t for t in s.tokens if t.word]
        words = words[:_QUOTE_WORDS]
        fact.evidence.append(span)
        fact.quotes.append((words[0].start, words[-1].end))

    def add(self, fact: Fact) -> Fact:
        self.facts.append(fact)
        return fact

    # ------------------------------------------------------------ agreements
    def agreements(self, c: Clause) -> None:
        for i in range(c.a, c.b):
            kind, size = match_table(c.s.keys, i, lexicon.AGREEMENT_KINDS)
            if not kind or (i > c.a and c.s.keys[i - 1] in ("số",)):
                continue
            before = c.s.keys[max(c.a, i - 2):i]
            if any(w in ("các", "những", "nhiều", "mọi") or w.isdigit() for w in before):
                return  # "132 văn kiện", "nhiều thỏa thuận": a count, not one agreement
            at = c.tok(i)
            after_trigger = c.s.keys[i + size:i + size + 4]
            back = any(w in _BACK for w in after_trigger[:3])
            signed = any(c.has(v) >= 0 for v in _SIGN) and c.has("chưa") < 0
            between = c.has("giữa", i + size)
            parties = self._parties(c, i + size, between)
            if back or (not signed and between < 0) or not parties:
                self._attach_agreement(c, at, parties)
                return
            fact = Fact("agreement", values={"kind": kind})
            fact.add("party", *parties)
            if len(fact.role("party")) == 1 and self.author and self.author not in fact.role("party"):
                fact.add("party", self.author)
            fact.add("signatory", *[m.entity for m in c.top if m.entity.type == "person"] if signed else [])
            single = [d for d in c.dates if not d.is_range]
            if single and not any(d.is_range for d in c.dates):
                fact.dates = single[0]
            place = self._place_after(c, "tại", i, 12)
            fact.add("signedAt", place)
            fact.confidence = 0.6 + 0.15 * (len(fact.role("party")) >= 2) + 0.1 * (fact.dates is not None) \
                + 0.1 * (between >= i)
            self.evidence(fact, c, min([at] + [m.start for m in c.top if m.entity in fact.role("party")]),
                          max([at + 20] + [m.end for m in c.top if m.entity in fact.role("party")]))
            merged = self._merge_agreement(fact)
            if merged is None and len(fact.role("party")) >= 2:
                self.add(fact)
            return

    def _parties(self, c: Clause, after: int, between: int) -> list[Entity]:
        if between >= 0:
            end = next((j for j in range(between + 1, c.b) if c.s.keys[j] in ("vào", "về", "ngày", "(", "tại",
                                                                              "nhằm", "dưới")), c.b)
            lo, hi = c.tok(between), c.tok(end) if end < c.b else c.end
            found = [m.entity for m in c.top if lo <= m.start < hi and m.entity.type in ("org", "intl")]
            if not found and c.s.keys[between + 1:between + 2] in (["hai"], ["2"]):
                found = self._two_sides(c, between)
            if found:
                return unique(found)
        with_ = next((j for j in range(after, c.b) if c.s.keys[j] == "với"), -1)
        if with_ >= 0:
            found = [m.entity for m in c.after(c.tok(with_), {"org", "intl"})][:1]
            if found:
                return found + ([self.author] if self.author and self.author not in found else [])
        return unique([m.entity for m in c.top if m.entity.type in ("org", "intl")])

    def _two_sides(self, c: Clause, between: int) -> list[Entity]:
        """"giữa hai Bộ Tư pháp": the article's own body and the counterpart it names."""
        head = c.s.keys[between + 2] if between + 2 < c.b else ""
        others = [m.entity for m in c.s_mentions if m.entity and m.entity.type == "org"
                  and m.entity is not self.author and fold(m.entity.name).split()[:1] == [head]]
        sides = ([self.author] if self.author else []) + others[:1]
        return sides if len(sides) == 2 else []

    def _attach_agreement(self, c: Clause, at: int, parties: list[Entity]) -> None:
        for fact in reversed(self.facts):
            if fact.kind == "agreement" and (not parties or set(parties) & set(fact.role("party"))):
                self.evidence(fact, c, at, at + 80)
                return

    def _merge_agreement(self, new: Fact) -> Fact | None:
        for fact in self.facts:
            if fact.kind != "agreement":
                continue
            a, b = set(fact.role("party")), set(new.role("party"))
            if not (a <= b or b <= a) or not a & b:
                continue
            if fact.dates and new.dates and fact.dates.begin != new.dates.begin:
                continue
            fact.add("party", *new.role("party"))
            fact.add("signatory", *new.role("signatory"))
            fact.dates = fact.dates or new.dates
            absorb(fact, new)
            fact.confidence = min(0.95, max(fact.confidence, new.confidence) + 0.05)
            return fact
        return None

    def _place_after(self, c: Clause, word: str, i: int, within: int) -> Entity | None:
        j = next((j for j in range(i, min(c.b, i + within)) if c.s.keys[j] == word), -1)
        if j < 0:
            return None
        found = c.after(c.tok(j), {"place", "country"}, c.tok(j + 2) + 1 if j + 2 < len(c.s.tokens) else None)
        return found[0].entity if found else None

    # ------------------------------------------------------------ events
    def events(self, c: Clause) -> None:
        named = [m for m in c.mentions if (m.entity is not None and m.entity.type == "series")
                 or (m.type == "event" and not m.attrs.get("plural"))]
        editions = [i for i in range(c.a, c.b - 2) if c.s.keys[i:i + 2] == ["lần", "thứ"]]
        anchors: list[tuple[int, Mention | None, int | None]] = []
        for i in editions:
            number = ordinal(c.s.keys[i + 2])
            if number:
                anchors.append((c.tok(i), None, number))
        for m in named:
            if not any(m.end <= at <= m.end + 2 for at, _, _ in anchors):
                anchors.append((m.start, m, None))
        anchors.sort(key=lambda a: a[0])
        for n, (at, mention, edition) in enumerate(anchors):
            limit = anchors[n + 1][0] if n + 1 < len(anchors) else c.end
            if mention is None:
                mention = next((m for m in reversed(named) if m.end <= at), None)
            series = mention.entity if mention is not None and mention.entity is not None \
                and mention.entity.type == "series" else None
            organiser = self._party_org_after(c, at, limit)
            if series is None and organiser is None and self.last_series is not None \
                    and self.last_series[1] == c.s.index:
                series = self.last_series[0]  # "Hội nghị lần thứ hai": the series just named
            if series is not None:
                self.last_series = (series, c.s.index)
            previous = anchors[n - 1][0] if n else c.start
            if mention is not None and edition:
                # "Ngày …, … tổ chức Hội nghị giao ban lần thứ hai": the name and the edition are one anchor
                previous = max([a for a, _, _ in anchors if a < mention.start], default=c.start)
            dates = [d for d in c.dates if at <= d.start < limit]
            planned = any(previous <= c.tok(j) < at for w in _PLANNED for j in [c.has(w, c.a)] if j >= 0)
            if not dates and edition and not planned:
                dates = [d for d in c.dates if previous <= d.end <= at and (mention is None or d.end <= mention.start
                                                                              or d.start >= mention.end)][-1:]
            if not dates and edition is None and not (mention is not None and mention.type == "event"
                                                      and mention.attrs.get("head", "").startswith("lễ")):
                continue
            if not dates and not planned and edition is None:
                continue
            fact = Fact("event")
            name = series.name if series is not None else mention.name if mention is not None else ""
            fact.values["kind"] = "kind-party-plenum" if organiser else event_kind(name, mention)
            if edition:
                fact.values["edition"] = edition
            if planned and not dates:
                fact.values["planned"] = True
            fact.dates = dates[0] if dates else None
            fact.add("superEvent", series)
            fact.add("organizer", organiser or None)
            if organiser is None:
                fact.add("organizer", *self._subjects(c, "tổ chức", at))
            if organiser is not None:
                name = f"{name} {organiser.name}"
            places = [m for m in c.top if at <= m.start < limit and m.entity.type in ("place", "country")
                      and preceded_by(c, m, ("tại", "ở"))]
            fact.add("location", *[m.entity for m in places[:1]])
            fact.values["name"] = name
            fact.confidence = 0.55 + 0.15 * bool(edition) + 0.15 * bool(dates) + 0.1 * bool(places)
            self.evidence(fact, c, at if mention is None else min(at, mention.start), limit)
            if not self._merge_event(fact):
                self.add(fact)

    def _subjects(self, c: Clause, verb: str, at: int) -> list[Entity]:
        """"A và B (đã) tổ chức <event>": the bodies before the verb organise it."""
        j = c.has(verb)
        if j < 0 or c.tok(j) > at or c.has("phối hợp") >= 0 and c.tok(c.has("phối hợp")) < c.tok(j) and \
                not c.before(c.tok(j), {"org"}):
            return []
        return [m.entity for m in c.before(c.tok(j), {"org", "intl"})][-2:]

    def _party_org_after(self, c: Clause, at: int, limit: int) -> Entity | None:
        """"Hội nghị lần thứ Sáu Ban Chấp hành Trung ương …": a plenum of a Party organ."""
        found = [m for m in c.top if at <= m.start < min(limit, at + 40) and m.entity.type == "org"
                 and m.entity.subtype == "party"]
        return found[0].entity if found else None

    def _merge_event(self, new: Fact) -> bool:
        for fact in self.facts:
            if fact.kind == new.kind and fact.values.get("name") == new.values.get("name") \
                    and fact.values.get("edition") == new.values.get("edition") \
                    and (fact.begin == new.begin or not new.dates) and new.values.get("name"):
                absorb(fact, new)
                return True
        return False

    # ------------------------------------------------------------ visits
    def visits(self, c: Clause) -> None:
        trigger = next((c.has(v) for v in _VISIT if c.has(v) >= 0), -1)
        if trigger < 0:
            return
        at = c.tok(trigger)
        fact = Fact("visit", values={"kind": "kind-official-visit" if c.has("chính thức") >= 0
                                     else "kind-working-visit"})
        delegation = c.has("đoàn công tác")
        visitor = None
        if delegation >= 0:
            found = c.after(c.tok(delegation), {"org"}, at)
            visitor = found[0].entity if found else None
        receive = next((c.has(v) for v in _RECEIVE if c.has(v) >= 0), -1)
        if receive >= 0:
            # "X đã tiếp Đoàn công tác của Y", "đón Y sang thăm": Y visits, X (or the author) hosts
            found = [m.entity for m in c.after(c.tok(receive), {"org"}) if m.entity.type == "org"]
            visitor = visitor or (found[0] if found else None)
            hosts = [m.entity for m in c.before(c.tok(receive), {"org"}) if m.entity is not visitor]
            fact.add("host", hosts[-1] if hosts else self.author)
        if visitor is None and (c.has("đoàn") >= 0 or c.has("cùng đoàn") >= 0):
            visitor = self.last_visitor
        if visitor is None:
            people = [m for m in c.before(at, {"person"})]
            visitor = self._affiliation(people[-1].entity) if people else None
        fact.add("visitor", visitor)
        hosts = [m.entity for m in c.after(at, {"org", "intl"}) if m.entity is not visitor]
        fact.add("host", *hosts[:1])
        invited = c.has("lời mời")
        if invited >= 0:
            found = c.after(c.tok(invited), {"org", "intl"})
            fact.add("invitedBy", *[m.entity for m in found[:1]])
            if not fact.role("host") and found:
                fact.add("host", found[0].entity)
        head = c.has("trưởng đoàn")
        if head >= 0:
            people = c.before(c.tok(head), {"person"})
            fact.add("headOfDelegation", *[m.entity for m in people[-1:]])
        places = [m.entity for m in c.after(at, {"country", "place"}) if preceded_by(c, m, ("tại",))]
        fact.add("location", *places[:1])
        fact.dates = min(c.dates, key=lambda d: abs(d.start - at)) if c.dates else None
        if not (fact.role("visitor") and (fact.role("host") or fact.dates)):
            return  # a heading ("Thăm và làm việc với …") repeats the visit the text tells
        if visitor is not None:
            self.last_visitor = visitor
        fact.confidence = 0.5 + 0.15 * bool(fact.role("visitor")) + 0.15 * bool(fact.role("host")) \
            + 0.1 * bool(fact.dates)
        self.evidence(fact, c, at - 60, at + 120)
        self.add(fact)

    def _affiliation(self, person: Entity) -> Entity | None:
        for fact in self.facts:
            if fact.kind == "post" and person in fact.role("heldBy") and fact.role("postIn"):
                return fact.role("postIn")[0]
        return None

    # ------------------------------------------------------------ memberships
    def memberships(self, c: Clause) -> None:
        trigger = max(c.has("trở thành thành viên"), c.has("vị trí thành viên"), c.has("gia nhập"))
        if trigger < 0:
            return
        at = c.tok(trigger)
        member = ([m.entity for m in c.before(at, {"country", "org"})][-1:]
                  or ([self.author] if self.author else []))
        organisation = [m.entity for m in c.after(at, {"org", "intl"})][:1]
        note = c.s.footnote
        if not organisation and note is not None and note.markers:
            owner = entity_before_marker(self.ex, self.cleaned, note.markers[0])
            organisation = [owner] if owner is not None else []
        if not organisation or not member or organisation[0] is member[0]:
            return
        fact = Fact("membership")
        fact.add("member", member[0])
        fact.add("organization", organisation[0])
        after_dates = [d for d in c.dates if d.start >= at]
        fact.dates = after_dates[0] if after_dates else None
        fact.confidence = 0.7 + 0.15 * bool(fact.dates)
        self.evidence(fact, c, max(c.start, at - 60), at + 120)
        self.add(fact)

    # ------------------------------------------------------------ projects
    def projects(self, c: Clause) -> None:
        trigger = c.has("dự án")
        if trigger < 0 or not c.s.tokens[trigger].cap:
            return
        if c.s.keys[max(c.a, trigger - 1)] in ("các", "những", "nhiều"):
            return
        at = c.tok(trigger)
        fact = Fact("project")
        for word in ("hỗ trợ", "dành cho", "cho"):
            j = c.has(word)
            if j >= 0 and c.tok(j) > at:
                fact.add("beneficiary", *[m.entity for m in c.after(c.tok(j), {"org", "country"})][:1])
        for j in range(trigger, c.b):
            if c.s.keys[j] == "của":
                found = c.after(c.tok(j), {"org", "intl", "country"}, c.tok(j + 1) + 1)
                fact.add("fundedBy", *[m.entity for m in found[:1]])
        if not fact.role("beneficiary") and not fact.role("fundedBy"):
            return
        footnote = footnote_after(self.cleaned, c, at)
        cue = (c.text[c.start:c.end] + " " + footnote).lower()
        status = ("status-pending-approval" if "trình phê duyệt" in cue and "thực hiện hiệu quả" not in cue
                  else "status-ongoing" if "thực hiện" in cue else "status-planned")
        fact.values["status"] = status
        fact.values["name"] = phrase(c, trigger)
        fact.confidence = 0.6 + 0.1 * bool(fact.role("beneficiary")) + 0.1 * bool(fact.role("fundedBy"))
        self.evidence(fact, c, at, at + 200)
        self.add(fact)

    # ------------------------------------------------------------ posts
    def posts(self, c: Clause) -> None:
        titles = c.mentions[0].attrs.get("titles", []) if c.mentions else []
        for a, b in titles:
            if not (c.a <= a < c.b):
                continue
            title = " ".join(t.text for t in c.s.tokens[a:b])
            if fold(title) in (fold("Trưởng đoàn"),):
                continue
            at = c.tok(a)
            nxt = [m for m in c.top if m.start >= c.s.tokens[b - 1].end and m.entity.type in
                   ("org", "intl", "person")][:2]
            org, person = None, None
            if nxt and nxt[0].entity.type in ("org", "intl") and adjacent_at(c, b, nxt[0]):
                org = nxt[0].entity
                person = nxt[1].entity if len(nxt) > 1 and nxt[1].entity.type == "person" \
                    and adjacent(c, nxt[0], nxt[1]) else None
            elif nxt and nxt[0].entity.type == "person" and (adjacent_at(c, b, nxt[0]) or only_places(
                    c, c.s.tokens[b - 1].end, nxt[0].start)):
                person = nxt[0].entity  # "Đại sứ Đặng Minh Khôi", "Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam"
            if person is None:
                prev = [m for m in c.top if m.end <= at and m.entity.type == "person"]
                if prev and c.text[prev[-1].end:at].strip() in (",", ""):
                    person = prev[-1].entity
            if person is None:
                continue
            if org is None:
                org = self._org_for_title(c, fold(title))
            fact = Fact("post", values={"title": title})
            fact.add("heldBy", person)
            fact.add("postIn", org)
            fact.confidence = 0.8 if org else 0.65
            self.evidence(fact, c, at, at + 120)
            if not any(f.kind == "post" and f.role("heldBy") == [person] and f.values["title"] == title
                       for f in self.facts):
                self.add(fact)

    def _org_for_title(self, c: Clause, title: str) -> Entity | None:
        heads = lexicon.TITLE_HEADS.get(title, ())
        candidates = [m.entity for m in c.top if m.entity.type == "org"
                      and m.entity.attrs.get("head") in heads]
        if candidates:
            return candidates[0]
        for entity in self.ex.entities:
            if entity.type == "org" and entity.attrs.get("head") in heads:
                return entity
        return None

    # ------------------------------------------------------------ legal documents
    def legal(self, c: Clause) -> None:
        docs = [m for m in c.top if m.entity.type == "legal"]
        for m in docs:
            following = [d for d in docs if d.start > m.end and d.entity is not m.entity]
            limit = following[0].start if following else min(c.end, m.end + 200)
            tail = c.text[m.end:limit]
            pair = None
            if following and "thay thế bởi" in tail:
                pair = (following[0], m)  # "A được thay thế bởi B": B replaces A
            elif following and ("thay thế" in tail[-20:] or "thay thế" in tail[:12]):
                pair = (m, following[0])  # "B (thay thế A)"
            if pair is not None:
                fact = Fact("repeals")
                fact.add("document", pair[0].entity)
                fact.add("repeals", pair[1].entity)
                fact.confidence = 0.9
                self.evidence(fact, c, min(m.start, pair[0].start), max(pair[0].end, pair[1].end))
                self.add(fact)
            issued = c.text[max(c.start, m.start - 20):m.start]
            if "ban hành" in issued and "passed_by" not in m.entity.attrs:
                orgs = [o.entity for o in c.top if o.end <= m.start and o.entity.type == "org"]
                if orgs:
                    m.entity.attrs["passed_by"] = orgs[-1]


def extract(ex: Extraction, cleaned: Cleaned, sentences: list[Sentence], per_sentence: list[list[Mention]],
            state, base: str) -> list[Fact]:
    """Every fact of the article, in text order."""
    builder = _Builder(ex, cleaned, base)
    for sentence, mentions in zip(sentences, per_sentence):
        for clause in split_clauses(sentence, mentions, ex.text):
            builder.posts(clause)
            builder.agreements(clause)
            builder.events(clause)
            builder.visits(clause)
            builder.memberships(clause)
            builder.projects(clause)
            builder.legal(clause)
    return builder.facts
