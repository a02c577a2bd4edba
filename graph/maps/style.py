"""How a map looks: colour and shape per class, names of classes and relation kinds.

Colours come from a colour-blind-safe palette (Okabe & Ito, with two additions), and each
class also has its own shape, so the legend still reads on a grey-scale print-out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    """The look of one class of node, and its name in both languages."""

    key: str
    color: str
    shape: str  # a vis-network shape: dot, diamond, triangle, square, hexagon, star, triangleDown
    vi: str
    en: str


#: In legend order: the classes users look for first come first.
CLASSES: tuple[ClassStyle, ...] = (
    ClassStyle("GovernmentBody", "#0072B2", "dot", "Cơ quan nhà nước", "Government body"),
    ClassStyle("JudicialBody", "#7B4EA3", "diamond", "Cơ quan tư pháp", "Judicial body"),
    ClassStyle("PartyBody", "#C0392B", "triangle", "Cơ quan Đảng", "Party body"),
    ClassStyle("Association", "#E69F00", "square", "Hội, hiệp hội", "Association"),
    ClassStyle("InternationalOrganization", "#009E73", "hexagon", "Tổ chức quốc tế",
               "International organisation"),
    ClassStyle("EducationalInstitution", "#B8860B", "star", "Cơ sở đào tạo, nghiên cứu",
               "Educational institution"),
    ClassStyle("Country", "#56B4E9", "dot", "Quốc gia", "Country"),
    ClassStyle("Person", "#CC79A7", "triangleDown", "Cá nhân", "Person"),
    ClassStyle("Organization", "#7F8C8D", "dot", "Tổ chức khác", "Other organisation"),
)
_BY_KEY = {c.key: c for c in CLASSES}
FALLBACK = _BY_KEY["Organization"]

#: Names of the activity kinds that link two actors (``graph.activities.KINDS``).
KINDS: dict[str, tuple[str, str]] = {
    "agreement": ("Thỏa thuận", "Agreement"),
    "event": ("Sự kiện", "Event"),
    "series": ("Diễn đàn, hội nghị định kỳ", "Forum or series"),
    "project": ("Dự án", "Project"),
    "membership": ("Thành viên", "Membership"),
    "partnership": ("Quan hệ hợp tác", "Partnership"),
}


def class_style(cls: str | None) -> ClassStyle:
    """The style of class ``cls`` (a short class name); unknown classes look neutral.

    >>> class_style("JudicialBody").shape
    'diamond'
    >>> class_style("Spaceship") is class_style(None) is FALLBACK
    True
    """
    return _BY_KEY.get(cls or "", FALLBACK)


def kind_names() -> dict[str, dict[str, str]]:
    """The relation kinds as ``{kind: {"vi": …, "en": …}}`` for the page.

    >>> kind_names()["agreement"]["vi"]
    'Thỏa thuận'
    """
    return {k: {"vi": vi, "en": en} for k, (vi, en) in KINDS.items()}
