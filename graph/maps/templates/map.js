/* coopgraph relationship map: legend, search, filters, highlight, evidence, PNG, language.
 *
 * Everything that comes from the graph is read from the JSON blocks of the page and put
 * into the document with textContent, never as HTML, so a label cannot inject markup.
 */
(function () {
  "use strict";

  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const rawNodes = read("coop-nodes");
  const rawEdges = read("coop-edges");
  const options = read("coop-options");
  const page = read("coop-page");
  const T = page.texts;
  const KINDS = page.kinds;
  const CLASSES = page.classes;
  const physics = Boolean(options.physics && options.physics.enabled);
  // Above the physics limit the server's layout is final and the map is big: edges are drawn
  // in a few batched strokes, not one stroke each (39,000 strokes took seconds a frame).
  const big = !physics && rawNodes.length > 1;
  const INK = "#1d2733";
  const EDGE_COLOUR = (() => {
    const c = options.edges.color, v = parseInt(c.color.slice(1), 16);
    return "rgba(" + (v >> 16) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + c.opacity + ")";
  })();
  let lang = page.lang === "en" ? "en" : "vi";

  /* ------------------------------------------------------------------ text */

  const { normalise, el, fill, finder, classLegend, yearFilter, showLang } = window.coopCommon;
  const t = window.coopCommon.translator(T, () => lang);

  const label = (n) => (lang === "en" ? n.label_en : n.label_vi) || n.label_vi || n.label_en || n.id;
  const otherLabel = (n) => (lang === "en" ? n.label_vi : n.label_en) || "";
  const className = (key) => (CLASSES[key] ? CLASSES[key][lang] : key);
  const kindName = (key) => (KINDS[key] ? KINDS[key][lang] : key);
  const place = (id) => (page.places[id] ? page.places[id][lang] : id);

  function span(years) {
    if (!years || !years.length) return t("undated_short");
    const first = years[0], last = years[years.length - 1];
    return first === last ? String(first) : first + "–" + last;
  }

  /* ------------------------------------------------------------------ data */

  rawEdges.forEach((e, i) => { e.id = "e" + i; e.more = e.more || 0; });
  const nodeById = new Map(rawNodes.map((n) => [n.id, n]));
  const edgeById = new Map(rawEdges.map((e) => [e.id, e]));
  const incident = new Map(rawNodes.map((n) => [n.id, []]));
  for (const e of rawEdges) {
    if (incident.has(e.from)) incident.get(e.from).push(e);
    if (incident.has(e.to)) incident.get(e.to).push(e);
  }
  for (const n of rawNodes) {
    const years = new Set();
    for (const e of incident.get(n.id)) for (const y of e.years) years.add(y);
    n.years = Array.from(years).sort((a, b) => a - b);
    n.baseColor = colour(CLASSES[n.cls] ? CLASSES[n.cls].color : n.color, n.centre);
  }
  const allYears = Array.from(new Set(rawEdges.flatMap((e) => e.years))).sort((a, b) => a - b);
  const minYear = allYears.length ? allYears[0] : null;
  const maxYear = allYears.length ? allYears[allYears.length - 1] : null;

  function colour(hex, centre) {
    return {
      background: hex, border: centre ? INK : shade(hex, 0.72),
      highlight: { background: hex, border: INK }, hover: { background: hex, border: INK },
    };
  }

  function shade(hex, factor) {
    const value = parseInt(String(hex).slice(1), 16);
    if (Number.isNaN(value)) return hex;
    const part = (shift) => Math.round(((value >> shift) & 255) * factor);
    return "rgb(" + part(16) + "," + part(8) + "," + part(0) + ")";
  }

  function edgeLabel(e) {
    return e.kinds.map(kindName).join(", ") + (e.years.length ? " · " + span(e.years) : "");
  }

  // Shape and colour come from one group per class: per-node option objects cost
  // vis-network a deep merge each (seconds at 5,000 nodes).
  options.groups = {};
  for (const n of rawNodes) {
    if (CLASSES[n.cls] && !options.groups[n.cls]) options.groups[n.cls] = { shape: CLASSES[n.cls].shape, color: colour(CLASSES[n.cls].color) };
  }

  function visNode(n) {
    const node = { id: n.id, label: label(n), x: n.x, y: n.y, value: n.value, cls: n.cls };
    if (CLASSES[n.cls]) node.group = n.cls;
    else Object.assign(node, { shape: n.shape, color: n.baseColor });
    if (n.centre) Object.assign(node, { color: n.baseColor, borderWidth: 4 });
    return node;
  }

  // Widths are scaled here, once, as vis-network would scale `value` (edges.scaling), so
  // that the network does not rescale every edge whenever the filters change.
  const edgeScaling = options.edges.scaling;
  const values = rawEdges.map((e) => e.value || 1);
  const lowest = values.reduce((a, b) => Math.min(a, b), Infinity);
  const highest = values.reduce((a, b) => Math.max(a, b), -Infinity);

  function edgeWidth(value) {
    const scale = highest === lowest ? 0.5 : ((value || 1) - lowest) / (highest - lowest);
    const width = edgeScaling.min + scale * (edgeScaling.max - edgeScaling.min);
    return big ? Math.round(width * 2) / 2 : width;  // a handful of widths: a handful of strokes
  }

  function visEdge(e) {
    return { id: e.id, from: e.from, to: e.to, width: edgeWidth(e.value), label: page.edgeLabels ? edgeLabel(e) : undefined };
  }

  const nodes = new vis.DataSet(rawNodes.map(visNode));
  const edges = new vis.DataSet(rawEdges.map(visEdge));

  /* ------------------------------------------------------------------ filters */

  const state = {
    classes: new Set(rawNodes.map((n) => n.cls)), from: minYear, to: maxYear, undated: true,
    highlighted: null, focused: null,
  };
  let visibleNodes = new Set(rawNodes.map((n) => n.id));
  let visibleEdges = new Set(rawEdges.map((e) => e.id));

  function edgePasses(e) {
    const a = nodeById.get(e.from), b = nodeById.get(e.to);
    if (!a || !b || !state.classes.has(a.cls) || !state.classes.has(b.cls)) return false;
    if (!e.years.length) return state.undated;
    return e.years.some((y) => y >= state.from && y <= state.to);
  }

  function fullRange() {
    return minYear === null || (state.from === minYear && state.to === maxYear && state.undated);
  }

  function applyFilters() {
    const edgesOn = new Set(), touched = new Set();
    for (const e of rawEdges) {
      if (edgePasses(e)) { edgesOn.add(e.id); touched.add(e.from); touched.add(e.to); }
    }
    const nodesOn = new Set();
    for (const n of rawNodes) {
      if (!state.classes.has(n.cls)) continue;
      // A node stays when one of its links does; a lone node only while no year is filtered.
      if (touched.has(n.id) || n.centre || (!incident.get(n.id).length && fullRange())) nodesOn.add(n.id);
    }
    visibleNodes = nodesOn;
    visibleEdges = edgesOn;
    nodeView.refresh();
    edgeView.refresh();
    if (state.highlighted && !visibleNodes.has(state.highlighted)) clearHighlight();
    updateCounts();
  }

  const nodeView = new vis.DataView(nodes, { filter: (n) => visibleNodes.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => visibleEdges.has(e.id) });

  /* ------------------------------------------------------------------ network */

  const container = document.getElementById("map");
  const network = new vis.Network(container, {}, options);
  if (big) network.renderer._drawEdges = drawEdgesBatched;
  // The data goes in with drawing held back, and the view is fitted before the first frame:
  // vis-network would otherwise draw the whole map at least twice before it is in place.
  if (!physics) network.body.emitter.emit("_blockRedraw");
  network.setData({ nodes: nodeView, edges: edgeView });

  /** vis-network's edge pass for big maps: one path per width instead of a stroke per edge;
   * selected and hovered edges are drawn by vis-network itself, on top. */
  function drawEdgesBatched(ctx) {
    const body = network.body, paths = new Map(), own = [];
    for (const id of body.edgeIndices) {
      const edge = body.edges[id];
      if (!edge.connected || edge.from === edge.to) continue;
      if (edge.selected || edge.hover) { own.push(edge); continue; }
      const width = edge.options.width;
      if (!paths.has(width)) paths.set(width, new Path2D());
      const path = paths.get(width);
      path.moveTo(edge.from.x, edge.from.y);
      path.lineTo(edge.to.x, edge.to.y);
    }
    ctx.save();
    ctx.strokeStyle = EDGE_COLOUR;
    for (const [width, path] of paths) {
      ctx.lineWidth = Math.max(width, 0.3 / body.view.scale);
      ctx.stroke(path);
    }
    ctx.restore();
    for (const edge of own) edge.draw(ctx);
  }

  /** Fit the map into the part of the screen the legend leaves free (`fitted`: it is fitted
   * to the whole canvas already, as setData leaves it). */
  function fitBesideLegend(animation, fitted) {
    if (!fitted) network.fit({ animation: false });
    const legend = document.getElementById("legend");
    const width = container.clientWidth, used = legend.offsetWidth + 28;
    if (width < 900 || !rawNodes.length) return;
    network.moveTo({ position: network.getViewPosition(), scale: network.getScale() * (width - used) / width,
      offset: { x: used / 2, y: 0 }, animation: animation ? { duration: 400 } : false });
  }

  let drawn = false, settled = !physics;
  function markReady() {
    if (drawn && settled) window.coopCommon.markReady();
  }
  network.once("afterDrawing", () => {
    drawn = true;
    markReady();
  });
  if (physics) {
    const settle = () => {
      if (settled) return;
      network.setOptions({ physics: { enabled: false } });  // the picture stays still from now on
      fitBesideLegend(false);
      settled = true;
      markReady();
    };
    network.once("stabilizationIterationsDone", settle);
    setTimeout(settle, 20000);
  }
  if (!rawNodes.length) { drawn = true; markReady(); }

  /* ------------------------------------------------------------------ highlight */

  // Dimming by updating every node's colour costs ~1 ms a node in vis-network (1.5 s at
  // 1,500 nodes). Instead the whole picture is washed over after drawing and the
  // neighbourhood drawn again on top: a click costs one redraw, whatever the map's size.
  let focusSet = null;

  function highlight(ids) {
    const keepNodes = new Set(ids), keepEdges = new Set();
    for (const id of ids) {
      for (const other of network.getConnectedNodes(id)) keepNodes.add(other);
      for (const edge of network.getConnectedEdges(id)) keepEdges.add(edge);
    }
    focusSet = { nodes: keepNodes, edges: keepEdges };
    state.highlighted = ids[0];
    network.redraw();
  }

  function clearHighlight() {
    if (!focusSet) return;
    focusSet = null;
    state.highlighted = null;
    network.redraw();
  }

  network.on("afterDrawing", (ctx) => {
    if (!focusSet) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(244,246,249,0.82)";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    const body = network.body;
    for (const id of focusSet.edges) {
      const edge = body.edges[id];
      if (edge && edge.connected) edge.draw(ctx);
    }
    const labels = [];
    for (const id of focusSet.nodes) {
      const node = body.nodes[id];
      if (!node) continue;
      const later = node.draw(ctx);
      if (later && later.drawExternalLabel) labels.push(later.drawExternalLabel);
    }
    for (const draw of labels) draw();
  });

  network.on("click", (params) => {
    if (params.nodes.length) {
      highlight([params.nodes[0]]);
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      const e = edgeById.get(params.edges[0]);
      highlight([e.from, e.to]);
      showEdge(e.id);
    } else {
      clearHighlight();
      hidePanel();
    }
  });

  /* ------------------------------------------------------------------ details */

  // The card on the right and the hover tooltip live in details.js; they read the map
  // through this context and never change it.
  const details = window.coopDetails({
    page, network, container, t, el, fill, label, otherLabel, className, kindName, place, span, edgeLabel,
    nodeById, edgeById, incident, lang: () => lang, visibleEdges: () => visibleEdges,
    focusNode: (id) => focusNode(id), clearHighlight: () => clearHighlight(),
  });
  const { showNode, showEdge, hidePanel } = details;

  /* ------------------------------------------------------------------ search */

  const searchBox = document.getElementById("search");
  const results = document.getElementById("search-results");
  const names = rawNodes.map((n) => ({ id: n.id, keys: Array.from(new Set([normalise(n.label_vi), normalise(n.label_en), normalise(n.id)])) }));
  let hits = [], cursor = -1;

  /** Nodes whose label matches `text`, best first; ties go to the more central node. */
  const find = finder(names, (id) => nodeById.get(id).value, (id) => label(nodeById.get(id)));

  function renderResults() {
    const query = searchBox.value;
    hits = find(query, 10);
    cursor = hits.length ? 0 : -1;
    if (!normalise(query)) { results.hidden = true; searchBox.setAttribute("aria-expanded", "false"); return; }
    fill(results, (hits.length ? hits.map((id, i) => {
      const n = nodeById.get(id);
      return el("li", { role: "option", "aria-selected": i === cursor ? "true" : "false", "data-id": id,
        on: { mousedown: (ev) => { ev.preventDefault(); choose(id); } } },
      swatch(n.cls, 12), el("span", {}, label(n)), el("span", { class: "alt" }, otherLabel(n)));
    }) : [el("li", { class: "none" }, t("no_match"))]));
    results.hidden = false;
    searchBox.setAttribute("aria-expanded", "true");
  }

  function moveCursor(step) {
    if (!hits.length) return;
    cursor = (cursor + step + hits.length) % hits.length;
    results.querySelectorAll("li").forEach((li, i) => li.setAttribute("aria-selected", i === cursor ? "true" : "false"));
  }

  function choose(id) {
    results.hidden = true;
    searchBox.setAttribute("aria-expanded", "false");
    searchBox.value = label(nodeById.get(id));
    focusNode(id);
  }

  searchBox.addEventListener("input", renderResults);
  searchBox.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { moveCursor(1); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { moveCursor(-1); ev.preventDefault(); }
    else if (ev.key === "Enter") { if (!hits.length) renderResults(); if (hits.length) choose(hits[Math.max(cursor, 0)]); }
    else if (ev.key === "Escape") { results.hidden = true; }
  });
  searchBox.addEventListener("blur", () => { results.hidden = true; });

  function focusNode(id) {
    if (!nodeById.has(id)) return false;
    if (!visibleNodes.has(id)) resetFilters();  // a node the filters hid: show everything again
    network.selectNodes([id]);
    highlight([id]);
    showNode(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    state.focused = id;
    document.body.dataset.focused = id;
    return true;
  }

  /* ------------------------------------------------------------------ legend */

  function swatch(cls, size) {
    const style = CLASSES[cls] || { color: "#7F8C8D", shape: "dot" };
    return window.coopCommon.swatch(style.color, style.shape, size, shade(style.color, 0.72));
  }

  const legend = classLegend(document.getElementById("classes"), rawNodes, page.classOrder, className,
    (key) => swatch(key, 16), (key, on) => {
      if (on) state.classes.add(key); else state.classes.delete(key);
      applyFilters();
    });

  /* ------------------------------------------------------------------ years */

  // A dragged slider fires many input events; filter once it rests (the years show at once).
  let pending = null;
  function setYearsSoon(from, to) {
    state.from = Number(from); state.to = Number(to);
    years.show();
    clearTimeout(pending);
    if (rawNodes.length <= 300) years.set(from, to);
    else pending = setTimeout(() => years.set(from, to), 120);
  }

  const years = yearFilter(state, minYear, maxYear, applyFilters, setYearsSoon);

  function resetFilters() {
    state.classes = new Set(rawNodes.map((n) => n.cls));
    legend.checkAll();
    if (minYear !== null) years.set(minYear, maxYear, true); else applyFilters();
  }
  document.getElementById("reset").addEventListener("click", () => { resetFilters(); fitBesideLegend(true); });

  /* ------------------------------------------------------------------ counts, language */

  function updateCounts() {
    document.getElementById("visible-count").textContent = t("visible", { nodes: visibleNodes.size, total: rawNodes.length });
    document.getElementById("empty").hidden = visibleNodes.size > 0;
  }

  function subtitle() {
    const parts = [t("counts", { nodes: rawNodes.length, edges: rawEdges.length })];
    if (page.window) parts.push(t("window", { since: page.window[0] || "…", until: page.window[1] || "…" }));
    return parts.join(" · ");
  }

  let drawnLang = lang;  // the language of the labels the network holds

  function setLang(next) {
    lang = next === "en" ? "en" : "vi";
    showLang(t, lang, page.title[lang]);
    document.getElementById("map-subtitle").textContent = subtitle();
    const capped = document.getElementById("capped");
    capped.hidden = !page.capped;
    if (page.capped) {
      fill(capped, t("capped", { shown: rawNodes.length, total: page.total, measure: t(page.measure) }),
        page.linkBase && document.body.dataset.map === "network"
          ? [" ", el("a", { href: page.linkBase + "maps/overview.html" + location.search }, t("overview_link", { total: page.total }))]
          : null);
    }
    legend.relabel();
    if (lang !== drawnLang) {
      nodes.update(rawNodes.map((n) => ({ id: n.id, label: label(n) })));
      if (page.edgeLabels) edges.update(rawEdges.map((e) => ({ id: e.id, label: edgeLabel(e) })));
      drawnLang = lang;
    }
    years.show();
    updateCounts();
    details.refresh();
  }
  for (const button of document.querySelectorAll(".lang button")) button.addEventListener("click", () => setLang(button.dataset.lang));

  /* ------------------------------------------------------------------ PNG */

  function savePng() {
    window.coopCommon.savePng(container.querySelector("canvas"), "coopgraph-" + document.body.dataset.map + "-map.png");
  }
  document.getElementById("save-png").addEventListener("click", savePng);

  /* ------------------------------------------------------------------ start */

  setLang(lang);
  state.from = minYear; state.to = maxYear;
  years.show();
  updateCounts();
  if (!physics) {
    fitBesideLegend(false, true);
    network.body.emitter.emit("_allowRedraw");
    network.redraw();
  }

  window.coopMap = {
    network, nodes, edges, nodeView, edgeView, normalise, find, focus: focusNode, setLang, setYears: years.set,
    resetFilters, highlight, clearHighlight, visibleNodeIds: () => Array.from(visibleNodes),
    highlighted: () => (focusSet ? Array.from(focusSet.nodes) : []),
    get lang() { return lang; },
  };
})();
