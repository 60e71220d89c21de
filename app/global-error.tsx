"use client";
// When the root layout itself fails: a whole page of its own (it replaces <html>), in every language
// since it cannot know the visitor's, with a way to try again.
import type { Locale } from "@/lib/i18n/locales";
import { errorPageStrings } from "@/lib/i18n/strings/error-page";
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const all = Object.entries(errorPageStrings) as Array<[Locale, (typeof errorPageStrings)[Locale]]>;
  return (
    <html lang={all[0]?.[0] ?? "en"}>
      <body>
        <main id="main" className="mx-auto max-w-xl px-6 py-16">
          {all.map(([locale, t], i) => (
            <section key={locale} lang={locale} className={i ? "mt-10 border-t border-line pt-6" : undefined}>
              {i ? (
                <h2 className="text-xl font-semibold text-fg">{t.title}</h2>
              ) : (
                <h1 className="text-3xl font-semibold tracking-tight text-fg">{t.title}</h1>
              )}
              <p className="mt-4 text-muted">{t.body}</p>
              <p className="mt-4">
                <button type="button" className="font-medium text-accent underline underline-offset-4" onClick={reset}>
                  {t.retry}
                </button>
              </p>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
