// Compares what the browser really held and requested, state by state, with the registry: the findings
// and the state-by-item matrix of a scan report. Pure: the crawler hands it observations.
import { maxLifetimeSeconds, parseDuration } from "../registry/duration";
import { findItem } from "../registry/match";
import { localize, type Registry, type RegistryItem, type StorageType } from "../registry/schema";
import { plural } from "../text/plural";
import { serviceForHost } from "./hosts";
import type { Phase, StateObservation } from "./observation";
import { beforeChoiceGrants, type ConsentState, type Grants, itemAllowed } from "./states";
import { guessCategory, siteProvider, suggestEntry } from "./suggest";

export interface Occurrence {
  state: string;
  phase: Phase;
}

interface FindingBase {
  severity: "violation" | "info";
  /** One line for a table. */
  title: string;
  /** What to do about it. */
  detail: string;
  /** Where it happened (deduplicated). */
  occurrences: Occurrence[];
  /** Pages it was seen on or requested from (first few). */
  pages: string[];
}

interface UndeclaredFinding extends FindingBase {
  kind: "undeclared";
  storage: StorageType;
  name: string;
  places: string[];
  /** A registry entry to paste under `items:`. */
  suggestion: string;
}

interface NotGrantedFinding extends FindingBase {
  kind: "not-granted";
  storage: StorageType;
  /** The declared name or pattern. */
  declared: string;
  names: string[];
  category: string;
  service?: string;
}

interface ThirdPartyFinding extends FindingBase {
  kind: "third-party-request";
  host: string;
  /** The service whose hosts list it; absent when no service does. */
  service?: string;
  urls: string[];
}

interface ExpiryFinding extends FindingBase {
  kind: "expiry";
  declared: string;
  names: string[];
  declaredDuration: string;
  declaredMaxSeconds: number;
  /** The real lifetime is at least this long. */
  observedSeconds: number;
}

interface NeverSeenFinding extends FindingBase {
  kind: "never-seen";
  storage: StorageType;
  declared: string;
  reason: "app" | "inactive-service" | "stale";
}

interface StateErrorFinding extends FindingBase {
  kind: "state-error";
  error: string;
}

export type Finding =
  | UndeclaredFinding
  | NotGrantedFinding
  | ThirdPartyFinding
  | ExpiryFinding
  | NeverSeenFinding
  | StateErrorFinding;
type FindingKind = Finding["kind"];

export type CellStatus = "absent" | "allowed" | "not-allowed" | "undeclared";

interface MatrixCell {
  status: CellStatus;
  /** The real names seen (several for a pattern such as `_ga_*`). */
  names: string[];
  /** Seen before the visitor's choice was saved. */
  beforeChoice: boolean;
}

interface MatrixRow {
  storage: StorageType;
  /** Declared name or pattern, or the real name of an undeclared item. */
  name: string;
  declared: boolean;
  category?: string;
  service?: string;
  scope?: "site" | "app";
  cells: Record<string, MatrixCell>;
}

interface HostRow {
  host: string;
  service?: string;
  cells: Record<string, { requests: number; status: "absent" | "allowed" | "not-allowed" }>;
}

interface StateSummary {
  id: string;
  label: string;
  short: string;
  gpc: boolean;
  grants: Grants;
  pages: number;
  durationMs: number;
  error?: string;
}

export interface Analysis {
  states: StateSummary[];
  pages: string[];
  findings: Finding[];
  items: MatrixRow[];
  hosts: HostRow[];
  violations: number;
  infos: number;
}

export interface AnalyzeInput {
  registry: Registry;
  states: ConsentState[];
  observations: StateObservation[];
  /** The site's origin, e.g. http://localhost:3000; every other host is a third party. */
  site: string;
  locale?: string;
}

interface Sighting {
  name: string;
  state: ConsentState;
  phase: Phase;
  grants: Grants;
  page: string;
  place: string;
  /** Cookies: seconds left until expiry when seen (0 for a session cookie). */
  lifetime?: number;
  httpOnly?: boolean;
}

const KIND_ORDER: FindingKind[] = [
  "state-error",
  "not-granted",
  "third-party-request",
  "expiry",
  "undeclared",
  "never-seen",
];
const MAX_PAGES = 5;

/** What every step of the analysis needs to know. */
interface Context {
  registry: Registry;
  states: ConsentState[];
  stateById: Map<string, ConsentState>;
  siteUrl: URL;
  locale: string;
  /** What a state allowed in a phase: before the choice, only what needs no consent. */
  grantsFor(state: ConsentState, phase: Phase): Grants;
}

type Sightings = Map<string, { storage: StorageType; name: string; list: Sighting[] }>;

export function analyze({ registry, states, observations, site, locale = "en" }: AnalyzeInput): Analysis {
  const before = beforeChoiceGrants(states);
  const ctx: Context = {
    registry,
    states,
    stateById: new Map(states.map((s) => [s.id, s])),
    siteUrl: new URL(site),
    locale,
    grantsFor: (state, phase) => (phase === "before-choice" ? before : state.grants),
  };
  const sightings = collectSightings(ctx, observations);
  const { perItem, undeclared } = matchDeclarations(ctx, sightings);
  const requests = judgeRequests(ctx, observations);
  const findings = sortFindings([
    ...stateErrors(ctx, observations),
    ...undeclared,
    ...[...perItem].flatMap(([item, list]) => [...consentFindings(ctx, item, list), ...expiryFindings(item, list)]),
    ...requests.findings,
    ...neverSeen(ctx, new Set(perItem.keys()), requests.contactedServices),
  ]);
  return {
    states: summarizeStates(states, observations),
    pages: unique(observations.flatMap((o) => o.visits.filter((v) => v.error === undefined).map((v) => v.url))),
    findings,
    items: buildMatrix(ctx, perItem, sightings),
    hosts: requests.hosts,
    violations: findings.filter((f) => f.severity === "violation").length,
    infos: findings.filter((f) => f.severity === "info").length,
  };
}

function stateErrors(ctx: Context, observations: StateObservation[]): Finding[] {
  return observations.flatMap((obs): Finding[] => {
    const state = ctx.stateById.get(obs.state);
    if (!state || obs.error === undefined) return [];
    return [
      {
        kind: "state-error",
        severity: "violation",
        error: obs.error,
        title: `Could not scan the state "${state.label}"`,
        detail: `${obs.error} The declaration is unproven for this state.`,
        occurrences: [{ state: state.id, phase: "before-choice" }],
        pages: [],
      },
    ];
  });
}

/** Every storage sighting of every state, grouped by storage area and real name. */
function collectSightings(ctx: Context, observations: StateObservation[]): Sightings {
  const sightings: Sightings = new Map();
  const see = (storage: StorageType, s: Sighting) => {
    const key = `${storage}\u0000${s.name}`;
    let entry = sightings.get(key);
    if (!entry) sightings.set(key, (entry = { storage, name: s.name, list: [] }));
    entry.list.push(s);
  };
  for (const obs of observations) {
    const state = ctx.stateById.get(obs.state);
    if (!state) continue;
    for (const snap of obs.snapshots) {
      const grants = ctx.grantsFor(state, snap.phase);
      for (const c of snap.cookies)
        see("cookie", {
          name: c.name,
          state,
          phase: snap.phase,
          grants,
          page: snap.page,
          place: c.domain,
          lifetime: c.expires > 0 ? Math.max(0, c.expires - snap.takenAt / 1000) : 0,
          httpOnly: c.httpOnly,
        });
      for (const s of snap.storage)
        see(s.storage, { name: s.name, state, phase: snap.phase, grants, page: snap.page, place: s.origin });
    }
  }
  return sightings;
}

/** Each real name matched to the registry item that declares it; an "undeclared" finding for the rest. */
function matchDeclarations(ctx: Context, sightings: Sightings) {
  const perItem = new Map<RegistryItem, Sighting[]>();
  const undeclared: Finding[] = [];
  for (const { storage, name, list } of sightings.values()) {
    const item = findItem(ctx.registry, storage, name);
    if (item) perItem.set(item, [...(perItem.get(item) ?? []), ...list]);
    else undeclared.push(undeclaredFinding(ctx, storage, name, list));
  }
  // in registry order, as the report lists them
  const ordered = new Map(
    ctx.registry.items.flatMap((item) => (perItem.has(item) ? [[item, perItem.get(item)!]] : [])),
  );
  return { perItem: ordered as Map<RegistryItem, Sighting[]>, undeclared };
}

function undeclaredFinding(ctx: Context, storage: StorageType, name: string, list: Sighting[]): Finding {
  const places = unique(list.map((s) => s.place));
  const foreign = places.filter((p) => !isOwnPlace(p, storage, ctx.siteUrl));
  const lifetime = storage === "cookie" ? Math.max(...list.map((s) => s.lifetime ?? 0)) : undefined;
  const guess = guessCategory(
    ctx.registry,
    list.map((s) => ({ state: s.state, grants: s.grants })),
    ctx.locale,
  );
  return {
    kind: "undeclared",
    severity: "violation",
    storage,
    name,
    places,
    title: `Undeclared ${storageWord(storage)} "${name}"`,
    detail: `The registry does not declare it. Add an entry to content/registry.yaml (a suggestion follows), or stop the site from setting it.`,
    suggestion: suggestEntry({
      storage,
      name,
      guess,
      provider: siteProvider(ctx.registry, ctx.siteUrl.hostname),
      ...(lifetime !== undefined ? { lifetimeSeconds: lifetime } : {}),
      httpOnly: list.some((s) => s.httpOnly),
      ...(foreign.length > 0 ? { foreignPlace: foreign.join(", ") } : {}),
    }),
    occurrences: occurrencesOf(list),
    pages: pagesOf(list),
  };
}

/** A declared item seen where its category or service was not granted. */
function consentFindings(ctx: Context, item: RegistryItem, list: Sighting[]): Finding[] {
  const { registry, locale } = ctx;
  const bad = list.filter((s) => !itemAllowed(item, s.grants, registry));
  if (bad.length === 0) return [];
  const service = item.service !== undefined ? registry.services.find((s) => s.id === item.service) : undefined;
  const category = registry.categories.find((c) => c.id === item.category);
  const owner = service ? service.name : `the ${category ? localize(category.title, locale) : item.category} category`;
  const occ = occurrencesOf(bad);
  return [
    {
      kind: "not-granted",
      severity: "violation",
      storage: item.storage,
      declared: item.name,
      names: namesOf(bad),
      category: item.category,
      ...(item.service !== undefined ? { service: item.service } : {}),
      title: `Declared ${storageWord(item.storage)} ${quoteNames(namesOf(bad))} present without consent for ${owner}`,
      detail: `Seen in: ${describeOccurrences(occ, ctx.stateById)}. It may only be set once the visitor grants ${owner}.`,
      occurrences: occ,
      pages: pagesOf(bad),
    },
  ];
}

/** A declared cookie that lives longer than its declared duration. */
function expiryFindings(item: RegistryItem, list: Sighting[]): Finding[] {
  if (item.storage !== "cookie") return [];
  const declaredMax = maxLifetimeSeconds(parseDuration(item.duration) ?? { kind: "persistent" });
  if (declaredMax === null) return [];
  const longer = list.filter((s) => (s.lifetime ?? 0) > declaredMax);
  if (longer.length === 0) return [];
  const observed = Math.max(...longer.map((s) => s.lifetime ?? 0));
  const declared = declaredMax === 0 ? "deleted when the browser closes" : `at most ${formatSeconds(declaredMax)}`;
  return [
    {
      kind: "expiry",
      severity: "violation",
      declared: item.name,
      names: namesOf(longer),
      declaredDuration: item.duration,
      declaredMaxSeconds: declaredMax,
      observedSeconds: Math.floor(observed),
      title: `Cookie ${quoteNames(namesOf(longer))} lives longer than declared`,
      detail: `Declared ${item.duration} (${declared}), but it expires after at least ${formatSeconds(observed)}. Declare the real duration, or shorten the cookie.`,
      occurrences: occurrencesOf(longer),
      pages: pagesOf(longer),
    },
  ];
}

/** Requests to other hosts: a row per host and state, and a finding for each host contacted without consent. */
function judgeRequests(ctx: Context, observations: StateObservation[]) {
  const { registry } = ctx;
  const hostRows = new Map<string, HostRow>();
  const hostBad = new Map<string, { occurrences: Occurrence[]; urls: Set<string>; pages: Set<string> }>();
  const contactedServices = new Set<string>();
  for (const obs of observations) {
    const state = ctx.stateById.get(obs.state);
    if (!state) continue;
    for (const req of obs.requests) {
      const host = req.host.toLowerCase();
      if (host === ctx.siteUrl.hostname) continue;
      const service = serviceForHost(registry, host);
      if (service) contactedServices.add(service.id);
      const allowed = service !== undefined && ctx.grantsFor(state, req.phase).services.includes(service.id);
      let row = hostRows.get(host);
      if (!row) hostRows.set(host, (row = { host, ...(service ? { service: service.id } : {}), cells: {} }));
      const cell = (row.cells[state.id] ??= { requests: 0, status: "allowed" });
      cell.requests++;
      if (allowed) continue;
      cell.status = "not-allowed";
      let bad = hostBad.get(host);
      if (!bad) hostBad.set(host, (bad = { occurrences: [], urls: new Set(), pages: new Set() }));
      if (!bad.occurrences.some((o) => o.state === state.id && o.phase === req.phase))
        bad.occurrences.push({ state: state.id, phase: req.phase });
      bad.urls.add(req.url);
      bad.pages.add(req.page);
    }
  }
  const findings = [...hostBad].map(([host, bad]): Finding => {
    const service = serviceForHost(registry, host);
    const seen = `Seen in: ${describeOccurrences(bad.occurrences, ctx.stateById)}.`;
    return {
      kind: "third-party-request",
      severity: "violation",
      host,
      ...(service ? { service: service.id } : {}),
      urls: [...bad.urls].slice(0, MAX_PAGES),
      title: service
        ? `Request to ${host} (${service.name}) without consent for it`
        : `Request to ${host}, which no service in the registry owns`,
      detail: service
        ? `${seen} ${service.name} may only be contacted once the visitor grants it.`
        : `${seen} List the host under the hosts of the service that uses it in content/registry.yaml (and load it only with consent), or stop the request.`,
      occurrences: bad.occurrences,
      pages: [...bad.pages].slice(0, MAX_PAGES),
    };
  });
  const hosts = [...hostRows.values()].sort((a, b) => a.host.localeCompare(b.host));
  return { findings, hosts, contactedServices };
}

/** Declared items the scan never saw, with the likely reason. */
function neverSeen(ctx: Context, seenItems: Set<RegistryItem>, contactedServices: Set<string>): Finding[] {
  return ctx.registry.items
    .filter((item) => !seenItems.has(item))
    .map((item): Finding => {
      const service = item.service !== undefined ? ctx.registry.services.find((s) => s.id === item.service) : undefined;
      const reason: NeverSeenFinding["reason"] =
        item.scope === "app"
          ? "app"
          : service && service.hosts.length > 0 && !contactedServices.has(service.id)
            ? "inactive-service"
            : "stale";
      const detail = {
        app: "Declared as set by the application (scope: app), not by this site: not expected here.",
        "inactive-service": `${service?.name} sent no request in any state, so it seems not active on this deployment${service?.env ? ` (is ${service.env} set?)` : ""}.`,
        stale: "Never seen in any state: perhaps stale, or set only on pages or by actions the scan does not reach.",
      }[reason];
      return {
        kind: "never-seen",
        severity: "info",
        storage: item.storage,
        declared: item.name,
        reason,
        title: `Declared ${storageWord(item.storage)} "${item.name}" never seen`,
        detail,
        occurrences: [],
        pages: [],
      };
    });
}

/** The state-by-item matrix: every declared item, then every undeclared name. */
function buildMatrix(ctx: Context, perItem: Map<RegistryItem, Sighting[]>, sightings: Sightings): MatrixRow[] {
  const { registry, states } = ctx;
  const blankCells = () =>
    Object.fromEntries(
      states.map((s) => [s.id, { status: "absent" as CellStatus, names: [] as string[], beforeChoice: false }]),
    );
  const fill = (row: MatrixRow, list: Sighting[], judge: (s: Sighting) => CellStatus) => {
    for (const s of list) {
      const cell = row.cells[s.state.id];
      if (!cell) continue;
      const status = judge(s);
      if (cell.status === "absent" || status !== "allowed") cell.status = status;
      if (!cell.names.includes(s.name)) cell.names.push(s.name);
      cell.names.sort();
      if (s.phase === "before-choice") cell.beforeChoice = true;
    }
  };
  const items: MatrixRow[] = registry.items.map((item) => {
    const row: MatrixRow = {
      storage: item.storage,
      name: item.name,
      declared: true,
      category: item.category,
      ...(item.service !== undefined ? { service: item.service } : {}),
      scope: item.scope,
      cells: blankCells(),
    };
    const list = perItem.get(item);
    if (list) fill(row, list, (s) => (itemAllowed(item, s.grants, registry) ? "allowed" : "not-allowed"));
    return row;
  });
  for (const { storage, name, list } of sightings.values()) {
    if (findItem(registry, storage, name)) continue;
    const row: MatrixRow = { storage, name, declared: false, cells: blankCells() };
    fill(row, list, () => "undeclared");
    items.push(row);
  }
  return items;
}

function summarizeStates(states: ConsentState[], observations: StateObservation[]): StateSummary[] {
  return states.map((s) => {
    const obs = observations.find((o) => o.state === s.id);
    return {
      id: s.id,
      label: s.label,
      short: s.short,
      gpc: s.gpc,
      grants: s.grants,
      pages: obs ? unique(obs.visits.filter((v) => v.error === undefined).map((v) => v.url)).length : 0,
      durationMs: obs ? obs.finishedAt - obs.startedAt : 0,
      ...(obs?.error !== undefined ? { error: obs.error } : {}),
    };
  });
}

/** Violations first, then by kind (KIND_ORDER); the sort is stable within a kind. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    a.severity === b.severity
      ? KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
      : a.severity === "violation"
        ? -1
        : 1,
  );
}

/** A cookie domain on the site's host or a parent of it, or storage of the site's own origin. */
function isOwnPlace(place: string, storage: StorageType, site: URL): boolean {
  if (storage !== "cookie") return place === site.origin;
  const domain = place.replace(/^\./, "").toLowerCase();
  return site.hostname === domain || site.hostname.endsWith(`.${domain}`);
}

function occurrencesOf(list: Sighting[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const s of list)
    if (!out.some((o) => o.state === s.state.id && o.phase === s.phase))
      out.push({ state: s.state.id, phase: s.phase });
  return out;
}

function pagesOf(list: Sighting[]): string[] {
  return unique(list.map((s) => s.page)).slice(0, MAX_PAGES);
}

export function describeOccurrences(
  occurrences: Occurrence[],
  states: Map<string, Pick<ConsentState, "label">>,
): string {
  return occurrences
    .map((o) => {
      const label = states.get(o.state)?.label ?? o.state;
      return o.phase === "before-choice" && o.state !== "no-decision" ? `${label} (before the choice)` : label;
    })
    .filter((v, i, all) => all.indexOf(v) === i)
    .join("; ");
}

function storageWord(storage: StorageType): string {
  return {
    cookie: "cookie",
    localStorage: "localStorage key",
    sessionStorage: "sessionStorage key",
    indexedDB: "IndexedDB database",
    cacheStorage: "Cache Storage cache",
  }[storage];
}

/** Seconds in the largest unit that keeps it readable: "400 days", "2 hours". */
export function formatSeconds(seconds: number): string {
  const units: [number, string][] = [
    [86400, "day"],
    [3600, "hour"],
    [60, "minute"],
  ];
  for (const [size, word] of units) {
    if (seconds >= size * 2 || (size === 60 && seconds >= size)) {
      // Observed lifetimes fall short of the real one by the seconds between setting and reading.
      const n = Math.round(seconds / size);
      return plural(n, word);
    }
  }
  const n = Math.floor(seconds);
  return plural(n, "second");
}

function namesOf(list: Sighting[]): string[] {
  return unique(list.map((s) => s.name)).sort();
}

function quoteNames(names: string[]): string {
  return names.map((n) => `"${n}"`).join(", ");
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
