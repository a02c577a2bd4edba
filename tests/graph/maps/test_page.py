"""The page is self-contained: nothing it references lives outside it, and no graph text
can become markup or script."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from graph.maps import country_map, ego_map, network_map
from graph.maps.page import assets, json_block

B = "https://w3id.org/coop/id/"

# Anything that makes a browser fetch: attributes, CSS url()/@import, and script APIs.
RESOURCE = re.compile(
    r"""(?:\b(?:src|href|action|poster|srcset|data|formaction|xlink:href)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)|(?:\bimportScripts\s*\()""",
    re.IGNORECASE,
)


@pytest.fixture(params=["network", "ego", "countries"])
def html(request, small_graph) -> str:
    if request.param == "network":
        return network_map(small_graph)
    if request.param == "ego":
        return ego_map(small_graph, B + "org/moj-vn", depth=2)
    return country_map(small_graph)


def test_no_resource_is_loaded_from_outside_the_page(html):
    assert RESOURCE.search(html) is None
    assert "<link" not in html and "<iframe" not in html


def test_http_appears_only_in_the_vendored_licence_header(html):
    # The vis-network bundle keeps its licence comment (with its project's web address) and
    # an SVG namespace string; outside it, the page — data included — names no web address.
    own = html.replace(assets()["scripts"][0], "")
    assert "http://" not in own and "https://" not in own


def test_scripts_are_inline_and_admitted_by_hash_only(html):
    scripts = re.findall(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", html, re.S)
    runnable = [body for attrs, body in scripts if "application/json" not in attrs]
    assert len(runnable) == 4 and all("src=" not in attrs for attrs, _ in scripts)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    for body in runnable:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_graph_text_cannot_close_the_data_block(html, page_data):
    assert "</script><script>alert" not in html
    assert "<i>" not in html.split("<body", 1)[1].split("<script", 1)[0]
    data = page_data(html)
    assert "</script><script>alert('x')</script>" in {n["label_vi"] for n in data["nodes"]}


def test_json_block_round_trips_every_character():
    import json

    value = {"s": "<>&\u2028\u2029'\"Đà Nẵng", "n": [1, 2.5, None]}
    assert json.loads(str(json_block(value))) == value
    assert not set("<>&") & set(str(json_block(value)))


def test_title_is_escaped_in_the_head(small_graph):
    html = ego_map(small_graph, B + "org/x")
    head = html.split("</head>", 1)[0]
    assert "<title>Đối tác của &lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title>" in head
