import { describe, expect, it } from "vitest";
import { chainEvent, GENESIS } from "./chain";
import { dashboardHtml, esc } from "./dashboard";
import { summarize } from "./stats";
import { sampleEvent } from "./testing";

const summary = summarize([chainEvent(GENESIS, sampleEvent(), "2026-11-30T09:00:00.000Z")], {
  days: 30,
  now: new Date("2026-11-30T12:00:00.000Z"),
  categories: ["analytics"],
  services: ["ga4"],
});
const base = {
  where: "SQLite /data/consent-log.sqlite",
  head: { position: 1, hash: "a".repeat(64) },
  start: GENESIS,
  summary,
  names: { analytics: "Performance & Analytics", ga4: "Google Analytics 4" },
  lookupId: "",
  lookup: null,
  verify: null,
};

describe("the dashboard's HTML", () => {
  it("escapes everything that comes from a request or the database", () => {
    expect(esc(`<script>"x"&'y'</script>`)).toBe("&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;");
    const html = dashboardHtml({
      ...base,
      lookupId: '"><script>alert(1)</script>',
      lookup: { id: "<b>", events: [], checks: [] },
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("No event for decision <code>&lt;b&gt;</code>.");
  });

  it("is never indexed and shows the figures as text as well as bars", () => {
    const html = dashboardHtml(base);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain("Performance &amp; Analytics</th><td>100%</td><td>1 of 1</td>");
    expect(html).toContain('<th scope="row">2026-11-30</th><td>1</td><td>0</td><td>0</td><td>0</td>');
  });
});
