"""The SPARQL 1.1 Service Description served at ``GET /sparql`` without a query.

It tells a client what the endpoint is (``sd:endpoint``), which languages it accepts
(updates only when a token is configured), which result formats it writes, that the
default graph is the union of the named graphs, and which named graphs there are.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from api.negotiation import GRAPH_FORMATS, RESULT_FORMATS
from graph.settings import Settings

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

#: W3C's IRIs for the formats the endpoint writes (https://www.w3.org/ns/formats/).
FORMAT_IRIS = {
    "json": FORMATS.SPARQL_Results_JSON,
    "xml": FORMATS.SPARQL_Results_XML,
    "csv": FORMATS.SPARQL_Results_CSV,
    "tsv": FORMATS.SPARQL_Results_TSV,
    "turtle": FORMATS.Turtle,
    "ntriples": FORMATS["N-Triples"],
    "jsonld": FORMATS["JSON-LD"],
    "rdfxml": FORMATS.RDF_XML,
    "trig": FORMATS.TriG,
    "nquads": FORMATS["N-Quads"],
}

#: rdflib serializer names for the formats the description itself is offered in.
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


def describe(endpoint: str, graphs: list[str], settings: Settings) -> Graph:
    """The description of the endpoint at ``endpoint`` over the named ``graphs``.

    >>> from graph.settings import Settings
    >>> g = describe("http://localhost/sparql", ["https://w3id.org/coop/graph/entities"], Settings(api_token=None))
    >>> (None, SD.supportedLanguage, SD.SPARQL11Update) in g
    False
    >>> (None, SD.name, URIRef("https://w3id.org/coop/graph/entities")) in g
    True
    """
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("dcterms", DCTERMS)
    service = URIRef(endpoint + "#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, DCTERMS.title, Literal("coopgraph SPARQL endpoint", lang="en")))
    g.add((service, DCTERMS.title, Literal("Điểm truy vấn SPARQL coopgraph", lang="vi")))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if settings.api_token:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    if settings.allow_service:
        g.add((service, SD.feature, SD.BasicFederatedQuery))
    for fmt in (*RESULT_FORMATS, *GRAPH_FORMATS):
        g.add((service, SD.resultFormat, FORMAT_IRIS[fmt.name]))
    dataset, default = BNode("dataset"), BNode("default")
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, DCTERMS.description, Literal("The union of all named graphs.", lang="en")))
    for index, name in enumerate(graphs):
        node = BNode(f"g{index}")
        g.add((dataset, SD.namedGraph, node))
        g.add((node, RDF.type, SD.NamedGraph))
        g.add((node, SD.name, URIRef(name)))
    return g
