"use client";
// The inspector's table: one row per item, its declaration (or Undeclared), its value on request and
// a Delete button. Names and values are only ever rendered as text; long values are truncated.
import { memo } from "react";
import { fill } from "@/lib/i18n/fill";
import { dateTimeFormat, numberFormat } from "@/lib/i18n/intl";
import { formatBytes, type Page, previewValue, type Row, shortName } from "@/lib/storage/inspect";
import type { InspectorStrings } from "./inspector-strings";

/** Characters of a value shown on reveal; the rest is counted, not rendered. */
const VALUE_PREVIEW = 10_000;

export function InspectorTable({
  rows,
  shown,
  loaded,
  revealed,
  busy,
  idPrefix,
  categoryTitle,
  t,
  locale,
  onToggle,
  onDelete,
}: {
  rows: readonly Row[];
  shown: Page<Row>;
  loaded: boolean;
  revealed: ReadonlySet<string>;
  busy: boolean;
  idPrefix: string;
  categoryTitle: (id: string | undefined) => string | null;
  t: InspectorStrings;
  locale: string;
  onToggle: (row: Row) => void;
  onDelete: (row: Row) => void;
}) {
  return (
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
                categoryTitle={categoryTitle(row.declared?.category)}
                revealed={revealed.has(row.id)}
                valueId={`${idPrefix}-v-${i}`}
                busy={busy}
                onToggle={onToggle}
                onDelete={onDelete}
              />
            ))
          )}
        </tbody>
      </table>
    </div>
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
  return (
    <>
      <tr data-row={row.id} data-undeclared={row.declared ? undefined : ""}>
        <th scope="row" className="ins-name">
          <code>{name}</code>
          <span className="ins-meta">
            <span data-field="type">{t.storage[row.storage]}</span>
            {" · "}
            <span data-field="size">{row.size === null ? t.sizeUnknown : formatBytes(row.size, locale)}</span>
          </span>
          {row.serverOnly ? <span className="ins-badge ins-badge-server">{t.serverOnly}</span> : null}
        </th>
        <DeclaredCell row={row} t={t} locale={locale} categoryTitle={categoryTitle} />
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

/** What the item is for (from the registry, or Undeclared), and when it expires. */
function DeclaredCell({
  row,
  t,
  locale,
  categoryTitle,
}: {
  row: Row;
  t: InspectorStrings;
  locale: string;
  categoryTitle: string | null;
}) {
  const d = row.declared;
  return (
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
  );
}

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
