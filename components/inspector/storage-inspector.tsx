"use client";
// MDX island: the live list of what this site holds in the visitor's browser, each item labelled from
// the registry (or flagged Undeclared), with its value on request and a delete button. Names and
// values are only ever rendered as text. Long lists are paged, long values truncated.
import { memo, useCallback, useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { useConsent } from "@/components/consent/consent-context";
import { useNearViewport } from "@/components/use-near-viewport";
import { fill } from "@/lib/i18n/fill";
import { dateTimeFormat, numberFormat } from "@/lib/i18n/intl";
import type { Strings } from "@/lib/i18n/strings";
import type { StorageType } from "@/lib/registry/schema";
import { deleteEverything, deleteRows, windowHost } from "@/lib/storage/browser";
import {
  buildRows,
  type CategoryFilter,
  filterRows,
  formatBytes,
  paginate,
  previewValue,
  type Row,
  shortName,
  summarize,
  toInspectorRegistry,
} from "@/lib/storage/inspect";
import { ConfirmDialog } from "./confirm-dialog";
import { useStorageSnapshot } from "./use-storage-snapshot";

export type InspectorStrings = Strings["inspector"] & { storage: Strings["declaration"]["storage"] };

export const PAGE_SIZE = 50;
/** Characters of a value shown on reveal; the rest is counted, not rendered. */
export const VALUE_PREVIEW = 10_000;
const CONSENT_KEY = "candor:consent";

type Pending = { kind: "row"; row: Row } | { kind: "all" } | null;

export function StorageInspector({ strings: t, locale }: { strings: InspectorStrings; locale: string }) {
  const sectionRef = useRef<HTMLElement>(null);
  const { snapshot, loaded, refresh } = useStorageSnapshot(useNearViewport(sectionRef));
  const consent = useConsent();
  const registry = useMemo(() => toInspectorRegistry(consent.registry), [consent.registry]);
  const [text, setText] = useState("");
  const deferredText = useDeferredValue(text);
  const [category, setCategory] = useState<CategoryFilter>("all");
  const [page, setPage] = useState(1);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const ids = useId();

  const rows = useMemo(() => buildRows(snapshot, registry), [snapshot, registry]);
  const filtered = useMemo(() => filterRows(rows, { text: deferredText, category }), [rows, deferredText, category]);
  const shown = paginate(filtered, page, PAGE_SIZE);
  const summary = useMemo(() => summarize(rows, registry), [rows, registry]);
  const totalBytes = summary.reduce((n, s) => n + s.bytes, 0);
  const categoryOf = (id: string | null | undefined) => registry.categories.find((c) => c.id === id);
  const number = (n: number) => numberFormat(locale).format(n);

  const announce = useCallback((msg: string) => {
    setMessage((prev) => (prev === msg ? `${msg}\u00a0` : msg));
    statusRef.current?.focus();
  }, []);

  const store = consent.store;
  const remove = useCallback(
    async (list: Row[], done: string) => {
      setBusy(true);
      const failed = await deleteRows(list, windowHost());
      if (list.some((r) => r.storage === "localStorage" && r.name === CONSENT_KEY)) store.refresh();
      await refresh(true);
      setBusy(false);
      const failedRows = list.filter((r) => failed.includes(r.id));
      announce(
        failedRows.length ? failedRows.map((r) => fill(t.deleteFailed, { name: shortName(r.name) })).join(" ") : done,
      );
    },
    [store, refresh, announce, t],
  );

  // stable across renders, so unchanged rows are not re-rendered (InspectorRow is memoised)
  const requiredIds = useMemo(
    () => new Set(registry.categories.filter((c) => c.required).map((c) => c.id)),
    [registry],
  );
  const requestDelete = useCallback(
    (row: Row) => {
      if (row.declared && requiredIds.has(row.declared.category)) setPending({ kind: "row", row });
      else void remove([row], fill(t.deleted, { name: shortName(row.name) }));
    },
    [requiredIds, remove, t],
  );

  const confirm = async () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (p.kind === "row") return remove([p.row], fill(t.deleted, { name: shortName(p.row.name) }));
    setBusy(true);
    const outcome = await deleteEverything(windowHost());
    store.refresh();
    // what is left is the truth: a browser may ignore Clear-Site-Data (it needs a secure connection)
    const after = await refresh(true);
    const left = after ? buildRows(after, registry).length : 0;
    setBusy(false);
    setRevealed(new Set());
    announce(
      !outcome.server
        ? t.deleteAllPartial
        : left === 1
          ? t.deleteAllRemainingOne
          : left > 1
            ? fill(t.deleteAllRemaining, { count: number(left) })
            : t.deleteAllDone,
    );
  };

  const toggleValue = useCallback(
    (row: Row) =>
      setRevealed((prev) => {
        const next = new Set(prev);
        if (!next.delete(row.id)) next.add(row.id);
        return next;
      }),
    [],
  );

  const unavailable = (["cookies", "localStorage", "sessionStorage", "indexedDB", "cacheStorage"] as const)
    .filter((k) => loaded && snapshot[k] === null)
    .map((k) => fill(t.unavailable, { type: t.storage[k === "cookies" ? "cookie" : (k as StorageType)] }));

  return (
    <section
      ref={sectionRef}
      className="ins not-prose needs-js"
      aria-labelledby={`${ids}-title`}
      data-interactive=""
      data-state={loaded ? "ready" : "loading"}
      data-count={rows.length}
    >
      <h4 id={`${ids}-title`} className="ins-title">
        {t.title}
      </h4>
      <p className="ins-intro">{t.intro}</p>

      <p ref={statusRef} tabIndex={-1} className="ins-status">
        {loaded
          ? fill(rows.length === 1 ? t.summaryOne : t.summary, {
              count: number(rows.length),
              size: formatBytes(totalBytes, locale),
            })
          : t.loading}{" "}
        <span className="ins-muted">{t.live}</span>
      </p>
      <p role="status" className="ins-message" data-empty={message ? undefined : ""}>
        {message}
      </p>

      <h5 className="ins-subtitle">{t.categoriesHeading}</h5>
      <ul className="ins-categories">
        {summary.map((s) => {
          const cat = categoryOf(s.id);
          const title = cat ? cat.title : t.undeclared;
          const clearable = !cat?.required;
          const grantedNow =
            s.id !== null && consent.state.status === "decided" && consent.state.categories[s.id] === true;
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
                  onClick={() =>
                    void remove(
                      s.rows,
                      fill(s.rows.length === 1 ? t.clearedOne : t.cleared, { count: number(s.rows.length), title }),
                    )
                  }
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

      <div className="ins-toolbar">
        <label className="ins-field">
          <span>{t.filterLabel}</span>
          <input
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPage(1);
            }}
            disabled={!loaded}
          />
        </label>
        <label className="ins-field">
          <span>{t.categoryLabel}</span>
          <select
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              setPage(1);
            }}
            disabled={!loaded}
          >
            <option value="all">{t.allCategories}</option>
            {registry.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
            <option value="undeclared">{t.undeclaredOption}</option>
          </select>
        </label>
        <button type="button" className="ins-btn" onClick={() => void refresh(true)} disabled={!loaded || busy}>
          {t.refresh}
        </button>
      </div>

      {unavailable.length || (loaded && snapshot.serverCookies === null) ? (
        <ul className="ins-notes">
          {unavailable.map((u) => (
            <li key={u}>{u}</li>
          ))}
          {loaded && snapshot.serverCookies === null ? <li>{t.serverUnavailable}</li> : null}
        </ul>
      ) : null}

      <div className="table-scroll" role="region" aria-label={t.caption} tabIndex={0}>
        <table className="ins-table">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colName}</th>
              <th scope="col">{t.colDeclared}</th>
              <th scope="col">{t.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {!loaded ? (
              <tr>
                <td colSpan={3} className="ins-muted">
                  {t.loading}
                </td>
              </tr>
            ) : shown.items.length === 0 ? (
              <tr>
                <td colSpan={3} className="ins-muted">
                  {rows.length === 0 ? t.empty : t.noMatch}
                </td>
              </tr>
            ) : (
              shown.items.map((row, i) => (
                <InspectorRow
                  key={row.id}
                  row={row}
                  t={t}
                  locale={locale}
                  categoryTitle={categoryOf(row.declared?.category)?.title ?? null}
                  revealed={revealed.has(row.id)}
                  valueId={`${ids}-v-${i}`}
                  busy={busy}
                  onToggle={toggleValue}
                  onDelete={requestDelete}
                />
              ))
            )}
          </tbody>
        </table>
      </div>

      {loaded && shown.pages > 1 ? (
        <nav className="ins-pager" aria-label={t.caption}>
          <button
            type="button"
            className="ins-btn ins-btn-small"
            onClick={() => setPage(shown.page - 1)}
            disabled={shown.page <= 1}
          >
            {t.previous}
          </button>
          <span>
            {fill(t.pageStatus, { from: number(shown.from), to: number(shown.to), total: number(shown.total) })}
          </span>
          <button
            type="button"
            className="ins-btn ins-btn-small"
            onClick={() => setPage(shown.page + 1)}
            disabled={shown.page >= shown.pages}
          >
            {t.next}
          </button>
        </nav>
      ) : loaded && shown.total > 0 ? (
        <p className="ins-muted ins-small">
          {fill(t.pageStatus, { from: number(shown.from), to: number(shown.to), total: number(shown.total) })}
        </p>
      ) : null}

      <div className="ins-danger-zone">
        <button
          type="button"
          className="ins-btn"
          data-tone="danger"
          disabled={!loaded || busy}
          onClick={() => setPending({ kind: "all" })}
        >
          {t.deleteAll}
        </button>
      </div>

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === "row" ? fill(t.requiredTitle, { name: shortName(pending.row.name) }) : t.deleteAllTitle
        }
        confirmLabel={pending?.kind === "row" ? t.requiredConfirm : t.deleteAllConfirm}
        cancelLabel={t.cancel}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === "row" ? (
          <>
            <p>
              {fill(t.requiredBody, {
                name: shortName(pending.row.name),
                purpose: pending.row.declared?.purpose ?? "",
              })}
            </p>
            <p>
              <strong>
                {pending.row.name === CONSENT_KEY
                  ? t.requiredConsent
                  : pending.row.declared?.scope === "app"
                    ? t.requiredApp
                    : null}
              </strong>
            </p>
          </>
        ) : (
          <p>{t.deleteAllBody}</p>
        )}
      </ConfirmDialog>
    </section>
  );
}

const InspectorRow = memo(function InspectorRow({
  row,
  t,
  locale,
  categoryTitle,
  revealed,
  valueId,
  busy,
  onToggle,
  onDelete,
}: {
  row: Row;
  t: InspectorStrings;
  locale: string;
  categoryTitle: string | null;
  revealed: boolean;
  valueId: string;
  busy: boolean;
  onToggle: (row: Row) => void;
  onDelete: (row: Row) => void;
}) {
  const name = shortName(row.name, 200);
  const label = shortName(row.name);
  const d = row.declared;
  return (
    <>
      <tr data-row={row.id} data-undeclared={d ? undefined : ""}>
        <th scope="row" className="ins-name">
          <code>{name}</code>
          <span className="ins-meta">
            <span data-field="type">{t.storage[row.storage]}</span>
            {" · "}
            <span data-field="size">{row.size === null ? t.sizeUnknown : formatBytes(row.size, locale)}</span>
          </span>
          {row.serverOnly ? <span className="ins-badge ins-badge-server">{t.serverOnly}</span> : null}
        </th>
        <td className="ins-declared">
          {d ? (
            <>
              <span className="ins-badge" data-category={d.category}>
                {categoryTitle ?? d.category}
              </span>{" "}
              <span className="ins-muted">{fill(t.setBy, { who: d.service ?? d.provider })}</span>
              <span className="block">{d.purpose}</span>
              <span className="block ins-muted ins-small">{fill(t.declaredFor, { duration: d.duration })}</span>
            </>
          ) : (
            <>
              <span className="ins-badge ins-badge-undeclared">{t.undeclared}</span>
              <span className="block ins-muted ins-small">{t.undeclaredNote}</span>
            </>
          )}
          {row.serverOnly ? <span className="block ins-muted ins-small">{t.serverOnlyNote}</span> : null}
          {row.expires !== undefined ? (
            <span className="block ins-muted ins-small">
              {row.expires === null
                ? t.sessionCookie
                : fill(t.expires, { date: dateTimeFormat(locale, { dateStyle: "medium" }).format(row.expires) })}
            </span>
          ) : null}
        </td>
        <td className="ins-actions">
          {row.value !== null ? (
            <button
              type="button"
              className="ins-btn ins-btn-small"
              aria-expanded={revealed}
              aria-controls={revealed ? valueId : undefined}
              onClick={() => onToggle(row)}
            >
              {revealed ? t.hideValue : t.showValue}
              <span className="sr-only"> {fill(t.showValueOf, { name: label })}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="ins-btn ins-btn-small"
            data-tone="danger"
            onClick={() => onDelete(row)}
            disabled={busy}
            aria-label={fill(t.deleteNamed, { name: label })}
          >
            {t.delete}
          </button>
        </td>
      </tr>
      {revealed && row.value !== null ? (
        <tr className="ins-value-row">
          <td colSpan={3} id={valueId}>
            <ValuePreview value={row.value} t={t} locale={locale} />
          </td>
        </tr>
      ) : null}
    </>
  );
});

function ValuePreview({ value, t, locale }: { value: string; t: InspectorStrings; locale: string }) {
  if (value === "") return <span className="ins-muted">{t.valueEmpty}</span>;
  const p = previewValue(value, VALUE_PREVIEW);
  const n = numberFormat(locale);
  return (
    <>
      <pre className="ins-value">{p.text}</pre>
      {p.truncated ? (
        <p className="ins-muted ins-small">
          {fill(t.valueTruncated, { shown: n.format(p.text.length), total: n.format(p.length) })}
        </p>
      ) : null}
    </>
  );
}
