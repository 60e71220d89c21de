// Reports of what the Content-Security-Policy blocked, as browsers send them to POST /api/csp-report:
// parsed from either format, cut to a few short fields, and logged at a bounded rate — a page that
// breaks is seen in the server's log, and nobody can fill the log by posting reports.
import { z } from "zod";

export interface CspViolation {
  document: string;
  directive: string;
  blocked: string;
  source: string;
}

/** A report is a few hundred bytes; a batch of them a few kilobytes. */
export const MAX_CSP_REPORT_BYTES = 16_384;
/** One body may carry a batch (Reporting API); more than this many in one body are not read. */
export const MAX_REPORTS_PER_BODY = 20;
const FIELD = 200;

const text = z
  .unknown()
  .transform((v) => (typeof v === "string" || typeof v === "number" ? String(v).slice(0, FIELD) : ""))
  .catch("");

// report-uri (application/csp-report): { "csp-report": { "document-uri": …, "violated-directive": … } }
const legacy = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "effective-directive": text,
    "violated-directive": text,
    "blocked-uri": text,
    "source-file": text,
    "line-number": text,
  }),
});

// report-to (application/reports+json): [{ type: "csp-violation", body: { documentURL, effectiveDirective, … } }]
const reportingApi = z.array(z.unknown()).transform((list) =>
  list.slice(0, MAX_REPORTS_PER_BODY).flatMap((entry) => {
    const r = z
      .object({
        type: z.literal("csp-violation"),
        body: z.object({
          documentURL: text,
          effectiveDirective: text,
          blockedURL: text,
          sourceFile: text,
          lineNumber: text,
        }),
      })
      .safeParse(entry);
    return r.success ? [r.data.body] : [];
  }),
);

export type CspReportResult = { success: true; data: CspViolation[] } | { success: false; error: string };

export function parseCspReports(body: string): CspReportResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { success: false, error: "The report is not JSON." };
  }
  const old = legacy.safeParse(json);
  if (old.success) {
    const r = old.data["csp-report"];
    const source = r["source-file"] ? `${r["source-file"]}:${r["line-number"]}` : "";
    return {
      success: true,
      data: [
        {
          document: r["document-uri"],
          directive: r["effective-directive"] || r["violated-directive"],
          blocked: r["blocked-uri"],
          source,
        },
      ],
    };
  }
  const batch = reportingApi.safeParse(json);
  if (batch.success && batch.data.length)
    return {
      success: true,
      data: batch.data.map((b) => ({
        document: b.documentURL,
        directive: b.effectiveDirective,
        blocked: b.blockedURL,
        source: b.sourceFile ? `${b.sourceFile}:${b.lineNumber}` : "",
      })),
    };
  return { success: false, error: "The body is not a CSP violation report." };
}

/** Printable on one log line: control characters (a forged report's line breaks) become spaces. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, " ");

/**
 * A logger of violations that writes at most `perMinute` lines a minute, then one line saying how many
 * it left out once the minute is over. Create one per server process (the route module does).
 */
export function createCspReportLog({
  log = (line: string) => console.warn(line),
  perMinute = 30,
  now = Date.now,
}: {
  log?: (line: string) => void;
  perMinute?: number;
  now?: () => number;
} = {}) {
  let windowStart = now();
  let written = 0;
  let skipped = 0;
  return (violations: readonly CspViolation[]) => {
    if (now() - windowStart >= 60_000) {
      if (skipped) log(`CSP violation: ${skipped} more reports in the last minute were not logged.`);
      windowStart = now();
      written = 0;
      skipped = 0;
    }
    for (const v of violations) {
      if (written >= perMinute) {
        skipped++;
        continue;
      }
      written++;
      log(
        oneLine(
          `CSP violation: ${v.directive || "?"} blocked ${v.blocked || "?"} on ${v.document || "?"}${v.source ? ` (${v.source})` : ""}`,
        ),
      );
    }
  };
}
