"""Interactive relationship maps: self-contained HTML pages that work with no internet.

Maps take a NetworkX projection (``graph.analytics.projections``) and return HTML; they
never import the API. The page inlines vis-network (vendored, see ``vendor/README.md``),
its own script and style, and the data; a Content-Security-Policy forbids loading
anything else.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edge("a", "b", weight=1, kinds=["agreement"], years=[2016])
>>> "vis.Network" in network_map(g)
True
"""

from graph.maps.overview import overview_map
from graph.maps.page import PHYSICS_MAX_NODES
from graph.maps.views import MAX_DEPTH, MAX_NODES, country_map, draw, ego_map, network_map

__all__ = ["MAX_DEPTH", "MAX_NODES", "PHYSICS_MAX_NODES", "country_map", "draw", "ego_map", "network_map",
           "overview_map"]
