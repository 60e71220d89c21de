// The content check as the dev preview runs it on every render. Development only: the page imports
// this lazily behind NODE_ENV, so the production server never loads the MDX parser for it.
import "server-only";
import { type CheckReport, checkContent } from "@/lib/content/check";
import { mdxComponentSpecs } from "@/lib/content/mdx-specs";
import { defaultLocale, locales } from "@/lib/i18n/locales";

export function devContentCheck(): Promise<CheckReport> {
  return checkContent({ root: process.cwd(), locales, defaultLocale, specs: mdxComponentSpecs });
}
