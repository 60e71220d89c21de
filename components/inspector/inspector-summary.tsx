"use client";
// The inspector's "By category" cards: how much each category holds, with a Clear button for those
// the visitor may clear.
import type { ConsentState } from "@/lib/consent/store";
import { fill } from "@/lib/i18n/fill";
import { numberFormat } from "@/lib/i18n/intl";
import { type CategorySummary, formatBytes, type InspectorCategory } from "@/lib/storage/inspect";
import type { InspectorStrings } from "./inspector-strings";

export function InspectorSummary({
  summary,
  categories,
  consent,
  loaded,
  busy,
  t,
  locale,
  onClear,
}: {
  summary: readonly CategorySummary[];
  categories: readonly InspectorCategory[];
  consent: ConsentState;
  loaded: boolean;
  busy: boolean;
  t: InspectorStrings;
  locale: string;
  onClear: (s: CategorySummary, title: string) => void;
}) {
  const number = (n: number) => numberFormat(locale).format(n);
  return (
    <>
      <h5 className="ins-subtitle">{t.categoriesHeading}</h5>
      <ul className="ins-categories">
        {summary.map((s) => {
          const cat = categories.find((c) => c.id === s.id);
          const title = cat ? cat.title : t.undeclared;
          const clearable = !cat?.required;
          const grantedNow = s.id !== null && consent.status === "decided" && consent.categories[s.id] === true;
          return (
            <li key={s.id ?? "undeclared"} className="ins-category" data-category={s.id ?? "undeclared"}>
              <span className="ins-category-name">{title}</span>
              <span className="ins-muted">
                {loaded
                  ? fill(s.count === 1 ? t.summaryOne : t.summary, {
                      count: number(s.count),
                      size: formatBytes(s.bytes, locale),
                    })
                  : "…"}
              </span>
              {clearable ? (
                <button
                  type="button"
                  className="ins-btn ins-btn-small"
                  disabled={!loaded || busy || s.count === 0}
                  onClick={() => onClear(s, title)}
                >
                  {s.id ? fill(t.clearCategory, { title }) : t.clearUndeclared}
                </button>
              ) : (
                <span className="ins-muted ins-small">{t.requiredNote}</span>
              )}
              {clearable && grantedNow && s.count > 0 ? (
                <span className="ins-note ins-small">{t.mayReturn}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
