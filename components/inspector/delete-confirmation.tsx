"use client";
// The question asked before a deletion that cannot be undone, worded for what is about to go.
import { RECORD_KEY } from "@/lib/consent/record";
import { fill } from "@/lib/i18n/fill";
import { numberFormat } from "@/lib/i18n/intl";
import { type Row, shortName } from "@/lib/storage/inspect";
import { ConfirmDialog } from "./confirm-dialog";
import type { InspectorStrings } from "./inspector-strings";
import type { Pending } from "./use-inspector-actions";

/** Items named in the list; a longer list ends with "and N more" (all of them are deleted). */
const LISTED = 12;

export function DeleteConfirmation({
  pending,
  t,
  locale,
  onConfirm,
  onCancel,
}: {
  pending: Pending;
  t: InspectorStrings;
  locale: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [title, confirmLabel] = pending ? wording(pending, t, locale) : ["", ""];
  return (
    <ConfirmDialog
      open={pending !== null}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={t.cancel}
      onConfirm={onConfirm}
      onCancel={onCancel}
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
              {pending.row.name === RECORD_KEY
                ? t.requiredConsent
                : pending.row.declared?.scope === "app"
                  ? t.requiredApp
                  : null}
            </strong>
          </p>
        </>
      ) : pending?.kind === "rows" ? (
        <ListBody rows={pending.rows} t={t} locale={locale} />
      ) : (
        <>
          <p>{t.deleteAllBody}</p>
          <p>
            <strong>{t.deleteAllSignOut}</strong>
          </p>
        </>
      )}
    </ConfirmDialog>
  );
}

/** The dialog's title and its confirm button's label. */
function wording(pending: NonNullable<Pending>, t: InspectorStrings, locale: string): [string, string] {
  if (pending.kind === "all") return [t.deleteAllTitle, t.deleteAllConfirm];
  const rows = pending.kind === "row" ? [pending.row] : pending.rows;
  const [only] = rows;
  if (rows.length === 1 && only) return [fill(t.requiredTitle, { name: shortName(only.name) }), t.requiredConfirm];
  const count = numberFormat(locale).format(rows.length);
  return [fill(t.confirmTitle, { count }), fill(t.confirmDelete, { count })];
}

function ListBody({ rows, t, locale }: { rows: readonly Row[]; t: InspectorStrings; locale: string }) {
  const mayBeTheApps = rows.some((r) => !r.declared || r.storage === "indexedDB" || r.storage === "cacheStorage");
  return (
    <>
      <p>{t.confirmBody}</p>
      <ul className="ins-confirm-list">
        {rows.slice(0, LISTED).map((r) => (
          <li key={r.id}>
            <code>{shortName(r.name)}</code> <span className="ins-muted">({t.storage[r.storage]})</span>
          </li>
        ))}
        {rows.length > LISTED ? (
          <li>{fill(t.confirmMore, { count: numberFormat(locale).format(rows.length - LISTED) })}</li>
        ) : null}
      </ul>
      {mayBeTheApps ? (
        <p>
          <strong>{t.confirmAppData}</strong>
        </p>
      ) : null}
    </>
  );
}
