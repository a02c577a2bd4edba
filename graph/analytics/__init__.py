"""Network analytics over NetworkX projections of the activity index.

* :mod:`graph.analytics.projections` — organisation, country and bipartite graphs,
  cut to a time window and to kinds of activity;
* :mod:`graph.analytics.centrality` — degree, weighted degree, betweenness, closeness,
  eigenvector, PageRank and harmonic centrality, one module each, and ``rank()``;
* :mod:`graph.analytics.communities`, :mod:`~graph.analytics.kcore`,
  :mod:`~graph.analytics.ego`, :mod:`~graph.analytics.summary`;
* :mod:`graph.analytics.evolution` — a measure year by year on the cumulative network;
* :mod:`graph.analytics.cache` — all of the above per store version, for the API and CLI.

Every measure is a pure function of a graph and calls networkx's own implementation, so a
networkx backend (nx-parallel, nx-cugraph) can run it: see :mod:`graph.analytics.centrality`.
"""
