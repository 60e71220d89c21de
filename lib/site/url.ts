// The public address of the site (SITE_URL): canonical links, hreflang alternates and Open Graph, and the
// configured answer to "which site is this?" wherever a request header would otherwise be believed.
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

type Env = Record<string, string | undefined>;

/** SITE_URL from the environment, or http://localhost:3000 when it is unset. Throws on a malformed value. */
export function siteUrl(env: Env = process.env): URL {
  const raw = env.SITE_URL?.trim();
  if (!raw) return new URL(DEFAULT_SITE_URL);
  const parsed = siteUrlSchema.safeParse(raw.replace(/\/+$/, "") + "/");
  if (!parsed.success)
    throw new Error(`${parsed.error.issues[0]?.message ?? "SITE_URL is not valid."} (it is "${raw}")`);
  return new URL(parsed.data);
}

/**
 * The one line printed at build and at start of a production server without SITE_URL (null when it is
 * set): the build still works on a fresh machine, but nobody should deploy it unawares.
 */
export function missingSiteUrlWarning(env: Env = process.env): string | null {
  if (env.SITE_URL?.trim()) return null;
  return (
    `WARNING: SITE_URL is not set, so ${DEFAULT_SITE_URL} is used for canonical and hreflang links, link ` +
    "previews, the Domain of expired cookies and the same-origin check of browsers without Sec-Fetch-Site. " +
    "Set SITE_URL to the public address (https://imsupporting.com) for deployment, at build and at start."
  );
}

/** RFC 1123 host name: at most 253 characters, labels of 1–63 letters, digits and inner hyphens. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOSTNAME_LENGTH = 253;

export function isHostName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_HOSTNAME_LENGTH) return false;
  return name.split(".").every((label) => LABEL.test(label));
}

/** How far below the configured host a request's Host may be and still be believed (www. under the apex). */
const MAX_SUBDOMAIN_DEPTH = 1;

/**
 * The host name the browser used, for Domain= attributes: the request's Host when it is the configured
 * host or a subdomain at most MAX_SUBDOMAIN_DEPTH below it (a strict RFC 1123 name, no port games),
 * otherwise the configured host. Behind a proxy that rewrites Host (nginx's default) this is SITE_URL's
 * host; X-Forwarded-Host is never read — SITE_URL already says what it would.
 */
export function publicHostname(hostHeader: string | null, site: URL): string {
  const configured = site.hostname.toLowerCase();
  if (!hostHeader || hostHeader.length > MAX_HOSTNAME_LENGTH + 6) return configured;
  const name = hostHeader
    .toLowerCase()
    .replace(/:\d{1,5}$/, "")
    .replace(/\.$/, "");
  if (!isHostName(name)) return configured;
  if (name === configured) return name;
  if (!name.endsWith(`.${configured}`)) return configured;
  const extra = name.slice(0, -configured.length - 1).split(".").length;
  return extra <= MAX_SUBDOMAIN_DEPTH ? name : configured;
}
