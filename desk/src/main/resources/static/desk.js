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
            li.append(el("strong", m.title || "–"), el("span", " " + m.source, "meta"), snippet(m.snippet));
            list.append(li);
          });
          show([el("p", body.count + " retained articles would match", "preview-count"), list]);
        })
        .catch(() => {});
    };
    query.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
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
