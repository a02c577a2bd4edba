"""The landing page (``/``) and the offline API documentation (``/docs``).

Both pages are self-contained: one stylesheet and one script served from ``/static``, no
reference to any other host, so they work on a machine with no internet.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.deps import StoreDep
from api.examples import EXAMPLES
from api.i18n import pick
from api.rendering import render
from api.views.documents import list_documents
from api.views.network import top_partners

router = APIRouter(include_in_schema=False)

MOJ = "https://w3id.org/coop/id/org/moj-vn"


@router.get("/", response_class=HTMLResponse)
async def landing(request: Request, store: StoreDep) -> HTMLResponse:
    lang = pick(request.query_params.get("lang"))
    partners = await run_in_threadpool(top_partners, store, MOJ, 12)
    documents = await run_in_threadpool(list_documents, store)
    rows = [{"page": f"/id/{p['id']}" if p["id"] else p["iri"],
             "label": (p["label_en"] if lang == "en" else p["label_vi"]) or p["label_en"] or p["label_vi"] or p["iri"],
             "other": _other(p, lang),
             "weight": p["weight"]} for p in partners]
    # Inside <script type="application/json">: "<" escaped so no text can close the element.
    examples_json = json.dumps(EXAMPLES, ensure_ascii=False).replace("<", "\\u003c")
    return render(request, "landing.html", partners=rows, documents=documents.items, examples=EXAMPLES,
                  examples_json=examples_json)


def _other(partner: dict, lang: str) -> str:
    """The label in the other language, unless it says the same thing."""
    shown = partner["label_en"] if lang == "en" else partner["label_vi"]
    other = partner["label_vi"] if lang == "en" else partner["label_en"]
    return "" if not other or other == shown else other


@router.get("/docs", response_class=HTMLResponse)
async def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return render(request, "docs.html", spec=spec, operations=operations(spec))


def operations(spec: dict) -> list[dict]:
    """The operations of an OpenAPI document, flattened for the docs page.

    >>> ops = operations({"paths": {"/x/{id}": {"get": {"summary": "X", "parameters": [
    ...     {"name": "id", "in": "path", "required": True, "examples": {"a": {"value": "org/moj-vn"}}}],
    ...     "responses": {"200": {"description": "OK"}}}}}})
    >>> ops[0]["method"], ops[0]["anchor"], ops[0]["parameters"][0]["example"], ops[0]["responses"]
    ('GET', 'get-x-id', 'org/moj-vn', [('200', 'OK')])
    """
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            parameters = []
            for p in op.get("parameters", []):
                entry = {"name": p["name"], "in": p.get("in", ""), "required": p.get("required", False),
                         "description": p.get("description") or p.get("schema", {}).get("description", "")}
                example = _example(p)
                if example is not None:
                    entry["example"] = example
                parameters.append(entry)
            anchor = "-".join(w for w in [method, *path.replace("{", "").replace("}", "").replace(":path", "")
                                          .strip("/").replace("/", "-").split("-")] if w)
            found.append({
                "method": method.upper(), "path": path, "anchor": anchor, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "parameters": parameters,
                "body": list(op.get("requestBody", {}).get("content", {})),
                "responses": [(code, r.get("description", "")) for code, r in op.get("responses", {}).items()],
            })
    return found


def _example(parameter: dict):
    if "example" in parameter:
        return parameter["example"]
    examples = parameter.get("examples") or parameter.get("schema", {}).get("examples")
    if isinstance(examples, dict) and examples:
        return next(iter(examples.values())).get("value")
    if isinstance(examples, list) and examples:
        return examples[0]
    return None
