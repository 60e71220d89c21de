// The scan report as one self-contained, accessible web page (`--html`): verdict, findings with the
// suggested registry entries, the state-by-item and state-by-host matrices, the states and pages.
import { type CellStatus, describeOccurrences, type Finding } from "@/lib/scan/analyze";
import { plural } from "@/lib/text/plural";
import { type ScanReport, seconds } from "./report";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CELL: Record<CellStatus, { symbol: string; text: string }> = {
  absent: { symbol: "·", text: "absent" },
  allowed: { symbol: "●", text: "present" },
  "not-allowed": { symbol: "✗", text: "without consent" },
  undeclared: { symbol: "?", text: "undeclared" },
};

const STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4d5560; --line: #d0d7de; --bg: #fff; --soft: #f6f8fa;
  --ok: #0b6623; --ok-bg: #e6f4ea; --bad: #a40e26; --bad-bg: #fdecee; --warn: #7a4d00; --warn-bg: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1rem; margin: 0 0 0.25rem; }
a { color: #0550ae; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #0550ae; outline-offset: 2px; }
.meta { color: var(--muted); margin: 0; }
.verdict { font-weight: 600; padding: 0.75rem 1rem; border-radius: 0.5rem; margin: 1rem 0 0; }
.verdict.bad { background: var(--bad-bg); color: var(--bad); }
.verdict.ok { background: var(--ok-bg); color: var(--ok); }
nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; margin: 0; }
.findings { padding-left: 1.5rem; }
.findings li { margin: 0 0 1.25rem; }
.findings p { margin: 0.25rem 0; }
.where { color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
pre { background: var(--warn-bg); color: #24292f; padding: 0.75rem; border-radius: 0.375rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 0.375rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
caption { text-align: left; font-weight: 600; padding: 0.5rem 0.75rem; }
th, td { border-top: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
tbody th { font-weight: 600; }
.mono tbody th { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
.names { display: block; font-weight: 400; color: var(--muted); font-size: 0.8rem; white-space: normal; }
td.s { white-space: nowrap; }
.allowed { background: var(--ok-bg); color: var(--ok); }
.not-allowed, .undeclared { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
.absent { color: var(--muted); text-align: center; }
.legend { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
`;

function list(items: string[]): string {
  return items.map((i) => `<code>${escapeHtml(i)}</code>`).join(", ");
}

function finding(f: Finding, states: Map<string, { label: string }>): string {
  const parts = [`<h3>${escapeHtml(f.title)}</h3>`, `<p>${escapeHtml(f.detail)}</p>`];
  if (
    f.occurrences.length > 0 &&
    f.kind !== "not-granted" &&
    f.kind !== "third-party-request" &&
    f.kind !== "state-error"
  )
    parts.push(`<p class="where">Seen in: ${escapeHtml(describeOccurrences(f.occurrences, states))}</p>`);
  if (f.kind === "third-party-request") parts.push(`<p class="where">Requests: ${list(f.urls)}</p>`);
  if (f.kind === "undeclared")
    parts.push(
      `<p>Suggested entry for <code>content/registry.yaml</code>, under <code>items:</code></p><pre><code>${escapeHtml(f.suggestion)}</code></pre>`,
    );
  if (f.pages.length > 0)
    parts.push(
      `<p class="where">On ${f.pages.map((p) => `<a href="${escapeHtml(p)}">${escapeHtml(p)}</a>`).join(", ")}</p>`,
    );
  return `<li>${parts.join("")}</li>`;
}

// Long because it is one HTML document, top to bottom; its repeated parts are the functions above.
export function renderHtml(report: ScanReport): string {
  const states = report.states;
  const statesById = new Map(states.map((s) => [s.id, s]));
  const violations = report.findings.filter((f) => f.severity === "violation");
  const infos = report.findings.filter((f) => f.severity === "info");
  const verdict =
    violations.length > 0
      ? `<p class="verdict bad" role="status">✗ ${plural(violations.length, "violation")}: the declaration is not true for this site.</p>`
      : `<p class="verdict ok" role="status">✓ No violation: the declaration holds in every consent state.</p>`;
  const stateHeaders = states.map((s) => `<th scope="col">${escapeHtml(s.label)}</th>`).join("");

  const itemRows = report.items
    .map((row) => {
      const seen = [...new Set(Object.values(row.cells).flatMap((c) => c.names))].filter((n) => n !== row.name);
      const owner = row.service ?? row.category ?? "";
      const cells = states
        .map((s) => {
          const cell = row.cells[s.id] ?? { status: "absent" as const, names: [], beforeChoice: false };
          const { symbol, text } = CELL[cell.status];
          // Absent cells are most of the matrix: a quiet dot on screen, the word for screen readers.
          if (cell.status === "absent")
            return `<td class="s absent"><span aria-hidden="true">${symbol}</span><span class="sr">${text}</span></td>`;
          return `<td class="s ${cell.status}"><span aria-hidden="true">${symbol}</span> ${escapeHtml(text)}</td>`;
        })
        .join("");
      return (
        `<tr><th scope="row">${escapeHtml(row.name)}${seen.length > 0 ? `<span class="names">seen as ${escapeHtml(seen.join(", "))}</span>` : ""}</th>` +
        `<td>${escapeHtml(row.storage)}</td><td>${row.declared ? escapeHtml(owner) + (row.scope === "app" ? " (app)" : "") : "<strong>undeclared</strong>"}</td>${cells}</tr>`
      );
    })
    .join("\n");

  const hostRows = report.hosts
    .map((host) => {
      const cells = states
        .map((s) => {
          const cell = host.cells[s.id];
          if (!cell)
            return `<td class="s absent"><span aria-hidden="true">·</span><span class="sr">no request</span></td>`;
          const n = plural(cell.requests, "request");
          return cell.status === "allowed"
            ? `<td class="s allowed">${n}</td>`
            : `<td class="s not-allowed"><span aria-hidden="true">✗</span> ${n} without consent</td>`;
        })
        .join("");
      return `<tr><th scope="row">${escapeHtml(host.host)}</th><td>${escapeHtml(host.service ?? "no service")}</td>${cells}</tr>`;
    })
    .join("\n");

  const stateRows = states
    .map(
      (s) =>
        `<tr><th scope="row">${escapeHtml(s.label)}</th><td>${escapeHtml([...s.grants.categories, ...s.grants.services].join(", "))}</td>` +
        `<td>${s.gpc ? "on" : "off"}</td><td>${s.pages}</td><td>${seconds(s.durationMs)}</td><td>${s.error !== undefined ? `<strong>${escapeHtml(s.error)}</strong>` : "scanned"}</td></tr>`,
    )
    .join("\n");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Candor scan of ${report.site}: ${plural(violations.length, "violation")}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Candor scan of <a href="${escapeHtml(report.site)}">${escapeHtml(report.site)}</a></h1>
<p class="meta">${escapeHtml(new Date(report.startedAt).toUTCString())} · ${states.length} consent states × ${report.pages.length} pages in ${seconds(report.durationMs)} · registry <code>${escapeHtml(report.registry)}</code>${report.stubVendors ? " · vendor scripts stubbed" : ""}</p>
${verdict}
</header>
<main>
<nav aria-label="Sections of this report"><ul>
<li><a href="#violations">Violations (${violations.length})</a></li>
<li><a href="#information">Information (${infos.length})</a></li>
<li><a href="#items">Items by state</a></li>
<li><a href="#hosts">Third-party hosts by state</a></li>
<li><a href="#states">States</a></li>
<li><a href="#pages">Pages</a></li>
</ul></nav>
<section aria-labelledby="violations">
<h2 id="violations">Violations (${violations.length})</h2>
${violations.length > 0 ? `<ol class="findings">${violations.map((f) => finding(f, statesById)).join("\n")}</ol>` : "<p>None.</p>"}
</section>
<section aria-labelledby="information">
<h2 id="information">Information (${infos.length})</h2>
${infos.length > 0 ? `<ul class="findings">${infos.map((f) => finding(f, statesById)).join("\n")}</ul>` : "<p>None.</p>"}
</section>
<section aria-labelledby="items">
<h2 id="items">Items by state</h2>
<p class="legend">Each cell says whether the item was in the browser in that consent state: <span aria-hidden="true">●</span> present and allowed, <span aria-hidden="true">✗</span> present without consent, <span aria-hidden="true">?</span> undeclared, <span aria-hidden="true">·</span> absent.</p>
<div class="scroll" role="region" aria-labelledby="items-caption" tabindex="0">
<table class="mono">
<caption id="items-caption">Cookies and storage by consent state</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Storage</th><th scope="col">Category or service</th>${stateHeaders}</tr></thead>
<tbody>
${itemRows}
</tbody>
</table>
</div>
</section>
<section aria-labelledby="hosts">
<h2 id="hosts">Third-party hosts by state</h2>
${
  report.hosts.length > 0
    ? `<div class="scroll" role="region" aria-labelledby="hosts-caption" tabindex="0">
<table class="mono">
<caption id="hosts-caption">Requests to other hosts by consent state</caption>
<thead><tr><th scope="col">Host</th><th scope="col">Service</th>${stateHeaders}</tr></thead>
<tbody>
${hostRows}
</tbody>
</table>
</div>`
    : "<p>No request went to another host in any state.</p>"
}
</section>
<section aria-labelledby="states">
<h2 id="states">States</h2>
<div class="scroll" role="region" aria-labelledby="states-caption" tabindex="0">
<table>
<caption id="states-caption">Consent states the scan brought about</caption>
<thead><tr><th scope="col">State</th><th scope="col">Grants</th><th scope="col">Global Privacy Control</th><th scope="col">Pages</th><th scope="col">Time</th><th scope="col">Result</th></tr></thead>
<tbody>
${stateRows}
</tbody>
</table>
</div>
</section>
<section aria-labelledby="pages">
<h2 id="pages">Pages</h2>
<ul>${report.pages.map((p) => `<li><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></li>`).join("")}</ul>
${report.droppedPages > 0 ? `<p>${report.droppedPages} more pages were found but not visited.</p>` : ""}
</section>
</main>
</body>
</html>
`;
}
