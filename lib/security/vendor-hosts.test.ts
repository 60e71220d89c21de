import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRegistry } from "../registry/parse";
import { hostMatches } from "../scan/hosts";
import { VENDOR_CSP, vendorHostsFor } from "./vendor-hosts";

const file = path.resolve(import.meta.dirname, "../../content/registry.yaml");
const parsed = parseRegistry(readFileSync(file, "utf8"), "content/registry.yaml");
if (!parsed.success) throw new Error("content/registry.yaml does not parse");
const registry = parsed.data;

describe("the CSP's vendor hosts", () => {
  it("allow nothing outside for a deployment with no vendor account set", () => {
    expect(vendorHostsFor(registry, {})).toEqual({ script: [], connect: [], img: [] });
  });

  it("allow each active vendor's script host, and beacons only to the hosts that vendor uses", () => {
    const ga4Only = vendorHostsFor(registry, { NEXT_PUBLIC_GA_MEASUREMENT_ID: "G-X" });
    expect(ga4Only.script).toEqual(["www.googletagmanager.com"]);
    expect(ga4Only.connect).not.toContain("analytics.tiktok.com");
    expect(ga4Only.connect).not.toContain("*.g.doubleclick.net");
    const both = vendorHostsFor(registry, { NEXT_PUBLIC_GA_MEASUREMENT_ID: "G-X", NEXT_PUBLIC_TIKTOK_PIXEL_ID: "C" });
    expect(both.connect).toContain("analytics.tiktok.com");
    expect(both.connect).not.toContain("business-api.tiktok.com");
  });

  it("are all declared in the registry's hosts of the same service, so the scanner agrees", () => {
    for (const [id, csp] of Object.entries(VENDOR_CSP)) {
      const declared = registry.services.find((s) => s.id === id)?.hosts ?? [];
      for (const host of [new URL(csp.scriptUrl).host, ...csp.connect, ...csp.img]) {
        const covered = host.startsWith("*.") ? declared.includes(host) : declared.some((p) => hostMatches(p, host));
        expect(covered, `${id}: ${host}`).toBe(true);
      }
    }
  });
});
