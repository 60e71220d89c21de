"use client";
// Previous / next page of the inspector's list, or just "Showing 1–12 of 12" when it fits on one page.
import { fill } from "@/lib/i18n/fill";
import { numberFormat } from "@/lib/i18n/intl";
import type { Page, Row } from "@/lib/storage/inspect";
import type { InspectorStrings } from "./inspector-strings";

export function InspectorPager({
  shown,
  t,
  locale,
  onPage,
}: {
  shown: Page<Row>;
  t: InspectorStrings;
  locale: string;
  onPage: (page: number) => void;
}) {
  const number = (n: number) => numberFormat(locale).format(n);
  const status = fill(t.pageStatus, { from: number(shown.from), to: number(shown.to), total: number(shown.total) });
  if (shown.pages <= 1) return shown.total > 0 ? <p className="ins-muted ins-small">{status}</p> : null;
  return (
    <nav className="ins-pager" aria-label={t.caption}>
      <button
        type="button"
        className="ins-btn ins-btn-small"
        onClick={() => onPage(shown.page - 1)}
        disabled={shown.page <= 1}
      >
        {t.previous}
      </button>
      <span>{status}</span>
      <button
        type="button"
        className="ins-btn ins-btn-small"
        onClick={() => onPage(shown.page + 1)}
        disabled={shown.page >= shown.pages}
      >
        {t.next}
      </button>
    </nav>
  );
}
