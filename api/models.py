"""The JSON shapes of the REST endpoints (pydantic models, with OpenAPI examples)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MOJ = "https://w3id.org/coop/id/org/moj-vn"
_MOJ_REF = {"id": "org/moj-vn", "iri": MOJ, "label_vi": "Bộ Tư pháp Việt Nam",
            "label_en": "Ministry of Justice of Viet Nam", "types": ["coop:GovernmentBody"],
            "href": "/entities/org/moj-vn"}
_QUOTE = {"iri": "https://w3id.org/coop/doc/003#c1949-2078", "document": "003",
          "document_iri": "https://w3id.org/coop/doc/003", "start": 1949, "end": 2078,
          "quote": "Ký kết Biên bản ghi nhớ về hợp tác trong lĩnh vực thi hành án dân sự", "status": "curated"}


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})


class EntityRef(BaseModel):
    """A link to an entity (or a fact, or a document) with its labels."""

    id: str | None = Field(None, description="Short id, kind/slug (e.g. org/moj-vn); null outside the base.")
    iri: str
    label_vi: str | None = None
    label_en: str | None = None
    types: list[str] = Field(default_factory=list, description="Classes as prefixed names (coop:GovernmentBody).")
    href: str | None = Field(None, description="Where the API describes it.")
    model_config = _examples(_MOJ_REF)


class SearchHit(EntityRef):
    score: float = Field(description="100 exact label, 98 exact abbreviation, then prefix, word and substring matches.")
    matched: str = Field(description="The normalised label or alias that matched.")


class SearchResults(BaseModel):
    query: str | None
    types: list[str] = Field(default_factory=list, description="The classes searched (with sub-classes).")
    total: int
    limit: int
    offset: int
    items: list[SearchHit]
    model_config = _examples({"query": "bo tu phap", "types": [], "total": 12, "limit": 20, "offset": 0,
                              "items": [{**_MOJ_REF, "score": 100.0, "matched": "bo tu phap"}]})


class Evidence(BaseModel):
    """A quoted sentence of a source article: ``text[start:end]`` contains ``quote``."""

    iri: str | None = None
    document: str | None = Field(None, description="The article's id (e.g. 000).")
    document_iri: str | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    status: str | None = Field(None, description="curated or extracted.")
    model_config = _examples(_QUOTE)


class Provenance(BaseModel):
    """Where a statement lives: its named graph, document, and the evidence of its subject there."""

    graph: str
    document: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class LangString(BaseModel):
    value: str
    lang: str | None = None


class PropertyValue(BaseModel):
    property: str = Field(description="Prefixed name, e.g. coop:dateSigned.")
    property_iri: str
    label_vi: str | None = None
    label_en: str | None = None
    value: str
    datatype: str | None = None
    lang: str | None = None
    provenance: list[Provenance] = Field(default_factory=list)


class Relation(BaseModel):
    """A link to or from another thing, with the statement's provenance."""

    property: str
    property_iri: str
    label_vi: str | None = None
    label_en: str | None = None
    other: EntityRef = Field(description="The thing at the other end.")
    provenance: list[Provenance] = Field(default_factory=list)


class EntityDetail(BaseModel):
    id: str | None
    iri: str
    label_vi: str | None = None
    label_en: str | None = None
    alt_labels: list[LangString] = Field(default_factory=list)
    types: list[EntityRef] = Field(default_factory=list)
    properties: list[PropertyValue] = Field(default_factory=list)
    outgoing: list[Relation] = Field(default_factory=list, description="Statements with this thing as subject.")
    incoming: list[Relation] = Field(default_factory=list, description="Statements with this thing as object.")
    mentions: list[Evidence] = Field(default_factory=list, description="Where the articles name it.")
    model_config = _examples({
        "id": "org/moj-vn", "iri": MOJ, "label_vi": "Bộ Tư pháp Việt Nam", "label_en": "Ministry of Justice of Viet Nam",
        "alt_labels": [{"value": "MOJ", "lang": "en"}],
        "types": [{"iri": "https://w3id.org/coop/ontology#GovernmentBody", "label_en": "government body"}],
        "properties": [], "outgoing": [],
        "incoming": [{"property": "coop:party", "property_iri": "https://w3id.org/coop/ontology#party",
                      "other": {"id": "agreement/moj-vn-moj-la-2022", "iri": "https://w3id.org/coop/id/agreement/…"},
                      "provenance": [{"graph": "https://w3id.org/coop/graph/doc/000", "document": "000",
                                      "evidence": [_QUOTE]}]}],
        "mentions": [_QUOTE]})


class Fact(BaseModel):
    """A fact an article states (an agreement, event, project …) with its evidence."""

    id: str | None
    iri: str
    label_vi: str | None = None
    label_en: str | None = None
    types: list[str] = Field(default_factory=list)
    graph: str
    evidence: list[Evidence] = Field(default_factory=list)


class DocumentSummary(BaseModel):
    id: str | None
    iri: str
    label_vi: str | None = None
    label_en: str | None = None
    title: str | None = Field(None, description="dcterms:title as the article gives it (Vietnamese).")
    publisher: EntityRef | None = None
    creator: EntityRef | None = None
    language: str | None = None
    corpus_file: str | None = None
    sha256: str | None = None
    character_count: int | None = None
    graph: str | None = Field(None, description="The named graph holding the facts drawn from it.")
    facts: int = Field(0, description="How many facts are drawn from it.")
    notes: list[str] = Field(default_factory=list, description="Curators' editorial notes.")
    href: str | None = None
    model_config = _examples({"id": "000", "iri": "https://w3id.org/coop/doc/000",
                              "title": "HỢP TÁC QUỐC TẾ VỀ PHÁP LUẬT VÀ TƯ PHÁP …", "language": "vi",
                              "corpus_file": "000_c2ed572a1a45d523.txt", "character_count": 32357,
                              "graph": "https://w3id.org/coop/graph/doc/000", "facts": 120,
                              "href": "/documents/000"})


class DocumentList(BaseModel):
    total: int
    items: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    facts_drawn: list[Fact] = Field(default_factory=list)


class ActivityRef(BaseModel):
    """How two actors are linked: the activity, its kind, dates and documents."""

    id: str | None
    iri: str
    kind: str = Field(description="agreement, event, series, project, membership or partnership.")
    subkind: str | None = Field(None, description="The SKOS concept of its kind, e.g. coop:kind-mou.")
    label_vi: str | None = None
    label_en: str | None = None
    start: str | None = Field(None, description="Date signed or start date (2022, 2024-04 or 2016-11-29).")
    end: str | None = None
    year: int | None = None
    planned: bool = False
    extracted: bool = Field(False, description="Only stated by facts extracted by a program, not yet reviewed.")
    documents: list[str] = Field(default_factory=list, description="Ids of the articles stating it.")
    roles: dict[str, list[str]] = Field(default_factory=dict, description="Roles of the two ends, by id.")
    evidence: list[Evidence] = Field(default_factory=list)
    href: str | None = None


class Node(BaseModel):
    id: str | None
    iri: str
    label_vi: str | None = None
    label_en: str | None = None
    cls: str = Field(description="GovernmentBody, JudicialBody, …, Country, Person, Organization.")
    country: str | None = None
    distance: int = Field(description="Hops from the centre (0 is the centre).")
    weight: int = Field(0, description="Activities shared with the nodes one hop nearer.")


class Edge(BaseModel):
    source: str
    target: str
    weight: int = Field(description="How many activities link the two.")
    first_year: int | None = None
    last_year: int | None = None
    kinds: dict[str, int] = Field(default_factory=dict, description="How many of each kind link the two.")
    activities: list[ActivityRef] = Field(description="The newest of them (at most per_edge).")


class PartnerGraph(BaseModel):
    centre: Node
    depth: int
    since: int | None = None
    until: int | None = None
    via: list[str] | None = None
    include_extracted: bool = False
    total_nodes: int = Field(description="Nodes found before the limit was applied (a lower bound when truncated).")
    truncated: bool
    nodes: list[Node]
    edges: list[Edge]
    model_config = _examples({
        "centre": {"id": "org/moj-vn", "iri": MOJ, "label_en": "Ministry of Justice of Viet Nam",
                   "cls": "GovernmentBody", "distance": 0},
        "depth": 1, "total_nodes": 54, "truncated": False,
        "nodes": [{"id": "org/moj-la", "iri": "https://w3id.org/coop/id/org/moj-la",
                   "label_en": "Ministry of Justice of the Lao PDR", "cls": "GovernmentBody",
                   "country": "https://w3id.org/coop/id/country/la", "distance": 1, "weight": 7}],
        "edges": [{"source": "org/moj-vn", "target": "org/moj-la", "weight": 7, "first_year": 2016, "last_year": 2025,
                   "kinds": {"agreement": 1, "event": 3, "series": 2, "partnership": 1},
                   "activities": [{"id": "agreement/…", "iri": "https://w3id.org/coop/id/agreement/…",
                                   "kind": "agreement", "start": "2022", "year": 2022, "documents": ["000"]}]}]})


class Step(BaseModel):
    source: EntityRef
    target: EntityRef
    activity: ActivityRef


class Path(BaseModel):
    length: int
    steps: list[Step]


class Paths(BaseModel):
    source: EntityRef
    target: EntityRef
    connected: bool
    paths: list[Path]


class YearCount(BaseModel):
    year: int | None = Field(description="null for activities without a date.")
    total: int
    counts: dict[str, int] = Field(description="By kind: agreement, event, series, project, membership, partnership.")


class Timeline(BaseModel):
    entity: EntityRef | None = None
    by: str = "year"
    include_extracted: bool = False
    kinds: list[str]
    years: list[YearCount]
    model_config = _examples({"entity": _MOJ_REF, "by": "year", "kinds": ["agreement", "event"],
                              "years": [{"year": 2022, "total": 3, "counts": {"agreement": 1, "event": 2}}]})
