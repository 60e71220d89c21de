// What the scanner's browser saw in one consent state: storage snapshots after each page, and every
// request to another host. Validated with zod because it comes out of pages the scanner does not trust.
import { z } from "zod";

/** Before the visitor's choice was saved (the first page, banner showing) or after it. */
const phases = ["before-choice", "after-choice"] as const;
export type Phase = (typeof phases)[number];

const observedCookieSchema = z.object({
  name: z.string(),
  domain: z.string(),
  path: z.string(),
  /** Unix time in seconds; -1 for a session cookie. */
  expires: z.number(),
  httpOnly: z.boolean(),
  secure: z.boolean(),
  sameSite: z.string(),
});
export type ObservedCookie = z.infer<typeof observedCookieSchema>;

const webStorageTypes = ["localStorage", "sessionStorage", "indexedDB", "cacheStorage"] as const;

/** A localStorage / sessionStorage key, IndexedDB database name or Cache Storage cache name, per origin. */
export const observedStorageSchema = z.object({
  storage: z.enum(webStorageTypes),
  origin: z.string(),
  name: z.string(),
});
export type ObservedStorage = z.infer<typeof observedStorageSchema>;

const snapshotSchema = z.object({
  page: z.string(),
  phase: z.enum(phases),
  /** Unix time in milliseconds. */
  takenAt: z.number(),
  cookies: z.array(observedCookieSchema),
  storage: z.array(observedStorageSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

const observedRequestSchema = z.object({
  url: z.string(),
  host: z.string(),
  method: z.string(),
  resourceType: z.string(),
  /** The page the browser was on when the request went out. */
  page: z.string(),
  phase: z.enum(phases),
});
export type ObservedRequest = z.infer<typeof observedRequestSchema>;

const pageVisitSchema = z.object({
  url: z.string(),
  status: z.number().nullable(),
  error: z.string().optional(),
});
export type PageVisit = z.infer<typeof pageVisitSchema>;

// The scanner builds these observations itself; the schema is their one description, and the type below is
// derived from it.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used for its type only
const stateObservationSchema = z.object({
  state: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  visits: z.array(pageVisitSchema),
  snapshots: z.array(snapshotSchema),
  requests: z.array(observedRequestSchema),
  /** The state could not be brought about (a consent control was missing, the site did not answer). */
  error: z.string().optional(),
});
export type StateObservation = z.infer<typeof stateObservationSchema>;
