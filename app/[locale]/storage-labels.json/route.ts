// What each declared item is for, who sets it and how long it lasts, in words of the page's language
// (lib/registry/client.ts, ItemLabels): the storage inspector fetches it when it goes live, so these
// texts are not carried by every page view's RSC payload. Built once per language, served as a file.
import { loadRegistry } from "@/lib/content/load";
import { isLocale, locales } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";
import { toItemLabels } from "@/lib/registry/client";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<"/[locale]/storage-labels.json">) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response(null, { status: 404 });
  const labels = toItemLabels(await loadRegistry(), locale, getStrings(locale).declaration.durationWords);
  return Response.json(labels);
}
