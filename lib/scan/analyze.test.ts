import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseRegistry } from "../registry/parse";
import { itemSchema, type Registry } from "../registry/schema";
import { analyze, type Finding, formatSeconds } from "./analyze";
import type {
  ObservedCookie,
  ObservedRequest,
  ObservedStorage,
  Phase,
  Snapshot,
  StateObservation,
} from "./observation";
import { consentStates } from "./states";

const REGISTRY = `categories:
  - id: necessary
    required: true
    title: { en: Strictly Necessary }
    description: { en: Needed. }
  - id: analytics
    title: { en: Analytics }
    description: { en: Counting. }
  - id: functional
    title: { en: Functional }
    description: { en: Preferences. }
services:
  - id: ga4
    name: Google Analytics 4
    provider: Google
    category: analytics
    privacyUrl: https://policies.google.com/privacy
    env: NEXT_PUBLIC_GA_MEASUREMENT_ID
    hosts: ["*.googletagmanager.com", "*.google-analytics.com"]
    description: { en: Measures. }
  - id: tiktok
    name: TikTok Pixel
    provider: TikTok
    category: analytics
    privacyUrl: https://www.tiktok.com/legal
    advertising: true
    hosts: [analytics.tiktok.com]
    description: { en: Ads. }
items:
  - name: site:consent
    storage: localStorage
    category: necessary
    provider: Example
    purpose: { en: Choices. }
    duration: 6mo
  - name: site:theme
    storage: localStorage
    category: functional
    provider: Example
    purpose: { en: Theme. }
    duration: 1y
  - name: sid
    storage: cookie
    category: necessary
    provider: Example
    httpOnly: true
    purpose: { en: Session. }
    duration: session
  - name: app_session
    storage: cookie
    category: necessary
    provider: Example
    scope: app
    purpose: { en: App. }
    duration: session
  - name: old:key
    storage: localStorage
    category: functional
    provider: Example
    purpose: { en: Old. }
    duration: 1y
  - name: _ga
    storage: cookie
    category: analytics
    service: ga4
    purpose: { en: Visitor id. }
    duration: 2y
  - name: _ga_*
    storage: cookie
    category: analytics
    service: ga4
    purpose: { en: Session state. }
    duration: 2y
  - name: _ttp
    storage: cookie
    category: analytics
    service: tiktok
    purpose: { en: TikTok id. }
    duration: 13mo
`;

function registry(): Registry {
  const r = parseRegistry(REGISTRY, "registry.yaml");
  if (!r.success) throw new Error(JSON.stringify(r.problems));
  return r.data;
}

const SITE = "http://localhost:3161";
const PAGE = `${SITE}/en/cookie-policy`;
const T0 = 1_700_000_000_000;
const DAY = 86400;

function cookie(
  name: string,
  lifetimeSeconds: number | "session" = "session",
  extra: Partial<ObservedCookie> = {},
): ObservedCookie {
  return {
    name,
    domain: "localhost",
    path: "/",
    expires: lifetimeSeconds === "session" ? -1 : T0 / 1000 + lifetimeSeconds,
    httpOnly: false,
    secure: false,
    sameSite: "Lax",
    ...extra,
  };
}
const local = (name: string, origin = SITE): ObservedStorage => ({ storage: "localStorage", origin, name });
function snap(phase: Phase, cookies: ObservedCookie[] = [], storage: ObservedStorage[] = [], page = PAGE): Snapshot {
  return { page, phase, takenAt: T0, cookies, storage };
}
function request(url: string, phase: Phase = "after-choice"): ObservedRequest {
  return { url, host: new URL(url).hostname, method: "GET", resourceType: "script", page: PAGE, phase };
}
function observe(
  state: string,
  snapshots: Snapshot[],
  requests: ObservedRequest[] = [],
  error?: string,
): StateObservation {
  return {
    state,
    startedAt: T0 - 2000,
    finishedAt: T0 + 1000,
    visits: [{ url: PAGE, status: 200 }],
    snapshots,
    requests,
    ...(error ? { error } : {}),
  };
}

/** A well-behaved site: necessary things always, GA4 and TikTok only where granted. */
function cleanObservations(): StateObservation[] {
  const base = [cookie("sid", "session", { httpOnly: true })];
  const consent = local("site:consent");
  const ga = [cookie("_ga", 730 * DAY - 10), cookie("_ga_ABC123", 730 * DAY - 10)];
  const gaReq = [
    request("https://www.googletagmanager.com/gtag/js?id=G-ABC123"),
    request("https://region1.google-analytics.com/g/collect?v=2"),
  ];
  const tt = [cookie("_ttp", 395 * DAY)];
  const ttReq = [request("https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=X")];
  const before = snap("before-choice", base);
  return [
    observe("no-decision", [before]),
    observe("reject-all", [before, snap("after-choice", base, [consent])]),
    observe(
      "accept-all",
      [before, snap("after-choice", [...base, ...ga, ...tt], [consent, local("site:theme")])],
      [...gaReq, ...ttReq],
    ),
    observe(
      "category-analytics",
      [before, snap("after-choice", [...base, ...ga, ...tt], [consent])],
      [...gaReq, ...ttReq],
    ),
    observe("category-functional", [before, snap("after-choice", base, [consent, local("site:theme")])]),
    observe("service-ga4", [before, snap("after-choice", [...base, ...ga], [consent])], gaReq),
    observe("service-tiktok", [before, snap("after-choice", [...base, ...tt], [consent])], ttReq),
    observe("accept-all-gpc", [before, snap("after-choice", [...base, ...ga], [consent, local("site:theme")])], gaReq),
  ];
}

/** The clean observations with some states replaced. */
function withStates(...replacements: StateObservation[]): StateObservation[] {
  return cleanObservations().map((o) => replacements.find((r) => r.state === o.state) ?? o);
}

function run(observations: StateObservation[]) {
  const reg = registry();
  return analyze({ registry: reg, states: consentStates(reg), observations, site: SITE });
}
const ofKind = <K extends Finding["kind"]>(findings: Finding[], kind: K) =>
  findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);

describe("analyze, on a site that keeps its declaration", () => {
  const result = run(cleanObservations());

  it("finds no violation", () => {
    expect(result.findings.filter((f) => f.severity === "violation")).toEqual([]);
    expect(result.violations).toBe(0);
  });

  it("tells apart app items, stale items and never-seen ones, as information", () => {
    const never = ofKind(result.findings, "never-seen");
    expect(never.map((f) => [f.declared, f.reason])).toEqual([
      ["app_session", "app"],
      ["old:key", "stale"],
    ]);
    expect(never.every((f) => f.severity === "info")).toBe(true);
    expect(never[0]?.detail).toContain("not expected here");
    expect(never[1]?.detail).toContain("perhaps stale");
    expect(result.infos).toBe(2);
  });

  it("draws the matrix: _ga only where GA4 is granted, _ttp only where TikTok is, and the pattern's real names", () => {
    const row = (name: string) => result.items.find((r) => r.name === name);
    const present = (name: string) =>
      Object.entries(row(name)?.cells ?? {})
        .filter(([, c]) => c.status !== "absent")
        .map(([id]) => id);
    expect(present("_ga")).toEqual(["accept-all", "category-analytics", "service-ga4", "accept-all-gpc"]);
    expect(present("_ttp")).toEqual(["accept-all", "category-analytics", "service-tiktok"]);
    expect(present("sid")).toHaveLength(8);
    expect(row("sid")?.cells["no-decision"]).toEqual({ status: "allowed", names: ["sid"], beforeChoice: true });
    expect(row("_ga_*")?.cells["accept-all"]?.names).toEqual(["_ga_ABC123"]);
    expect(row("old:key")?.cells["accept-all"]?.status).toBe("absent");
  });

  it("lists the hosts contacted per state with their owning service", () => {
    const tiktok = result.hosts.find((h) => h.host === "analytics.tiktok.com");
    expect(tiktok?.service).toBe("tiktok");
    expect(Object.keys(tiktok?.cells ?? {})).toEqual(["accept-all", "category-analytics", "service-tiktok"]);
    expect(tiktok?.cells["accept-all"]).toEqual({ requests: 1, status: "allowed" });
  });

  it("summarises each state", () => {
    expect(result.states).toHaveLength(8);
    expect(result.states[0]).toMatchObject({ id: "no-decision", pages: 1, durationMs: 3000 });
    expect(result.pages).toEqual([PAGE]);
  });
});

describe("analyze, on a site that breaks its declaration", () => {
  it("flags a declared item present before consent, naming the states and the phase", () => {
    const obs = withStates(
      observe("no-decision", [snap("before-choice", [], [local("site:theme")])]),
      observe("accept-all", [snap("before-choice", [cookie("_ga", DAY)]), snap("after-choice", [cookie("_ga", DAY)])]),
    );
    const [theme, ga] = ofKind(run(obs).findings, "not-granted");
    expect(theme).toMatchObject({
      declared: "site:theme",
      category: "functional",
      occurrences: [{ state: "no-decision", phase: "before-choice" }],
    });
    expect(theme?.title).toBe(
      'Declared localStorage key "site:theme" present without consent for the Functional category',
    );
    expect(ga).toMatchObject({
      declared: "_ga",
      service: "ga4",
      occurrences: [{ state: "accept-all", phase: "before-choice" }],
    });
    expect(ga?.detail).toContain("Accept all (before the choice)");
  });

  it("flags TikTok's cookie under Global Privacy Control, since TikTok is advertising", () => {
    const obs = withStates(observe("accept-all-gpc", [snap("after-choice", [cookie("_ttp", DAY)])]));
    const [f] = ofKind(run(obs).findings, "not-granted");
    expect(f).toMatchObject({
      declared: "_ttp",
      service: "tiktok",
      occurrences: [{ state: "accept-all-gpc", phase: "after-choice" }],
    });
    expect(f?.title).toContain("TikTok Pixel");
  });

  it("flags a GA4 item where only TikTok was granted", () => {
    const obs = withStates(observe("service-tiktok", [snap("after-choice", [cookie("_ga_XYZ", DAY)])]));
    const [f] = ofKind(run(obs).findings, "not-granted");
    expect(f).toMatchObject({ declared: "_ga_*", names: ["_ga_XYZ"], occurrences: [{ state: "service-tiktok" }] });
  });

  it("flags a request to a service's host without consent for that service, also before the choice", () => {
    const obs = withStates(
      observe("reject-all", [], [request("https://www.googletagmanager.com/gtag/js?id=G-1")]),
      observe("service-ga4", [], [request("https://analytics.tiktok.com/api/v2/pixel")]),
      observe("accept-all", [], [request("https://analytics.tiktok.com/i18n/pixel/events.js", "before-choice")]),
    );
    const found = ofKind(run(obs).findings, "third-party-request");
    expect(found.map((f) => [f.host, f.service, f.occurrences])).toEqual([
      ["www.googletagmanager.com", "ga4", [{ state: "reject-all", phase: "after-choice" }]],
      [
        "analytics.tiktok.com",
        "tiktok",
        [
          { state: "accept-all", phase: "before-choice" },
          { state: "service-ga4", phase: "after-choice" },
        ],
      ],
    ]);
    expect(found[1]?.urls).toContain("https://analytics.tiktok.com/api/v2/pixel");
  });

  it("flags a request to a host no service owns, even after accept all", () => {
    const obs = withStates(observe("accept-all", [], [request("https://cdn.tracker.example/t.js")]));
    const [f] = ofKind(run(obs).findings, "third-party-request");
    expect(f).toMatchObject({ host: "cdn.tracker.example", severity: "violation" });
    expect(f?.service).toBeUndefined();
    expect(f?.title).toContain("no service in the registry owns");
  });

  it("ignores requests to the site's own host", () => {
    const obs = withStates(observe("no-decision", [], [request(`${SITE}/_next/static/chunk.js`, "before-choice")]));
    expect(run(obs).violations).toBe(0);
  });

  it("flags a cookie that lives longer than declared, with both lifetimes in words", () => {
    const obs = withStates(observe("accept-all", [snap("after-choice", [cookie("_ttp", 420 * DAY + 30)])]));
    const [f] = ofKind(run(obs).findings, "expiry");
    expect(f).toMatchObject({
      declared: "_ttp",
      declaredDuration: "13mo",
      declaredMaxSeconds: 13 * 31 * DAY,
      observedSeconds: 420 * DAY + 30,
    });
    expect(f?.detail).toContain("at most 403 days");
    expect(f?.detail).toContain("at least 420 days");
  });

  it("flags a persistent cookie declared as a session cookie", () => {
    const obs = withStates(observe("no-decision", [snap("before-choice", [cookie("sid", 3600, { httpOnly: true })])]));
    const [f] = ofKind(run(obs).findings, "expiry");
    expect(f).toMatchObject({ declared: "sid", declaredMaxSeconds: 0 });
    expect(f?.detail).toContain("deleted when the browser closes");
  });

  it("accepts a cookie whose lifetime equals its declaration", () => {
    const obs = withStates(observe("accept-all", [snap("after-choice", [cookie("_ttp", 13 * 31 * DAY)])]));
    expect(ofKind(run(obs).findings, "expiry")).toEqual([]);
  });

  it("flags an undeclared item with a YAML entry that guesses its category from the states", () => {
    const obs = withStates(
      observe("accept-all", [snap("after-choice", [], [local("site:scroll")])]),
      observe("category-functional", [snap("after-choice", [], [local("site:scroll")])]),
    );
    const [f] = ofKind(run(obs).findings, "undeclared");
    expect(f).toMatchObject({ storage: "localStorage", name: "site:scroll", places: [SITE], severity: "violation" });
    const entry = (parse(f!.suggestion.replace('en: ""', "en: Scroll position.")) as unknown[])[0];
    expect(itemSchema.parse(entry)).toMatchObject({
      name: "site:scroll",
      category: "functional",
      provider: "Example",
      duration: "persistent",
    });
  });

  it("suggests a cookie's real lifetime and HttpOnly, and says when it sits on another domain", () => {
    const obs = withStates(
      observe("service-tiktok", [
        snap("after-choice", [cookie("tt_chain", 100 * DAY, { domain: ".tiktok.com", httpOnly: true })]),
      ]),
    );
    const [f] = ofKind(run(obs).findings, "undeclared");
    expect(f?.suggestion).toContain("service: tiktok");
    expect(f?.suggestion).toContain("httpOnly: true");
    expect(f?.suggestion).toContain("duration: 4mo");
    expect(f?.suggestion).toContain("# seen on .tiktok.com");
  });

  it("does not call a cookie on the site's parent domain foreign", () => {
    const reg = registry();
    const result = analyze({
      registry: reg,
      states: consentStates(reg),
      site: "http://www.candor.test:3161",
      observations: [
        observe("no-decision", [snap("before-choice", [cookie("parent", "session", { domain: ".candor.test" })])]),
      ],
    });
    expect(ofKind(result.findings, "undeclared")[0]?.suggestion).not.toContain("# seen on");
  });

  it("marks undeclared items in the matrix", () => {
    const obs = withStates(
      observe("no-decision", [snap("before-choice", [], [{ storage: "indexedDB", origin: SITE, name: "cache-db" }])]),
    );
    const row = run(obs).items.find((r) => r.name === "cache-db");
    expect(row).toMatchObject({ declared: false, storage: "indexedDB" });
    expect(row?.cells["no-decision"]?.status).toBe("undeclared");
  });

  it("says a service that never sent a request seems inactive, naming its variable", () => {
    const obs = cleanObservations().map((o) => ({
      ...o,
      requests: o.requests.filter((r) => !r.host.includes("google")),
      snapshots: o.snapshots.map((s) => ({ ...s, cookies: s.cookies.filter((c) => !c.name.startsWith("_ga")) })),
    }));
    const never = ofKind(run(obs).findings, "never-seen").filter((f) => f.reason === "inactive-service");
    expect(never.map((f) => f.declared)).toEqual(["_ga", "_ga_*"]);
    expect(never[0]?.detail).toContain("NEXT_PUBLIC_GA_MEASUREMENT_ID");
  });

  it("turns a state it could not bring about into a violation, first in the list", () => {
    const obs = withStates(observe("category-analytics", [], [], 'No switch named "Analytics" in the dialog.'));
    const result = run(obs);
    expect(result.findings[0]).toMatchObject({ kind: "state-error", severity: "violation" });
    expect(result.findings[0]?.detail).toContain('No switch named "Analytics"');
    expect(result.states.find((s) => s.id === "category-analytics")?.error).toContain("No switch");
  });

  it("orders violations before information", () => {
    const obs = withStates(observe("no-decision", [snap("before-choice", [], [local("x")])]));
    const severities = run(obs).findings.map((f) => f.severity);
    expect(severities.indexOf("info")).toBeGreaterThan(severities.lastIndexOf("violation"));
  });
});

describe("formatSeconds", () => {
  it("reads as people speak", () => {
    expect(formatSeconds(45)).toBe("45 seconds");
    expect(formatSeconds(60)).toBe("1 minute");
    expect(formatSeconds(7200)).toBe("2 hours");
    expect(formatSeconds(3 * 86400 + 5)).toBe("3 days");
    expect(formatSeconds(86400)).toBe("24 hours");
  });
});
