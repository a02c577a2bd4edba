"""The RDF vocabularies coopgraph writes and queries.

:class:`COOP` is a *closed* namespace that mirrors ``ontology/coop.ttl`` term for term
(``tests/test_ontology.py`` fails when they drift apart). Because it is closed, a typo is
an error at the line that makes it, not a silent new IRI in the graph::

    >>> COOP.Agreement
    rdflib.term.URIRef('https://w3id.org/coop/ontology#Agreement')
    >>> COOP["kind-mou"]
    rdflib.term.URIRef('https://w3id.org/coop/ontology#kind-mou')
    >>> COOP.Agreemnt
    Traceback (most recent call last):
    ...
    AttributeError: term 'Agreemnt' not in namespace 'https://w3id.org/coop/ontology#'

SKOS concepts have hyphens in their names (``coop:kind-mou``), which Python attributes
cannot spell: they are listed in ``_extras`` and reached by subscript.

The other vocabularies are plain :class:`~rdflib.Namespace` objects: coopgraph does not
own them, and ``ontology/coop.ttl`` declares the subset of their terms the data uses.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef

# The module, not DefinedNamespace itself: pytest's doctest collector probes every class
# this module holds, and the (open) base class warns on each probe.
from rdflib import namespace as _rdflib_namespace

__all__ = [
    "BASE",
    "COOP",
    "DCMITYPE",
    "DCTERMS",
    "ELI",
    "OA",
    "ORG",
    "PROV",
    "SCHEMA",
    "SKOS",
]

#: Default base of every coopgraph IRI (the ``COOP_BASE_IRI`` setting can change it).
BASE = "https://w3id.org/coop/"

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
DCMITYPE = Namespace("http://purl.org/dc/dcmitype/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")


class COOP(_rdflib_namespace.DefinedNamespace):
    """The coopgraph ontology, ``https://w3id.org/coop/ontology#`` (prefix ``coop:``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/coop/ontology#")

    # Classes: organisations
    GovernmentBody: URIRef
    JudicialBody: URIRef
    PartyBody: URIRef
    Association: URIRef
    InternationalOrganization: URIRef
    EducationalInstitution: URIRef
    Actor: URIRef

    # Classes: activities (facts)
    Agreement: URIRef
    Forum: URIRef
    BorderConference: URIRef
    Project: URIRef
    Partnership: URIRef
    Figure: URIRef

    # Classes: provenance
    SourceDocument: URIRef
    Evidence: URIRef

    # Properties: participation (all sub-properties of participant)
    participant: URIRef
    party: URIRef
    partner: URIRef
    fundedBy: URIRef
    implementedBy: URIRef
    beneficiary: URIRef
    focalPoint: URIRef

    # Properties: agreements
    agreementKind: URIRef
    dateSigned: URIRef
    signedAt: URIRef
    signatory: URIRef
    authorisedBy: URIRef
    ratifiedBy: URIRef

    # Properties: events
    eventKind: URIRef
    edition: URIRef
    headOfDelegation: URIRef
    invitedBy: URIRef

    # Properties: projects and partnerships
    projectStatus: URIRef
    partnershipKind: URIRef

    # Properties: organisations and places
    country: URIRef
    predecessor: URIRef
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    iso3166Historic: URIRef

    # Properties: figures
    about: URIRef
    qualifier: URIRef

    # Properties: provenance and evidence
    evidence: URIRef
    mentionedIn: URIRef
    status: URIRef
    confidence: URIRef
    corpusFile: URIRef
    sha256: URIRef
    characterCount: URIRef

    # SKOS concept schemes
    AgreementKindScheme: URIRef
    EventKindScheme: URIRef
    PartnershipKindScheme: URIRef
    LegalDocumentKindScheme: URIRef
    ProjectStatusScheme: URIRef
    CurationStatusScheme: URIRef

    # SKOS concepts (hyphenated, so reached as COOP["kind-mou"])
    _extras = [
        # AgreementKindScheme
        "kind-agreement",
        "kind-mou",
        "kind-cooperation-programme",
        "kind-joint-statement",
        "kind-international-agreement",
        "kind-cooperation-document",
        # EventKindScheme
        "kind-ministerial-meeting",
        "kind-senior-officials-meeting",
        "kind-border-provinces-conference",
        "kind-anniversary-ceremony",
        "kind-official-visit",
        "kind-working-visit",
        "kind-forum-session",
        "kind-signing-ceremony",
        "kind-joint-committee-session",
        "kind-working-session",
        "kind-cultural-festival",
        "kind-party-plenum",
        "kind-policy-dialogue",
        # PartnershipKindScheme
        "kind-bilateral-cooperation",
        "kind-development-cooperation",
        "kind-coordination",
        "kind-institutional-support",
        # LegalDocumentKindScheme
        "kind-decree",
        "kind-directive",
        "kind-conclusion",
        "kind-resolution",
        # ProjectStatusScheme
        "status-planned",
        "status-pending-approval",
        "status-ongoing",
        "status-completed",
        # CurationStatusScheme
        "status-curated",
        "status-extracted",
        "status-rejected",
    ]
