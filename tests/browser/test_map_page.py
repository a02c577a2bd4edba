"""The map page in headless Chromium, opened from a file as a user's saved map would be."""

from __future__ import annotations

import time

import networkx as nx
import pytest

from graph.maps import MAX_NODES, network_map
from graph.search import normalise

pytestmark = pytest.mark.browser

B = "https://w3id.org/coop/id/"


def short(iri: str) -> str:
    return iri.removeprefix(B)


@pytest.fixture
def opened(tab, tmp_path, sample_graph, sample_index):
    path = tmp_path / "network.html"
    path.write_text(network_map(sample_graph, index=sample_index), encoding="utf-8")
    tab.open(path.as_uri())
    return tab


def visible(tab) -> set[str]:
    return set(tab.page.evaluate("coopMap.visibleNodeIds()"))


def drawn(tab) -> int:
    return tab.page.evaluate("coopMap.network.body.nodeIndices.length")


def test_every_node_and_edge_is_drawn_and_nothing_leaves_the_machine(opened, sample_graph, artifacts):
    page = opened.page
    assert page.evaluate("coopMap.nodes.length") == sample_graph.number_of_nodes()
    assert page.evaluate("coopMap.edges.length") == sample_graph.number_of_edges()
    assert drawn(opened) == sample_graph.number_of_nodes()
    assert page.get_attribute("body", "data-ready") == "true"
    assert opened.blocked == [], f"requests that tried to leave the machine: {opened.blocked}"
    assert all(url.startswith("file://") for url in opened.requests)
    assert opened.errors == []
    page.screenshot(path=str(artifacts / "map-sample-network.png"))


@pytest.mark.parametrize("query", ["Lào", "bo tu phap lao", "BỘ TƯ PHÁP LÀO", "ministry of justice of the lao"])
def test_search_focuses_the_lao_ministry_of_justice(opened, query):
    page = opened.page
    page.fill("#search", query)
    first = page.locator("#search-results li").first
    assert first.get_attribute("data-id") == "org/moj-la"
    page.press("#search", "Enter")
    assert page.get_attribute("body", "data-focused") == "org/moj-la"
    assert page.evaluate("coopMap.network.getSelectedNodes()") == ["org/moj-la"]
    assert page.locator("#panel h2").text_content() == "Bộ Tư pháp Lào"
    assert page.locator("#panel .other").text_content() == "Ministry of Justice of the Lao PDR"


def test_search_that_matches_nothing_says_so(opened):
    opened.page.fill("#search", "xyzzy")
    assert opened.page.locator("#search-results li").all_text_contents() == ["Không tìm thấy"]


def expected_visible(graph: nx.Graph, since: int, until: int, undated: bool) -> set[str]:
    keep = set()
    for u, v, data in graph.edges(data=True):
        years = data["years"]
        if (not years and undated) or any(since <= y <= until for y in years):
            keep |= {short(u), short(v)}
    return keep


def set_years(page, since: int, until: int) -> None:
    for selector, value in (("#year-from", since), ("#year-to", until)):
        page.eval_on_selector(selector, "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }", value)


def test_year_filter_hides_the_nodes_outside_the_window(opened, sample_graph, artifacts):
    page = opened.page
    assert visible(opened) == {short(n) for n in sample_graph}
    set_years(page, 2019, 2024)
    assert page.locator("#year-from-out").text_content() == "2019"
    shown = visible(opened)
    assert shown == expected_visible(sample_graph, 2019, 2024, undated=True)
    assert "org/court-kh" not in shown and "org/hcch" not in shown  # 2012, 2013 only
    assert drawn(opened) == len(shown)
    page.uncheck("#undated")
    assert visible(opened) == expected_visible(sample_graph, 2019, 2024, undated=False)
    assert "org/vba" in visible(opened)  # its 2020 event with the hostile node still counts
    page.screenshot(path=str(artifacts / "map-sample-2019-2024.png"))
    page.click("#reset")
    assert visible(opened) == {short(n) for n in sample_graph}


def test_legend_lists_each_class_and_filters_by_it(opened, sample_graph):
    page = opened.page
    classes = {d["cls"] for _, d in sample_graph.nodes(data=True)}
    assert set(page.eval_on_selector_all("#classes input", "els => els.map(e => e.dataset.class)")) == classes
    page.uncheck("#classes input[data-class='JudicialBody']")
    shown = visible(opened)
    assert "org/court-kh" not in shown
    assert "country/kh" in shown  # still linked to the ministry


@pytest.mark.parametrize("csp", ["enforced", "bypassed"])
def test_a_label_with_a_script_is_shown_as_text_and_never_runs(csp, request, tmp_path, sample_graph):
    opened = request.getfixturevalue("tab" if csp == "enforced" else "tab_without_csp")
    path = tmp_path / "network.html"
    path.write_text(network_map(sample_graph), encoding="utf-8")
    opened.open(path.as_uri())
    page = opened.page
    assert page.evaluate("window.pwned") is None
    page.fill("#search", "hostile")
    text = page.locator("#search-results li").first.text_content()
    assert "<script>window.pwned=1</script>" in text
    page.press("#search", "Enter")
    assert page.locator("#panel h2").text_content().startswith("<script>")
    assert page.locator("#panel img").count() == 0
    assert page.evaluate("window.pwned") is None


def test_language_switch_changes_labels_and_interface(opened):
    page = opened.page
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("#save-png").text_content() == "Lưu ảnh PNG"
    page.click("#lang-en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#save-png").text_content() == "Save as PNG"
    assert page.locator("#map-title").text_content() == "Legal and judicial cooperation network"
    assert page.evaluate("coopMap.nodes.get('org/moj-vn').label") == "Ministry of Justice of Viet Nam"
    assert page.get_attribute("#search", "placeholder") == "Search an organisation or country…"
    page.click("#lang-vi")
    assert page.evaluate("coopMap.nodes.get('org/moj-vn').label") == "Bộ Tư pháp Việt Nam"


PIXEL = """id => {
    const net = coopMap.network;
    const p = net.canvasToDOM(net.getPositions([id])[id]);
    const canvas = document.querySelector('#map canvas');
    const ratio = canvas.width / canvas.clientWidth;
    return Array.from(canvas.getContext('2d').getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data);
}"""


def test_clicking_a_node_highlights_its_neighbourhood(opened, sample_graph, artifacts):
    page = opened.page
    point = page.evaluate("""() => {
        const net = coopMap.network;
        const p = net.canvasToDOM(net.getPositions(['org/moj-la'])['org/moj-la']);
        const box = document.getElementById('map').getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""")
    before = page.evaluate(PIXEL, "org/court-kh")
    page.mouse.click(point["x"], point["y"])
    assert page.evaluate("coopMap.network.getSelectedNodes()") == ["org/moj-la"]
    neighbours = {short(n) for n in sample_graph[B + "org/moj-la"]}
    assert set(page.evaluate("coopMap.highlighted()")) == neighbours | {"org/moj-la"}
    assert page.locator("#panel h3").first.text_content() == f"Đối tác ({len(neighbours)})"
    # On the canvas: a neighbour keeps its colour (#0072B2), an outsider is washed out.
    red, green, blue, _ = page.evaluate(PIXEL, "org/moj-vn")
    assert red < 60 and blue > 150
    assert before[0] < 160  # the court's purple before the click...
    assert min(page.evaluate(PIXEL, "org/court-kh")[:3]) > 170  # ...pale after it
    page.screenshot(path=str(artifacts / "map-sample-highlight.png"))
    page.mouse.click(5 + page.locator("#map").bounding_box()["x"] + 600, 200)  # empty space
    assert page.evaluate("coopMap.highlighted()") == []
    assert page.evaluate(PIXEL, "org/court-kh")[0] < 160


def test_a_link_shows_its_activities_with_date_and_evidence(opened):
    page = opened.page
    page.fill("#search", "Bộ Tư pháp Việt Nam")
    page.press("#search", "Enter")
    item = page.locator("#panel li", has_text="Bộ Tư pháp Lào")
    item.locator(".link.meta").click()
    assert page.locator("#panel h2").text_content() == "Bộ Tư pháp Việt Nam — Bộ Tư pháp Lào"
    body = page.locator("#panel").text_content()
    assert "Hội nghị số 0.0" in body and "2016-11-29" in body
    assert "“trích dẫn 0.0 <b>x</b>”" in body  # the quote, as text
    assert "Bài viết 000 [10–40]" in body


def test_save_as_png_downloads_the_view(opened, artifacts):
    page = opened.page
    with page.expect_download() as info:
        page.click("#save-png")
    download = info.value
    target = artifacts / "map-sample-download.png"
    download.save_as(str(target))
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 5_000  # a drawn map, not an empty canvas
    assert download.suggested_filename == "coopgraph-network-map.png"


def test_page_normalises_like_the_server(opened):
    samples = ["Bộ Tư pháp", "  Cục Quản lý THADS – Đức! ", "Uỷ ban", "Ủy ban", "ĐẠI HỌC Luật", "Lào", "naïve café"]
    assert opened.page.evaluate("s => s.map(coopMap.normalise)", samples) == [normalise(s) for s in samples]


@pytest.mark.slow
def test_a_5000_node_graph_opens_capped_and_interactive_within_seconds(tab, tmp_path, artifacts, synthetic):
    graph = synthetic(5000)
    started = time.perf_counter()
    html = network_map(graph)
    built = time.perf_counter() - started
    path = tmp_path / "big.html"
    path.write_text(html, encoding="utf-8")
    started = time.perf_counter()
    tab.open(path.as_uri(), timeout=60_000)
    opened = time.perf_counter() - started
    page = tab.page
    assert page.evaluate("coopMap.nodes.length") == MAX_NODES
    assert page.evaluate("coopMap.network.physics.physicsEnabled") is False
    note = page.locator("#capped")
    assert note.is_visible()
    assert "1500" in note.text_content() and "5000" in note.text_content()
    page.fill("#search", "Tổ chức 0")
    page.press("#search", "Enter")
    assert page.get_attribute("body", "data-focused") == "org/o0"  # the hub survives the cap
    page.screenshot(path=str(artifacts / "map-5000-capped.png"))
    # Generous bounds: the point is "seconds, not minutes" (physics on would take minutes).
    assert built < 30, f"building the page took {built:.1f} s"
    assert opened < 30, f"the page took {opened:.1f} s to become interactive"


LONELY_EDGE = """() => {
    const net = coopMap.network, body = net.body;
    const pos = net.getPositions();
    const ids = Object.keys(pos);
    let best = null;
    for (const id of body.edgeIndices) {
        const e = body.edges[id];
        const mid = {x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2};
        const dom = net.canvasToDOM(mid), box = document.getElementById('map').getBoundingClientRect();
        if (dom.x < 320 || dom.y < 20 || dom.x > box.width - 20 || dom.y > box.height - 20) continue;
        let near = Infinity;
        for (const n of ids) near = Math.min(near, Math.hypot(pos[n].x - mid.x, pos[n].y - mid.y));
        if (!best || near > best.near) best = {id, near, dom, from: e.fromId, to: e.toId,
                                              x: box.left + dom.x, y: box.top + dom.y};
    }
    return best;
}"""


def test_a_big_map_draws_its_links_and_a_click_on_one_shows_it(tab, tmp_path, synthetic):
    """Above the physics limit links are drawn in batches: they must still show and answer clicks."""
    graph = synthetic(400)
    path = tmp_path / "big.html"
    path.write_text(network_map(graph), encoding="utf-8")
    tab.open(path.as_uri())
    page = tab.page
    assert page.evaluate("coopMap.network.physics.physicsEnabled") is False
    edge = page.evaluate(LONELY_EDGE)
    alpha = page.evaluate("""p => {
        const canvas = document.querySelector('#map canvas'), ratio = canvas.width / canvas.clientWidth;
        return canvas.getContext('2d').getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data[3];
    }""", edge["dom"])
    assert alpha > 0  # the link is on the canvas
    page.mouse.click(edge["x"], edge["y"])
    ends = page.evaluate("id => { const e = coopMap.edges.get(id); return [e.from, e.to]; }", edge["id"])
    labels = [f"Tổ chức {end.removeprefix('org/o')}" for end in ends]
    assert page.locator("#panel h2").text_content() in {" — ".join(labels), " — ".join(labels[::-1])}
    assert not tab.errors
