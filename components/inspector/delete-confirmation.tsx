"use client";
// The question asked before a deletion that cannot be undone, worded for what is about to go.
import { RECORD_KEY } from "@/lib/consent/record";
import { fill } from "@/lib/i18n/fill";
import { shortName } from "@/lib/storage/inspect";
import { ConfirmDialog } from "./confirm-dialog";
import type { InspectorStrings } from "./inspector-strings";
import type { Pending } from "./use-inspector-actions";

export function DeleteConfirmation({
  pending,
  t,
  onConfirm,
  onCancel,
}: {
  pending: Pending;
  t: InspectorStrings;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      open={pending !== null}
      title={pending?.kind === "row" ? fill(t.requiredTitle, { name: shortName(pending.row.name) }) : t.deleteAllTitle}
      confirmLabel={pending?.kind === "row" ? t.requiredConfirm : t.deleteAllConfirm}
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
      ) : (
        <p>{t.deleteAllBody}</p>
      )}
    </ConfirmDialog>
  );
}
