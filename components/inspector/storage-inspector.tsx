"use client";
// MDX island: the live list of what this site holds in the visitor's browser, each item labelled from
// the registry (or flagged Undeclared), with its value on request and a delete button. Long lists are
// paged. The parts are in inspector-*.tsx; what the delete buttons do is in use-inspector-actions.ts.
import { type RefObject, useCallback, useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { useConsent } from "@/components/consent/consent-context";
import { useNearViewport } from "@/components/use-near-viewport";
import { fill } from "@/lib/i18n/fill";
import { numberFormat } from "@/lib/i18n/intl";
import type { ItemLabels } from "@/lib/registry/item-labels";
import type { StorageType } from "@/lib/registry/schema";
import {
  buildRows,
  type CategoryFilter,
  filterRows,
  formatBytes,
  paginate,
  type Row,
  type Snapshot,
  summarize,
  toInspectorRegistry,
} from "@/lib/storage/inspect";
import { DeleteConfirmation } from "./delete-confirmation";
import { InspectorPager } from "./inspector-pager";
import type { InspectorStrings } from "./inspector-strings";
import { InspectorSummary } from "./inspector-summary";
import { InspectorTable } from "./inspector-table";
import { InspectorToolbar } from "./inspector-toolbar";
import { useInspectorActions } from "./use-inspector-actions";
import { useStorageSnapshot } from "./use-storage-snapshot";

const PAGE_SIZE = 50;

// Longer than most: its body is the props it hands its parts, and what it does is wire them together.
export function StorageInspector({
  strings: t,
  locale,
  labels = null,
}: {
  strings: InspectorStrings;
  locale: string;
  /** What each item is for (components/inspector/deferred.tsx fetches them); null without. */
  labels?: ItemLabels | null;
}) {
  const sectionRef = useRef<HTMLElement>(null);
  const { snapshot, loaded, refresh } = useStorageSnapshot(useNearViewport(sectionRef));
  const consent = useConsent();
  const registry = useMemo(() => toInspectorRegistry(consent.registry, labels), [consent.registry, labels]);
  const ids = useId();
  const rows = useMemo(() => buildRows(snapshot, registry), [snapshot, registry]);
  const view = useInspectorView(rows);
  const actions = useInspectorActions({
    t,
    locale,
    registry,
    store: consent.store,
    refresh,
    onDeletedAll: view.hideAllValues,
  });

  const summary = useMemo(() => summarize(rows, registry), [rows, registry]);
  const totalBytes = summary.reduce((n, s) => n + s.bytes, 0);
  const categoryTitle = (id: string | undefined) => registry.categories.find((c) => c.id === id)?.title ?? null;

  return (
    <section
      ref={sectionRef}
      className="ins not-prose needs-js"
      aria-labelledby={`${ids}-title`}
      data-interactive=""
      data-state={loaded ? "ready" : "loading"}
      data-count={rows.length}
    >
      <InspectorHeader
        titleId={`${ids}-title`}
        loaded={loaded}
        count={rows.length}
        bytes={totalBytes}
        message={actions.message}
        statusRef={actions.statusRef}
        t={t}
        locale={locale}
      />

      <InspectorSummary
        summary={summary}
        categories={registry.categories}
        consent={consent.state}
        loaded={loaded}
        busy={actions.busy}
        t={t}
        locale={locale}
        onClear={actions.clearCategory}
      />

      <InspectorToolbar
        text={view.text}
        category={view.category}
        categories={registry.categories}
        loaded={loaded}
        busy={actions.busy}
        t={t}
        onText={view.setText}
        onCategory={view.setCategory}
        onRefresh={() => void refresh(true)}
      />

      <UnavailableNotes snapshot={snapshot} loaded={loaded} t={t} />

      <InspectorTable
        rows={rows}
        shown={view.shown}
        loaded={loaded}
        revealed={view.revealed}
        busy={actions.busy}
        idPrefix={ids}
        categoryTitle={categoryTitle}
        t={t}
        locale={locale}
        onToggle={view.toggleValue}
        onDelete={actions.requestDelete}
      />

      {loaded ? <InspectorPager shown={view.shown} t={t} locale={locale} onPage={view.setPage} /> : null}

      <div className="ins-danger-zone">
        <button
          type="button"
          className="ins-btn"
          data-tone="danger"
          // needs no inventory of what is held: it deletes everything, so it works from the moment the
          // page is interactive, before the visitor has scrolled the list into reading anything
          disabled={!consent.hydrated || actions.busy}
          onClick={() => actions.setPending({ kind: "all" })}
        >
          {t.deleteAll}
        </button>
      </div>

      <DeleteConfirmation
        pending={actions.pending}
        t={t}
        locale={locale}
        onConfirm={() => void actions.confirm()}
        onCancel={() => actions.setPending(null)}
      />
    </section>
  );
}

/** The visitor's filter and page, and which values they have opened. */
function useInspectorView(rows: readonly Row[]) {
  const [text, setTextNow] = useState("");
  const deferredText = useDeferredValue(text);
  const [category, setCategoryNow] = useState<CategoryFilter>("all");
  const [page, setPage] = useState(1);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const filtered = useMemo(() => filterRows(rows, { text: deferredText, category }), [rows, deferredText, category]);
  // stable, so unchanged rows are not re-rendered (InspectorRow is memoised)
  const toggleValue = useCallback(
    (row: Row) =>
      setRevealed((prev) => {
        const next = new Set(prev);
        if (!next.delete(row.id)) next.add(row.id);
        return next;
      }),
    [],
  );
  return {
    text,
    category,
    shown: paginate(filtered, page, PAGE_SIZE),
    revealed,
    setPage,
    toggleValue,
    hideAllValues: () => setRevealed(new Set()),
    setText: (v: string) => {
      setTextNow(v);
      setPage(1);
    },
    setCategory: (v: CategoryFilter) => {
      setCategoryNow(v);
      setPage(1);
    },
  };
}

/** Title, the live count and size, and the live region that says what a deletion did. */
function InspectorHeader({
  titleId,
  loaded,
  count,
  bytes,
  message,
  statusRef,
  t,
  locale,
}: {
  titleId: string;
  loaded: boolean;
  count: number;
  bytes: number;
  message: string;
  statusRef: RefObject<HTMLParagraphElement | null>;
  t: InspectorStrings;
  locale: string;
}) {
  return (
    <>
      <h4 id={titleId} className="ins-title">
        {t.title}
      </h4>
      <p className="ins-intro">{t.intro}</p>
      <p ref={statusRef} tabIndex={-1} className="ins-status">
        {loaded
          ? fill(count === 1 ? t.summaryOne : t.summary, {
              count: numberFormat(locale).format(count),
              size: formatBytes(bytes, locale),
            })
          : t.loading}{" "}
        <span className="ins-muted">{t.live}</span>
      </p>
      <p role="status" className="ins-message" data-empty={message ? undefined : ""}>
        {message}
      </p>
    </>
  );
}

/** Which stores this browser would not let the inspector read, and whether the server could be asked. */
function UnavailableNotes({ snapshot, loaded, t }: { snapshot: Snapshot; loaded: boolean; t: InspectorStrings }) {
  if (!loaded) return null;
  const unavailable = (["cookies", "localStorage", "sessionStorage", "indexedDB", "cacheStorage"] as const)
    .filter((k) => snapshot[k] === null)
    .map((k) => fill(t.unavailable, { type: t.storage[k === "cookies" ? "cookie" : (k as StorageType)] }));
  if (!unavailable.length && snapshot.serverCookies !== null) return null;
  return (
    <ul className="ins-notes">
      {unavailable.map((u) => (
        <li key={u}>{u}</li>
      ))}
      {snapshot.serverCookies === null ? <li>{t.serverUnavailable}</li> : null}
    </ul>
  );
}
