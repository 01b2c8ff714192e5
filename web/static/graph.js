// The picture of one dispute: its parties, supporters and courts as an SVG
// graph, laid out by a small deterministic layout.
//
// Side A's parties stand left of the centre and side B's right of it,
// joined by a "v." mark. Each side's supporters stand outside it, in as
// many columns as they need, ordered so their edges cross little. Courts
// stand on top, from lower to higher courts, with an edge to the party
// each ruled for. The same case always gives the same picture.

const SVG_NS = "http://www.w3.org/2000/svg";

const ROW = 40; // vertical distance between nodes of a column
const NODE_H = 28;
const PARTY_W = 190;
const SUPPORTER_W = 176;
const COURT_W = 230;
const PARTY_X = 165; // centre of the party columns, from the middle
const SUPPORTER_X = 470; // centre of the first supporter columns, from the middle
const SUPPORTER_COLUMN = 196; // distance between supporter columns
const COURTS_PER_ROW = 4;
const COURT_ROW = 50;
const CHAR_W = 6.9; // average width of a character of the labels

// levelRank orders courts from first instance to last.
function levelRank(level) {
  const l = (level || "").toLowerCase();
  if (/district|trial|first|tribunal|magistrate|state|county|general/.test(l)) return 0;
  if (/appeal|circuit|appellate/.test(l)) return 1;
  if (/supreme|high|constitutional|justice|final/.test(l)) return 2;
  return 1.5;
}

function byName(a, b) {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id);
}

/**
 * Lays out a case as returned by the CASE query. It returns the nodes
 * (with x, y at their centre, w, h), the edges between them, and the
 * bounding box.
 */
export function layout(c) {
  const nodes = [];
  const byId = new Map();
  const add = (node) => {
    nodes.push(node);
    byId.set(node.id, node);
    return node;
  };

  // Litigants: one node each, on the side of their first appearance.
  const sides = { A: [], B: [] };
  for (const cp of c.parties) {
    if (byId.has(cp.party.id)) continue;
    const side = cp.side === "B" ? "B" : "A";
    sides[side].push(add({ id: cp.party.id, name: cp.party.name, type: "party", side, w: PARTY_W, h: NODE_H }));
  }
  sides.A.sort(byName);
  sides.B.sort(byName);

  // Supporters: one node each, outside the side they back.
  const support = new Map(); // supporter id -> {node, targets}
  for (const s of c.supporters) {
    const target = byId.get(s.supported.id);
    const side = target && target.side === "B" ? "B" : "A";
    if (!byId.has(s.supporter.id)) {
      add({ id: s.supporter.id, name: s.supporter.name, type: "supporter", side, w: SUPPORTER_W, h: NODE_H });
    }
  }

  // Courts: every court that heard the case or ruled in it.
  const courts = [];
  const addCourt = (court) => {
    if (!court || byId.has(court.id)) return;
    courts.push(add({ id: court.id, name: court.name, type: "court", level: court.level, w: COURT_W, h: NODE_H }));
  };
  c.courts.forEach(addCourt);
  c.rulings.forEach((r) => addCourt(r.court));
  courts.sort((a, b) => levelRank(a.level) - levelRank(b.level) || byName(a, b));

  // Parties backed in the case whose side the articles do not give.
  const others = [];
  for (const s of c.supporters) {
    if (!byId.has(s.supported.id)) {
      others.push(add({ id: s.supported.id, name: s.supported.name, type: "party", side: "X", w: PARTY_W, h: NODE_H }));
    }
  }

  const versus = add({ id: "versus", name: "v.", type: "versus", w: 34, h: 34 });

  // Vertical layout of the body: parties centred on the tallest column.
  const courtRows = Math.ceil(courts.length / COURTS_PER_ROW);
  const top = courtRows * COURT_ROW + (courtRows ? 46 : 0);
  const supportersOf = (side) => nodes.filter((n) => n.type === "supporter" && n.side === side);
  const supporterRows = (n) => Math.max(14, Math.ceil(Math.sqrt(n * 3)));
  const rowsA = Math.min(supportersOf("A").length, supporterRows(supportersOf("A").length));
  const rowsB = Math.min(supportersOf("B").length, supporterRows(supportersOf("B").length));
  const rows = Math.max(sides.A.length, sides.B.length, rowsA, rowsB, 1);
  const bodyH = rows * ROW;
  const placeColumn = (column, x) => {
    const start = top + (bodyH - column.length * ROW) / 2 + ROW / 2;
    column.forEach((n, i) => {
      n.x = x;
      n.y = start + i * ROW;
    });
  };
  placeColumn(sides.A, -PARTY_X);
  placeColumn(sides.B, PARTY_X);
  versus.x = 0;
  versus.y = top + bodyH / 2;
  // Parties of unknown side: in a row under the others, centred.
  others.forEach((n, i) => {
    n.x = (i - (others.length - 1) / 2) * (PARTY_W + 20);
    n.y = top + bodyH + ROW;
  });

  // Supporters ordered by the height of the parties they back, then by name.
  for (const side of ["A", "B"]) {
    const list = supportersOf(side);
    const aim = new Map();
    for (const n of list) {
      const ys = c.supporters
        .filter((s) => s.supporter.id === n.id && byId.get(s.supported.id))
        .map((s) => byId.get(s.supported.id).y);
      aim.set(n.id, ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : versus.y);
    }
    list.sort((a, b) => aim.get(a.id) - aim.get(b.id) || byName(a, b));
    const perColumn = supporterRows(list.length);
    const sign = side === "A" ? -1 : 1;
    for (let col = 0; col * perColumn < list.length; col++) {
      const column = list.slice(col * perColumn, (col + 1) * perColumn);
      column.forEach((n) => {
        n.column = col;
      });
      placeColumn(column, sign * (SUPPORTER_X + col * SUPPORTER_COLUMN));
    }
  }

  // Courts in rows on top, centred.
  for (let row = 0; row < courtRows; row++) {
    const inRow = courts.slice(row * COURTS_PER_ROW, (row + 1) * COURTS_PER_ROW);
    const width = inRow.length * (COURT_W + 24) - 24;
    inRow.forEach((n, i) => {
      n.x = -width / 2 + COURT_W / 2 + i * (COURT_W + 24);
      n.y = 20 + row * COURT_ROW;
    });
  }

  // Edges.
  const edges = [];
  for (const n of [...sides.A, ...sides.B]) {
    edges.push({ from: n, to: versus, kind: "versus", label: "" });
  }
  const supportEdges = new Map();
  for (const s of c.supporters) {
    const from = byId.get(s.supporter.id);
    const to = byId.get(s.supported.id);
    if (!from || !to || from === to) continue;
    const key = from.id + ">" + to.id;
    const label = s.via || "supports";
    const edge = supportEdges.get(key);
    if (edge) {
      if (!edge.labels.includes(label)) edge.labels.push(label);
    } else {
      const e = { from, to, kind: "support", labels: [label] };
      supportEdges.set(key, e);
      edges.push(e);
    }
  }
  for (const e of supportEdges.values()) e.label = e.labels.join(", ");
  const rulingEdges = new Map();
  for (const r of c.rulings) {
    if (!r.court) continue;
    const from = byId.get(r.court.id);
    const to = (r.favors && byId.get(r.favors.id)) || versus;
    const key = from.id + ">" + to.id;
    const edge = rulingEdges.get(key);
    if (edge) edge.count++;
    else {
      const e = { from, to, kind: to === versus ? "heard" : "ruling", count: 1 };
      rulingEdges.set(key, e);
      edges.push(e);
    }
  }
  for (const e of rulingEdges.values()) {
    const times = e.count > 1 ? ` ×${e.count}` : "";
    e.label = e.kind === "ruling" ? `ruled for${times}` : `ruled${times}`;
  }
  for (const n of courts) {
    if (![...rulingEdges.values()].some((e) => e.from === n)) {
      edges.push({ from: n, to: versus, kind: "heard", label: "heard" });
    }
  }

  const xs = nodes.flatMap((n) => [n.x - n.w / 2, n.x + n.w / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.h / 2, n.y + n.h / 2]);
  const pad = 16;
  const box = {
    x: Math.min(...xs) - pad,
    y: Math.min(...ys) - pad,
    w: Math.max(...xs) - Math.min(...xs) + 2 * pad,
    h: Math.max(...ys) - Math.min(...ys) + 2 * pad,
  };
  return { nodes, edges, box };
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  }
  for (const child of children) {
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function fit(text, width) {
  const max = Math.floor((width - 16) / CHAR_W);
  return text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text;
}

// anchor is where an edge leaves or meets a node: the side facing the
// other node, or the bottom of a court.
function anchor(n, toward) {
  if (n.type === "versus") {
    const dx = toward.x - n.x;
    const dy = toward.y - n.y;
    const d = Math.hypot(dx, dy) || 1;
    return { x: n.x + (dx / d) * 17, y: n.y + (dy / d) * 17 };
  }
  if (n.type === "court") {
    // Edges leave a court's bottom spread out, toward their targets.
    const spread = Math.max(-n.w / 2 + 12, Math.min(n.w / 2 - 12, (toward.x - n.x) * 0.2));
    return { x: n.x + spread, y: n.y + n.h / 2 };
  }
  if (toward.type === "court") return { x: n.x, y: n.y - n.h / 2 };
  return { x: n.x + (toward.x > n.x ? n.w / 2 : -n.w / 2), y: n.y };
}

function path(e) {
  const a = anchor(e.from, e.to);
  const b = anchor(e.to, e.from);
  let c1, c2;
  if (e.from.type === "court") {
    const dy = Math.max(30, (b.y - a.y) / 2);
    c1 = { x: a.x, y: a.y + dy };
    c2 = { x: b.x, y: b.y - dy };
  } else {
    const dx = (b.x - a.x) / 2;
    c1 = { x: a.x + dx, y: a.y };
    c2 = { x: b.x - dx, y: b.y };
  }
  // The point at t on the curve, for the label.
  const at = (t) => {
    const u = 1 - t;
    return {
      x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
      y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y,
    };
  };
  return { d: `M${a.x},${a.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${b.x},${b.y}`, at };
}

/**
 * Draws the case as an SVG element. focus is the name of a party to
 * highlight; on.party(name), on.court(id) and on.versus() are called when
 * a node is clicked or activated with the keyboard.
 */
export function drawCase(c, focus, on) {
  const { nodes, edges, box } = layout(c);
  const svg = el("svg", {
    class: "dispute-graph",
    viewBox: `${box.x} ${box.y} ${box.w} ${box.h}`,
    width: box.w,
    role: "group",
    "aria-label": `Graph of ${c.name}: ${nodes.length - 1} parties, supporters and courts`,
  });
  svg.style.maxWidth = `${box.w}px`;
  svg.append(
    el(
      "defs",
      {},
      ...["support", "ruling", "heard"].map((kind) =>
        el(
          "marker",
          { id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
          el("path", { d: "M0,0 L10,5 L0,10 z", class: `arrowhead ${kind}` }),
        ),
      ),
    ),
  );

  // Labels move down until they overlap no label placed before them.
  const placed = [];
  const place = (spot, text) => {
    const w = text.length * 6 + 4;
    const left = spot.anchor === "start" ? spot.x : spot.anchor === "end" ? spot.x - w : spot.x - w / 2;
    let y = spot.y;
    for (let tries = 0; tries < 6; tries++) {
      const clash = placed.some((b) => left < b.x + b.w && b.x < left + w && y - 11 < b.y && b.y - 11 < y);
      if (!clash) break;
      y += 12;
    }
    placed.push({ x: left, y, w });
    return { x: spot.x, y };
  };

  const edgeLayer = el("g", { class: "edges" });
  const labelLayer = el("g", { class: "edge-labels" });
  for (const e of edges) {
    const p = path(e);
    const line = el("path", {
      d: p.d,
      class: `edge ${e.kind}`,
      "data-from": e.from.name,
      "data-to": e.to.name,
      "marker-end": e.kind === "versus" ? null : `url(#arrow-${e.kind})`,
    });
    if (e.label) line.append(el("title", {}, `${e.from.name} → ${e.to.name}: ${e.label}`));
    edgeLayer.append(line);
    // Edges from outer supporter columns pass behind inner ones, where a
    // label would be hidden: their label is the edge's tooltip only.
    if (e.label && !(e.kind === "support" && e.from.column > 0)) {
      let spot;
      if (e.kind === "support") {
        // Just outside the supporter, above the edge's first, flat stretch.
        const a = anchor(e.from, e.to);
        const right = e.to.x > e.from.x;
        spot = { x: a.x + (right ? 6 : -6), y: a.y - 4, anchor: right ? "start" : "end" };
      } else {
        const at = p.at(0.32);
        spot = { x: at.x, y: at.y, anchor: "middle" };
      }
      const label = place(spot, e.label);
      labelLayer.append(
        el("text", { x: label.x, y: label.y, "text-anchor": spot.anchor, class: `edge-label ${e.kind}` }, e.label),
      );
    }
  }
  svg.append(edgeLayer, labelLayer);

  const nodeLayer = el("g", { class: "nodes" });
  for (const n of nodes) {
    const classes = ["node", n.type];
    if (n.side) classes.push(`side-${n.side.toLowerCase()}`);
    if (focus && n.name.toLowerCase() === focus.toLowerCase()) classes.push("focus");
    const g = el("g", {
      class: classes.join(" "),
      "data-name": n.name,
      "data-type": n.type,
      "data-id": n.id,
      transform: `translate(${n.x},${n.y})`,
      tabindex: 0,
      role: "button",
      "aria-label": n.type === "versus" ? `Back to ${c.name}` : `${n.name} (${n.type})`,
    });
    g.append(el("title", {}, n.type === "versus" ? c.name : n.name));
    if (n.type === "versus") {
      g.append(el("circle", { r: 17 }), el("text", { y: 5, "text-anchor": "middle" }, "v."));
    } else {
      g.append(
        el("rect", { x: -n.w / 2, y: -n.h / 2, width: n.w, height: n.h, rx: n.type === "court" ? 4 : 14 }),
        el("text", { y: 4.5, "text-anchor": "middle" }, fit(n.name, n.w)),
      );
    }
    const activate = () => {
      if (n.type === "court") on.court(n.id);
      else if (n.type === "versus") on.versus();
      else on.party(n.name);
    };
    g.addEventListener("click", activate);
    g.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        activate();
      }
    });
    nodeLayer.append(g);
  }
  svg.append(nodeLayer);
  return svg;
}
