// Where browsers report what the Content-Security-Policy blocked (report-uri / report-to in
// lib/security/csp.ts): each violation becomes one line of the server's log, at a bounded rate.
// Guarded like every route (lib/http/guard.ts): POST only, never from another site, 16 KB at most.
// Browsers send reports from their network stack, some without Origin or Sec-Fetch-Site, so no proof
// of origin is asked: a forged report can only add a line to a rate-limited log.
import { guardedRoute, jsonError, NO_STORE } from "@/lib/http/guard";
import { createCspReportLog, MAX_CSP_REPORT_BYTES, parseCspReports } from "@/lib/security/csp-report";

export const dynamic = "force-dynamic";

const record = createCspReportLog();

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = guardedRoute(
  { allow: ["POST"], maxBodyBytes: MAX_CSP_REPORT_BYTES, requireProof: false },
  {
    POST(_request, body) {
      const reports = parseCspReports(body);
      if (!reports.success) return jsonError(400, reports.error);
      record(reports.data);
      return new Response(null, { status: 204, headers: { "Cache-Control": NO_STORE } });
    },
  },
);
