// A small scan report for the renderers' tests: one undeclared key, one item without consent, one
// over-long cookie, one request without consent, one declared item never seen.
import { parseRegistry } from "@/lib/registry/parse";
import { analyze } from "@/lib/scan/analyze";
import type { StateObservation } from "@/lib/scan/observation";
import { consentStates } from "@/lib/scan/states";
import { policyHref } from "@/lib/site/routes";
import type { ScanReport } from "./report";

const REGISTRY = `categories:
  - { id: necessary, required: true, title: { en: Strictly Necessary }, description: { en: Needed. } }
  - { id: analytics, title: { en: Analytics }, description: { en: Counting. } }
services:
  - id: px
    name: Pixel <Ads>
    provider: Ads
    category: analytics
    privacyUrl: https://example.com/privacy
    advertising: true
    hosts: [px.example]
    description: { en: Ads. }
items:
  - { name: consent, storage: localStorage, category: necessary, provider: Co, purpose: { en: Choices. }, duration: 6mo }
  - { name: _px, storage: cookie, category: analytics, service: px, purpose: { en: Id. }, duration: 1d }
  - { name: gone, storage: localStorage, category: necessary, provider: Co, purpose: { en: Old. }, duration: 1y }
`;

export function sampleReport(): ScanReport {
  const parsed = parseRegistry(REGISTRY, "registry.yaml");
  if (!parsed.success) throw new Error(JSON.stringify(parsed.problems));
  const registry = parsed.data;
  const states = consentStates(registry);
  const site = "http://localhost:3161";
  const page = `${site}${policyHref("en")}`;
  const t = 1_700_000_000_000;
  const observation = (state: string, cookies: string[], storage: string[], hosts: string[]): StateObservation => ({
    state,
    startedAt: t,
    finishedAt: t + 1500,
    visits: [{ url: page, status: 200 }],
    snapshots: [
      {
        page,
        phase: state === "no-decision" ? "before-choice" : "after-choice",
        takenAt: t,
        cookies: cookies.map((name) => ({
          name,
          domain: "localhost",
          path: "/",
          expires: t / 1000 + 3 * 86400,
          httpOnly: false,
          secure: false,
          sameSite: "Lax",
        })),
        storage: storage.map((name) => ({ storage: "localStorage" as const, origin: site, name })),
      },
    ],
    requests: hosts.map((host) => ({
      url: `https://${host}/t.js`,
      host,
      method: "GET",
      resourceType: "script",
      page,
      phase: "after-choice" as const,
    })),
  });
  const observations = [
    observation("no-decision", [], ["<script>alert(1)</script>"], []),
    observation("reject-all", ["_px"], ["consent"], ["px.example"]),
    observation("accept-all", ["_px"], ["consent"], ["px.example"]),
    observation("category-analytics", ["_px"], ["consent"], ["px.example"]),
    observation("service-px", ["_px"], ["consent"], ["px.example"]),
    observation("accept-all-gpc", [], ["consent"], []),
  ];
  return {
    tool: "candor-scan",
    site: `${site}/`,
    registry: "content/registry.yaml",
    startedAt: new Date(t).toISOString(),
    durationMs: 9000,
    stubVendors: true,
    droppedPages: 0,
    ...analyze({ registry, states, observations, site }),
    observations,
  };
}
