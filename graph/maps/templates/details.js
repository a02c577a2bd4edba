/* coopgraph relationship map, details: the card that shows a node's partners or a link's
 * activities with their quoted evidence, and the hover tooltip.
 *
 * window.coopDetails(ctx) wires them to the map; `ctx` (built in map.js) lends the data,
 * the words of the current language and the few actions a card can take (focus a node).
 * Graph text is written with text nodes only.
 */
window.coopDetails = function details(ctx) {
  "use strict";

  const { page, network, container, t, el, fill, label, otherLabel, className, kindName, place, span, edgeLabel,
    nodeById, edgeById, incident } = ctx;
  const visibleEdges = { has: (id) => ctx.visibleEdges().has(id) };
  const focusNode = ctx.focusNode;
  const clearHighlight = ctx.clearHighlight;

  function clip(text, most) {
    return text.length > most ? text.slice(0, most - 1).trimEnd() + "…" : text;
  }

  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");
  let panelShows = null;

  function hidePanel() { panel.hidden = true; panelShows = null; }
  document.getElementById("panel-close").addEventListener("click", () => { hidePanel(); clearHighlight(); network.unselectAll(); });

  function entityLink(id) {
    if (!page.linkBase || !/^[a-z]+\/[A-Za-z0-9._~-]+$/.test(id)) return null;
    return el("p", {}, el("a", { href: page.linkBase + "id/" + id }, t("open_page")));
  }

  function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const partners = incident.get(id).filter((e) => visibleEdges.has(e.id))
      .sort((a, b) => b.value - a.value || label(other(a, id)).localeCompare(label(other(b, id))));
    fill(panelBody,
      el("h2", {}, label(n)),
      otherLabel(n) && otherLabel(n) !== label(n) ? el("p", { class: "other" }, otherLabel(n)) : null,
      el("dl", {},
        el("dt", {}, t("type")), el("dd", {}, className(n.cls)),
        n.country ? [el("dt", {}, t("country")), el("dd", {}, place(n.country))] : null,
        el("dt", {}, t("years")), el("dd", {}, span(n.years))),
      entityLink(id),
      el("h3", {}, t("partners", { n: partners.length })),
      el("ul", {}, partners.map((e) => {
        const p = other(e, id);
        return el("li", {},
          el("span", { class: "link", on: { click: () => focusNode(p.id) } }, label(p)),
          " ", el("span", { class: "link meta", on: { click: () => showEdge(e.id) } }, "(" + t("evidence") + ")"),
          el("div", { class: "meta" }, edgeLabel(e)));
      })));
    panel.hidden = false;
    panelShows = ["node", id];
  }

  function other(e, id) { return nodeById.get(e.from === id ? e.to : e.from); }

  function showEdge(edgeId) {
    const e = edgeById.get(edgeId);
    if (!e) return;
    const a = nodeById.get(e.from), b = nodeById.get(e.to);
    const acts = e.acts.map((i) => page.activities[i]);
    fill(panelBody,
      el("h2", {}, label(a) + " — " + label(b)),
      el("dl", {},
        el("dt", {}, t("relation")), el("dd", {}, e.kinds.map(kindName).join(", ") || "—"),
        el("dt", {}, t("years")), el("dd", {}, span(e.years))),
      el("h3", {}, t("activities", { n: acts.length + e.more })),
      el("ul", {}, acts.map(activityItem)),
      e.more ? el("p", { class: "note" }, t("more", { n: e.more })) : null);
    panel.hidden = false;
    panelShows = ["edge", edgeId];
  }

  function activityItem(act) {
    const title = (ctx.lang() === "en" ? act.en : act.vi) || act.vi || act.en || act.id;
    const meta = [act.kind ? kindName(act.kind) : null, act.date || null].filter(Boolean).join(" · ");
    return el("li", {},
      el("div", {}, title),
      meta ? el("div", { class: "meta" }, meta) : null,
      (act.evidence || []).map((ev) => el("div", {},
        ev.quote ? el("blockquote", {}, "“" + ev.quote + "”") : null,
        el("div", { class: "meta" }, documentRef(ev)))));
  }

  function documentRef(ev) {
    const name = t("document", { doc: String(ev.doc).replace(/^doc\//, "") })
      + (ev.start != null ? " [" + ev.start + "–" + ev.end + "]" : "");
    if (page.linkBase && /^doc\/[A-Za-z0-9._~-]+$/.test(ev.doc)) return el("a", { href: page.linkBase + ev.doc }, name);
    return name;
  }


  const tip = document.getElementById("tip");
  function showTip(pointer, children) {
    fill(tip, children);
    tip.hidden = false;
    const box = container.getBoundingClientRect();
    const x = Math.min(pointer.x + 14, box.width - tip.offsetWidth - 8);
    const y = pointer.y + 14 + tip.offsetHeight > box.height ? pointer.y - tip.offsetHeight - 10 : pointer.y + 14;
    tip.style.left = Math.max(x, 4) + "px";
    tip.style.top = Math.max(y, 4) + "px";
  }
  const hideTip = () => { tip.hidden = true; };

  network.on("hoverNode", (params) => {
    const n = nodeById.get(params.node);
    const count = incident.get(n.id).filter((e) => visibleEdges.has(e.id)).length;
    showTip(params.pointer.DOM, [
      el("div", { class: "t" }, label(n)),
      otherLabel(n) && otherLabel(n) !== label(n) ? el("div", { class: "s" }, otherLabel(n)) : null,
      el("div", {}, className(n.cls) + (n.country ? " · " + place(n.country) : "")),
      el("div", { class: "s" }, t("partners", { n: count }) + " · " + span(n.years)),
    ]);
  });
  network.on("hoverEdge", (params) => {
    const e = edgeById.get(params.edge);
    const a = nodeById.get(e.from), b = nodeById.get(e.to);
    const first = e.acts.length ? page.activities[e.acts[0]] : null;
    const ev = first && first.evidence ? first.evidence[0] : null;
    showTip(params.pointer.DOM, [
      el("div", { class: "t" }, label(a) + " — " + label(b)),
      el("div", { class: "s" }, otherLabel(a) && otherLabel(b) ? otherLabel(a) + " — " + otherLabel(b) : null),
      el("div", {}, edgeLabel(e)),
      first ? el("div", {}, ((ctx.lang() === "en" ? first.en : first.vi) || first.id) + (first.date ? " (" + first.date + ")" : "")) : null,
      ev && ev.quote ? el("blockquote", {}, "“" + clip(ev.quote, 220) + "”") : null,
      ev ? el("div", { class: "s" }, documentText(ev)) : null,
      e.acts.length + e.more > 1 ? el("div", { class: "s" }, t("activities", { n: e.acts.length + e.more })) : null,
    ]);
  });
  const documentText = (ev) => t("document", { doc: String(ev.doc).replace(/^doc\//, "") });
  for (const type of ["blurNode", "blurEdge", "dragStart", "zoom"]) network.on(type, hideTip);

  /** Redraw the card in the current language, if one is open. */
  function refresh() {
    if (panelShows) (panelShows[0] === "node" ? showNode : showEdge)(panelShows[1]);
  }

  return { showNode, showEdge, hidePanel, refresh };
};
