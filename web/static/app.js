// The case explorer: pick a dispute or a party, and see who is on which
// side, who backed whom and why, what each side argues, what the courts
// decided and what was cited, every fact with the quote it rests on.
//
// State lives in the address's fragment (#party=NAME&case=ID), so every
// view can be linked to and the browser's back button works.

import { ask, SEARCH, CASES, PARTY, CASE } from "./queries.js";
import { drawCase } from "./graph.js";

// ---------------------------------------------------------------- DOM

/** h builds an element: h("a", {href, class, onclick}, ...children). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = (selector) => document.querySelector(selector);

// ---------------------------------------------------------------- routes

function readRoute() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { party: params.get("party") || "", case: params.get("case") || "" };
}

function link(route) {
  const params = new URLSearchParams();
  if (route.party) params.set("party", route.party);
  if (route.case) params.set("case", route.case);
  return "#" + params.toString();
}

function go(route) {
  const target = link(route);
  if (location.hash === target) render();
  else location.hash = target;
}

// ---------------------------------------------------------------- evidence

const popover = h("div", { id: "evidence", class: "popover", role: "dialog", "aria-label": "Evidence", hidden: true });
let pinnedBy = null;
let hideTimer = 0;

/** An article's title, publisher and link, as a caption. */
function articleCaption(article) {
  const title = article.url ? h("a", { href: article.url, target: "_blank", rel: "noopener" }, article.title) : h("cite", {}, article.title);
  return h(
    "figcaption",
    {},
    title,
    article.publisher ? h("span", { class: "publisher" }, " · " + article.publisher) : null,
    article.publishedAt ? h("span", { class: "date" }, " · " + article.publishedAt) : null,
    !article.url && article.source ? h("span", { class: "source" }, " · " + article.source) : null,
  );
}

function fillPopover(list, label) {
  const shown = list.slice(0, 6);
  popover.replaceChildren(
    h(
      "div",
      { class: "popover-head" },
      h("span", {}, `Evidence for ${label}`),
      h("button", { type: "button", class: "close", "aria-label": "Close", onclick: () => hidePopover(true) }, "×"),
    ),
    ...shown.map((e) =>
      h(
        "figure",
        { class: "quote" },
        h("blockquote", {}, e.quote),
        articleCaption(e.article),
        e.note ? h("p", { class: "note" }, "Read as: " + e.note) : null,
      ),
    ),
    ...(list.length > shown.length ? [h("p", { class: "more" }, `and ${list.length - shown.length} more quotes`)] : []),
  );
}

function showPopover(button, pin) {
  clearTimeout(hideTimer);
  if (pinnedBy && pinnedBy !== button && !pin) return;
  fillPopover(button.evidence, button.dataset.label);
  popover.hidden = false;
  const r = button.getBoundingClientRect();
  const width = Math.min(460, window.innerWidth - 24);
  popover.style.width = width + "px";
  popover.style.left = Math.max(12, Math.min(window.scrollX + r.left - 20, window.scrollX + window.innerWidth - width - 12)) + "px";
  popover.style.top = window.scrollY + r.bottom + 8 + "px";
  if (pin) {
    if (pinnedBy) pinnedBy.setAttribute("aria-expanded", "false");
    pinnedBy = button;
    button.setAttribute("aria-expanded", "true");
  }
}

function hidePopover(force) {
  if (pinnedBy && !force) return;
  if (pinnedBy) pinnedBy.setAttribute("aria-expanded", "false");
  pinnedBy = null;
  popover.hidden = true;
}

popover.addEventListener("mouseenter", () => clearTimeout(hideTimer));
popover.addEventListener("mouseleave", () => {
  hideTimer = setTimeout(() => hidePopover(false), 250);
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") hidePopover(true);
});
document.addEventListener("click", (event) => {
  if (pinnedBy && !popover.contains(event.target) && !event.target.closest("button.ev")) hidePopover(true);
});

/** A small button that shows the quotes a fact rests on, on hover or click. */
function evidenceButton(list, label) {
  if (!list || list.length === 0) return h("span", { class: "ev-none", title: "No quote recorded" }, "");
  const button = h(
    "button",
    {
      type: "button",
      class: "ev",
      "data-label": label,
      "aria-expanded": "false",
      "aria-label": `${list.length === 1 ? "The quote" : list.length + " quotes"} for ${label}`,
      title: "Show where this comes from",
    },
    "❝",
    list.length > 1 ? h("span", { class: "count" }, list.length) : null,
  );
  button.evidence = list;
  button.addEventListener("mouseenter", () => showPopover(button, false));
  button.addEventListener("mouseleave", () => {
    hideTimer = setTimeout(() => hidePopover(false), 250);
  });
  button.addEventListener("focus", () => showPopover(button, false));
  button.addEventListener("blur", () => {
    hideTimer = setTimeout(() => hidePopover(false), 250);
  });
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    if (pinnedBy === button) hidePopover(true);
    else showPopover(button, true);
  });
  return button;
}

// ---------------------------------------------------------------- data

const cache = { party: new Map(), case: new Map() };

async function loadParty(name) {
  const key = name.toLowerCase();
  if (!cache.party.has(key)) cache.party.set(key, ask(PARTY, { name }).then((d) => d.party));
  return cache.party.get(key);
}

async function loadCase(id) {
  if (!cache.case.has(id)) cache.case.set(id, ask(CASE, { id }).then((d) => d.case));
  return cache.case.get(id);
}

// ---------------------------------------------------------------- dates

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** When a ruling was made, as [year, month, day], from what is known. */
function whenRuled(ruling) {
  const text = (ruling.date || "").toLowerCase();
  let year = (text.match(/\b(1[6-9]\d\d|20\d\d)\b/) || [])[1];
  if (!year) {
    for (const e of ruling.evidence) {
      const y = ((e.article.publishedAt || "").match(/\b(1[6-9]\d\d|20\d\d)\b/) || [])[1];
      if (y) {
        year = y;
        break;
      }
    }
  }
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}[a-z]*\\.?\\b`).test(text)) + 1;
  const day = (text.replace(/\b\d{4}\b/, "").match(/\b([0-3]?\d)(st|nd|rd|th)?\b/) || [])[1];
  return [year ? +year : Infinity, month || 0, day ? +day : 0];
}

function byDate(rulings) {
  return rulings
    .map((r, i) => ({ r, i, when: whenRuled(r) }))
    .sort((a, b) => {
      for (let k = 0; k < 3; k++) {
        if (a.when[k] !== b.when[k]) return a.when[k] < b.when[k] ? -1 : 1;
      }
      return a.i - b.i;
    })
    .map((x) => x.r);
}

// ---------------------------------------------------------------- views

function sideNames(c, side) {
  return c.parties.filter((p) => p.side === side).map((p) => p.party.name);
}

function partyLink(name, attrs = {}) {
  return h("a", { href: link({ party: name }), class: "party-link", ...attrs }, name);
}

function kindBadge(kind) {
  return kind ? h("span", { class: "kind" }, kind) : null;
}

function isFocus(focus, name) {
  return Boolean(focus) && name.toLowerCase() === focus.toLowerCase();
}

/** The supports given, each with its form, grounds and evidence. */
function supportList(supporters, focus, showBacked) {
  return h(
    "ul",
    { class: "supporters" },
    supporters.map((s) =>
      h(
        "li",
        { class: "supporter" + (isFocus(focus, s.supporter.name) ? " focus" : ""), "data-name": s.supporter.name },
        h(
          "div",
          { class: "line" },
          partyLink(s.supporter.name, { class: "party-link supporter-name" }),
          h("span", { class: "via" }, s.via || "support"),
          showBacked ? h("span", { class: "backs" }, "backs " + s.supported.name) : null,
          evidenceButton(s.evidence, `${s.supporter.name} backing ${s.supported.name}`),
        ),
        s.grounds.length
          ? h(
              "ul",
              { class: "grounds" },
              s.grounds.map((g) =>
                h("li", { class: "ground" }, h("span", { class: "claim" }, g.claim), evidenceButton(g.evidence, `${s.supporter.name}'s ground`)),
              ),
            )
          : h("p", { class: "no-grounds" }, "No grounds given"),
      ),
    ),
  );
}

function sideSection(c, side, focus) {
  const sideOf = new Map(c.parties.map((p) => [p.party.id, p.side]));
  const parties = c.parties.filter((p) => p.side === side);
  const supporters = c.supporters.filter((s) => sideOf.get(s.supported.id) === side);
  const args = c.arguments.filter((a) => sideOf.get(a.by.id) === side);
  const title = parties.map((p) => p.party.name).join(", ") || "The other side";

  return h(
    "section",
    { class: `side side-${side.toLowerCase()}`, "data-side": side },
    h("h2", {}, h("span", { class: "side-tag" }, `Side ${side}`), title),
    h(
      "ul",
      { class: "parties" },
      parties.map((p) =>
        h(
          "li",
          { class: isFocus(focus, p.party.name) ? "focus" : null, "data-name": p.party.name },
          partyLink(p.party.name),
          kindBadge(p.party.kind),
          evidenceButton(p.party.evidence, p.party.name),
        ),
      ),
    ),
    parties.length ? null : h("p", { class: "empty" }, "The articles name no party on this side."),
    h("h3", {}, "Supporters ", h("span", { class: "n" }, supporters.length)),
    supporters.length ? supportList(supporters, focus, parties.length > 1) : h("p", { class: "empty" }, "No supporters recorded."),
    h("h3", {}, "Arguments ", h("span", { class: "n" }, args.length)),
    args.length
      ? h(
          "ul",
          { class: "arguments" },
          args.map((a) =>
            h(
              "li",
              { class: "argument" },
              h("span", { class: "claim" }, a.claim),
              h("span", { class: "by" }, " — " + a.by.name),
              a.cites.length ? h("span", { class: "cites" }, " · cites " + a.cites.map((p) => p.name).join(", ")) : null,
              evidenceButton(a.evidence, `${a.by.name}'s argument`),
            ),
          ),
        )
      : h("p", { class: "empty" }, "No arguments recorded."),
  );
}

/** Supports for parties the articles put on neither side. */
function otherSupport(c, focus) {
  const litigants = new Set(c.parties.map((p) => p.party.id));
  const others = c.supporters.filter((s) => !litigants.has(s.supported.id));
  if (!others.length) return null;
  return h(
    "section",
    { class: "side side-x" },
    h("h2", {}, "Support for parties of unknown side"),
    supportList(others, focus, true),
  );
}

function rulingsSection(c) {
  const sideOf = new Map(c.parties.map((p) => [p.party.id, p.side]));
  const rulings = byDate(c.rulings);
  return h(
    "section",
    { class: "rulings", id: "rulings" },
    h("h2", {}, "Rulings ", h("span", { class: "n" }, rulings.length)),
    rulings.length
      ? h(
          "ol",
          { class: "timeline" },
          rulings.map((r) =>
            h(
              "li",
              { class: "ruling", "data-court": r.court ? r.court.id : "" },
              h("time", {}, r.date || "date not given"),
              h(
                "div",
                { class: "what" },
                h("strong", { class: "court" }, r.court ? r.court.name : "A court"),
                h("span", { class: "summary" }, " " + r.summary),
                r.favors
                  ? h("span", { class: `favors side-${(sideOf.get(r.favors.id) || "x").toLowerCase()}` }, "for " + r.favors.name)
                  : null,
                evidenceButton(r.evidence, "this ruling"),
              ),
            ),
          ),
        )
      : h("p", { class: "empty" }, "No rulings recorded."),
    c.courts.length
      ? h(
          "div",
          { class: "courts" },
          h("h3", {}, "Courts"),
          h(
            "ul",
            {},
            c.courts.map((ct) =>
              h(
                "li",
                { "data-court": ct.id },
                h("strong", {}, ct.name),
                ct.level || ct.place ? h("span", { class: "meta" }, " " + [ct.level, ct.place].filter(Boolean).join(", ")) : null,
                ct.judges.length ? h("span", { class: "meta" }, " · " + ct.judges.map((j) => j.name).join(", ")) : null,
                evidenceButton(ct.evidence, ct.name),
              ),
            ),
          ),
        )
      : null,
  );
}

function precedentsSection(c) {
  return h(
    "section",
    { class: "precedents" },
    h("h2", {}, "Precedents cited ", h("span", { class: "n" }, c.precedents.length)),
    c.precedents.length
      ? h(
          "ul",
          {},
          c.precedents.map((p) =>
            h(
              "li",
              {},
              h("strong", {}, p.name),
              h("span", { class: "kind" }, p.kind),
              p.citation ? h("span", { class: "citation" }, p.citation) : null,
              evidenceButton(p.evidence, p.name),
            ),
          ),
        )
      : h("p", { class: "empty" }, "No precedents recorded."),
  );
}

function sourcesSection(c) {
  const seen = new Map();
  const collect = (list) => (list || []).forEach((e) => seen.set(e.article.title + "\u0000" + (e.article.source || ""), e.article));
  collect(c.evidence);
  c.supporters.forEach((s) => {
    collect(s.evidence);
    s.grounds.forEach((g) => collect(g.evidence));
  });
  c.arguments.forEach((a) => collect(a.evidence));
  c.rulings.forEach((r) => collect(r.evidence));
  c.precedents.forEach((p) => collect(p.evidence));
  const articles = [...seen.values()].sort((a, b) => a.title.localeCompare(b.title));
  return h(
    "section",
    { class: "sources" },
    h("h2", {}, "Sources ", h("span", { class: "n" }, articles.length)),
    h("ul", {}, articles.map((a) => h("li", {}, articleCaption(a)))),
  );
}

function flashCourt(id) {
  const items = [...document.querySelectorAll(`[data-court]`)].filter((n) => n.dataset.court === id);
  if (!items.length) return;
  items[0].scrollIntoView({ behavior: "smooth", block: "center" });
  for (const n of items) {
    n.classList.remove("flash");
    void n.offsetWidth;
    n.classList.add("flash");
  }
}

function caseView(c, focus) {
  const graph = drawCase(c, focus, {
    party: (name) => go({ party: name, case: c.id }),
    court: flashCourt,
    versus: () => go({ case: c.id }),
  });
  const a = sideNames(c, "A");
  const b = sideNames(c, "B");
  return h(
    "article",
    { class: "case", "data-case": c.id },
    h(
      "header",
      { class: "case-head" },
      h("h1", {}, c.name, evidenceButton(c.evidence, c.name)),
      c.issue ? h("p", { class: "issue" }, c.issue) : null,
      h(
        "p",
        { class: "summary-line" },
        `${a.length + b.length} parties · ${c.supporters.length} supports · ${c.arguments.length} arguments · ${c.rulings.length} rulings · ${c.precedents.length} precedents`,
      ),
    ),
    h(
      "figure",
      { class: "graph-card" },
      h("div", { class: "graph-scroll" }, graph),
      h(
        "figcaption",
        { class: "legend" },
        h("span", { class: "key key-a" }, "Side A"),
        h("span", { class: "key key-b" }, "Side B"),
        h("span", { class: "key key-supporter" }, "Supporter"),
        h("span", { class: "key key-court" }, "Court"),
        h("span", { class: "hint" }, "Click a party to focus on it, a court to see its rulings."),
      ),
    ),
    h("div", { class: "sides" }, sideSection(c, "A", focus), sideSection(c, "B", focus)),
    otherSupport(c, focus),
    h("div", { class: "lower" }, rulingsSection(c), precedentsSection(c)),
    sourcesSection(c),
  );
}

function partyCard(p, currentCase) {
  const aliases = p.aliases.filter((a) => a.toLowerCase() !== p.name.toLowerCase());
  const backed = p.supports.filter((s) => s.case);
  return h(
    "section",
    { class: "party-card", "data-name": p.name },
    h("h2", {}, p.name, kindBadge(p.kind), evidenceButton(p.evidence, p.name)),
    aliases.length ? h("p", { class: "aliases" }, "Also called " + aliases.map((a) => `“${a}”`).join(", ")) : null,
    p.cases.length
      ? h(
          "div",
          { class: "chips" },
          h("span", { class: "label" }, "Litigates in"),
          p.cases.map((c) =>
            h("a", { href: link({ party: p.name, case: c.id }), class: "chip" + (c.id === currentCase ? " current" : "") }, c.name),
          ),
        )
      : null,
    backed.length
      ? h(
          "div",
          { class: "chips" },
          h("span", { class: "label" }, "Backed"),
          backed.map((s) =>
            h(
              "a",
              { href: link({ party: p.name, case: s.case.id }), class: "chip" + (s.case.id === currentCase ? " current" : "") },
              `${s.supported.name} (${s.via || "support"}) in ${s.case.name}`,
            ),
          ),
        )
      : null,
  );
}

function welcome(cases) {
  return h(
    "div",
    { class: "welcome" },
    h("h1", {}, "Explore the disputes"),
    h(
      "p",
      {},
      `The graph holds ${cases.length} disputes. Pick one on the left, or search for a party, a claim or a quote. ` +
        "Every fact shows the sentence it comes from: hover or click the ❝ mark beside it.",
    ),
    h(
      "p",
      {},
      "This page uses only Amicus's public GraphQL API; its queries are in ",
      h("a", { href: "/explore/queries.js" }, "queries.js"),
      ". Try them in the ",
      h("a", { href: "/" }, "playground"),
      ".",
    ),
  );
}

function message(text, kind = "info") {
  return h("div", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

// ---------------------------------------------------------------- sidebar

let allCases = [];

/** Reads every dispute, following the cases connection page by page. */
async function everyCase() {
  const cases = [];
  let after = null;
  for (;;) {
    const page = (await ask(CASES, { after })).cases;
    cases.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return cases;
    after = page.pageInfo.endCursor;
  }
}

function renderCaseList() {
  const route = readRoute();
  const list = h(
    "ul",
    { class: "case-list" },
    allCases.map((c) =>
      h(
        "li",
        {},
        h(
          "a",
          { href: link({ case: c.id }), class: c.id === route.case ? "current" : null, "data-case": c.id },
          h("span", { class: "name" }, c.name),
        ),
      ),
    ),
  );
  $("#results").replaceChildren(h("h2", { class: "list-title" }, "Disputes ", h("span", { class: "n" }, allCases.length)), list);
}

function highlight(text, words) {
  if (!words.length) return [text];
  const pattern = new RegExp("(" + words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") + ")", "gi");
  return text.split(pattern).map((part, i) => (i % 2 ? h("mark", {}, part) : part));
}

const KIND_LABEL = { party: "Party", argument: "Claim", evidence: "Quote" };

function renderHits(text, hits) {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
  const items = hits.map((hit) => {
    const quote = hit.evidence ? evidenceButton([hit.evidence], "this quote") : null;
    const open = () => {
      if (hit.kind === "party") go({ party: hit.party.name });
      else if (hit.case) go({ case: hit.case.id });
      else if (hit.argument) go({ party: hit.argument.by.name });
      else if (quote) showPopover(quote, true);
    };
    const button = h(
      "button",
      { type: "button", class: "hit", "data-kind": hit.kind, onclick: open },
      h("span", { class: `badge ${hit.kind}` }, KIND_LABEL[hit.kind] || hit.kind),
      h("span", { class: "snippet" }, highlight(hit.snippet, words)),
      hit.party && hit.party.kind ? h("span", { class: "meta" }, hit.party.kind) : null,
      hit.case ? h("span", { class: "meta" }, hit.case.name) : null,
      hit.argument ? h("span", { class: "meta" }, "claimed by " + hit.argument.by.name) : null,
    );
    return h("li", {}, button, quote);
  });
  $("#results").replaceChildren(
    h(
      "h2",
      { class: "list-title" },
      hits.length ? `Results for “${text}”` : `Nothing found for “${text}”`,
      h("button", { type: "button", class: "clear", onclick: clearSearch }, "Show all disputes"),
    ),
    h("ul", { class: "hits" }, items),
  );
}

let searchSeq = 0;
let searchTimer = 0;

async function runSearch(text) {
  const seq = ++searchSeq;
  if (!text.trim()) {
    renderCaseList();
    return;
  }
  $("#results").setAttribute("aria-busy", "true");
  try {
    const data = await ask(SEARCH, { text });
    if (seq === searchSeq) renderHits(text, data.search);
  } catch (err) {
    if (seq === searchSeq) $("#results").replaceChildren(message("Search failed: " + err.message, "error"));
  } finally {
    if (seq === searchSeq) $("#results").removeAttribute("aria-busy");
  }
}

function clearSearch() {
  $("#search").value = "";
  runSearch("");
}

// ---------------------------------------------------------------- main view

let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  const route = readRoute();
  hidePopover(true);
  const main = $("#main");
  main.setAttribute("aria-busy", "true");
  try {
    let party = null;
    let caseId = route.case;
    if (route.party) {
      party = await loadParty(route.party);
      if (!party) {
        if (seq === renderSeq) main.replaceChildren(message(`No party is called “${route.party}”.`, "error"));
        return;
      }
      if (!caseId) {
        // The dispute where the party was backed most, or else the first it backed someone in.
        const own = [...party.cases].sort((a, b) => b.supporters.length - a.supporters.length);
        caseId = own.length ? own[0].id : (party.supports.find((s) => s.case) || { case: {} }).case.id;
      }
    }
    const c = caseId ? await loadCase(caseId) : null;
    if (seq !== renderSeq) return;
    const views = [];
    if (party) views.push(partyCard(party, caseId));
    if (c) views.push(caseView(c, party ? party.name : ""));
    else if (caseId) views.push(message("This dispute is not in the graph.", "error"));
    else if (!party) views.push(welcome(allCases));
    main.replaceChildren(...views);
    document.title = [party && party.name, c && c.name, "Amicus explorer"].filter(Boolean).join(" · ");
    for (const a of document.querySelectorAll(".case-list a")) a.classList.toggle("current", a.dataset.case === caseId);
    if (party || c) window.scrollTo({ top: 0 });
  } catch (err) {
    if (seq === renderSeq) main.replaceChildren(message("The graph could not be read: " + err.message, "error"));
  } finally {
    if (seq === renderSeq) main.removeAttribute("aria-busy");
  }
}

async function start() {
  document.body.append(popover);
  const input = $("#search");
  input.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => runSearch(input.value), 180);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(searchTimer);
      const first = document.querySelector(".hits .hit");
      if (first && input.value.trim()) first.click();
      else runSearch(input.value);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });
  window.addEventListener("hashchange", render);
  try {
    allCases = await everyCase();
    renderCaseList();
  } catch (err) {
    $("#results").replaceChildren(message("The disputes could not be listed: " + err.message, "error"));
  }
  await render();
  document.body.dataset.ready = "true";
}

start();
