import { describe, expect, it } from "vitest";
import { renderText } from "./report-text";
import { sampleReport } from "./sample-report";

describe("renderText", () => {
  const report = sampleReport();
  const text = renderText(report, { color: false });

  it("opens with what was scanned and how", () => {
    expect(text).toContain("Candor scan of http://localhost:3161/");
    expect(text).toContain(
      "6 consent states × 1 page in 9.0s · registry content/registry.yaml · vendor scripts stubbed",
    );
  });

  it("draws the state-by-item matrix with one column per state", () => {
    const lines = text.split("\n");
    const header = lines.find((l) => l.includes("storage") && l.includes("reject"));
    expect(header?.split(/\s+/).filter(Boolean)).toEqual([
      "storage",
      "none",
      "reject",
      "accept",
      "analytics",
      "px",
      "gpc",
    ]);
    const px = lines.find((l) => l.trimStart().startsWith("_px "));
    expect(px?.split(/\s+/).filter(Boolean)).toEqual(["_px", "cookie", "·", "✗", "●", "●", "●", "·"]);
    const host = lines.find((l) => l.trimStart().startsWith("px.example"));
    expect(host?.split(/\s+/).filter(Boolean)).toEqual(["px.example", "px", "·", "✗1", "1", "1", "1", "·"]);
  });

  it("lists violations with a suggested entry, then information, then the verdict", () => {
    expect(text).toContain("Violations (4)");
    expect(text).toContain('Undeclared localStorage key "<script>alert(1)</script>"');
    expect(text).toContain("  - name: <script>alert(1)</script>");
    expect(text).toContain('Information (1)\n  - Declared localStorage key "gone" never seen');
    expect(text.trimEnd().endsWith("✗ 4 violations: the declaration is not true for this site.")).toBe(true);
    expect(text.indexOf("Violations")).toBeLessThan(text.indexOf("Information"));
  });

  it("colours only when asked", () => {
    expect(text).not.toContain("\u001b[");
    expect(renderText(report, { color: true })).toContain("\u001b[31m✗\u001b[0m");
  });

  it("says so when there is no violation", () => {
    const clean = { ...report, findings: report.findings.filter((f) => f.severity === "info"), violations: 0 };
    expect(renderText(clean, { color: false })).toContain(
      "✓ No violation: the declaration holds in every consent state.",
    );
  });
});
