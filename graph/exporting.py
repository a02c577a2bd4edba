"""Exports that are not plain dumps: one merged graph, or a network for Gephi."""

from __future__ import annotations

import io

import networkx as nx

from graph import queries
from graph.results import short
from graph.store import Store, iter_quads, serialize_quads


def merged(store: Store, fmt: str) -> bytes:
    """Every named graph merged into one graph, in a triple format (turtle, jsonld…)."""
    quads = iter_quads(store.dump("nquads"), "nquads")
    return serialize_quads(((s, p, o, None) for s, p, o, _ in quads), fmt)


def resource_network(store: Store) -> nx.MultiDiGraph:
    """Things as nodes (with both labels and a class), relations between them as edges."""
    network = nx.MultiDiGraph()
    for row in store.select(queries.load("entity_nodes")):
        network.add_node(
            str(row["s"]),
            label=str(row.get("label_en", row["s"])),
            label_vi=str(row.get("label_vi", "")),
            label_en=str(row.get("label_en", "")),
            kind=short(row.get("class")),
        )
    for row in store.select(queries.load("entity_edges")):
        s, o = str(row["s"]), str(row["o"])
        if s in network and o in network:
            network.add_edge(s, o, relation=short(row["p"]))
    return network


def write_network(store: Store, fmt: str) -> bytes:
    network = resource_network(store)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(network, buffer)
    else:
        nx.write_gexf(network, buffer)
    return buffer.getvalue()
