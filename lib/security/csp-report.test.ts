import { describe, expect, it } from "vitest";
import { createCspReportLog, MAX_REPORTS_PER_BODY, parseCspReports } from "./csp-report";

const legacy = {
  "csp-report": {
    "document-uri": "https://imsupporting.com/en/cookie-policy",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "blocked-uri": "inline",
    "source-file": "https://imsupporting.com/en/cookie-policy",
    "line-number": 12,
  },
};
const modern = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type: "csp-violation",
    url: "https://imsupporting.com/en/cookie-policy",
    body: {
      documentURL: "https://imsupporting.com/en/cookie-policy",
      effectiveDirective: "connect-src",
      blockedURL: `https://tracker${i}.example/x`,
      disposition: "enforce",
    },
  }));

describe("CSP reports", () => {
  it("reads both the report-uri and the Reporting API format", () => {
    expect(parseCspReports(JSON.stringify(legacy))).toEqual({
      success: true,
      data: [
        {
          document: "https://imsupporting.com/en/cookie-policy",
          directive: "script-src-elem",
          blocked: "inline",
          source: "https://imsupporting.com/en/cookie-policy:12",
        },
      ],
    });
    const batch = parseCspReports(JSON.stringify(modern(2)));
    expect(batch.success && batch.data.map((v) => v.blocked)).toEqual([
      "https://tracker0.example/x",
      "https://tracker1.example/x",
    ]);
  });

  it("caps the batch and each field, and refuses what is not a report", () => {
    const many = parseCspReports(JSON.stringify(modern(100)));
    expect(many.success && many.data.length).toBe(MAX_REPORTS_PER_BODY);
    const long = parseCspReports(
      JSON.stringify({ "csp-report": { ...legacy["csp-report"], "blocked-uri": "x".repeat(5000) } }),
    );
    expect(long.success && long.data[0]?.blocked.length).toBe(200);
    for (const bad of ["nope", "{}", "[]", '[{"type":"deprecation"}]', "null"])
      expect(parseCspReports(bad).success, bad).toBe(false);
  });

  it("logs one line per violation, at most so many a minute, then says how many it left out", () => {
    const lines: string[] = [];
    let t = 0;
    const record = createCspReportLog({ log: (l) => lines.push(l), perMinute: 3, now: () => t });
    record([{ document: "/en\r\nFAKE LOG LINE", directive: "script-src", blocked: "inline", source: "" }]);
    expect(lines).toEqual(["CSP violation: script-src blocked inline on /en  FAKE LOG LINE"]);
    for (let i = 0; i < 10; i++) record([{ document: "/en", directive: "img-src", blocked: `x${i}`, source: "" }]);
    expect(lines).toHaveLength(3);
    t = 61_000;
    record([{ document: "/de", directive: "img-src", blocked: "y", source: "" }]);
    expect(lines.slice(3)).toEqual([
      "CSP violation: 8 more reports in the last minute were not logged.",
      "CSP violation: img-src blocked y on /de",
    ]);
  });
});
