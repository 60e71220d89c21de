"use client";
// MDX island: how much of the browser's Web Storage this site uses, against the limit browsers enforce
// (5,242,880 UTF-16 code units of key + value per origin, for each of local and session storage), plus
// the browser's own estimate of the rest where it offers one: one plain sentence, the figures folded.
import { useEffect, useId, useRef, useState } from "react";
import { useNearViewport } from "@/components/use-near-viewport";
import { fill } from "@/lib/i18n/fill";
import { numberFormat } from "@/lib/i18n/intl";
import type { Strings } from "@/lib/i18n/strings";
import { formatBytes } from "@/lib/storage/inspect";
import { type AreaUsage, summarizeUsage, WEB_STORAGE_LIMIT_UNITS, webStorageUsage } from "@/lib/storage/usage";

const REFRESH_MS = 2000;

interface Usage {
  areas: AreaUsage[];
  estimate: { usage: number; quota: number } | null;
}

async function measure(): Promise<Usage> {
  let estimate: Usage["estimate"] = null;
  try {
    const e = await navigator.storage?.estimate?.();
    if (e && typeof e.usage === "number" && typeof e.quota === "number") estimate = { usage: e.usage, quota: e.quota };
  } catch {
    estimate = null;
  }
  return {
    areas: webStorageUsage(window as unknown as Partial<Record<"localStorage" | "sessionStorage", Storage>>),
    estimate,
  };
}

export function StorageUsage({
  strings: t,
  areaNames,
  locale,
}: {
  strings: Strings["storageUsage"];
  areaNames: { localStorage: string; sessionStorage: string };
  locale: string;
}) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const ids = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const near = useNearViewport(sectionRef);
  useEffect(() => {
    if (!near) return;
    let alive = true;
    const run = () => {
      if (document.hidden) return;
      void measure().then((u) => alive && setUsage(u));
    };
    run();
    const timer = setInterval(run, REFRESH_MS);
    window.addEventListener("storage", run);
    document.addEventListener("visibilitychange", run);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener("storage", run);
      document.removeEventListener("visibilitychange", run);
    };
  }, [near]);

  return (
    <section
      ref={sectionRef}
      className="ins usage not-prose needs-js"
      aria-labelledby={`${ids}-t`}
      data-interactive=""
      data-state={usage ? "ready" : "loading"}
    >
      <h4 id={`${ids}-t`} className="ins-title">
        {t.title}
      </h4>
      <p className="usage-sentence">{usage ? sentence(usage, t, locale) : t.loading}</p>
      <details className="usage-details">
        <summary>{t.details}</summary>
        <UsageDetails usage={usage} t={t} areaNames={areaNames} locale={locale} />
      </details>
    </section>
  );
}

/** The figures behind the sentence: each storage area against its limit, and the browser's estimate. */
function UsageDetails({
  usage,
  t,
  areaNames,
  locale,
}: {
  usage: Usage | null;
  t: Strings["storageUsage"];
  areaNames: { localStorage: string; sessionStorage: string };
  locale: string;
}) {
  // built on first use: nothing is formatted until the first measurement arrives
  const n = (x: number) => numberFormat(locale).format(x);
  const pct = (x: number) => numberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(x);
  return (
    <>
      <dl className="usage-list">
        {(["localStorage", "sessionStorage"] as const).map((area) => {
          const u = usage?.areas.find((a) => a.area === area);
          const label = areaNames[area];
          return (
            <div key={area} className="usage-row" data-area={area}>
              <dt>{label}</dt>
              <dd>
                {!usage ? (
                  <span className="ins-muted">{t.loading}</span>
                ) : !u || u.units === null ? (
                  <span className="ins-muted">{fill(t.unavailable, { area: label })}</span>
                ) : (
                  <>
                    <meter
                      min={0}
                      max={WEB_STORAGE_LIMIT_UNITS}
                      value={u.units}
                      aria-label={label}
                      className="usage-meter"
                    />
                    <span className="usage-figure">
                      {u.units > 0 && u.units / WEB_STORAGE_LIMIT_UNITS < 0.0001
                        ? fill(t.areaUsedTiny, { percent: pct(0.0001) })
                        : fill(t.areaUsed, { percent: pct(u.units / WEB_STORAGE_LIMIT_UNITS) })}
                    </span>
                    <span className="block ins-muted ins-small">
                      {fill(t.areaDetail, {
                        chars: n(u.units),
                        limit: n(WEB_STORAGE_LIMIT_UNITS),
                        bytes: formatBytes(u.units * 2, locale),
                      })}
                    </span>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="ins-small ins-muted">{t.limitNote}</p>
      <p className="ins-small">
        {!usage
          ? t.loading
          : usage.estimate
            ? fill(t.estimate, {
                usage: formatBytes(usage.estimate.usage, locale),
                quota: formatBytes(usage.estimate.quota, locale),
              })
            : t.noEstimate}
      </p>
    </>
  );
}

/** One plain sentence: how much, and how close to what the browser allows. */
function sentence(usage: Usage, t: Strings["storageUsage"], locale: string): string {
  const { bytes, fraction, level } = summarizeUsage(usage.areas, usage.estimate);
  const size = formatBytes(bytes, locale);
  if (level === "none") return t.summaryNone;
  if (level === "low") return fill(t.summaryLow, { size });
  if (level === "medium")
    return fill(t.summaryMedium, { size, percent: numberFormat(locale, { style: "percent" }).format(fraction) });
  return fill(t.summaryHigh, { size });
}
