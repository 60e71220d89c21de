import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PolicyTable } from "./table";

const rows = (n: number) =>
  h(
    "tbody",
    null,
    Array.from({ length: n }, (_, i) => h("tr", { key: i }, h("td", null, `item ${i}`))),
  );

describe("PolicyTable", () => {
  it("lays out a long table only near the screen, holding space estimated from its rows", () => {
    const html = renderToStaticMarkup(h(PolicyTable, { caption: "Big", rows: 500 }, rows(500)));
    expect(html).toContain('class="table-scroll table-long"');
    expect(html).toContain('style="contain-intrinsic-size:auto 1754.0rem"');
    expect(html).toContain('aria-label="Big"');
  });

  it("leaves a table of ordinary length as it is", () => {
    const html = renderToStaticMarkup(h(PolicyTable, { caption: "Small", rows: 30 }, rows(30)));
    expect(html).toMatch(/^<div class="table-scroll" role="region" aria-label="Small" tabindex="0"><table>/);
  });
});
