// The public address of the site (SITE_URL), for canonical links, hreflang alternates and Open Graph.
import { z } from "zod";

const DEFAULT_SITE_URL = "http://localhost:3000";

const siteUrlSchema = z
  .url({ protocol: /^https?$/, error: "SITE_URL must be a full web address such as https://imsupporting.com" })
  .refine(
    (u) => {
      const url = new URL(u);
      return url.pathname === "/" && !url.search && !url.hash;
    },
    {
      message: "SITE_URL is the address of the site itself, without a path: https://imsupporting.com",
      abort: true,
      when: (p) => p.issues.length === 0,
    },
  );

/** SITE_URL from the environment, or http://localhost:3000 when it is unset. Throws on a malformed value. */
export function siteUrl(env: Record<string, string | undefined> = process.env): URL {
  const raw = env.SITE_URL?.trim();
  if (!raw) return new URL(DEFAULT_SITE_URL);
  const parsed = siteUrlSchema.safeParse(raw.replace(/\/+$/, "") + "/");
  if (!parsed.success)
    throw new Error(`${parsed.error.issues[0]?.message ?? "SITE_URL is not valid."} (it is "${raw}")`);
  return new URL(parsed.data);
}
