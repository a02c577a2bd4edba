"""HTML rendering: Jinja2 templates (autoescaped) with the page's language and helpers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.i18n import pick, translator
from graph import __version__

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def page_of(thing) -> str:
    """The linked-data page of an item with an ``id``: ``/id/org/moj-vn`` or ``/doc/000``."""
    ident = getattr(thing, "id", None)
    if not ident:
        return ""
    return "/" + ident if ident.startswith("doc/") else "/id/" + ident


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    lang = pick(request.query_params.get("lang"))

    def label(thing) -> str:
        first, second = ("label_en", "label_vi") if lang == "en" else ("label_vi", "label_en")
        return getattr(thing, first, None) or getattr(thing, second, None) or getattr(thing, "iri", "") or ""

    html = environment().get_template(name).render(
        lang=lang, t=translator(lang), label=label, page=page_of, version=__version__,
        path=request.url.path, **context)
    return HTMLResponse(html, status_code=status, headers={"Vary": "Accept", "Content-Language": lang})
