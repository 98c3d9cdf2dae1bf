// Wirewatch desk: the live parts of the pages. Everything that comes from the server as data is written with
// textContent (never innerHTML); story rows come as server-rendered, escaped HTML from /fragments/stories.
"use strict";

(function () {
  const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  function liveDesk() {
    const body = document.getElementById("stories");
    if (!body || !window.EventSource) {
      return;
    }
    const status = document.getElementById("live");
    let pending = null;
    const refresh = () => {
      pending = null;
      fetch(body.dataset.fragment, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
        .then((html) => {
          body.innerHTML = html;
          body.dataset.refreshed = String(Date.now());
        })
        .catch(() => {});
    };
    const events = new EventSource("/api/v1/events");
    const later = () => {
      if (!pending) {
        pending = setTimeout(refresh, 150);
      }
    };
    events.addEventListener("story", later);
    events.addEventListener("alert", later);
    events.onopen = () => {
      if (status) {
        status.textContent = "live";
        status.dataset.state = "live";
      }
      refresh();
    };
    events.onerror = () => {
      if (status) {
        status.textContent = "reconnecting…";
        status.dataset.state = "reconnecting";
      }
    };
  }

  function topicPreview() {
    const query = document.getElementById("topic-query");
    const out = document.getElementById("preview");
    if (!query || !out) {
      return;
    }
    let timer = null;
    let asked = 0;
    const show = (nodes) => {
      out.replaceChildren(...nodes);
    };
    const el = (tag, text, cls) => {
      const e = document.createElement(tag);
      if (text !== undefined && text !== null) {
        e.textContent = text;
      }
      if (cls) {
        e.className = cls;
      }
      return e;
    };
    const snippet = (text) => {
      const p = el("p", null, "snippet");
      (text || "").split("**").forEach((piece, i, all) => {
        if (piece) {
          p.append(i % 2 === 1 && i < all.length - 1 ? el("mark", piece) : document.createTextNode(piece));
        }
      });
      return p;
    };
    const run = () => {
      const q = query.value;
      if (!q.trim()) {
        show([el("p", "Type a query to see what it would have matched in the retained articles.", "hint")]);
        return;
      }
      const mine = ++asked;
      fetch("/api/v1/topics/preview", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify({ query: q }),
      })
        .then((r) => r.json().then((j) => ({ ok: r.ok, body: j })))
        .then(({ ok, body }) => {
          if (mine !== asked) {
            return;
          }
          if (!ok) {
            const nodes = [el("p", body.error, "problem preview-error")];
            if (typeof body.position === "number") {
              const pre = el("pre", null, "caret");
              pre.append(el("span", q), document.createTextNode("\n" + " ".repeat(body.position) + "^"));
              nodes.push(el("p", "at character " + body.position, "position"), pre);
            }
            show(nodes);
            return;
          }
          const list = el("ol", null, "hits");
          body.matches.forEach((m) => {
            const li = el("li");
            const why = el("button", "Why?", "why");
            why.type = "button";
            why.addEventListener("click", () => explain({ query: query.value, articleId: m.id }));
            li.append(el("strong", m.title || "–"), el("span", " " + m.source, "meta"), why, snippet(m.snippet));
            list.append(li);
          });
          show([el("p", body.count + " retained articles would match", "preview-count"), list]);
        })
        .catch(() => {});
    };
    const explainText = document.getElementById("explain-text");
    const explainOut = document.getElementById("explain-out");
    let explained = 0;
    const clause = (c) => {
      const li = el("li", null, c.matched ? "holds" : "fails");
      li.append(el("span", c.matched ? "✓ " : "✗ ", "verdict"), el("code", c.clause), el("span", " — " + c.why, "why"));
      if (c.found.length) {
        li.append(el("span", " (" + c.found.map((f) => "“" + f.text + "” at word " + f.word).join(", ") + ")",
          "found"));
      }
      if (c.parts.length) {
        const ul = el("ul");
        c.parts.forEach((p) => ul.append(clause(p)));
        li.append(ul);
      }
      return li;
    };
    const explain = (request) => {
      if (!explainOut || !request.query.trim() || (!request.text && !request.articleId)) {
        return;
      }
      const mine = ++explained;
      fetch("/api/v1/topics/explain", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify(request),
      })
        .then((r) => r.json().then((j) => ({ ok: r.ok, body: j })))
        .then(({ ok, body }) => {
          if (mine !== explained) {
            return;
          }
          if (!ok) {
            explainOut.replaceChildren(el("p", body.error, "problem"));
            return;
          }
          const verdict = el("p", body.matched ? "It matches." : "It does not match.", "explain-verdict");
          const tree = el("ul", null, "why-tree");
          tree.append(clause(body.clause));
          explainOut.replaceChildren(verdict, tree);
        })
        .catch(() => {});
    };
    let explainTimer = null;
    const explainTyped = () => {
      clearTimeout(explainTimer);
      explainTimer = setTimeout(() => explain({ query: query.value, text: explainText.value }), 250);
    };
    if (explainText) {
      explainText.addEventListener("input", explainTyped);
    }
    query.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
      if (explainText && explainText.value.trim()) {
        explainTyped();
      }
    });
    if (query.value.trim()) {
      run();
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    liveDesk();
    topicPreview();
  });
})();
