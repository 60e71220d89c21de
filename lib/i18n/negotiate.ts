// Picks the edition a visitor's browser asks for (Accept-Language), falling back to the default.
import { defaultLocale, isLocale, type Locale } from "./locales";

/** Real browsers send a handful of languages; the rest of a longer header is not read. */
const MAX_LANGUAGES = 32;

export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .slice(0, MAX_LANGUAGES * 32)
    .split(",", MAX_LANGUAGES)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((l) => l.tag && l.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0] ?? "";
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}
