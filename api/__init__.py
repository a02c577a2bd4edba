"""The coopgraph web service: SPARQL endpoint, REST resources, linked-data pages, maps."""
