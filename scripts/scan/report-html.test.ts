import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtml } from "./report-html";
import { sampleReport } from "./sample-report";

describe("renderHtml", () => {
  const html = renderHtml(sampleReport());

  it("is one self-contained page: no script, no external style or image", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link |<img /i);
    expect(html).toContain("<style>");
  });

  it("escapes every name it shows, so a hostile key cannot inject markup", () => {
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Pixel &lt;Ads&gt;");
  });

  it("has the matrix as a captioned table with a column per state and a row header per item", () => {
    expect(html).toContain('<caption id="items-caption">Cookies and storage by consent state</caption>');
    for (const label of [
      "No decision",
      "Reject all",
      "Accept all",
      "Analytics alone",
      "Pixel &lt;Ads&gt; alone",
      "Accept all with Global Privacy Control",
    ])
      expect(html).toContain(`<th scope="col">${label}</th>`);
    expect(html).toMatch(
      /<tr><th scope="row">_px<\/th><td>cookie<\/td><td>px<\/td><td class="s absent">.*?<td class="s not-allowed"><span aria-hidden="true">✗<\/span> without consent<\/td>/,
    );
  });

  it("states the verdict and counts in words", () => {
    expect(html).toContain(
      '<p class="verdict bad" role="status">✗ 4 violations: the declaration is not true for this site.</p>',
    );
    expect(html).toContain("<title>Candor scan of http://localhost:3161/: 4 violations</title>");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
