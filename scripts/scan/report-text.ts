// The scan report as the terminal shows it: states, the state-by-item matrix, hosts, then findings.
import type { CellStatus, Finding } from "@/lib/scan/analyze";
import { describeOccurrences } from "@/lib/scan/analyze";
import { plural } from "@/lib/text/plural";
import { type ScanReport, seconds } from "./report";

export interface TextOptions {
  color: boolean;
}

const SYMBOL: Record<CellStatus, string> = { absent: "·", allowed: "●", "not-allowed": "✗", undeclared: "?" };
const NAME_WIDTH = 30;

function paint(on: boolean) {
  const wrap = (code: string) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { red: wrap("31"), green: wrap("32"), yellow: wrap("33"), dim: wrap("2"), bold: wrap("1") };
}

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join("")}…` : text + " ".repeat(width - chars.length);
}

/** Pads a cell that may carry colour codes to a visible width. */
function pad(visible: string, painted: string, width: number): string {
  return painted + " ".repeat(Math.max(0, width - [...visible].length));
}

// Long because it is one report, top to bottom, in the order the reader sees it.
export function renderText(report: ScanReport, { color }: TextOptions): string {
  const c = paint(color);
  const out: string[] = [];
  const states = report.states;
  const widths = states.map((s) => Math.max(3, [...s.short].length) + 1);
  const statesById = new Map(states.map((s) => [s.id, s]));

  out.push(c.bold(`Candor scan of ${report.site}`));
  out.push(
    `${states.length} consent states × ${plural(report.pages.length, "page")} in ${seconds(report.durationMs)}` +
      ` · registry ${report.registry}${report.stubVendors ? " · vendor scripts stubbed" : ""}`,
  );
  if (report.droppedPages > 0)
    out.push(c.yellow(`${report.droppedPages} more pages were found but not visited (raise --max-pages).`));
  out.push("");
  out.push(c.bold("Pages"));
  for (const p of report.pages) out.push(`  ${p}`);
  out.push("");
  out.push(c.bold("States"));
  const shortWidth = Math.max(...states.map((s) => [...s.short].length));
  for (const s of states) {
    const error = s.error !== undefined ? `  ${c.red(`could not scan: ${s.error}`)}` : "";
    out.push(
      `  ${fit(s.short, shortWidth)}  ${fit(s.label, 40)} ${String(s.pages).padStart(3)} page${s.pages === 1 ? " " : "s"} ${seconds(s.durationMs).padStart(7)}${error}`,
    );
  }

  out.push("");
  out.push(
    `${c.bold("Items by state")}   ${SYMBOL.allowed} present, allowed   ${SYMBOL["not-allowed"]} present without consent   ${SYMBOL.undeclared} undeclared   ${SYMBOL.absent} absent`,
  );
  const header = `  ${fit("", NAME_WIDTH)} ${fit("storage", 15)} ${states.map((s, i) => fit(s.short, widths[i] ?? 4)).join("")}`;
  out.push(c.dim(header.trimEnd()));
  for (const row of report.items) {
    const cells = states.map((s, i) => {
      const status = row.cells[s.id]?.status ?? "absent";
      const symbol = SYMBOL[status];
      const painted = status === "allowed" ? c.green(symbol) : status === "absent" ? c.dim(symbol) : c.red(symbol);
      return pad(symbol, painted, widths[i] ?? 4);
    });
    const label = row.declared ? row.name : `${row.name} (undeclared)`;
    const scope = row.scope === "app" ? c.dim(" app") : "";
    out.push(`  ${fit(label, NAME_WIDTH)} ${fit(row.storage, 15)} ${cells.join("")}${scope}`.trimEnd());
  }

  if (report.hosts.length > 0) {
    out.push("");
    out.push(`${c.bold("Third-party hosts by state")}   number of requests; ${SYMBOL["not-allowed"]} without consent`);
    out.push(
      c.dim(
        `  ${fit("", NAME_WIDTH)} ${fit("service", 15)} ${states.map((s, i) => fit(s.short, widths[i] ?? 4)).join("")}`.trimEnd(),
      ),
    );
    for (const host of report.hosts) {
      const cells = states.map((s, i) => {
        const cell = host.cells[s.id];
        if (!cell) return pad("·", c.dim("·"), widths[i] ?? 4);
        const text = cell.status === "allowed" ? String(cell.requests) : `${SYMBOL["not-allowed"]}${cell.requests}`;
        return pad(text, cell.status === "allowed" ? c.green(text) : c.red(text), widths[i] ?? 4);
      });
      out.push(`  ${fit(host.host, NAME_WIDTH)} ${fit(host.service ?? "(none)", 15)} ${cells.join("")}`.trimEnd());
    }
  }

  const violations = report.findings.filter((f) => f.severity === "violation");
  const infos = report.findings.filter((f) => f.severity === "info");
  if (violations.length > 0) {
    out.push("");
    out.push(c.bold(c.red(`Violations (${violations.length})`)));
    violations.forEach((f, i) => out.push(...describe(f, `${i + 1}.`, statesById, c)));
  }
  if (infos.length > 0) {
    out.push("");
    out.push(c.bold(`Information (${infos.length})`));
    for (const f of infos) out.push(`  - ${f.title}: ${c.dim(f.detail)}`);
  }
  out.push("");
  out.push(
    violations.length > 0
      ? c.red(c.bold(`✗ ${plural(violations.length, "violation")}: the declaration is not true for this site.`))
      : c.green(c.bold("✓ No violation: the declaration holds in every consent state.")),
  );
  return out.join("\n") + "\n";
}

function describe(
  f: Finding,
  bullet: string,
  states: Map<string, { label: string }>,
  c: ReturnType<typeof paint>,
): string[] {
  const lines = [`  ${bullet} ${c.bold(f.title)}`, `     ${f.detail}`];
  if (f.kind === "undeclared") {
    lines.push(`     Seen in: ${describeOccurrences(f.occurrences, states)}`);
    lines.push("     Suggested entry for content/registry.yaml (under items:):");
    for (const l of f.suggestion.split("\n")) lines.push(`     ${c.yellow(l)}`);
  }
  if (f.kind === "third-party-request") for (const url of f.urls) lines.push(c.dim(`     ${url}`));
  if (f.kind === "expiry") lines.push(`     Seen in: ${describeOccurrences(f.occurrences, states)}`);
  if (f.pages.length > 0) lines.push(c.dim(`     on ${f.pages.join(", ")}`));
  return lines;
}
