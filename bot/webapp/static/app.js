// wgbot's Mini App: the matrix of decisions x Parties, a calendar of
// deadlines and the Secretariat's desk. Every call sends Telegram's initData;
// the server decides what this user may see and do (the "can" lists).
// Data is only ever put on the page with textContent, never as HTML.
"use strict";
(function () {
  const T = JSON.parse(document.getElementById("texts").textContent);
  const tg = (window.Telegram && window.Telegram.WebApp) || null;
  const $ = (id) => document.getElementById(id);
  const fmt = (key, ...args) => { let s = T[key] || key; for (const a of args) s = s.replace(/%[sd]/, String(a)); return s; };
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const k of kids) if (k) e.append(k);
    return e;
  };
  let view = null;            // the last /api/view
  let selected = new Set();   // task ids chosen for a bulk change
  let month = null;           // {y, m} shown by the calendar
  let current = "matrix";

  // The theme: copy themeParams into CSS variables (telegram-web-app.js does
  // the same; doing it here keeps the page right with any version of it).
  function applyTheme() {
    const p = (tg && tg.themeParams) || {};
    for (const [k, v] of Object.entries(p)) {
      document.documentElement.style.setProperty("--tg-theme-" + k.replace(/_/g, "-"), v);
    }
    document.documentElement.dataset.scheme = (tg && tg.colorScheme) || "light";
  }

  function notice(text, isError) {
    const n = $("notice");
    n.textContent = text;
    n.className = isError ? "error" : "";
    n.hidden = !text;
  }

  async function api(path, body) {
    const init = { headers: { "Authorization": "tma " + ((tg && tg.initData) || "") } };
    if (body !== undefined) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let res;
    try { res = await fetch("api/" + path, init); } catch (e) { throw new Error(T.failed); }
    let data = null;
    try { data = await res.json(); } catch (e) { /* not JSON */ }
    if (!res.ok) throw new Error((data && data.message) || T.failed);
    return data;
  }

  const partyInfo = (code) => (view.parties.find((p) => p.code === code) || { code, flag: "", name: code });
  const stateWord = (c) => (c.overdue ? T.overdue : T[c.state]);

  // ---- the matrix
  function fillFilters() {
    const opts = (sel, items) => {
      const keep = sel.value;
      sel.replaceChildren(...items.map(([v, t]) => el("option", { value: v, text: t })));
      if ([...sel.options].some((o) => o.value === keep)) sel.value = keep;
    };
    opts($("f-meeting"), [["", T.allMeetings], ...view.meetings.map((m) => [m.id, m.short])]);
    opts($("f-party"), [["", T.allParties], ...view.parties.map((p) => [p.code, p.flag + " " + p.name])]);
    opts($("f-status"), [["", T.anyStatus], ["open", T.open], ["submitted", T.submitted], ["confirmed", T.confirmed]]);
  }

  function filtered() {
    const meeting = $("f-meeting").value, party = $("f-party").value, status = $("f-status").value;
    const overdue = $("f-overdue").checked;
    return view.tasks.filter((t) => {
      if (meeting && t.meeting !== meeting) return false;
      const cells = party ? t.cells.filter((c) => c.party === party) : t.cells;
      if (!cells.length) return false;
      if (status && !cells.some((c) => c.state === status)) return false;
      if (overdue && !cells.some((c) => c.overdue)) return false;
      return true;
    });
  }

  function renderMatrix() {
    const rows = filtered();
    const party = $("f-party").value;
    const cols = view.parties.filter((p) => (party ? p.code === party : view.tasks.some((t) => t.cells.some((c) => c.party === p.code))));
    const admin = view.role === "admin";
    const head = el("tr", {}, el("th", { class: "task", text: T.task }), ...cols.map((p) => el("th", { text: p.flag + " " + p.code, title: p.name })));
    $("matrix").tHead.replaceChildren(head);
    const body = rows.map((t) => {
      const first = el("td", { class: "task" });
      if (admin) {
        const box = el("input", { type: "checkbox", class: "pick", "aria-label": fmt("selectTask", t.id) });
        box.checked = selected.has(t.id);
        box.addEventListener("click", (e) => { e.stopPropagation(); box.checked ? selected.add(t.id) : selected.delete(t.id); renderBulk(); });
        first.append(box, " ");
      }
      first.append(el("b", { text: "#" + t.id + " " }), t.title, el("span", { class: "due", text: t.deadline || T.noDeadline }));
      const tds = cols.map((p) => {
        const c = t.cells.find((x) => x.party === p.code);
        if (!c) return el("td", { class: "cell na", text: "—", title: T.notInvolved });
        const cls = "cell st-" + (c.overdue ? "overdue" : c.state);
        return el("td", { class: cls, "data-party": c.party },
          el("span", { class: "state", text: stateWord(c) }),
          c.on ? el("span", { class: "small", text: c.on }) : null,
          c.ref ? el("span", { class: "small", text: c.ref }) : null);
      });
      const tr = el("tr", { class: "row" + (t.overdue ? " overdue" : ""), "data-task": String(t.id), onclick: () => openTask(t.id) }, first, ...tds);
      return tr;
    });
    $("matrix").tBodies[0].replaceChildren(...body);
    $("empty").hidden = rows.length > 0;
    $("empty").textContent = T.noTasks;
    renderBulk();
  }

  function renderBulk() {
    const admin = view && view.role === "admin";
    $("bulk").hidden = !admin || selected.size === 0;
    $("bulk-count").textContent = fmt("selected", selected.size);
  }

  async function bulk(action) {
    const body = { tasks: [...selected], action };
    if (action === "deadline") body.date = $("bulk-date").value;
    try {
      const res = await api("bulk", body);
      selected.clear();
      await load();
      notice(fmt("bulkDone", res.changed));
    } catch (e) { notice(e.message, true); }
  }

  // ---- the calendar
  function renderCalendar() {
    if (!month) {
      const dated = view.tasks.filter((t) => t.due).map((t) => t.due).sort();
      const ahead = dated.find((d) => d >= view.today_iso) || dated[dated.length - 1] || view.today_iso;
      month = { y: +ahead.slice(0, 4), m: +ahead.slice(5, 7) };
    }
    const { y, m } = month;
    const first = new Date(Date.UTC(y, m - 1, 1));
    // The month and weekdays in the user's language (the browser knows them all), not always English.
    const locale = shown === "en" ? "en-GB" : shown;
    $("cal-title").textContent = first.toLocaleDateString(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7; // weeks start on Monday
    const cells = [];
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
    for (let i = 0; i < 7; i++) cells.push(el("div", { class: "hint", text: weekday.format(new Date(Date.UTC(2024, 0, 1 + i))) })); // 1 January 2024 was a Monday
    for (let i = 0; i < lead; i++) cells.push(el("div", { class: "day empty" }));
    const meeting = $("f-meeting").value, party = $("f-party").value;
    for (let d = 1; d <= days; d++) {
      const iso = y + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
      const box = el("div", { class: "day" + (iso === view.today_iso ? " today" : ""), "data-date": iso }, el("span", { class: "n", text: String(d) }));
      for (const t of view.tasks) {
        if (t.due !== iso || (meeting && t.meeting !== meeting) || (party && !t.cells.some((c) => c.party === party))) continue;
        box.append(el("a", { class: t.overdue ? "overdue" : "", title: t.title, text: "#" + t.id + " " + t.title, onclick: () => openTask(t.id) }));
      }
      cells.push(box);
    }
    $("cal-grid").replaceChildren(...cells);
  }

  function shiftMonth(delta) {
    let { y, m } = month;
    m += delta;
    if (m < 1) { m = 12; y--; }
    if (m > 12) { m = 1; y++; }
    month = { y, m };
    renderCalendar();
  }

  // ---- one task
  async function openTask(id) {
    try {
      const t = await api("task/" + id);
      renderTask(t);
      show("task");
    } catch (e) { notice(e.message, true); }
  }

  function renderTask(t) {
    const box = $("view-task");
    const parts = [
      el("button", { type: "button", id: "back", text: T.back, onclick: () => { show(current); } }),
      el("h1", { text: "#" + t.id + " " + t.title }),
      el("p", {}, el("b", { text: T.deadline + ": " }), t.deadline || T.noDeadline),
    ];
    if (t.text) parts.push(el("p", { class: "hint", text: T.quote }), el("blockquote", { text: t.text }));
    if (t.source) parts.push(el("p", { class: "hint", text: T.source + ": " + t.source }));
    parts.push(el("h2", { text: T.status }));
    for (const c of t.cells) {
      const p = partyInfo(c.party);
      const line = el("div", { class: "party", "data-party": c.party },
        el("b", { text: p.flag + " " + p.name + ": " }), stateWord(c) + (c.on ? " · " + c.on : "") + (c.ref ? " · " + c.ref : ""));
      const acts = el("div", { class: "actions" });
      if ((c.can || []).includes("submit")) {
        const ref = el("input", { type: "text", class: "ref", placeholder: T.reference, maxlength: "200" });
        acts.append(ref, el("button", { type: "button", class: "primary act-submit", text: fmt("markSubmitted", c.party),
          onclick: () => changeStatus(t.id, c.party, "submitted", ref.value) }));
      }
      if ((c.can || []).includes("confirm")) {
        acts.append(el("button", { type: "button", class: "primary act-confirm", text: fmt("confirm", c.party), onclick: () => changeStatus(t.id, c.party, "confirmed") }));
      }
      if ((c.can || []).includes("reopen")) {
        acts.append(el("button", { type: "button", class: "danger act-reopen", text: fmt("reopen", c.party), onclick: () => changeStatus(t.id, c.party, "open") }));
      }
      if (acts.children.length) line.append(acts);
      parts.push(line);
    }
    parts.push(el("h2", { text: T.history }));
    if (t.history && t.history.length) {
      parts.push(el("ul", { class: "history" }, ...t.history.map((h) => el("li", { text: h.at + " · " + h.party + " " + T[h.from] + " → " + T[h.to] + (h.ref ? " · " + h.ref : "") }))));
    } else parts.push(el("p", { class: "hint", text: T.noHistory }));
    if (t.editable) parts.push(editForm(t));
    box.replaceChildren(...parts);
  }

  function editForm(t) {
    const date = el("input", { type: "date", id: "edit-date", value: t.due || "" });
    const text = el("textarea", { id: "edit-text", rows: "4" });
    text.value = t.text || t.title;
    const picks = view.parties.map((p) => {
      const box = el("input", { type: "checkbox", value: p.code });
      box.checked = t.cells.some((c) => c.party === p.code);
      return el("label", { class: "check" }, box, p.flag + " " + p.code);
    });
    const form = el("form", { class: "edit" },
      el("b", { text: T.edit }),
      el("label", {}, T.deadline + " ", date),
      el("span", { text: T.parties }), el("div", { class: "parties-pick" }, ...picks),
      el("label", {}, T.text, text),
      el("button", { type: "submit", class: "primary", id: "edit-save", text: T.save }));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const body = { parties: picks.map((l) => l.firstChild).filter((b) => b.checked).map((b) => b.value) };
      if (date.value && date.value !== t.due) body.deadline = date.value;
      if (text.value.trim() !== (t.text || t.title)) body.text = text.value;
      try {
        const nt = await api("task/" + t.id + "/edit", body);
        await load();
        renderTask(nt);
        notice(T.saved);
      } catch (err) { notice(err.message, true); }
    });
    return form;
  }

  async function changeStatus(id, party, state, ref) {
    try {
      const t = await api("task/" + id + "/status", { party, state, ref: ref || "" });
      await load();
      renderTask(t);
      notice(T.saved);
    } catch (e) { notice(e.message, true); }
  }

  // ---- views and start
  function show(name) {
    for (const v of ["matrix", "calendar", "task"]) $("view-" + v).hidden = v !== name;
    if (name !== "task") {
      current = name;
      $("tab-matrix").classList.toggle("active", name === "matrix");
      $("tab-calendar").classList.toggle("active", name === "calendar");
      if (name === "calendar") renderCalendar(); else renderMatrix();
    }
    window.scrollTo(0, 0);
  }

  // ---- the report (administrators): the same files as /report, as a download
  async function download(format) {
    const meeting = $("f-meeting").value;
    let res;
    try {
      res = await fetch("api/report?format=" + format + "&meeting=" + encodeURIComponent(meeting),
        { headers: { "Authorization": "tma " + ((tg && tg.initData) || "") } });
    } catch (e) { notice(T.failed, true); return; }
    if (!res.ok) {
      let data = null;
      try { data = await res.json(); } catch (e) { /* not JSON */ }
      notice((data && data.message) || T.failed, true);
      return;
    }
    const name = (/filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") || "") || [])[1] || "wgbot-report." + format;
    const url = URL.createObjectURL(await res.blob());
    const a = el("a", { href: url });
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    notice(fmt("reportReady", name));
  }

  async function load() {
    view = await api("view");
    // The page came with English; the view brings the user's language.
    if (view.texts && view.lang !== shown) { Object.assign(T, view.texts); shown = view.lang; labels(); }
    for (const id of [...selected]) if (!view.tasks.some((t) => t.id === id)) selected.delete(id);
    const who = view.role === "admin" ? T.youAdmin : fmt("you", view.party ? partyInfo(view.party).flag + " " + partyInfo(view.party).name : "—");
    $("who").textContent = fmt("today", view.today) + " · " + who;
    fillFilters();
    $("report-desk").hidden = view.role !== "admin";
    if (current === "calendar") renderCalendar(); else renderMatrix();
  }

  let shown = "en"; // the language of T
  // labels puts the words of the page's fixed parts in place.
  function labels() {
    document.title = T.title;
    document.documentElement.lang = shown;
    $("tab-matrix").textContent = T.matrix;
    $("tab-calendar").textContent = T.calendar;
    $("f-overdue-label").textContent = T.overdueOnly;
    $("bulk-confirm").textContent = T.confirmAll;
    $("bulk-deadline").textContent = T.setDeadline;
    $("cal-prev").textContent = T.prev;
    $("cal-next").textContent = T.next;
    $("report").textContent = T.report;
    for (const f of ["docx", "xlsx", "pdf"]) $("report-" + f).textContent = T["report" + f[0].toUpperCase() + f.slice(1)];
  }

  function start() {
    applyTheme();
    labels();
    $("tab-matrix").addEventListener("click", () => show("matrix"));
    $("tab-calendar").addEventListener("click", () => show("calendar"));
    $("bulk-confirm").addEventListener("click", () => bulk("confirm"));
    $("bulk-deadline").addEventListener("click", () => bulk("deadline"));
    $("cal-prev").addEventListener("click", () => shiftMonth(-1));
    $("cal-next").addEventListener("click", () => shiftMonth(1));
    for (const f of ["docx", "xlsx", "pdf"]) {
      $("report-" + f).addEventListener("click", () => download(f));
    }
    for (const id of ["f-meeting", "f-party", "f-status", "f-overdue"]) {
      $(id).addEventListener("change", () => (current === "calendar" ? renderCalendar() : renderMatrix()));
    }
    if (tg) {
      tg.ready();
      if (tg.expand) tg.expand();
      if (tg.onEvent) tg.onEvent("themeChanged", applyTheme);
    }
    if (!tg || !tg.initData) { notice(T.openInTelegram, true); return; }
    notice(T.loading);
    load().then(() => {
      notice("");
      const sp = (tg.initDataUnsafe && tg.initDataUnsafe.start_param) || "";
      const m = /^task_(\d+)$/.exec(sp);
      if (m) openTask(+m[1]);
    }).catch((e) => notice(e.message, true));
  }
  start();
})();
