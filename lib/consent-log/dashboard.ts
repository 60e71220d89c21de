// The legal team's dashboard (/admin/consent) as one server-rendered HTML document: charts are SVG drawn
// here, each with the same figures in a table for screen readers and print. No client JavaScript at all,
// so nothing of it can reach the policy page's bundles, and the page's CSP needs no exception.
import type { ChainStart, StoredEvent } from "./chain";
import { DECISION_KINDS, type DecisionKind, type Rate, type Summary } from "./stats";

export const esc = (v: unknown): string =>
  String(v).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const KIND_LABEL: Record<DecisionKind, string> = {
  "accept-all": "Accept all",
  "reject-all": "Reject all",
  custom: "Custom",
  withdraw: "Withdraw",
};
// colours with at least 3:1 against white (WCAG 1.4.11) and told apart by the legend and the table too
const KIND_COLOUR: Record<DecisionKind, string> = {
  "accept-all": "#1a7f37",
  "reject-all": "#b35900",
  custom: "#0b5cad",
  withdraw: "#8250df",
};

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "–");

function dailyChart(days: Summary["days"]): string {
  const W = 720;
  const H = 200;
  const pad = { left: 36, bottom: 24, top: 8 };
  const max = Math.max(1, ...days.map((d) => DECISION_KINDS.reduce((s, k) => s + d.counts[k], 0)));
  const slot = (W - pad.left) / days.length;
  const y = (v: number) => ((H - pad.bottom - pad.top) * v) / max;
  const bars = days
    .map((d, i) => {
      let top = H - pad.bottom;
      return DECISION_KINDS.map((k) => {
        const h = y(d.counts[k]);
        top -= h;
        return h
          ? `<rect x="${(pad.left + i * slot + 1).toFixed(1)}" y="${top.toFixed(1)}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${KIND_COLOUR[k]}"/>`
          : "";
      }).join("");
    })
    .join("");
  const labels = days
    .map((d, i) =>
      i % Math.ceil(days.length / 6) === 0 || i === days.length - 1
        ? `<text x="${(pad.left + i * slot + slot / 2).toFixed(1)}" y="${H - 6}" text-anchor="middle">${esc(d.day.slice(5))}</text>`
        : "",
    )
    .join("");
  const total = days.reduce((s, d) => s + DECISION_KINDS.reduce((t, k) => t + d.counts[k], 0), 0);
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="daily-title"><title id="daily-title">Decisions per day over the last ${days.length} days: ${total} in all; the table below has each day's figures.</title>
<line x1="${pad.left}" x2="${W}" y1="${H - pad.bottom}" y2="${H - pad.bottom}" stroke="#57606a"/>
<text x="${pad.left - 6}" y="${pad.top + 10}" text-anchor="end">${max}</text><text x="${pad.left - 6}" y="${H - pad.bottom}" text-anchor="end">0</text>
${bars}${labels}</svg>
<ul class="legend">${DECISION_KINDS.map((k) => `<li><span class="swatch" style="background:${KIND_COLOUR[k]}"></span>${KIND_LABEL[k]}</li>`).join("")}</ul>`;
}

function dailyTable(days: Summary["days"]): string {
  const rows = days
    .filter((d) => DECISION_KINDS.some((k) => d.counts[k]))
    .map(
      (d) =>
        `<tr><th scope="row">${esc(d.day)}</th>${DECISION_KINDS.map((k) => `<td>${d.counts[k]}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<details><summary>Decisions per day as a table</summary><table><caption>Decisions per day (days without any are left out)</caption>
<thead><tr><th scope="col">Day (UTC)</th>${DECISION_KINDS.map((k) => `<th scope="col">${KIND_LABEL[k]}</th>`).join("")}</tr></thead>
<tbody>${rows || `<tr><td colspan="5">No decisions in this period.</td></tr>`}</tbody></table></details>`;
}

function rateTable(caption: string, rates: Rate[], names: Record<string, string>): string {
  const rows = rates
    .map((r) => {
      const share = r.decided ? r.granted / r.decided : 0;
      return `<tr><th scope="row">${esc(names[r.id] ?? r.id)}</th><td>${pct(r.granted, r.decided)}</td><td>${r.granted} of ${r.decided}</td>
<td aria-hidden="true"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none"><rect width="100" height="10" fill="#eaeef2"/><rect width="${(share * 100).toFixed(1)}" height="10" fill="#0b5cad"/></svg></td></tr>`;
    })
    .join("");
  return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">Name</th><th scope="col">Opt-in rate</th><th scope="col">Opted in</th><th scope="col"><span class="sr-only">Bar</span></th></tr></thead><tbody>${rows}</tbody></table>`;
}

export interface LookupResult {
  id: string;
  events: StoredEvent[];
  checks: Array<{ position: number; ok: boolean; message: string }>;
}

function lookup(result: LookupResult | null, id: string): string {
  const form = `<form method="get" action="/admin/consent"><label for="id">Decision ID</label>
<input id="id" name="id" value="${esc(id)}" size="40" maxlength="64" autocomplete="off" spellcheck="false"> <button type="submit">Look up</button></form>`;
  if (!result) return form;
  if (!result.events.length) return `${form}<p role="status">No event for decision <code>${esc(result.id)}</code>.</p>`;
  const rows = result.events
    .map((e, i) => {
      const c = result.checks[i]!;
      return `<tr${e.decisionId === result.id ? ' class="this"' : ""}><td>${e.position}</td><td>${esc(e.receivedAt)}</td><td><code>${esc(e.decisionId)}</code></td><td>${esc(e.action)} (${esc(e.place)})${e.reconsent ? ", asked again" : ""}</td>
<td>${esc([...e.grantedCategories, ...e.grantedServices].join(", ") || "nothing")}</td><td>${esc([...e.deniedCategories, ...e.deniedServices].join(", ") || "nothing")}</td>
<td>${esc(e.policyVersion)} · ${esc(e.locale)}${e.gpc ? " · GPC" : ""}</td><td><code title="${esc(e.hash)}">${esc(e.hash.slice(0, 12))}…</code></td><td>${c.ok ? "✓ holds" : `✗ ${esc(c.message)}`}</td></tr>`;
    })
    .join("");
  const broken = result.checks.filter((c) => !c.ok).length;
  return `${form}<p role="status">${result.events.length} event(s) in this browser's history; chain check: ${broken ? `${broken} broken` : "every event's hash and link hold"}.</p>
<div class="scroll"><table><caption>History of the browser that made decision <code>${esc(result.id)}</code>, oldest first</caption>
<thead><tr><th scope="col">#</th><th scope="col">Received (UTC)</th><th scope="col">Decision</th><th scope="col">Action</th><th scope="col">Granted</th><th scope="col">Denied</th><th scope="col">Policy</th><th scope="col">Event hash</th><th scope="col">Chain</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export interface DashboardData {
  where: string;
  head: ChainStart;
  start: ChainStart;
  summary: Summary;
  names: Record<string, string>;
  lookupId: string;
  lookup: LookupResult | null;
  verify: { ok: boolean; message: string } | null;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem}table{border-collapse:collapse;margin:.5rem 0;width:100%}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}svg text{font-size:11px;fill:#424a53}.bar{width:8rem;height:.7rem}
.legend{list-style:none;display:flex;gap:1rem;padding:0;flex-wrap:wrap}.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.35rem;vertical-align:-1px}
.scroll{overflow-x:auto}tr.this{background:#fff8c5}code{font-size:.9em}input,button,.button{font:inherit;padding:.35rem .6rem}button,.button{background:#0b5cad;color:#fff;border:0;border-radius:4px;text-decoration:none;display:inline-block;cursor:pointer}
a{color:#0b5cad}.ok{color:#1a7f37}.bad{color:#a40e26}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}`;

export function dashboardHtml(d: DashboardData): string {
  const s = d.summary;
  const verify = d.verify
    ? `<p role="status" class="${d.verify.ok ? "ok" : "bad"}">${d.verify.ok ? "✓" : "✗"} ${esc(d.verify.message)}</p>`
    : `<p><a href="/admin/consent?verify=1">Verify the whole chain now</a> (reads every event).</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>Consent log · Candor</title><style>${STYLE}</style></head>
<body><main><h1>Consent log</h1>
<p>${esc(d.where)} · ${d.head.position - d.start.position} event(s) held${d.start.position ? ` (events up to ${d.start.position} purged)` : ""} · head <code>${esc(d.head.hash.slice(0, 16))}…</code></p>
<section aria-labelledby="daily"><h2 id="daily">Decisions per day, last ${s.days.length} days</h2>${dailyChart(s.days)}${dailyTable(s.days)}</section>
<section aria-labelledby="rates"><h2 id="rates">Opt-in rates, last ${s.days.length} days</h2>
<p>Out of ${s.decisions} decision(s). Global Privacy Control was on for ${pct(s.withGpc, s.decisions)} of them (${s.withGpc}); GPC turned off advertising consent given earlier ${s.gpcApplied} time(s).</p>
${rateTable("Categories", s.categories, d.names)}${rateTable("Services", s.services, d.names)}</section>
<section aria-labelledby="lookup"><h2 id="lookup">Look up a decision</h2>${lookup(d.lookup, d.lookupId)}</section>
<section aria-labelledby="chain"><h2 id="chain">Chain</h2>${verify}</section>
<section aria-labelledby="export"><h2 id="export">Export</h2>
<form method="get" action="/admin/consent"><input type="hidden" name="export" value="csv">
<label for="since">From (UTC date)</label> <input id="since" name="since" type="date"> <label for="until">until, not including</label> <input id="until" name="until" type="date">
<button type="submit">Download CSV</button></form><p>Leave both dates empty for every event.</p></section>
</main></body></html>`;
}
