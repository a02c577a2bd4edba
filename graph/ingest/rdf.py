"""Write an extraction as RDF (the data model of docs/model.md) or as JSON lines.

Every fact gets ``coop:evidence`` spans (``…/doc/{id}#c{start}-{end}``: the quoted words,
at most 25, with ``oa:exact`` holding them and ``coop:status coop:status-extracted``),
``prov:wasDerivedFrom`` its document, ``coop:confidence`` and ``prov:wasGeneratedBy`` the
extraction run, which names the extractor and its version. Entities already in the graph
get only ``coop:mentionedIn`` and their evidence (their descriptions are curated
elsewhere); new entities get their classes, ``@vi`` label (the surface name) and aliases.

Terms the ontology does not declare yet (reported to the ontology): ``coop:confidence``,
``coop:status-rejected``, and from PROV-O ``prov:wasGeneratedBy``, ``prov:Activity``,
``prov:used``, ``prov:wasAssociatedWith``, ``prov:SoftwareAgent``, with
``schema:softwareVersion``.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from graph.ingest import lexicon
from graph.ingest.clean import fold
from graph.ingest.gazetteer import mint_iri
from graph.ingest.model import Entity, Extraction, Fact
from graph.vocab import COOP, DCTERMS, ELI, OA, ORG, PROV, SCHEMA, SKOS

__all__ = ["NEW", "fact_iri", "to_graph", "to_jsonl", "version_agent"]

#: coop: terms this module writes that ``ontology/coop.ttl`` does not declare yet.
NEW = COOP  # kept for callers; the terms are declared in the ontology now
CONFIDENCE = COOP.confidence
REJECTED = COOP["status-rejected"]

_ORG_CLASS = {"government": COOP.GovernmentBody, "judicial": COOP.JudicialBody, "party": COOP.PartyBody,
              "association": COOP.Association, "education": COOP.EducationalInstitution,
              "international": COOP.InternationalOrganization}
_FACT_KIND = {"agreement": "agreement", "event": "event", "visit": "event", "membership": "membership",
              "project": "project", "post": "post"}
_KIND_EN = {"kind-agreement": "Agreement", "kind-mou": "Memorandum of understanding",
            "kind-cooperation-programme": "Cooperation programme", "kind-joint-statement": "Joint statement",
            "kind-international-agreement": "International agreement",
            "kind-cooperation-document": "Cooperation document"}


def version_agent(base: str, version: str) -> URIRef:
    return URIRef(f"{base}software/coop-ingest/{version}")


def fact_iri(fact: Fact, doc_id: str, base: str) -> str:
    """A stable IRI: the same statement in the same document gets the same IRI on every run,
    so a decision taken in review survives re-ingesting the article."""
    parts = [fact.kind, fact.values.get("kind", ""), str(fact.values.get("edition", "")),
             fact.values.get("title", ""), fact.values.get("name", "")]
    for role in sorted(fact.args):
        parts.append(role + "=" + ",".join(sorted(e.key for e in fact.args[role])))
    if fact.dates:
        parts.append(fact.dates.begin.iso)
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:10]
    kind = _FACT_KIND[fact.kind]
    return f"{base}id/{kind}/{doc_id}-{kind}-{digest}"


def _date(value) -> Literal:
    return Literal(value.iso, datatype=URIRef(value.datatype_iri))


def _label(fact: Fact) -> tuple[str, str]:
    """Vietnamese and English labels of a fact, made of the names it involves."""
    names = lambda role: ", ".join(e.name for e in fact.role(role))  # noqa: E731
    year = f" ({fact.dates.begin.iso[:4]})" if fact.dates else ""
    if fact.kind == "agreement":
        vi = next((k for k, v in lexicon.AGREEMENT_KINDS.items() if v == fact.values["kind"]), "thỏa thuận")
        parties = " – ".join(e.name for e in fact.role("party"))
        return (f"{vi.capitalize()} giữa {parties}{year}", f"{_KIND_EN.get(fact.values['kind'], 'Agreement')}: "
                f"{parties}{year}")
    if fact.kind in ("event", "visit"):
        name = fact.values.get("name") or "Chuyến thăm và làm việc"
        if fact.kind == "visit":
            name = f"Chuyến thăm và làm việc của {names('visitor')} với {names('host')}" \
                if fact.role("host") else f"Chuyến công tác của {names('visitor')}"
        edition = f" lần thứ {fact.values['edition']}" if fact.values.get("edition") else ""
        english = "Visit" if fact.kind == "visit" else "Event"
        edition_en = f" no. {fact.values['edition']}" if edition else ""
        return f"{name}{edition}{year}", f"{english}{edition_en}: {name}{year}"
    if fact.kind == "membership":
        return (f"{names('member')} là thành viên {names('organization')}{year}",
                f"Membership of {names('member')} in {names('organization')}{year}")
    if fact.kind == "project":
        name = fact.values.get("name") or "Dự án"
        return name, f"Project: {name}"
    if fact.kind == "post":
        where = f", {names('postIn')}" if fact.role("postIn") else ""
        return f"{fact.values['title']}{where}", f"Post: {fact.values['title']}{where}"
    return fact.kind, fact.kind


class _Writer:
    def __init__(self, ex: Extraction, base: str, version: str) -> None:
        self.ex, self.base, self.version = ex, base, version
        self.g = Graph()
        for prefix, ns in (("coop", COOP._NS), ("org", ORG), ("schema", SCHEMA), ("prov", PROV), ("skos", SKOS),
                           ("dcterms", DCTERMS), ("eli", ELI), ("oa", OA), ("xsd", XSD)):
            self.g.bind(prefix, ns)
        self.doc = URIRef(f"{base}doc/{ex.doc_id}")
        self.run = URIRef(f"{base}doc/{ex.doc_id}#extraction")

    def evidence(self, start: int, end: int) -> URIRef:
        node = URIRef(f"{self.doc}#c{start}-{end}")
        g = self.g
        g.add((node, RDF.type, COOP.Evidence))
        g.add((node, DCTERMS.source, self.doc))
        g.add((node, OA.start, Literal(start)))
        g.add((node, OA.end, Literal(end)))
        g.add((node, OA.exact, Literal(self.ex.text[start:end], lang="vi")))
        g.add((node, COOP.status, COOP["status-extracted"]))
        return node

    def document(self) -> None:
        g, doc = self.g, self.doc
        g.add((doc, RDF.type, COOP.SourceDocument))
        g.add((doc, COOP.sha256, Literal(hashlib.sha256(self.ex.text.encode("utf-8")).hexdigest())))
        g.add((doc, COOP.characterCount, Literal(len(self.ex.text))))
        g.add((doc, DCTERMS.language, Literal("vi")))
        if self.ex.name:
            g.add((doc, COOP.corpusFile, Literal(self.ex.name.replace("\\", "/").rsplit("/", 1)[-1])))
        agent = version_agent(self.base, self.version)
        g.add((self.run, RDF.type, PROV.Activity))
        g.add((self.run, PROV.used, doc))
        g.add((self.run, PROV.wasAssociatedWith, agent))
        g.add((agent, RDF.type, PROV.SoftwareAgent))
        g.add((agent, SCHEMA.softwareVersion, Literal(self.version)))
        g.add((agent, RDFS.label, Literal(f"coop ingest {self.version}", lang="en")))

    def entity(self, e: Entity) -> None:
        g, node = self.g, URIRef(e.iri)
        first = e.mentions[0]
        g.add((node, COOP.mentionedIn, self.doc))
        g.add((node, COOP.evidence, self.evidence(first.start, first.end)))
        if e.linked:
            return
        for cls in self.classes(e):
            g.add((node, RDF.type, cls))
        g.add((node, SKOS.prefLabel, Literal(e.name, lang="vi")))
        for alias in sorted(e.aliases - {e.name}):
            g.add((node, SKOS.altLabel, Literal(alias, lang="vi")))
        if e.type == "country":
            g.add((node, COOP.iso3166Alpha2, Literal(e.subtype)))
        if e.type == "legal":
            self.legal(e, node)
        if e.type in ("org", "series"):
            code = next((w for w in e.key.split(":", 1)[1].split() if w.isupper() and len(w) == 2), "")
            country = self._country(code)
            if country is not None and e.type == "org":
                g.add((node, COOP.country, country))

    def _country(self, code: str) -> URIRef | None:
        for e in self.ex.entities:
            if e.type == "country" and e.subtype == code:
                return URIRef(e.iri)
        return URIRef(mint_iri("country", code, code, self.base)) if code else None

    def classes(self, e: Entity) -> list[URIRef]:
        if e.type == "org":
            return [ORG.FormalOrganization, _ORG_CLASS.get(e.subtype, COOP.GovernmentBody)]
        if e.type == "intl":
            return [ORG.FormalOrganization, COOP.InternationalOrganization]
        if e.type == "country":
            return [SCHEMA.Country]
        if e.type == "place":
            return [SCHEMA.AdministrativeArea if fold(e.name) in lexicon.province_names() else SCHEMA.City]
        if e.type == "person":
            return [SCHEMA.Person]
        if e.type == "series":
            name = fold(e.name)
            if "tỉnh có chung đường biên giới" in name:
                return [SCHEMA.EventSeries, COOP.Forum, COOP.BorderConference]
            return [SCHEMA.EventSeries, COOP.Forum]
        if e.type == "legal":
            return [ELI.LegalResource]
        return []

    def legal(self, e: Entity, node: URIRef) -> None:
        g = self.g
        g.add((node, ELI.id_local, Literal(e.attrs["number"])))
        if e.attrs.get("doc_kind"):
            g.add((node, ELI.type_document, COOP[e.attrs["doc_kind"]]))
        if e.attrs.get("date"):
            day, month, year = (int(x) for x in e.attrs["date"].split("/"))
            g.add((node, ELI.date_document, Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=XSD.date)))
        if e.attrs.get("passed_by") is not None:
            g.add((node, ELI.passed_by, URIRef(e.attrs["passed_by"].iri)))
        g.add((node, PROV.wasDerivedFrom, self.doc))

    def fact(self, f: Fact) -> None:
        g = self.g
        if f.kind == "repeals":
            doc, old = f.role("document"), f.role("repeals")
            if doc and old:
                g.add((URIRef(doc[0].iri), ELI.repeals, URIRef(old[0].iri)))
                for start, end in f.quotes:
                    g.add((URIRef(doc[0].iri), COOP.evidence, self.evidence(start, end)))
            return
        node = URIRef(f.iri)
        vi, en = _label(f)
        f.label = vi
        g.add((node, SKOS.prefLabel, Literal(vi, lang="vi")))
        g.add((node, SKOS.prefLabel, Literal(en, lang="en")))
        g.add((node, PROV.wasDerivedFrom, self.doc))
        g.add((node, PROV.wasGeneratedBy, self.run))
        g.add((node, CONFIDENCE, Literal(Decimal(f"{f.confidence:.2f}"), datatype=XSD.decimal)))
        for start, end in f.quotes:
            g.add((node, COOP.evidence, self.evidence(start, end)))
        roles = _ROLES[f.kind]
        for role, entities in f.args.items():
            for e in entities:
                g.add((node, roles[role], URIRef(e.iri)))
        if f.kind == "agreement":
            g.add((node, RDF.type, COOP.Agreement))
            g.add((node, COOP.agreementKind, COOP[f.values["kind"]]))
            if f.dates and not f.dates.is_range:
                g.add((node, COOP.dateSigned, _date(f.dates.begin)))
        elif f.kind in ("event", "visit"):
            g.add((node, RDF.type, SCHEMA.Event))
            g.add((node, COOP.eventKind, COOP[f.values["kind"]]))
            if f.values.get("edition"):
                g.add((node, COOP.edition, Literal(f.values["edition"])))
            if f.values.get("planned"):
                g.add((node, SCHEMA.eventStatus, SCHEMA.EventScheduled))
            self.dates(node, f)
        elif f.kind == "membership":
            g.add((node, RDF.type, ORG.Membership))
            self.dates(node, f)
        elif f.kind == "project":
            g.add((node, RDF.type, COOP.Project))
            g.add((node, COOP.projectStatus, COOP[f.values["status"]]))
        elif f.kind == "post":
            g.add((node, RDF.type, ORG.Post))

    def dates(self, node: URIRef, f: Fact) -> None:
        if f.dates:
            self.g.add((node, SCHEMA.startDate, _date(f.dates.begin)))
            if f.dates.until:
                self.g.add((node, SCHEMA.endDate, _date(f.dates.until)))


_ROLES = {
    "agreement": {"party": COOP.party, "signatory": COOP.signatory, "signedAt": COOP.signedAt},
    "event": {"superEvent": SCHEMA.superEvent, "organizer": SCHEMA.organizer, "attendee": SCHEMA.attendee,
              "location": SCHEMA.location},
    "visit": {"visitor": SCHEMA.attendee, "host": SCHEMA.organizer, "invitedBy": COOP.invitedBy,
              "headOfDelegation": COOP.headOfDelegation, "location": SCHEMA.location},
    "membership": {"member": ORG.member, "organization": ORG.organization},
    "project": {"beneficiary": COOP.beneficiary, "fundedBy": COOP.fundedBy, "implementedBy": COOP.implementedBy},
    "post": {"heldBy": ORG.heldBy, "postIn": ORG.postIn},
}


def assign_iris(ex: Extraction, base: str) -> None:
    for f in ex.facts:
        if f.kind != "repeals":
            f.iri = fact_iri(f, ex.doc_id, base)


def to_graph(ex: Extraction, *, base: str, version: str, skip: set[str] = frozenset()) -> Graph:
    """The RDF of an extraction; facts whose IRI is in ``skip`` (already reviewed) are left out."""
    assign_iris(ex, base)
    w = _Writer(ex, base, version)
    w.document()
    for e in ex.entities:
        w.entity(e)
    for f in ex.facts:
        if f.iri not in skip:
            w.fact(f)
    return w.g


def to_jsonl(ex: Extraction, *, base: str, version: str) -> str:
    """One JSON object per line: the document, then each entity, then each fact."""
    assign_iris(ex, base)
    lines = [{"type": "document", "id": ex.doc_id, "iri": f"{base}doc/{ex.doc_id}", "file": ex.name,
              "extractor": f"coop-ingest/{version}", "characters": len(ex.text)}]
    for e in ex.entities:
        lines.append({"type": "entity", "iri": e.iri, "kind": e.type, "name": e.name, "linked": e.linked,
                      "aliases": sorted(e.aliases),
                      "mentions": [{"start": m.start, "end": m.end, "text": m.name} for m in e.mentions]})
    for f in ex.facts:
        vi, _ = _label(f) if f.kind != "repeals" else ("", "")
        lines.append({
            "type": "fact", "iri": f.iri or None, "kind": f.kind, "label": vi, "confidence": round(f.confidence, 2),
            "values": f.values,
            "args": {role: [{"iri": e.iri, "name": e.name} for e in es] for role, es in f.args.items()},
            "dates": None if not f.dates else {"start": f.dates.begin.iso, "end": f.dates.until and f.dates.until.iso,
                                               "open_end": f.dates.open_end},
            "evidence": [{"start": s, "end": e, "quote": ex.text[s:e]} for s, e in f.quotes],
        })
    return "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
