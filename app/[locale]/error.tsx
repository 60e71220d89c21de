"use client";
// The last line of defence inside the page: an error outside every island boundary replaces the page's
// body with this, while the header and footer (the layout) stay. Islands fail alone (IslandBoundary).
import { useParams } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { errorPageStrings } from "@/lib/i18n/strings/error-page";

export default function PolicyError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const t = errorPageStrings[Object.hasOwn(errorPageStrings, locale) ? (locale as Locale) : "en"];
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16" data-error={error.digest ?? ""}>
      <h1 className="text-3xl font-semibold tracking-tight text-fg">{t.title}</h1>
      <p className="mt-4 text-muted">{t.body}</p>
      <p className="mt-6">
        <button type="button" className="cc-btn" onClick={reset}>
          {t.retry}
        </button>
      </p>
    </main>
  );
}
