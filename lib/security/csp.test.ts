import { describe, expect, it } from "vitest";
import { buildCsp } from "./csp";
import { inlineScriptHashes, inlineScripts, sha256Source } from "./inline-scripts";

const vendors = {
  script: ["www.googletagmanager.com", "analytics.tiktok.com"],
  connect: ["analytics.tiktok.com", "*.google-analytics.com"],
};

function directive(csp: string, name: string): string[] {
  const d = csp.split("; ").find((x) => x.startsWith(`${name} `));
  return d ? d.split(" ").slice(1) : [];
}

describe("the CSP", () => {
  it("allows scripts only from self, the page's hashes and the consent-loaded vendors", () => {
    const csp = buildCsp({ scriptHashes: ["sha256-abc=", "sha256-abc="], vendors });
    expect(directive(csp, "script-src")).toEqual([
      "'self'",
      "'sha256-abc='",
      "https://analytics.tiktok.com",
      "https://www.googletagmanager.com",
    ]);
    expect(directive(csp, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(csp, "script-src")).not.toContain("'unsafe-eval'");
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(csp, "object-src")).toEqual(["'none'"]);
    expect(directive(csp, "connect-src")).toContain("https://*.google-analytics.com");
    // beacon hosts may not serve scripts
    expect(directive(csp, "script-src")).not.toContain("https://*.google-analytics.com");
  });

  it("relaxes only in development", () => {
    expect(directive(buildCsp({ scriptHashes: [], vendors, development: true }), "script-src")).toContain(
      "'unsafe-eval'",
    );
  });
});

describe("inline script hashes", () => {
  it("hashes inline scripts and skips external ones and data blocks", () => {
    const html = `<script src="/a.js" async></script><script>self.x=1</script><script type="application/ld+json">{}</script><SCRIPT id="y">a()</SCRIPT>`;
    expect(inlineScripts(html)).toEqual(["self.x=1", "a()"]);
    expect(inlineScriptHashes(html)).toEqual([sha256Source("self.x=1"), sha256Source("a()")]);
  });

  it("matches the browser's hash of a known body", () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(sha256Source("alert(1)")).toBe("sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
  });
});
