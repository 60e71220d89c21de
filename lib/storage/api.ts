// The storage routes' addresses and the shapes crossing them, shared by the routes and the browser.
import { z } from "../validation/zod";

export const STORAGE_API = {
  /** GET: names and sizes of the cookies the request carried (never values). */
  cookies: "/api/storage/cookies",
  /** POST: answers with Clear-Site-Data, so the browser drops everything, HttpOnly cookies included. */
  clearSiteData: "/api/storage/clear-site-data",
  /** POST { names }: expires the named cookies the request carried, HttpOnly ones included. */
  expireCookies: "/api/storage/expire-cookies",
} as const;

/** RFC 6265 cookie-name token characters; also keeps anything header-breaking out of Set-Cookie. */
export const cookieName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, "Not a cookie name.");

export const cookieEchoSchema = z.strictObject({
  cookies: z.array(z.strictObject({ name: z.string().max(4096), size: z.number().int().nonnegative() })).max(1000),
});
export type CookieEcho = z.infer<typeof cookieEchoSchema>;

export const expireRequestSchema = z.strictObject({
  names: z.array(cookieName).min(1).max(50),
});

export const expireResponseSchema = z.strictObject({
  expired: z.array(z.string()),
  notSent: z.array(z.string()),
});

export const clearResponseSchema = z.strictObject({
  cleared: z.array(z.enum(["cookies", "storage"])),
});

/** Request bodies are tiny JSON; anything larger is refused before it is read in full. */
export const MAX_BODY_BYTES = 4096;
