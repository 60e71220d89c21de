// GET /admin/consent: the legal team's dashboard. Off (404) unless CANDOR_ADMIN_PASSWORD is set, then HTTP
// Basic; rendered per request, never cached, never indexed. `?id=` looks a decision up, `?verify=1` walks
// the whole chain, `?export=csv[&since=…&until=…]` downloads the events.

import { basicChallenge, hasBasicPassword } from "../http/basic-auth";
import { HTTP_METHODS, type HttpMethod, methodNotAllowed } from "../http/guard";
import { dashboardHtml, type LookupResult } from "./dashboard";
import type { ConsentDb } from "./db";
import { csvHeader, csvRow } from "./export";
import { eachEvent, findHistory, readChain, verifyEvents, verifyLog } from "./log";
import { summarize } from "./stats";

const PRIVATE = {
  "Cache-Control": "no-store, private",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};
const DAYS = 30;

export interface AdminDeps {
  password(): string | undefined;
  db(): Promise<ConsentDb>;
  where(): string;
  registry(): Promise<{
    categories: Array<{ id: string; title: string }>;
    services: Array<{ id: string; name: string }>;
  }>;
  now?: () => Date;
}

const html = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...PRIVATE, ...headers } });

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

const dateParam = (v: string | null) =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? `${v}T00:00:00.000Z` : undefined;

// Long because it answers each of the dashboard's requests (off, sign-in, CSV, lookup, verify, the page)
// in turn; the figures and the HTML are built in stats.ts and dashboard.ts.
export function adminRoute(deps: AdminDeps) {
  const get = async (request: Request): Promise<Response> => {
    const password = deps.password();
    if (!password) return html(404, page("Not found", "There is nothing at this address."));
    if (!hasBasicPassword(request.headers.get("authorization"), password))
      return html(
        401,
        page("Sign-in required", "The consent log is for the legal team: sign in with the dashboard password."),
        {
          "WWW-Authenticate": basicChallenge("Candor consent log"),
        },
      );
    const url = new URL(request.url);
    let db: ConsentDb;
    try {
      db = await deps.db();
    } catch (e) {
      console.error("consent log: the database cannot be opened:", e);
      return html(503, page("Consent log unavailable", "The database cannot be reached just now."));
    }
    if (url.searchParams.get("export") === "csv") {
      const since = dateParam(url.searchParams.get("since"));
      const until = dateParam(url.searchParams.get("until"));
      const encoder = new TextEncoder();
      const events = eachEvent(db, { since, until });
      const stream = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(encoder.encode(csvHeader())),
        async pull(c) {
          const next = await events.next();
          if (next.done) c.close();
          else c.enqueue(encoder.encode(csvRow(next.value)));
        },
      });
      const name = `consent-log${since ? `-from-${since.slice(0, 10)}` : ""}${until ? `-until-${until.slice(0, 10)}` : ""}.csv`;
      return new Response(stream, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}"`,
          ...PRIVATE,
        },
      });
    }
    const now = deps.now?.() ?? new Date();
    const reg = await deps.registry();
    const since = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (DAYS - 1) * 86_400_000,
    );
    const inPeriod: Parameters<typeof summarize>[0] = [];
    for await (const e of eachEvent(db, { since: since.toISOString() })) (inPeriod as unknown[]).push(e);
    const summary = summarize(inPeriod, {
      days: DAYS,
      now,
      categories: reg.categories.map((c) => c.id),
      services: reg.services.map((s) => s.id),
    });
    const lookupId = (url.searchParams.get("id") ?? "").trim().slice(0, 64);
    let lookup: LookupResult | null = null;
    if (lookupId) {
      const events = await findHistory(db, lookupId);
      lookup = { id: lookupId, events, checks: await verifyEvents(db, events) };
    }
    let verify: { ok: boolean; message: string } | null = null;
    if (url.searchParams.get("verify") === "1") {
      const r = await verifyLog(db);
      verify = r.success
        ? {
            ok: true,
            message: `The chain is intact: ${r.events} event(s) up to event ${r.head.position}, head hash ${r.head.hash}.`,
          }
        : { ok: false, message: r.problem.message };
    }
    const { start, head } = await readChain(db);
    const names = Object.fromEntries([
      ...reg.categories.map((c) => [c.id, c.title] as const),
      ...reg.services.map((s) => [s.id, s.name] as const),
    ]);
    return html(200, dashboardHtml({ where: deps.where(), head, start, summary, names, lookupId, lookup, verify }));
  };
  // A page the legal team opens by typing its address or from a bookmark (Sec-Fetch-Site: none), so not
  // behind the API guard's same-origin check; it only reads, and HTTP Basic keeps everyone else out.
  const refuse = methodNotAllowed(["GET", "HEAD"]);
  return Object.fromEntries(
    HTTP_METHODS.map((m) => [m, m === "GET" || m === "HEAD" ? get : async () => refuse()]),
  ) as Record<HttpMethod, (request: Request) => Promise<Response>>;
}
