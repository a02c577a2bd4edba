"""The SPARQL the benchmark sends, the same text to every engine.

The IRIs put into them come from our own generator's summary (the hub and a typical
organisation), never from a user, and are written with rdflib's ``n3()``, which checks
them. They are inlined rather than bound with ``VALUES`` so that every peer runs exactly
the same text, and so the two-hop query's sub-select sees the constant.
"""

from __future__ import annotations

from string import Template

from rdflib import URIRef

PREFIXES = """PREFIX coop: <https://w3id.org/coop/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

#: name -> (title, query template, is it selective?)
QUERIES: dict[str, tuple[str, str, bool]] = {
    "label": ("/sparql selective: labels of one organisation", """
SELECT ?label WHERE { $org skos:prefLabel ?label }""", True),
    "partners-typical": ("/sparql selective: 1-hop partners, typical org", """
SELECT DISTINCT ?partner WHERE {
  ?activity coop:participant $org .
  ?activity coop:participant ?partner .
  FILTER(?partner != $org)
}""", True),
    "partners-hub": ("/sparql: 1-hop partners, the hub", """
SELECT DISTINCT ?partner WHERE {
  ?activity coop:participant $hub .
  ?activity coop:participant ?partner .
  FILTER(?partner != $hub)
}""", False),
    "partners-hub-2hop": ("/sparql: 2-hop partners, the hub (DISTINCT sub-select)", """
SELECT (COUNT(DISTINCT ?second) AS ?n) WHERE {
  { SELECT DISTINCT ?first WHERE { ?a coop:participant $hub . ?a coop:participant ?first } }
  ?b coop:participant ?first .
  ?b coop:participant ?second .
}""", False),
    "agreements-per-country-year": ("/sparql: agreements per country and year (GROUP BY)", """
SELECT ?country ?year (COUNT(DISTINCT ?agreement) AS ?n) WHERE {
  ?agreement a coop:Agreement ; coop:dateSigned ?date ; coop:party ?party .
  ?party coop:country ?country .
  BIND(YEAR(?date) AS ?year)
} GROUP BY ?country ?year""", False),
    "search-label": ("SPARQL label search (what /entities replaces)", """
SELECT DISTINCT ?entity WHERE {
  ?entity skos:prefLabel ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "bộ tư pháp lào"))
} LIMIT 20""", False),
}


def text(name: str, hub: str, org: str) -> str:
    """The query ``name`` with the hub and the typical organisation filled in.

    >>> "<https://w3id.org/coop/id/org/moj-vn>" in text("partners-hub", "https://w3id.org/coop/id/org/moj-vn", "x:y")
    True
    """
    _, template, _ = QUERIES[name]
    return PREFIXES + Template(template).substitute(hub=URIRef(hub).n3(), org=URIRef(org).n3())
