// zod schemas of what crosses the storage routes. The server validates requests with them; the browser
// uses the equivalent decoders in api.ts (see there why), and api.test.ts proves the two agree.
import { z } from "zod";
import { COOKIE_NAME, MAX_ECHO_COOKIES } from "./api";

export const cookieName = z.string().regex(COOKIE_NAME, "Not a cookie name.");

export const cookieEchoSchema = z.strictObject({
  cookies: z
    .array(z.strictObject({ name: z.string().max(4096), size: z.number().int().nonnegative() }))
    .max(MAX_ECHO_COOKIES),
});

// Any strings: each name is judged on its own (one bad name must not fail the batch), and the body limit
// (MAX_BODY_BYTES) already bounds the list.
export const expireRequestSchema = z.strictObject({
  names: z.array(z.string()).min(1),
});

export const expireResponseSchema = z.strictObject({
  expired: z.array(z.string()),
  notSent: z.array(z.string()),
  invalid: z.array(z.string()),
  later: z.array(z.string()),
});

export const clearResponseSchema = z.strictObject({
  cleared: z.array(z.enum(["cookies", "storage"])),
});
