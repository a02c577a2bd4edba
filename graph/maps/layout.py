"""Node positions, computed on the server so that big maps open without browser physics.

NetworkX's ``spring_layout`` took 64 s and ``forceatlas2_layout`` 169 s for 5,000 nodes
(dense O(n²) numpy); igraph's grid Fruchterman–Reingold takes 0.3 s for 1,500 nodes and
0.7 s for 5,000, so it is the engine here. Layouts are cached by a fingerprint of the graph
(its nodes, edges and weights), so the same graph — whichever store version or request
produced it — is laid out once.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict

import networkx as nx

Positions = dict[object, tuple[float, float]]

#: How many layouts are kept: a handful of windows and ego maps per graph version.
CACHE_SIZE = 32
_cache: "OrderedDict[str, Positions]" = OrderedDict()
_lock = threading.Lock()
_igraph_lock = threading.Lock()


def fingerprint(graph: nx.Graph, weight: str = "weight") -> str:
    """A digest of the nodes and weighted edges of ``graph``; equal graphs, equal digests.

    >>> a = nx.path_graph(3); b = nx.Graph([(2, 1), (0, 1)])
    >>> fingerprint(a) == fingerprint(b)
    True
    >>> b.add_edge(0, 2); fingerprint(a) == fingerprint(b)
    False
    """
    digest = hashlib.sha1()
    for node in sorted(map(str, graph.nodes)):
        digest.update(node.encode() + b"\0")
    edges = sorted(
        tuple(sorted((str(u), str(v)))) + (str(d.get(weight, 1)),) for u, v, d in graph.edges(data=True)
    )
    for edge in edges:
        digest.update("\1".join(edge).encode() + b"\2")
    return digest.hexdigest()


def layout(graph: nx.Graph, *, weight: str = "weight", spacing: float = 110.0, seed: int = 7) -> Positions:
    """Positions (in page pixels) for every node of ``graph``, deterministic for a seed.

    Parameters
    ----------
    graph
        Any NetworkX graph; edge ``weight`` pulls its two ends closer (log-scaled, so one
        heavy edge does not collapse the picture).
    spacing
        The mean distance, in pixels, that the layout aims to leave between neighbours.
    seed
        Seeds the initial positions: the same graph always gets the same picture.

    Returns
    -------
    dict
        ``{node: (x, y)}``, centred on the origin.

    Examples
    --------
    >>> pos = layout(nx.path_graph(4))
    >>> sorted(pos) == [0, 1, 2, 3] and all(len(p) == 2 for p in pos.values())
    True
    >>> layout(nx.path_graph(4)) == pos  # cached, and deterministic anyway
    True
    """
    key = f"{fingerprint(graph, weight)}:{weight}:{spacing}:{seed}"
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return dict(_cache[key])
    positions = _compute(graph, weight, spacing, seed)
    with _lock:
        _cache[key] = positions
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return dict(positions)


def _compute(graph: nx.Graph, weight: str, spacing: float, seed: int) -> Positions:
    nodes = sorted(graph.nodes, key=str)  # a fixed order: same input, same picture
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    import random

    import igraph  # imported here: only map rendering needs it

    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.edges() if u != v]
    weights = [1.0 + math.log1p(float(d.get(weight, 1) or 1)) for u, v, d in graph.edges(data=True) if u != v]
    ig = igraph.Graph(n=len(nodes), edges=pairs)
    rng = random.Random(seed)
    # Start spread over about sqrt(n) units, as igraph's own random start does: from a
    # tiny box the first steps take 15x longer (6.6 s instead of 0.45 s at 1,500 nodes).
    radius = math.sqrt(len(nodes))
    start = [[rng.uniform(-radius, radius), rng.uniform(-radius, radius)] for _ in nodes]
    # igraph draws its random moves from one process-wide generator: lend it a seeded one
    # (under the lock, since it is global) so the same graph always gets the same picture.
    with _igraph_lock:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            coords = ig.layout_fruchterman_reingold(
                weights=weights or None, seed=start, niter=_iterations(len(nodes)),
                grid="auto" if len(nodes) > 1000 else False,
            ).coords
        finally:
            igraph.set_random_number_generator(random)
    return _scale(nodes, coords, graph, spacing)


def _iterations(count: int) -> int:
    """Fewer iterations for huge graphs: 500 up to 3,000 nodes, 300 at 5,000, 150 from 10,000.

    >>> _iterations(1500), _iterations(5000), _iterations(20000)
    (500, 300, 150)
    """
    return 500 if count <= 3000 else max(150, int(1_500_000 / count))


def _scale(nodes: list, coords: list, graph: nx.Graph, spacing: float) -> Positions:
    """Centre the layout and stretch it so that linked nodes sit ``spacing`` pixels apart."""
    cx = sum(x for x, _ in coords) / len(coords)
    cy = sum(y for _, y in coords) / len(coords)
    centred = [(x - cx, y - cy) for x, y in coords]
    index = {node: i for i, node in enumerate(nodes)}
    lengths = [
        math.dist(centred[index[u]], centred[index[v]]) for u, v in graph.edges() if u != v
    ]
    lengths = [d for d in lengths if d > 0]
    if lengths:
        typical = sorted(lengths)[len(lengths) // 2]
    else:  # no edges: spread by the mean distance to the centre
        typical = sum(math.hypot(x, y) for x, y in centred) / len(centred) or 1.0
    factor = spacing / typical
    return {node: (round(x * factor, 1), round(y * factor, 1)) for node, (x, y) in zip(nodes, centred)}
