"""What extraction produces: mentions, entities, facts, and the extraction as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.ingest.dates import DateMention, DateValue

__all__ = ["ENTITY_TYPES", "FACT_KINDS", "Entity", "Extraction", "Fact", "Mention"]

#: Entity types the extractor finds (the evaluation reports each).
ENTITY_TYPES = ("org", "intl", "country", "place", "person", "series", "legal")
#: Fact kinds the extractor states (the evaluation reports each).
FACT_KINDS = ("agreement", "event", "visit", "membership", "project", "post", "repeals")


@dataclass(eq=False)
class Mention:
    """A span of the text that names something."""

    start: int
    end: int
    type: str  # one of ENTITY_TYPES, or "event" for an event name, "ref" for a plural reference
    name: str  # the surface text
    sentence: int = -1
    attrs: dict[str, Any] = field(default_factory=dict)
    entity: "Entity | None" = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(eq=False)
class Entity:
    """One thing the article names, possibly several times."""

    key: str  # the merge key within the document
    type: str
    name: str  # the fullest surface name
    subtype: str = ""  # organisation class (government, judicial …) or ISO code of a country
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, Any] = field(default_factory=dict)
    iri: str = ""
    linked: bool = False  # the IRI is an existing entity of the graph

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [m.span for m in self.mentions]


@dataclass(eq=False)
class Fact:
    """A statement the article makes, with the sentences that make it."""

    kind: str  # one of FACT_KINDS
    args: dict[str, list[Entity]] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)  # kind concept, edition, title, status …
    dates: DateMention | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)  # sentence spans
    quotes: list[tuple[int, int]] = field(default_factory=list)  # the words quoted, one per span
    confidence: float = 0.5
    iri: str = ""
    label: str = ""

    def add(self, role: str, *entities: "Entity | None") -> None:
        for entity in entities:
            if entity is not None and entity not in self.args.setdefault(role, []):
                self.args[role].append(entity)

    def role(self, name: str) -> list[Entity]:
        return self.args.get(name, [])

    @property
    def begin(self) -> DateValue | None:
        return self.dates.begin if self.dates else None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    doc_id: str
    name: str
    text: str
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    seconds: float = 0.0
