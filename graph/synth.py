"""Synthetic cooperation graphs of any size, for benchmarks: realistic in shape, deterministic.

:func:`generate` writes N-Quads shaped like the curated data of ``docs/model.md``, with the
real ontology terms: ministries, departments, courts, associations, universities and
international organisations in up to 249 countries (ISO 3166 via pycountry, Vietnamese names
from its translations), provinces as places, and — one named graph per synthetic source
document, ``…/graph/synth/{n}`` — agreements with 2–3 parties, events with editions of their
series, projects with funder and beneficiary, memberships and partnerships. Every fact has
its document (``prov:wasDerivedFrom``), a ``coop:Evidence`` span whose ``oa:start``/``oa:end``
index the document's (virtual) text, both ``@vi`` and ``@en`` labels, and the materialised
``coop:participant`` triples that ``graph/build.py`` would add. The gazetteer (organisations,
countries, places) is the graph ``…/graph/synth/entities``.

Participation is heavy-tailed, as in the real archive: the hub, MOJ Viet Nam
(``…/id/org/moj-vn``), takes part in about a third of all facts and so has thousands of
partners at a million triples; a few national ministries and international organisations are
secondary hubs; every organisation takes part in at least one fact when the graph is big enough.

The output is streamed document by document (memory grows with the number of entities, not
of triples) and is byte-for-byte the same for the same ``triples`` and ``seed`` (and the
same pycountry release, which supplies the names).

>>> import io
>>> out = io.BytesIO()
>>> summary = generate(out, triples=2_000, seed=1)
>>> abs(summary.triples - 2_000) <= 100, summary.hub
(True, 'https://w3id.org/coop/id/org/moj-vn')
"""

from __future__ import annotations

import gettext
import hashlib
import json
import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import accumulate
from typing import BinaryIO

import pycountry
from rdflib.namespace import RDF, XSD

from graph.errors import InvalidInput
from graph.vocab import BASE, COOP, DCTERMS, OA, ORG, PROV, SCHEMA, SKOS

__all__ = ["SYNTH_GRAPH_PREFIX", "ENTITIES_GRAPH", "HUB", "Summary", "generate"]

SYNTH_GRAPH_PREFIX = BASE + "graph/synth/"
ENTITIES_GRAPH = SYNTH_GRAPH_PREFIX + "entities"
HUB = BASE + "id/org/moj-vn"

# Countries that come first (so small graphs still hold the hub and its neighbours), with
# the names Vietnamese and English articles use rather than the ISO formal ones.
_FIRST = ("VN", "LA", "KH", "CN", "RU", "KR", "JP", "DE", "FR", "US", "AU", "TH", "CU", "GB")
_NAME_VI = {"VN": "Việt Nam", "LA": "Lào", "KH": "Campuchia", "RU": "Liên bang Nga", "US": "Hoa Kỳ",
            "KR": "Hàn Quốc", "KP": "Triều Tiên", "GB": "Vương quốc Anh", "CU": "Cu Ba"}
_NAME_EN = {"VN": "Viet Nam", "LA": "Lao PDR", "RU": "the Russian Federation", "KR": "the Republic of Korea",
            "US": "the United States", "GB": "the United Kingdom"}

_GOV, _JUD, _ASSOC, _EDU, _INTL = (COOP.GovernmentBody, COOP.JudicialBody, COOP.Association,
                                   COOP.EducationalInstitution, COOP.InternationalOrganization)
# (slug stem, class, Vietnamese, English, abbreviation); {vi}/{en} is the country or province.
_NATIONAL = (
    ("moj", _GOV, "Bộ Tư pháp {vi}", "Ministry of Justice of {en}", "BTP"),
    ("supreme-court", _JUD, "Tòa án tối cao {vi}", "Supreme Court of {en}", "TATC"),
    ("procuracy", _JUD, "Viện Kiểm sát tối cao {vi}", "Supreme Procuracy of {en}", "VKSTC"),
    ("mofa", _GOV, "Bộ Ngoại giao {vi}", "Ministry of Foreign Affairs of {en}", "BNG"),
    ("mps", _GOV, "Bộ Công an {vi}", "Ministry of Public Security of {en}", "BCA"),
    ("bar", _ASSOC, "Liên đoàn Luật sư {vi}", "Bar Federation of {en}", "LĐLS"),
    ("law-university", _EDU, "Trường Đại học Luật {vi}", "Law University of {en}", None),
    ("notaries", _ASSOC, "Hiệp hội Công chứng viên {vi}", "Association of Notaries of {en}", None),
)
# Units of each ministry of justice (org:subOrganizationOf it).
_MOJ_UNITS = (
    ("thads-dept", _GOV, "Cục Quản lý thi hành án dân sự {vi}", "Department of Civil Judgment Enforcement of {en}", "THADS"),
    ("icd", _GOV, "Vụ Hợp tác quốc tế, Bộ Tư pháp {vi}", "International Cooperation Department, Ministry of Justice of {en}", "HTQT"),
    ("legal-aid", _GOV, "Cục Trợ giúp pháp lý {vi}", "Legal Aid Department of {en}", "TGPL"),
    ("civil-status", _GOV, "Cục Hộ tịch, quốc tịch, chứng thực {vi}", "Department of Civil Status and Nationality of {en}", None),
    ("judicial-academy", _EDU, "Học viện Tư pháp {vi}", "Judicial Academy of {en}", None),
    ("legal-science", _GOV, "Viện Khoa học pháp lý {vi}", "Institute of Legal Science of {en}", None),
)
# Bodies of each province (schema:AdministrativeArea from ISO 3166-2).
_PROVINCIAL = (
    ("doj", _GOV, "Sở Tư pháp {vi}", "Department of Justice of {en}", None),
    ("court", _JUD, "Tòa án nhân dân {vi}", "People's Court of {en}", None),
    ("bar", _ASSOC, "Đoàn Luật sư {vi}", "Bar Association of {en}", None),
    ("thads", _GOV, "Cục Thi hành án dân sự {vi}", "Civil Judgment Enforcement Office of {en}", None),
)
_INTERNATIONAL = (  # (slug, Vietnamese, English, abbreviation)
    ("asean", "Hiệp hội các quốc gia Đông Nam Á", "Association of Southeast Asian Nations", "ASEAN"),
    ("hcch", "Hội nghị La Hay về tư pháp quốc tế", "Hague Conference on Private International Law", "HCCH"),
    ("undp", "Chương trình Phát triển Liên hợp quốc", "United Nations Development Programme", "UNDP"),
    ("idlo", "Tổ chức Phát triển Luật quốc tế", "International Development Law Organization", "IDLO"),
    ("unodc", "Văn phòng Liên hợp quốc về Ma túy và Tội phạm", "United Nations Office on Drugs and Crime", "UNODC"),
    ("eu", "Liên minh châu Âu", "European Union", "EU"),
    ("wb", "Ngân hàng Thế giới", "World Bank", "WB"),
    ("unicef", "Quỹ Nhi đồng Liên hợp quốc", "United Nations Children's Fund", "UNICEF"),
    ("adb", "Ngân hàng Phát triển châu Á", "Asian Development Bank", "ADB"),
    ("ifc", "Tổ chức Tài chính quốc tế", "International Finance Corporation", "IFC"),
    ("unidroit", "Viện Thống nhất tư pháp quốc tế", "International Institute for the Unification of Private Law", "UNIDROIT"),
    ("uncitral", "Ủy ban Liên hợp quốc về Luật Thương mại quốc tế", "United Nations Commission on International Trade Law", "UNCITRAL"),
    ("wipo", "Tổ chức Sở hữu trí tuệ thế giới", "World Intellectual Property Organization", "WIPO"),
    ("aalco", "Tổ chức Tư vấn pháp luật châu Á – châu Phi", "Asian-African Legal Consultative Organization", "AALCO"),
    ("ala", "Hiệp hội Luật các nước ASEAN", "ASEAN Law Association", "ALA"),
    ("iom", "Tổ chức Di cư quốc tế", "International Organization for Migration", "IOM"),
    ("unwomen", "Cơ quan Liên hợp quốc về Bình đẳng giới", "UN Women", "UN Women"),
    ("oecd", "Tổ chức Hợp tác và Phát triển kinh tế", "Organisation for Economic Co-operation and Development", "OECD"),
)
_THEMES = (("thi hành án dân sự", "civil judgment enforcement"), ("trợ giúp pháp lý", "legal aid"),
           ("tương trợ tư pháp", "mutual legal assistance"), ("hộ tịch", "civil status"),
           ("pháp luật kinh doanh", "business law"), ("hòa giải", "mediation"),
           ("xây dựng pháp luật", "law-making"), ("phổ biến pháp luật", "legal dissemination"))
_AGREEMENT_KINDS = (("kind-mou", "Bản ghi nhớ", "Memorandum of understanding"),
                    ("kind-agreement", "Hiệp định", "Agreement"),
                    ("kind-cooperation-programme", "Chương trình hợp tác", "Cooperation programme"),
                    ("kind-joint-statement", "Tuyên bố chung", "Joint statement"),
                    ("kind-cooperation-document", "Văn kiện hợp tác", "Cooperation document"))
_EVENT_KINDS = (("kind-working-session", "Buổi làm việc", "Working session"),
                ("kind-official-visit", "Chuyến thăm chính thức", "Official visit"),
                ("kind-working-visit", "Chuyến công tác", "Working visit"),
                ("kind-policy-dialogue", "Đối thoại chính sách", "Policy dialogue"),
                ("kind-signing-ceremony", "Lễ ký kết", "Signing ceremony"))
_SERIES_KINDS = ((COOP.Forum, "kind-forum-session", "Diễn đàn {a} về {theme}", "{a} Forum on {theme}"),
                 (COOP.Forum, "kind-joint-committee-session", "Ủy ban hỗn hợp {a} – {b} về {theme}",
                  "{a}–{b} Joint Committee on {theme}"),
                 (COOP.BorderConference, "kind-border-provinces-conference",
                  "Hội nghị tư pháp các tỉnh biên giới {a} – {b}", "Border Provinces Justice Conference {a}–{b}"))
_PARTNERSHIP_KINDS = ("kind-bilateral-cooperation", "kind-development-cooperation", "kind-coordination",
                      "kind-institutional-support")
_PROJECT_STATUS = ("status-planned", "status-ongoing", "status-ongoing", "status-completed", "status-completed")
# Share of each kind of fact, the hub's share of facts, and how skewed participation is.
_FACT_MIX = (("agreement", 25), ("event", 35), ("project", 10), ("membership", 10), ("partnership", 20))
_HUB_SHARE = 0.33
_SKEW = 1.1


@dataclass
class Summary:
    """What :func:`generate` wrote: sizes, and the IRIs a benchmark should query."""

    triples: int = 0
    graphs: int = 0
    documents: int = 0
    countries: int = 0
    organisations: int = 0
    places: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    hub: str = HUB
    typical: str = ""  # an organisation with the median number of facts
    seed: int = 0

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)


def _iri(value: object) -> str:
    return f"<{value}>"


def _text(value: str, lang: str | None = None) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def _typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{datatype}>'


_A, _PREF, _ALT = _iri(RDF.type), _iri(SKOS.prefLabel), _iri(SKOS.altLabel)
_ROLE = {name: _iri(term) for name, term in {
    "party": COOP.party, "partner": COOP.partner, "fundedBy": COOP.fundedBy,
    "implementedBy": COOP.implementedBy, "beneficiary": COOP.beneficiary, "focalPoint": COOP.focalPoint,
    "organizer": SCHEMA.organizer, "attendee": SCHEMA.attendee, "member": ORG.member,
    "organization": ORG.organization}.items()}
_PARTICIPANT = _iri(COOP.participant)
_PLACE_PROPERTIES = (_iri(COOP.signedAt), _iri(SCHEMA.location))


class _Out:
    """Quads of one named graph at a time, counted, written as UTF-8 N-Quads."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.lines, self.count, self.graphs, self.graph = stream, [], 0, 0, ""

    def open(self, graph: str) -> None:
        self.graph, self.lines = f" <{graph}> .\n", []

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o}{self.graph}")

    def close(self) -> None:
        self.stream.write("".join(self.lines).encode("utf-8"))
        self.count += len(self.lines)
        self.graphs += 1


@dataclass
class _Actor:
    iri: str
    vi: str
    en: str
    country: int  # index into the country list
    facts: int = 0


def _countries(limit: int) -> list[tuple[str, str, str, str]]:
    """(alpha-2, alpha-3, Vietnamese, English) for the first ``limit`` countries."""
    vi = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"], fallback=True)
    every = {c.alpha_2: c for c in pycountry.countries}
    order = list(_FIRST) + sorted(set(every) - set(_FIRST))
    result = []
    for code in order[:limit]:
        c = every[code]
        en = _NAME_EN.get(code, getattr(c, "common_name", c.name))
        result.append((code, c.alpha_3, _NAME_VI.get(code, vi.gettext(c.name)), en))
    return result


def generate(stream: BinaryIO, triples: int, seed: int = 0,
             progress: Callable[[str], None] | None = None) -> Summary:
    """Write about ``triples`` quads (±5% from 2,000 up) of a synthetic cooperation graph.

    Parameters
    ----------
    stream : binary file object
        Where the N-Quads go, written one document graph at a time.
    triples : int
        How many quads to write; the gazetteer grows with it.
    seed : int
        The same ``triples`` and ``seed`` give the same bytes.
    progress : callable, optional
        Called with a line of progress now and then.

    Returns
    -------
    Summary
        Counts, the hub and a typical organisation (for benchmarks to query).
    """
    if triples < 1:
        raise InvalidInput(f"--triples must be at least 1, not {triples}")
    return _Generator(stream, triples, seed, progress or (lambda message: None)).run()


class _Generator:
    """The state of one generation: the gazetteer, who takes part, the series so far."""

    def __init__(self, stream: BinaryIO, triples: int, seed: int, say: Callable[[str], None]) -> None:
        self.rng, self.out, self.target, self.say = random.Random(seed), _Out(stream), triples, say
        self.summary = Summary(seed=seed)
        self.actors: list[_Actor] = []
        self.places: list[tuple[str, str]] = []
        self.series: list[_Series] = []
        self.n_series = max(3, triples // 2500)

    def run(self) -> Summary:
        self.gazetteer()
        self.seating()
        doc = 0
        while self.out.count < self.target:
            doc += 1
            self.document(doc)
            if doc % 500 == 0:
                self.say(f"{doc:,} documents, {self.out.count:,} triples")
        s, actors = self.summary, self.actors
        s.triples, s.graphs, s.documents = self.out.count, self.out.graphs, doc
        counted = sorted((a.facts, i) for i, a in enumerate(actors)
                         if i >= s.countries and a.facts and i != self.hub)
        s.typical = actors[counted[len(counted) // 2][1]].iri[1:-1] if counted else HUB
        self.say(f"wrote {s.triples:,} triples in {s.graphs:,} graphs ({doc:,} documents)")
        return s

    # ------------------------------------------------------------------ the gazetteer

    def gazetteer(self) -> None:
        out, add = self.out, self.out.add
        countries = _countries(max(5, min(249, self.target // 400)))
        out.open(ENTITIES_GRAPH)
        for i, (code, alpha3, vi, en) in enumerate(countries):
            iri = _iri(f"{BASE}id/country/{code.lower()}")
            for p, o in ((_A, _iri(SCHEMA.Country)), (_PREF, _text(vi, "vi")), (_PREF, _text(en, "en")),
                         (_iri(COOP.iso3166Alpha2), _text(code)), (_iri(COOP.iso3166Alpha3), _text(alpha3))):
                add(iri, p, o)
            self.actors.append(_Actor(iri, vi, en, i))
        self.summary.countries = len(countries)
        # Provinces (ISO 3166-2) interleaved across countries: places, and homes of provincial bodies.
        by_country = [sorted(pycountry.subdivisions.get(country_code=c[0]) or [], key=lambda s: s.code)
                      for c in countries]
        provinces = [(i, subs[rank]) for rank in range(max(map(len, by_country)))
                     for i, subs in enumerate(by_country) if rank < len(subs)]
        for i, sub in provinces[:max(10, self.target // 400)]:
            iri = _iri(f"{BASE}id/place/{sub.code.lower()}")
            self.places.append((iri, sub.name))
            for p, o in ((_A, _iri(SCHEMA.AdministrativeArea)), (_PREF, _text(sub.name, "vi")),
                         (_PREF, _text(sub.name, "en")), (_iri(SCHEMA.containedInPlace), self.actors[i].iri)):
                add(iri, p, o)
        # Organisations in order of importance, so that small graphs keep the head of the list.
        plan = [(f"moj-{c[0].lower()}", *_NATIONAL[0][1:], i, None, c[2], c[3]) for i, c in enumerate(countries)]
        plan += [(slug, _INTL, vi, en, abbr, -1, None, "", "") for slug, vi, en, abbr in _INTERNATIONAL]
        for stem, cls, vi_t, en_t, abbr in _NATIONAL[1:] + _MOJ_UNITS:
            unit = stem in {u[0] for u in _MOJ_UNITS}
            plan += [(f"{stem}-{c[0].lower()}", cls, vi_t, en_t, abbr, i,
                      _iri(f"{BASE}id/org/moj-{c[0].lower()}") if unit else None, c[2], c[3])
                     for i, c in enumerate(countries)]
        plan += [(f"{stem}-{sub.code.lower()}", cls, vi_t, en_t, abbr, i, None, sub.name, sub.name)
                 for i, sub in provinces for stem, cls, vi_t, en_t, abbr in _PROVINCIAL]
        for slug, cls, vi_t, en_t, abbr, i, parent, vi, en in plan[:max(30, self.target // 55)]:
            iri = _iri(f"{BASE}id/org/{slug}")
            vi, en = vi_t.format(vi=vi), en_t.format(en=en)
            add(iri, _A, _iri(cls))
            add(iri, _PREF, _text(vi, "vi"))
            add(iri, _PREF, _text(en, "en"))
            if abbr:
                add(iri, _ALT, _text(f"{abbr} {countries[i][0]}" if i >= 0 else abbr))
            if i >= 0:
                add(iri, _iri(COOP.country), self.actors[i].iri)
            if parent:
                add(iri, _iri(ORG.subOrganizationOf), parent)
            self.actors.append(_Actor(iri, vi, en, i))
        out.close()
        self.summary.places = len(self.places)
        self.summary.organisations = len(self.actors) - len(countries)
        self.say(f"gazetteer: {len(countries)} countries, {len(self.places)} provinces, "
                 f"{self.summary.organisations:,} organisations")

    def seating(self) -> None:
        """Who takes part: the hub in a fixed share of facts, others by a Zipf law.

        Secondary hubs (the first countries' ministries, international organisations) head
        the ranking; the rest is shuffled. A first pass seats every organisation once.
        """
        n = self.summary.countries
        self.hub = next(i for i, a in enumerate(self.actors) if a.iri == _iri(HUB))
        others = [i for i in range(n, len(self.actors)) if i != self.hub]
        first = {_iri(f"{BASE}id/org/moj-{code.lower()}") for code in _FIRST}
        head = [i for i in others if self.actors[i].iri in first or self.actors[i].country < 0]
        tail = [i for i in others if i not in set(head)]
        self.rng.shuffle(tail)
        self.ranked = head + tail
        self.cumulative = list(accumulate(1.0 / (rank + 2) ** _SKEW for rank in range(len(self.ranked))))
        self.coverage = self.ranked[::-1]
        self.internationals = [i for i in others if self.actors[i].country < 0] or others

    def pick(self, exclude: list[int], pool: list[int] | None = None) -> int:
        rng = self.rng
        while True:
            if pool is not None:
                choice = rng.choice(pool)
            elif self.coverage:
                choice = self.coverage.pop()
            else:
                choice = self.ranked[bisect(self.cumulative, rng.random() * self.cumulative[-1])]
            if choice not in exclude:
                return choice

    def seats(self, count: int, with_hub: bool) -> list[int]:
        chosen = [self.hub] if with_hub else []
        while len(chosen) < count:
            chosen.append(self.pick(chosen))
        return chosen

    # ------------------------------------------------------------------ documents and facts

    def document(self, doc: int) -> None:
        """One synthetic article: its facts, its mentions, its metadata, in its own graph."""
        rng, out = self.rng, self.out
        doc_iri = _iri(f"{BASE}doc/synth-{doc:06d}")
        out.open(f"{SYNTH_GRAPH_PREFIX}{doc}")
        self.doc_iri, self.text, self.position = doc_iri, hashlib.sha256(), 0
        self.mentioned: dict[str, str] = {}  # IRI of each entity the article names -> a span
        year = rng.randint(1995, 2026)
        kinds, weights = zip(*_FACT_MIX)
        for n in range(rng.randint(6, 18)):
            kind = rng.choices(kinds, weights)[0]
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            fact = getattr(self, kind)(_When(year, month, day), rng.random() < _HUB_SHARE)
            self.emit(_iri(f"{BASE}id/{kind}/synth-{doc}-{n}"), fact)
            self.summary.facts[kind] = self.summary.facts.get(kind, 0) + 1
            if out.count + len(out.lines) >= self.target:
                break
        for iri, ev in self.mentioned.items():  # every entity the article names, with its span
            out.add(iri, _iri(COOP.mentionedIn), doc_iri)
            out.add(iri, _iri(COOP.evidence), ev)
        for p, o in ((_A, _iri(COOP.SourceDocument)),
                     (_PREF, _text(f"Tin hợp tác quốc tế số {doc} ({year})", "vi")),
                     (_PREF, _text(f"International cooperation news no. {doc} ({year})", "en")),
                     (_iri(DCTERMS.title), _text(f"Tin hợp tác quốc tế về pháp luật số {doc}", "vi")),
                     (_iri(DCTERMS.publisher), _iri(HUB)), (_iri(DCTERMS.language), _text("vi")),
                     (_iri(COOP.corpusFile), _text(f"synth-{doc:06d}.txt")),
                     (_iri(COOP.sha256), _text(self.text.hexdigest())),
                     (_iri(COOP.characterCount), _typed(self.position, XSD.integer))):
            out.add(doc_iri, p, o)
        out.close()

    def sentence(self, sentence: str) -> str:
        """Append ``sentence`` to the article's text; its coop:Evidence span."""
        start, end = self.position, self.position + len(sentence)
        iri = f"{self.doc_iri[:-1]}#c{start}-{end}>"
        for p, o in ((_A, _iri(COOP.Evidence)), (_iri(DCTERMS.source), self.doc_iri),
                     (_iri(OA.start), _typed(start, XSD.integer)), (_iri(OA.end), _typed(end, XSD.integer)),
                     (_iri(OA.exact), _text(" ".join(sentence.split()[:25]), "vi")),
                     (_iri(COOP.status), _iri(COOP["status-curated"]))):
            self.out.add(iri, p, o)
        self.text.update((sentence + "\n").encode("utf-8"))
        self.position = end + 1
        return iri

    def emit(self, iri: str, fact: "_Fact") -> None:
        """A fact's triples: type, labels, evidence, provenance, properties, roles, participants."""
        add, ev = self.out.add, self.sentence(fact.sentence)
        for p, o in ((_A, _iri(fact.cls)), (_PREF, _text(fact.vi, "vi")), (_PREF, _text(fact.en, "en")),
                     (_iri(COOP.evidence), ev), (_iri(PROV.wasDerivedFrom), self.doc_iri), *fact.props):
            add(iri, p, o)
        for i in dict.fromkeys(i for _, i in fact.roles):  # one coop:participant per actor
            add(iri, _PARTICIPANT, self.actors[i].iri)
            self.actors[i].facts += 1
            self.mentioned.setdefault(self.actors[i].iri, ev)
        for p, o in fact.props:
            if p in _PLACE_PROPERTIES:
                self.mentioned.setdefault(o, ev)
        for role, i in fact.roles:
            add(iri, _ROLE[role], self.actors[i].iri)

    def agreement(self, when: "_When", with_hub: bool) -> "_Fact":
        slug, k_vi, k_en = self.rng.choice(_AGREEMENT_KINDS)
        parties = self.seats(self.rng.choice((2, 2, 2, 3)), with_hub)
        place = self.rng.choice(self.places)
        vi, en = self.names(parties, "và"), self.names(parties, "and", "en")
        return _Fact(
            COOP.Agreement, f"{k_vi} giữa {vi} ({when.year})", f"{k_en} between {en} ({when.year})",
            f"Ngày {when.day}/{when.month}/{when.year}, tại {place[1]}, {vi} đã ký {k_vi.lower()} về "
            "hợp tác trong lĩnh vực pháp luật và tư pháp.",
            [(_iri(COOP.agreementKind), _iri(COOP[slug])), (_iri(COOP.dateSigned), _typed(when.date, XSD.date)),
             (_iri(COOP.signedAt), place[0])],
            [("party", i) for i in parties])

    def event(self, when: "_When", with_hub: bool) -> "_Fact":
        rng = self.rng
        props = []
        if rng.random() < 0.6:  # most events are editions of a series
            if len(self.series) < self.n_series and (not self.series or rng.random() < 0.3):
                self.new_series(with_hub)
            series = rng.choice(self.series)
            edition, series.editions = series.editions + 1, series.editions + 1
            organiser, kind = series.organiser, series.kind
            extra = [self.pick([organiser, *series.attendees]) for _ in range(rng.randint(0, 2))]
            attendees = list(dict.fromkeys(a for a in series.attendees + extra if a != organiser))
            vi, en = f"{series.vi} lần thứ {edition}", f"{_ordinal(edition)} session of {series.en}"
            props = [(_iri(SCHEMA.superEvent), series.iri), (_iri(COOP.edition), _typed(edition, XSD.integer))]
        else:
            kind, k_vi, k_en = rng.choice(_EVENT_KINDS)
            organiser, *attendees = self.seats(rng.randint(2, 4), with_hub)
            a, b = self.actors[organiser], self.actors[attendees[0]]
            vi, en = f"{k_vi} giữa {a.vi} và {b.vi} ({when.year})", f"{k_en}: {a.en} and {b.en} ({when.year})"
        place = rng.choice(self.places)
        end = f"{when.date[:8]}{min(28, when.day + rng.randint(0, 3)):02d}"
        props += [(_iri(COOP.eventKind), _iri(COOP[kind])), (_iri(SCHEMA.startDate), _typed(when.date, XSD.date)),
                  (_iri(SCHEMA.endDate), _typed(end, XSD.date)), (_iri(SCHEMA.location), place[0])]
        return _Fact(SCHEMA.Event, vi, en,
                     f"Từ ngày {when.day}/{when.month}/{when.year}, {vi} đã diễn ra tại {place[1]} "
                     f"với sự tham dự của {len(attendees) + 1} đoàn.",
                     props, [("organizer", organiser)] + [("attendee", i) for i in attendees])

    def new_series(self, with_hub: bool) -> None:
        """A forum, joint committee or border conference, stated by the current article."""
        cls, kind, vi_t, en_t = self.rng.choice(_SERIES_KINDS)
        who = self.seats(self.rng.randint(2, 4), with_hub)
        theme = self.rng.choice(_THEMES)
        a, b, number = self.actors[who[0]], self.actors[who[1]], len(self.series) + 1
        series = _Series(_iri(f"{BASE}id/series/synth-{number}"),
                         vi_t.format(a=a.vi, b=b.vi, theme=theme[0]) + f" ({number})",
                         en_t.format(a=a.en, b=b.en, theme=theme[1]) + f" ({number})", who[0], who[1:], kind)
        self.series.append(series)
        self.emit(series.iri, _Fact(cls, series.vi, series.en,
                                    f"{series.vi} do {a.vi} khởi xướng là cơ chế hợp tác thường niên.", [],
                                    [("organizer", who[0])] + [("attendee", i) for i in who[1:]]))

    def project(self, when: "_When", with_hub: bool) -> "_Fact":
        rng, year = self.rng, when.year
        funder = self.pick([self.hub], self.internationals) if rng.random() < 0.7 else self.pick([self.hub])
        beneficiaries = [b for b in self.seats(1 + (rng.random() < 0.3), with_hub) if b != funder]
        beneficiaries = beneficiaries or [self.pick([funder])]
        implementer = self.pick([funder, *beneficiaries])
        theme_vi, theme_en = rng.choice(_THEMES)
        f, b, m = self.actors[funder], self.actors[beneficiaries[0]], self.actors[implementer]
        return _Fact(
            COOP.Project, f"Dự án {theme_vi} do {f.vi} tài trợ cho {b.vi} ({year})",
            f"{theme_en.capitalize()} project funded by {f.en} for {b.en} ({year})",
            f"{f.vi} tài trợ dự án về {theme_vi} cho {b.vi} giai đoạn {year}-{year + 3}, do {m.vi} thực hiện.",
            [(_iri(COOP.projectStatus), _iri(COOP[rng.choice(_PROJECT_STATUS)])),
             (_iri(SCHEMA.startDate), _typed(year, XSD.gYear)), (_iri(SCHEMA.endDate), _typed(year + 3, XSD.gYear)),
             (_iri(SCHEMA.location), rng.choice(self.places)[0])],
            [("fundedBy", funder), ("implementedBy", implementer)] + [("beneficiary", i) for i in beneficiaries])

    def membership(self, when: "_When", with_hub: bool) -> "_Fact":
        rng = self.rng
        joined = self.pick([self.hub], self.internationals)
        if with_hub:
            member = self.hub
        elif rng.random() < 0.5:
            member = rng.randrange(self.summary.countries)
        else:
            member = self.pick([joined])
        roles = [("member", member), ("organization", joined)]
        if member < self.summary.countries and rng.random() < 0.5:
            roles.append(("focalPoint", self.pick([member, joined])))
        m, o = self.actors[member], self.actors[joined]
        return _Fact(ORG.Membership, f"{m.vi} là thành viên của {o.vi} (từ {when.year})",
                     f"{m.en}, member of {o.en} (since {when.year})",
                     f"Năm {when.year}, {m.vi} chính thức trở thành thành viên của {o.vi}.",
                     [(_iri(SCHEMA.startDate), _typed(when.year, XSD.gYear))], roles)

    def partnership(self, when: "_When", with_hub: bool) -> "_Fact":
        partners = self.seats(self.rng.choice((2, 2, 3)), with_hub)
        vi = self.names(partners, "và")
        return _Fact(
            COOP.Partnership, f"Quan hệ hợp tác giữa {vi}",
            f"Cooperation between {self.names(partners, 'and', 'en')}",
            f"Trong năm {when.year}, {vi} tiếp tục mở rộng quan hệ hợp tác trong lĩnh vực tư pháp.",
            [(_iri(COOP.partnershipKind), _iri(COOP[self.rng.choice(_PARTNERSHIP_KINDS)])),
             (_iri(SCHEMA.startDate), _typed(when.date[:7], XSD.gYearMonth))],
            [("partner", i) for i in partners])

    def names(self, seats: list[int], conjunction: str, lang: str = "vi") -> str:
        names = [getattr(self.actors[i], lang) for i in seats]
        return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


@dataclass(frozen=True)
class _When:
    year: int
    month: int
    day: int

    @property
    def date(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass
class _Fact:
    cls: str
    vi: str
    en: str
    sentence: str
    props: list[tuple[str, str]]
    roles: list[tuple[str, int]]


@dataclass
class _Series:
    iri: str
    vi: str
    en: str
    organiser: int
    attendees: list[int]
    kind: str
    editions: int = 0


def _ordinal(n: int) -> str:
    """English ordinal of ``n``.

    >>> [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
