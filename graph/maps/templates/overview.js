/* coopgraph WebGL overview (sigma.js): every node of a very large network at once.
 *
 * Same reading as the relationship maps — legend, class and year filters, search,
 * neighbourhood highlight, language switch — drawn by sigma's reducers, so a filter or a
 * click costs one re-render and no data update, whatever the number of nodes.
 */
(function () {
  "use strict";

  const { normalise, el, fill, finder, classLegend, yearFilter, showLang } = window.coopCommon;
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const data = read("coop-overview");
  const page = read("coop-page");
  const CLASSES = page.classes;
  let lang = page.lang === "en" ? "en" : "vi";
  const t = window.coopCommon.translator(page.texts, () => lang);

  /* ------------------------------------------------------------------ graph */

  const nodes = data.nodes.map(([id, vi, en, cls, x, y, value]) => ({ id, vi, en, cls, x, y, value }));
  const edges = data.edges.map(([s, tgt, weight, years], i) => ({ id: "e" + i, from: nodes[s].id, to: nodes[tgt].id, weight, years }));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const incident = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) { incident.get(e.from).push(e); incident.get(e.to).push(e); }
  for (const n of nodes) {
    const years = new Set();
    for (const e of incident.get(n.id)) for (const y of e.years) years.add(y);
    n.years = Array.from(years).sort((a, b) => a - b);
  }
  const label = (n) => (lang === "en" ? n.en : n.vi) || n.id;
  const otherLabel = (n) => (lang === "en" ? n.vi : n.en) || "";
  const className = (key) => (CLASSES[key] ? CLASSES[key][lang] : key);
  const colourOf = (cls) => (CLASSES[cls] ? CLASSES[cls].color : "#7F8C8D");
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));

  const graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const n of nodes) {
    graph.addNode(n.id, { x: n.x, y: -n.y, size: 2 + (n.value / 100) * 16, color: colourOf(n.cls), label: label(n) });
  }
  for (const e of edges) {
    if (!graph.hasEdge(e.from, e.to)) {
      graph.addEdgeWithKey(e.id, e.from, e.to, { size: 0.4 + 1.4 * Math.sqrt(e.weight / maxWeight), color: "#c3ccd6" });
    }
  }

  /* ------------------------------------------------------------------ filters and highlight */

  const allYears = Array.from(new Set(edges.flatMap((e) => e.years))).sort((a, b) => a - b);
  const minYear = allYears.length ? allYears[0] : null;
  const maxYear = allYears.length ? allYears[allYears.length - 1] : null;
  const state = { classes: new Set(nodes.map((n) => n.cls)), from: minYear, to: maxYear, undated: true };
  let visibleNodes = new Set(nodes.map((n) => n.id));
  let visibleEdges = new Set(edges.map((e) => e.id));
  let focus = null;  // {centre, nodes: Set} while a node is highlighted

  function fullRange() {
    return minYear === null || (state.from === minYear && state.to === maxYear && state.undated);
  }

  function applyFilters() {
    const edgesOn = new Set(), touched = new Set();
    for (const e of edges) {
      const a = nodeById.get(e.from), b = nodeById.get(e.to);
      if (!state.classes.has(a.cls) || !state.classes.has(b.cls)) continue;
      const inYears = e.years.length ? e.years.some((y) => y >= state.from && y <= state.to) : state.undated;
      if (inYears) { edgesOn.add(e.id); touched.add(e.from); touched.add(e.to); }
    }
    const nodesOn = new Set();
    for (const n of nodes) {
      if (state.classes.has(n.cls) && (touched.has(n.id) || (!incident.get(n.id).length && fullRange()))) nodesOn.add(n.id);
    }
    visibleNodes = nodesOn;
    visibleEdges = edgesOn;
    if (focus && !visibleNodes.has(focus.centre)) focus = null;
    renderer.refresh();
    updateCounts();
  }

  function nodeReducer(id, attrs) {
    const out = Object.assign({}, attrs);
    if (!visibleNodes.has(id)) { out.hidden = true; return out; }
    if (focus) {
      if (focus.nodes.has(id)) { out.zIndex = 1; out.forceLabel = true; if (id === focus.centre) out.highlighted = true; }
      else { out.color = "#e2e7ed"; out.label = ""; out.zIndex = 0; }
    }
    return out;
  }

  function edgeReducer(id, attrs) {
    const out = Object.assign({}, attrs);
    if (!visibleEdges.has(id)) { out.hidden = true; return out; }
    if (focus) {
      const [a, b] = graph.extremities(id);
      if (a === focus.centre || b === focus.centre) { out.color = "#31506f"; out.zIndex = 1; }
      else out.hidden = true;
    }
    return out;
  }

  const container = document.getElementById("map");
  const renderer = new Sigma(graph, container, {
    nodeReducer, edgeReducer, zIndex: true, renderEdgeLabels: false,
    labelRenderedSizeThreshold: 7, labelDensity: 0.6, labelGridCellSize: 90,
    labelFont: "Segoe UI, Noto Sans, Helvetica Neue, Arial, sans-serif", labelSize: 12, labelColor: { color: "#1d2733" },
    defaultEdgeColor: "#c3ccd6", hideEdgesOnMove: nodes.length > 5000, minCameraRatio: 0.02, maxCameraRatio: 4,
  });
  renderer.once("afterRender", () => window.coopCommon.markReady());

  function highlight(id) {
    focus = { centre: id, nodes: new Set([id, ...graph.neighbors(id).filter((n) => visibleNodes.has(n))]) };
    renderer.refresh();
  }

  function clearHighlight() {
    focus = null;
    renderer.refresh();
  }

  renderer.on("clickNode", ({ node }) => { highlight(node); showNode(node); });
  renderer.on("clickStage", () => { clearHighlight(); panel.hidden = true; });

  /* ------------------------------------------------------------------ panel */

  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");
  let shown = null;
  document.getElementById("panel-close").addEventListener("click", () => { panel.hidden = true; shown = null; clearHighlight(); });

  function span(years) {
    if (!years.length) return t("undated_short");
    return years[0] === years[years.length - 1] ? String(years[0]) : years[0] + "–" + years[years.length - 1];
  }

  function showNode(id) {
    const n = nodeById.get(id);
    const links = incident.get(id).filter((e) => visibleEdges.has(e.id)).sort((a, b) => b.weight - a.weight).slice(0, 60);
    const partnersLink = page.linkBase && /^[a-z]+\/[A-Za-z0-9._~-]+$/.test(id)
      ? el("p", {}, el("a", { href: page.linkBase + "maps/partners/" + id + ".html" }, t("open_page"))) : null;
    fill(panelBody,
      el("h2", {}, label(n)),
      otherLabel(n) && otherLabel(n) !== label(n) ? el("p", { class: "other" }, otherLabel(n)) : null,
      el("dl", {}, el("dt", {}, t("type")), el("dd", {}, className(n.cls)), el("dt", {}, t("years")), el("dd", {}, span(n.years))),
      partnersLink,
      el("h3", {}, t("partners", { n: incident.get(id).filter((e) => visibleEdges.has(e.id)).length })),
      el("ul", {}, links.map((e) => {
        const other = nodeById.get(e.from === id ? e.to : e.from);
        return el("li", {}, el("span", { class: "link", on: { click: () => focusNode(other.id) } }, label(other)),
          el("div", { class: "meta" }, span(e.years)));
      })));
    panel.hidden = false;
    shown = id;
  }

  /* ------------------------------------------------------------------ search */

  const searchBox = document.getElementById("search");
  const results = document.getElementById("search-results");
  const find = finder(nodes.map((n) => ({ id: n.id, keys: [normalise(n.vi), normalise(n.en)] })),
    (id) => nodeById.get(id).value, (id) => label(nodeById.get(id)));
  let hits = [];

  function renderResults() {
    hits = find(searchBox.value, 10);
    if (!normalise(searchBox.value)) { results.hidden = true; return; }
    fill(results, hits.length ? hits.map((id, i) => el("li", {
      role: "option", "aria-selected": i === 0 ? "true" : "false", "data-id": id,
      on: { mousedown: (ev) => { ev.preventDefault(); choose(id); } },
    }, label(nodeById.get(id)), el("span", { class: "alt" }, otherLabel(nodeById.get(id))))) : [el("li", { class: "none" }, t("no_match"))]);
    results.hidden = false;
  }

  function choose(id) {
    results.hidden = true;
    searchBox.value = label(nodeById.get(id));
    focusNode(id);
  }

  function focusNode(id) {
    if (!nodeById.has(id)) return false;
    if (!visibleNodes.has(id)) resetFilters();
    highlight(id);
    showNode(id);
    const position = renderer.getNodeDisplayData(id);
    renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.3 }, { duration: 450 });
    document.body.dataset.focused = id;
    return true;
  }

  searchBox.addEventListener("input", renderResults);
  searchBox.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { if (!hits.length) renderResults(); if (hits.length) choose(hits[0]); }
    else if (ev.key === "Escape") results.hidden = true;
  });
  searchBox.addEventListener("blur", () => { results.hidden = true; });

  /* ------------------------------------------------------------------ legend, years, language */

  const legend = classLegend(document.getElementById("classes"), nodes, page.classOrder, className,
    (key) => window.coopCommon.swatch(colourOf(key), "dot", 16), (key, on) => {
      if (on) state.classes.add(key); else state.classes.delete(key);
      applyFilters();
    });

  const years = yearFilter(state, minYear, maxYear, applyFilters);

  function resetFilters() {
    state.classes = new Set(nodes.map((n) => n.cls));
    legend.checkAll();
    if (minYear !== null) years.set(minYear, maxYear, true); else applyFilters();
  }
  document.getElementById("reset").addEventListener("click", () => { resetFilters(); renderer.getCamera().animatedReset(); });

  function updateCounts() {
    document.getElementById("visible-count").textContent = t("visible", { nodes: visibleNodes.size, total: nodes.length });
    document.getElementById("empty").hidden = visibleNodes.size > 0;
  }

  function setLang(next) {
    lang = next === "en" ? "en" : "vi";
    showLang(t, lang, page.title[lang]);
    document.getElementById("map-subtitle").textContent = t("counts", { nodes: nodes.length, edges: edges.length });
    legend.relabel();
    graph.forEachNode((id) => graph.setNodeAttribute(id, "label", label(nodeById.get(id))));
    updateCounts();
    if (shown && !panel.hidden) showNode(shown);
  }
  for (const button of document.querySelectorAll(".lang button")) button.addEventListener("click", () => setLang(button.dataset.lang));

  setLang(lang);
  if (minYear !== null) years.set(minYear, maxYear, true);

  window.coopMap = {
    renderer, graph, normalise, find, focus: focusNode, setLang, setYears: years.set, resetFilters,
    visibleNodeIds: () => Array.from(visibleNodes),
    highlighted: () => (focus ? Array.from(focus.nodes) : []),
    get lang() { return lang; },
  };
})();
