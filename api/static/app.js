// The landing page: entity search and the SPARQL editor. Plain DOM, no library, no network
// request other than to this service.
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function problemText(body, status) {
    if (body && body.detail) return body.title + ": " + body.detail;
    return "HTTP " + status;
  }

  // ---------------------------------------------------------------- search
  var search = document.querySelector("form.search");
  if (search) {
    var hits = document.querySelector("ol.hits");
    var lang = search.getAttribute("data-lang") || "vi";
    var timer = null;
    var run = function () {
      var q = search.elements.q.value.trim();
      if (!q) { hits.textContent = ""; return; }
      fetch("/entities?limit=10&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (b) { return [r, b]; }); })
        .then(function (rb) {
          var r = rb[0], body = rb[1];
          hits.textContent = "";
          if (!r.ok) { hits.appendChild(el("li", {}, problemText(body, r.status))); return; }
          if (!body.items.length) { hits.appendChild(el("li", {}, search.getAttribute("data-empty"))); return; }
          body.items.forEach(function (h) {
            var li = el("li");
            var first = lang === "en" ? (h.label_en || h.label_vi) : (h.label_vi || h.label_en);
            var second = lang === "en" ? h.label_vi : h.label_en;
            var link = el("a", { href: (h.id ? "/id/" + h.id : "/entities/" + encodeURIComponent(h.iri)) + "?lang=" + lang }, first || h.iri);
            li.appendChild(link);
            if (second) li.appendChild(el("span", { "class": "muted" }, " — " + second));
            if (h.types.length) li.appendChild(el("span", { "class": "tag" }, h.types[0]));
            hits.appendChild(li);
          });
        })
        .catch(function (e) { hits.textContent = String(e); });
    };
    search.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
    search.elements.q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  }

  // ---------------------------------------------------------------- SPARQL editor
  var form = document.querySelector("form.sparql");
  if (!form) return;
  var examples = JSON.parse(document.getElementById("example-queries").textContent);
  var status = document.querySelector("p.status");
  var results = document.querySelector("div.results");
  form.querySelector("select.examples").addEventListener("change", function (ev) {
    form.elements.query.value = examples[Number(ev.target.value)].query;
  });

  function cell(term) {
    if (!term) return el("td");
    var td = el("td");
    if (term.type === "uri") {
      var m = term.value.match(/\/id\/([a-z]+\/[^\/#]+)$/) || term.value.match(/\/(doc\/[^\/#]+)$/);
      if (m) { td.appendChild(el("a", { href: "/" + (m[1].indexOf("doc/") === 0 ? m[1] : "id/" + m[1]) }, term.value)); }
      else td.textContent = term.value;
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) td.setAttribute("lang", term["xml:lang"]);
    }
    return td;
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var format = form.elements.format.value;
    var body = new URLSearchParams({ query: form.elements.query.value });
    if (format) body.set("format", format);
    status.className = "status";
    status.textContent = "…";
    results.textContent = "";
    var started = performance.now();
    fetch("/sparql", { method: "POST", body: body, headers: { Accept: "application/sparql-results+json, text/turtle;q=0.9" } })
      .then(function (r) {
        var type = (r.headers.get("content-type") || "").split(";")[0];
        var ms = Math.round(performance.now() - started) + " ms";
        if (!r.ok) {
          return r.json().then(function (b) {
            status.className = "status error";
            status.textContent = form.getAttribute("data-error") + ": " + problemText(b, r.status);
          });
        }
        if (type !== "application/sparql-results+json") {
          return r.text().then(function (t) { results.appendChild(el("pre", {}, t)); status.textContent = type + " · " + ms; });
        }
        return r.json().then(function (data) {
          if ("boolean" in data) { results.appendChild(el("pre", {}, String(data.boolean))); status.textContent = ms; return; }
          var table = el("table"), head = el("tr");
          data.head.vars.forEach(function (v) { head.appendChild(el("th", {}, "?" + v)); });
          table.appendChild(head);
          data.results.bindings.forEach(function (b) {
            var tr = el("tr");
            data.head.vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
            table.appendChild(tr);
          });
          results.appendChild(table);
          status.textContent = data.results.bindings.length + " " + form.getAttribute("data-rows") + " · " + ms;
        });
      })
      .catch(function (e) { status.className = "status error"; status.textContent = String(e); });
  });
})();
