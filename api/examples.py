"""Example SPARQL queries offered in the landing page's editor (each one is tested to run)."""

from __future__ import annotations

_PREFIXES = """PREFIX coop: <https://w3id.org/coop/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

EXAMPLES: list[dict] = [
    {
        "title": {"vi": "Các thỏa thuận Bộ Tư pháp Việt Nam đã ký", "en": "Agreements MOJ Viet Nam signed"},
        "query": _PREFIXES + """SELECT ?agreement ?date ?label WHERE {
  ?agreement a coop:Agreement ;
             coop:party <https://w3id.org/coop/id/org/moj-vn> ;
             skos:prefLabel ?label .
  OPTIONAL { ?agreement coop:dateSigned ?date }
  FILTER(LANG(?label) = "vi")
}
ORDER BY ?date""",
    },
    {
        "title": {"vi": "Đối tác chính (số hoạt động chung)", "en": "Main partners (shared activities)"},
        "query": _PREFIXES + """SELECT ?partner ?name (COUNT(DISTINCT ?activity) AS ?activities) WHERE {
  ?activity coop:participant <https://w3id.org/coop/id/org/moj-vn>, ?partner .
  FILTER(?partner != <https://w3id.org/coop/id/org/moj-vn>)
  ?partner skos:prefLabel ?name FILTER(LANG(?name) = "en")
}
GROUP BY ?partner ?name
ORDER BY DESC(?activities)
LIMIT 20""",
    },
    {
        "title": {"vi": "Sự kiện theo năm", "en": "Events per year"},
        "query": _PREFIXES + """SELECT ?year (COUNT(?event) AS ?events) WHERE {
  ?event a schema:Event ; schema:startDate ?date .
  BIND(SUBSTR(STR(?date), 1, 4) AS ?year)
}
GROUP BY ?year
ORDER BY ?year""",
    },
    {
        "title": {"vi": "Tư cách thành viên trong tổ chức quốc tế", "en": "Memberships of international organisations"},
        "query": _PREFIXES + """SELECT ?member ?organisation ?since WHERE {
  ?m a org:Membership ; org:member ?mm ; org:organization ?oo .
  OPTIONAL { ?m schema:startDate ?since }
  ?mm skos:prefLabel ?member FILTER(LANG(?member) = "en")
  ?oo skos:prefLabel ?organisation FILTER(LANG(?organisation) = "en")
}
ORDER BY ?since""",
    },
    {
        "title": {"vi": "Bằng chứng: câu trích dẫn cho từng thỏa thuận", "en": "Evidence: the quoted sentence for each agreement"},
        "query": _PREFIXES + """SELECT ?agreement ?document ?start ?end ?quote WHERE {
  ?agreement a coop:Agreement ; coop:evidence ?ev .
  ?ev oa:exact ?quote ; oa:start ?start ; oa:end ?end ;
      <http://purl.org/dc/terms/source> ?document .
}
ORDER BY ?document ?start
LIMIT 50""",
    },
    {
        "title": {"vi": "Số thực thể theo loại", "en": "Things per class"},
        "query": """SELECT ?class (COUNT(DISTINCT ?s) AS ?count) WHERE {
  GRAPH ?g { ?s a ?class }
  FILTER(?g != <https://w3id.org/coop/graph/ontology>)
}
GROUP BY ?class
ORDER BY DESC(?count)""",
    },
]
