import { describe, expect, it } from "vitest";
import { withoutScripts } from "./html.mjs";

describe("the policy page without its scripts", () => {
  it("loses its external scripts and script preloads, and keeps its inline scripts, styles and content", () => {
    const html = [
      '<html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
      '<link rel="modulepreload" href="/_next/static/chunks/m.js">',
      '<link rel="preload" href="/font.woff2" as="font"/>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
      "<script>(function(d){d.setAttribute('data-consent','undecided')})(document.documentElement)</script>",
      "<style>body{margin:0}</style></head><body><main><h1>Policy</h1></main>",
      '<script src="/_next/static/chunks/c.js" async=""></script>',
      '<script>self.__next_f.push([1,"x"])</script></body></html>',
    ].join("");
    const out = withoutScripts(html);
    expect(out).not.toContain("a.js");
    expect(out).not.toContain("b.js");
    expect(out).not.toContain("c.js");
    expect(out).not.toContain("m.js");
    expect(out).toContain('<link rel="preload" href="/font.woff2" as="font"/>');
    expect(out).toContain("data-consent");
    expect(out).toContain("self.__next_f.push");
    expect(out).toContain("<style>body{margin:0}</style>");
    expect(out).toContain("<h1>Policy</h1>");
  });
});
