"""The activity index: every agreement, event, forum, project, membership and partnership
in the graph, with who took part in which role, when, and on what evidence.

Analytics, maps and the REST API all start here. The index is read from the store with two
named queries (``graph/queries/activities.rq`` and ``activities_actors.rq``) and kept in
memory as an actor–activity bipartite adjacency, so neighbourhoods and paths are answered
without going back to the store. :func:`index_for` caches one index per store version.

Facts in named graphs under ``…/graph/extracted/`` (ingested by a program, not yet
reviewed) are left out unless ``include_extracted=True``.

>>> from graph.store import open_store
>>> ActivityIndex.from_store(open_store("memory")).activities
{}
"""

from __future__ import annotations


from graph.activities.index import ActivityIndex, index_for
from graph.activities.model import (
    ACTOR_CLASSES,
    EXTRACTED_GRAPH_PREFIX,
    KINDS,
    ROLES,
    Activity,
    Actor,
    Evidence,
    Neighbourhood,
    Partner,
    Step,
    check_kinds,
    check_window,
    year_of,
)

__all__ = [
    "ACTOR_CLASSES", "EXTRACTED_GRAPH_PREFIX", "KINDS", "ROLES", "Activity", "ActivityIndex",
    "Actor", "Evidence", "Neighbourhood", "Partner", "Step", "check_kinds", "check_window",
    "index_for", "year_of",
]
