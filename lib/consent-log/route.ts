// POST /api/consent/events: the consent log's only write path. Behind the shared guard (405, 403 for
// another site, 413 over the body cap), then: the per-instance rate limit (429), the schema and registry
// checks (400 naming the field, 422 for an unknown category, service or a time too far off), and the
// append, which answers 200 with the stored events (a replay gets the one stored the first time).
import { guardedRoute, jsonError, NO_STORE } from "../http/guard";
import type { ConsentDb } from "./db";
import { appendEvents, Refusal } from "./log";
import type { RateLimiter } from "./rate-limit";
import { type KnownIds, MAX_EVENTS_BODY_BYTES, parseEventsRequest } from "./request";

export interface EventsRouteDeps {
  db(): Promise<ConsentDb>;
  known(): Promise<KnownIds>;
  limiter: RateLimiter;
  now?: () => number;
}

export function eventsRoute(deps: EventsRouteDeps) {
  const now = deps.now ?? Date.now;
  const post = async (_request: Request, body: string): Promise<Response> => {
    const parsed = parseEventsRequest(body, await deps.known(), now());
    if (!parsed.success) {
      const { status, field, message, index } = parsed;
      return Response.json(
        { error: message, field, ...(index === undefined ? {} : { index }) },
        { status, headers: { "Cache-Control": NO_STORE } },
      );
    }
    const n = parsed.events.length;
    if (!deps.limiter.take(n))
      return jsonError(429, "Too many consent events on this server just now; send them again later.", {
        "Retry-After": String(deps.limiter.retryAfter(n)),
      });
    let db: ConsentDb;
    try {
      db = await deps.db();
    } catch (e) {
      console.error("consent log: the database cannot be opened:", e);
      return jsonError(503, "The consent log is not available; the event stays in your browser and is sent later.", {
        "Retry-After": "30",
      });
    }
    try {
      const { events } = await appendEvents(db, parsed.events, () => new Date(now()));
      return Response.json(
        { events: events.map(({ event, duplicate }) => ({ ...event, duplicate })) },
        { headers: { "Cache-Control": NO_STORE } },
      );
    } catch (e) {
      if (e instanceof Refusal)
        return Response.json(
          { error: e.message, field: n > 1 ? `events[${e.index}]` : "decisionId", index: e.index },
          { status: 422, headers: { "Cache-Control": NO_STORE } },
        );
      console.error("consent log: an append failed:", e);
      return jsonError(503, "The consent log could not store the event; it stays in your browser and is sent later.");
    }
  };
  return guardedRoute({ allow: ["POST"], maxBodyBytes: MAX_EVENTS_BODY_BYTES }, { POST: post });
}
