// The registry: every category, service and cookie/storage item the site declares (content/registry.yaml).
import { z } from "zod";
import { defaultLocale } from "../i18n/locales";
import { DURATION_HELP, parseDuration } from "./duration";

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "An id is written in lower case letters, digits and dashes, starting with a letter.");

/** A visitor-facing text, one entry per language: `{ en: "…", de: "…" }`. */
export const localizedText = z
  .record(
    z.string().regex(/^[a-z]{2}$/, "A language is written as a two-letter code such as en or de."),
    z.string().trim().min(1, "This text is empty."),
  )
  .refine((t) => typeof t[defaultLocale] === "string", {
    message: `The ${defaultLocale} text is missing.`,
  });

/** A host name, or `*.example.com` for every subdomain of example.com. */
const hostPattern = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/,
    "A host is written like www.example.com, or *.example.com for all its subdomains (no https:// and no path).",
  );

const storageTypes = ["cookie", "localStorage", "sessionStorage", "indexedDB", "cacheStorage"] as const;
export type StorageType = (typeof storageTypes)[number];

export const categorySchema = z.strictObject({
  id,
  required: z.boolean().default(false),
  title: localizedText,
  description: localizedText,
});

export const serviceSchema = z.strictObject({
  id,
  name: z.string().trim().min(1),
  provider: z.string().trim().min(1),
  category: id,
  privacyUrl: z.url({ message: "This must be a full web address starting with https://." }),
  advertising: z.boolean().default(false),
  /** Environment variable holding the account id (measurement id, pixel id); unset means not active. */
  env: z
    .string()
    .regex(/^NEXT_PUBLIC_[A-Z0-9_]+$/)
    .optional(),
  /** Hosts the service's scripts and beacons talk to; the scanner allows requests to them only with consent. */
  hosts: z.array(hostPattern).default([]),
  description: localizedText,
});

export const itemSchema = z.strictObject({
  /** Exact name, or a pattern where * stands for any characters: `_ga_*`. */
  name: z.string().trim().min(1),
  storage: z.enum(storageTypes),
  category: id,
  service: id.optional(),
  /** Who sets it, when no service says so. */
  provider: z.string().trim().min(1).optional(),
  purpose: localizedText,
  duration: z
    .string()
    .refine((d) => parseDuration(d) !== null, { message: `This duration is not understood. ${DURATION_HELP}` }),
  httpOnly: z.boolean().default(false),
  /** `site`: set by this policy site. `app`: set by the company's application on the same domain. */
  scope: z.enum(["site", "app"]).default("site"),
});

export const registrySchema = z
  .strictObject({
    categories: z.array(categorySchema).min(1),
    services: z.array(serviceSchema).default([]),
    items: z.array(itemSchema).default([]),
  })
  .superRefine((r, ctx) => {
    const categoryIds = r.categories.map((c) => c.id);
    const serviceIds = r.services.map((s) => s.id);
    const unknown = (kind: string, value: string, known: string[], path: PropertyKey[]) =>
      ctx.addIssue({ code: "custom", path, message: `Unknown ${kind} "${value}".`, params: { known, value } });
    const duplicate = (kind: string, value: string, path: PropertyKey[]) =>
      ctx.addIssue({ code: "custom", path, message: `The ${kind} "${value}" is declared twice.` });

    const seen = new Set<string>();
    r.categories.forEach((c, i) =>
      seen.has(c.id) ? duplicate("category", c.id, ["categories", i, "id"]) : seen.add(c.id),
    );
    seen.clear();
    r.services.forEach((s, i) => {
      if (seen.has(s.id)) duplicate("service", s.id, ["services", i, "id"]);
      seen.add(s.id);
      if (!categoryIds.includes(s.category)) unknown("category", s.category, categoryIds, ["services", i, "category"]);
    });
    const hostOwner = new Map<string, string>();
    r.services.forEach((s, i) =>
      s.hosts.forEach((host, j) => {
        const owner = hostOwner.get(host);
        if (owner !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["services", i, "hosts", j],
            message: `The host "${host}" is already listed for the service "${owner}": a host belongs to one service.`,
          });
        else hostOwner.set(host, s.id);
      }),
    );
    seen.clear();
    r.items.forEach((item, i) => {
      const key = `${item.storage}:${item.name}`;
      if (seen.has(key)) duplicate(`${item.storage} item`, item.name, ["items", i, "name"]);
      seen.add(key);
      if (!categoryIds.includes(item.category))
        unknown("category", item.category, categoryIds, ["items", i, "category"]);
      if (item.service !== undefined) {
        const service = r.services.find((s) => s.id === item.service);
        if (!service) unknown("service", item.service, serviceIds, ["items", i, "service"]);
        else if (service.category !== item.category)
          ctx.addIssue({
            code: "custom",
            path: ["items", i, "category"],
            message: `"${item.name}" belongs to ${service.name}, whose category is "${service.category}", but is filed under "${item.category}".`,
            params: { known: [service.category], value: item.category },
          });
      } else if (item.provider === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["items", i],
          message: `"${item.name}" names neither a service nor a provider: say who sets it.`,
        });
      }
    });
  });

export type Registry = z.infer<typeof registrySchema>;
export type Service = Registry["services"][number];
export type RegistryItem = Registry["items"][number];
export type LocalizedText = z.infer<typeof localizedText>;

export function localize(text: LocalizedText, locale: string): string {
  return text[locale] ?? text[defaultLocale] ?? Object.values(text)[0] ?? "";
}
