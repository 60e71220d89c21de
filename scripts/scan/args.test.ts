import { describe, expect, it } from "vitest";
import { parseScanArgs } from "./args";

describe("parseScanArgs", () => {
  it("defaults to the local site, the shipped registry and no output files", () => {
    expect(parseScanArgs([])).toEqual({
      success: true,
      help: false,
      options: { stubVendors: false, registry: "content/registry.yaml", maxPages: 40, settle: 300 },
    });
  });

  it("reads every option", () => {
    const r = parseScanArgs([
      "--url",
      "https://example.com/",
      "--json",
      "r.json",
      "--html",
      "r.html",
      "--stub-vendors",
      "--registry",
      "x.yaml",
      "--max-pages",
      "5",
      "--settle",
      "0",
    ]);
    expect(r).toEqual({
      success: true,
      help: false,
      options: {
        url: "https://example.com/",
        json: "r.json",
        html: "r.html",
        stubVendors: true,
        registry: "x.yaml",
        maxPages: 5,
        settle: 0,
      },
    });
  });

  it("asks for help", () => {
    expect(parseScanArgs(["-h"])).toMatchObject({ success: true, help: true });
  });

  it("refuses what it cannot use, saying why", () => {
    const error = (argv: string[]) => {
      const r = parseScanArgs(argv);
      return r.success ? "" : r.error;
    };
    expect(error(["--url", "localhost:3000"])).toContain("must start with http:// or https://");
    expect(error(["--url", "not a url"])).toContain("is not a web address");
    expect(error(["--port", "0"])).toContain("--port must be a whole number from 1 to 65535");
    expect(error(["--max-pages", "many"])).toContain("--max-pages must be a whole number");
    expect(error(["--url", "http://x.test", "--port", "3000"])).toContain("leave it out with --url");
    expect(error(["--colour"])).toContain("Unknown option");
    expect(error(["extra"])).toMatch(/positional/i);
  });
});
