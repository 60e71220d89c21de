// POST /api/consent/events: the request body's schema and the checks that need the registry and the
// clock. A refusal names the field (`events[1].grantedCategories[0]`) so a client developer can fix it.
import { z } from "zod";
import {
  CONSENT_ID_PATTERN,
  ID_PATTERN,
  isIsoUtc,
  MAX_CHOICES,
  MAX_REVISION,
  VERSION_PATTERN,
} from "../consent/record";
import { type ConsentEventInput, eventActions, eventPlaces } from "./event";

/** Events in one request; a browser's outbox holds at most OUTBOX_MAX_EVENTS. */
export const MAX_BATCH = 20;
/** The body cap the route's guard enforces: a full batch of honest events is about 12 KB. */
export const MAX_EVENTS_BODY_BYTES = 32 * 1024;
/** Times further from the server's clock than this are refused (a browser's clock may be off by minutes). */
const MAX_CLIENT_AHEAD_MS = 10 * 60_000;
/** An outbox keeps an event at most this long (lib/consent-log/outbox.ts); older ones are refused. */
const MAX_CLIENT_BEHIND_MS = 30 * 86_400_000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "A sha256 hash: 64 lowercase hexadecimal characters.");
const ids = z.array(z.string().regex(ID_PATTERN)).max(MAX_CHOICES);

const eventInputSchema = z.strictObject({
  decisionId: z.string().regex(CONSENT_ID_PATTERN),
  previousDecisionId: z.string().regex(CONSENT_ID_PATTERN).nullable(),
  sequence: z.number().int().min(1).max(1_000_000_000),
  action: z.enum(eventActions),
  place: z.enum(eventPlaces),
  reconsent: z.boolean(),
  grantedCategories: ids,
  deniedCategories: ids,
  grantedServices: ids,
  deniedServices: ids,
  policyVersion: z.string().max(20).regex(VERSION_PATTERN),
  consentRevision: z.number().int().min(1).max(MAX_REVISION),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
  gpc: z.boolean(),
  clientTime: z.string().refine(isIsoUtc, "An ISO 8601 time in UTC, such as 2026-11-30T10:02:00.000Z."),
  policyHash: hex64,
  wordingHash: hex64,
}) satisfies z.ZodType<ConsentEventInput>;

/** One event, or `{ "events": [ … ] }`. */
const eventsRequestSchema = z.union([
  eventInputSchema.transform((e) => [e]),
  z.strictObject({ events: z.array(eventInputSchema).min(1).max(MAX_BATCH) }).transform((b) => b.events),
]);

export interface KnownIds {
  categories: ReadonlySet<string>;
  services: ReadonlySet<string>;
  locales: ReadonlySet<string>;
}

export type EventsRequestResult =
  | { success: true; events: ConsentEventInput[] }
  /** `index`: the event in a batch that was refused, so a client can drop it and send the others. */
  | { success: false; status: 400 | 422; field: string; message: string; index?: number };

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(body)";
}

/** Parses and checks a request body; `now` is the server's clock. */
export function parseEventsRequest(body: string, known: KnownIds, now: number): EventsRequestResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { success: false, status: 400, field: "(body)", message: "The request body is not JSON." };
  }
  const batch = typeof json === "object" && json !== null && "events" in json;
  const parsed = eventsRequestSchema.safeParse(json);
  if (!parsed.success) {
    // a union reports each branch; the branch the body was meant for says what is wrong
    const issue = pickIssue(parsed.error.issues, batch);
    const path = issue?.path ?? [];
    const index = batch && path[0] === "events" && typeof path[1] === "number" ? path[1] : undefined;
    return {
      success: false,
      status: 400,
      field: pathText(path),
      message: `${pathText(path)}: ${issue?.message ?? "not a consent event."}`,
      ...(index === undefined ? {} : { index }),
    };
  }
  const events = parsed.data;
  for (const [i, e] of events.entries()) {
    const at = batch ? `events[${i}].` : "";
    const refuse = (field: string, message: string): EventsRequestResult => ({
      success: false,
      status: 422,
      field: at + field,
      message: `${at}${field}: ${message}`,
      ...(batch ? { index: i } : {}),
    });
    for (const key of ["grantedCategories", "deniedCategories"] as const)
      for (const [j, id] of e[key].entries())
        if (!known.categories.has(id)) return refuse(`${key}[${j}]`, `"${id}" is not a category of this site.`);
    for (const key of ["grantedServices", "deniedServices"] as const)
      for (const [j, id] of e[key].entries())
        if (!known.services.has(id)) return refuse(`${key}[${j}]`, `"${id}" is not a service of this site.`);
    const granted = new Set([...e.grantedCategories, ...e.grantedServices]);
    const both = [...e.deniedCategories, ...e.deniedServices].find((id) => granted.has(id));
    if (both) return refuse("deniedCategories", `"${both}" is both granted and denied.`);
    if (!known.locales.has(e.locale)) return refuse("locale", `"${e.locale}" is not a language of this site.`);
    const t = Date.parse(e.clientTime);
    if (t > now + MAX_CLIENT_AHEAD_MS)
      return refuse("clientTime", "is more than 10 minutes ahead of the server's clock.");
    if (t < now - MAX_CLIENT_BEHIND_MS) return refuse("clientTime", "is more than 30 days old.");
  }
  return { success: true, events };
}

function pickIssue(issues: z.core.$ZodIssue[], batch: boolean): z.core.$ZodIssue | undefined {
  const first = issues[0];
  if (first?.code !== "invalid_union") return first;
  // branch 0 is the single event, branch 1 the batch
  const branch = first.errors[batch ? 1 : 0];
  return branch?.[0] ?? first;
}
