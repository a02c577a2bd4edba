/* coopgraph map pages, shared: text folding, interface words, DOM building, label search,
 * class legend, year filter.
 *
 * Graph text is only ever put into the document with text nodes, never parsed as HTML.
 */
window.coopCommon = (function () {
  "use strict";

  /** Case- and diacritic-folding, as graph/search.py normalise(): "Bộ Tư pháp" -> "bo tu phap". */
  function normalise(text) {
    return String(text == null ? "" : text)
      .replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_]+/gu, " ")
      .trim();
  }

  /** t(key, {n: 3}) in the language `currentLang()` gives, placeholders filled. */
  function translator(texts, currentLang) {
    return function t(key, vars) {
      const entry = texts[key];
      let text = entry ? entry[currentLang()] : key;
      for (const [name, value] of Object.entries(vars || {})) text = text.split("{" + name + "}").join(String(value));
      return text;
    };
  }

  /** An element with attributes (`on` for listeners) and children (strings become text). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else node.setAttribute(name, value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** Replace the children of `node`, skipping the empty ones (null, false, ""). */
  function fill(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false && c !== ""));
  }

  /** How well the folded `name` matches the folded `query`, as graph/search.py scores it. */
  function score(query, tokens, name) {
    if (!name) return 0;
    if (name === query) return 100;
    const words = name.split(" ");
    if (name.startsWith(query + " ")) return 80 - Math.min(words.length - tokens.length, 20) * 0.5;
    if ((" " + name + " ").includes(" " + query + " ")) return 60 - Math.min(words.length - tokens.length, 20) * 0.5;
    if (tokens.every((tok) => words.some((w) => w.startsWith(tok)))) return 40;
    if (query.length >= 3 && name.includes(query)) return 20;
    return 0;
  }

  /**
   * A search over `entries` ([{id, keys: [folded names]}]): find(text, limit) gives ids,
   * best match first, ties to the higher `weight(id)` (the more central node).
   */
  function finder(entries, weight, name) {
    return function find(text, limit) {
      const query = normalise(text);
      if (!query) return [];
      const tokens = query.split(" ");
      const found = [];
      for (const entry of entries) {
        let best = 0;
        for (const key of entry.keys) best = Math.max(best, score(query, tokens, key));
        if (best > 0) found.push({ id: entry.id, score: best });
      }
      found.sort((a, b) => b.score - a.score || weight(b.id) - weight(a.id) || name(a.id).localeCompare(name(b.id)));
      return found.slice(0, limit || 10).map((hit) => hit.id);
    };
  }

  /** A small canvas drawing a vis-network shape in a colour, for legends and result lists. */
  function swatch(color, shape, size, border) {
    const canvas = el("canvas", { width: size * 2, height: size * 2, "aria-hidden": "true" });
    canvas.style.width = canvas.style.height = size + "px";
    const g = canvas.getContext("2d");
    const c = size, r = size * 0.8;
    const poly = (points) => { g.beginPath(); points.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y))); g.closePath(); };
    const around = (count, radius, turn) => Array.from({ length: count }, (_, i) => {
      const a = turn + (i * 2 * Math.PI) / count;
      return [c + radius * Math.cos(a), c + radius * Math.sin(a)];
    });
    switch (shape) {
      case "diamond": poly(around(4, r, -Math.PI / 2)); break;
      case "triangle": poly(around(3, r, -Math.PI / 2)); break;
      case "triangleDown": poly(around(3, r, Math.PI / 2)); break;
      case "square": poly(around(4, r, Math.PI / 4)); break;
      case "hexagon": poly(around(6, r, 0)); break;
      case "star": poly(around(10, r, -Math.PI / 2).map((p, i) => (i % 2 ? [c + (p[0] - c) * 0.45, c + (p[1] - c) * 0.45] : p))); break;
      default: g.beginPath(); g.arc(c, c, r * 0.85, 0, 2 * Math.PI);
    }
    g.fillStyle = color; g.fill();
    g.lineWidth = 2; g.strokeStyle = border || color; g.stroke();
    return canvas;
  }

  /**
   * The class legend in `list`: a checked box for each class of `nodes`, in `order`, with its
   * name, `swatchOf(key)` and count. `toggle(key, on)` when a box changes; relabel() names
   * the classes again (after a language switch), checkAll() checks every box.
   */
  function classLegend(list, nodes, order, className, swatchOf, toggle) {
    const counts = {};
    for (const n of nodes) counts[n.cls] = (counts[n.cls] || 0) + 1;
    const names = [];
    for (const key of order.filter((k) => counts[k])) {
      const name = el("span", { class: "name" }, className(key));
      names.push([key, name]);
      list.appendChild(el("li", {}, el("label", {},
        el("input", { type: "checkbox", checked: "checked", "data-class": key, on: { change: (ev) => toggle(key, ev.target.checked) } }),
        swatchOf(key), name, el("span", { class: "count" }, String(counts[key])))));
    }
    return {
      relabel() { for (const [key, name] of names) name.textContent = className(key); },
      checkAll() { list.querySelectorAll("input").forEach((box) => { box.checked = true; }); },
    };
  }

  /**
   * The year sliders over `min`–`max` (hidden when the map has no years) and the undated box,
   * kept in `state.from`, `state.to` and `state.undated`. set(from, to, undated) clamps them,
   * shows them and calls `changed()`; a moved slider calls `slide(from, to)` (set by default);
   * show() writes the years beside the sliders.
   */
  function yearFilter(state, min, max, changed, slide) {
    const fromInput = document.getElementById("year-from"), toInput = document.getElementById("year-to");
    const fromOut = document.getElementById("year-from-out"), toOut = document.getElementById("year-to-out");
    const undatedBox = document.getElementById("undated");
    if (min === null) {
      document.getElementById("years").hidden = true;
    } else {
      for (const input of [fromInput, toInput]) { input.min = min; input.max = max; }
      fromInput.value = min; toInput.value = max;
    }

    function show() {
      fromOut.textContent = state.from === null ? "" : String(state.from);
      toOut.textContent = state.to === null ? "" : String(state.to);
    }

    function set(from, to, undated) {
      if (min === null) return;
      state.from = Math.max(min, Math.min(Number(from), max));
      state.to = Math.max(state.from, Math.min(Number(to), max));
      if (undated !== undefined) state.undated = Boolean(undated);
      fromInput.value = state.from; toInput.value = state.to; undatedBox.checked = state.undated;
      show();
      changed();
    }

    const moved = slide || set;
    fromInput.addEventListener("input", () => moved(fromInput.value, Math.max(fromInput.value, toInput.value)));
    toInput.addEventListener("input", () => moved(Math.min(fromInput.value, toInput.value), toInput.value));
    undatedBox.addEventListener("change", () => set(state.from, state.to, undatedBox.checked));
    return { set, show };
  }

  /** Put the page's fixed words, the language buttons and the title `title` in `lang`. */
  function showLang(t, lang, title) {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    for (const node of document.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
    for (const button of document.querySelectorAll(".lang button")) button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    document.getElementById("map-title").textContent = title;
    document.title = title;
  }

  /** Download a canvas as PNG on a white background. */
  function savePng(source, filename) {
    const out = document.createElement("canvas");
    out.width = source.width; out.height = source.height;
    const g = out.getContext("2d");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, out.width, out.height);
    g.drawImage(source, 0, 0);
    const link = el("a", { download: filename, href: out.toDataURL("image/png") });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /** Mark the page ready for its readers and for tests: window.coopMapReady, data-ready. */
  function markReady() {
    if (window.coopMapReady) return;
    window.coopMapReady = true;
    document.body.dataset.ready = "true";
    document.dispatchEvent(new CustomEvent("coopmap:ready"));
  }

  return { normalise, translator, el, fill, score, finder, swatch, classLegend, yearFilter, showLang, savePng, markReady };
})();
