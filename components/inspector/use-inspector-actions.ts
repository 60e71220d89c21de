"use client";
// What the inspector's delete buttons do: delete at once or ask first, then re-read the browser and
// say what happened (in the live region, with focus moved to the inspector's status line).
import { useCallback, useMemo, useRef, useState } from "react";
import { useAnnouncer } from "@/components/use-announcer";
import { RECORD_KEY } from "@/lib/consent/record";
import type { ConsentStore } from "@/lib/consent/store";
import { fill } from "@/lib/i18n/fill";
import { numberFormat } from "@/lib/i18n/intl";
import { deleteEverything, deleteRows, windowHost } from "@/lib/storage/browser";
import {
  buildRows,
  type CategorySummary,
  confirmationFor,
  type InspectorRegistry,
  type Row,
  type Snapshot,
  shortName,
} from "@/lib/storage/inspect";
import type { InspectorStrings } from "./inspector-strings";

/** The question on screen: one strictly necessary item, a list of items, or everything. */
export type Pending =
  | { kind: "row"; row: Row; done: string }
  | { kind: "rows"; rows: Row[]; done: string }
  | { kind: "all" }
  | null;

// One hook for the four ways to delete (a row, a category, a list after a question, everything): they
// share the busy flag, the question on screen and the announcer, so it runs a little over 80 lines.
export function useInspectorActions({
  t,
  locale,
  registry,
  store,
  refresh,
  onDeletedAll,
}: {
  t: InspectorStrings;
  locale: string;
  registry: InspectorRegistry;
  store: ConsentStore;
  refresh: (askServer: boolean) => Promise<Snapshot | null>;
  onDeletedAll: () => void;
}) {
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useAnnouncer();
  const statusRef = useRef<HTMLParagraphElement>(null);

  const announce = useCallback(
    (msg: string) => {
      setMessage(msg);
      statusRef.current?.focus();
    },
    [setMessage],
  );

  const remove = useCallback(
    async (list: Row[], done: string) => {
      setBusy(true);
      const failed = await deleteRows(list, windowHost());
      if (list.some((r) => r.storage === "localStorage" && r.name === RECORD_KEY)) store.refresh();
      await refresh(true);
      setBusy(false);
      const failedRows = list.filter((r) => failed.includes(r.id));
      announce(
        failedRows.length ? failedRows.map((r) => fill(t.deleteFailed, { name: shortName(r.name) })).join(" ") : done,
      );
    },
    [store, refresh, announce, t],
  );

  const requiredIds = useMemo(
    () => new Set(registry.categories.filter((c) => c.required).map((c) => c.id)),
    [registry],
  );
  /** Deletes at once, or asks first (see confirmationFor): what is asked about is exactly what goes. */
  const ask = useCallback(
    (rows: Row[], done: string) => {
      const how = confirmationFor(rows, requiredIds);
      const [only] = rows;
      if (how === "none") void remove(rows, done);
      else if (how === "required" && only) setPending({ kind: "row", row: only, done });
      else setPending({ kind: "rows", rows, done });
    },
    [requiredIds, remove],
  );
  // stable across renders, so unchanged rows are not re-rendered (InspectorRow is memoised)
  const requestDelete = useCallback((row: Row) => ask([row], fill(t.deleted, { name: shortName(row.name) })), [ask, t]);
  const clearCategory = useCallback(
    (s: CategorySummary, title: string) =>
      ask(
        s.rows,
        fill(s.rows.length === 1 ? t.clearedOne : t.cleared, {
          count: numberFormat(locale).format(s.rows.length),
          title,
        }),
      ),
    [ask, t, locale],
  );

  const deleteAll = async () => {
    setBusy(true);
    const outcome = await deleteEverything(windowHost());
    store.refresh();
    // what is left is the truth: a browser may ignore Clear-Site-Data (it needs a secure connection)
    const after = await refresh(true);
    const left = after ? buildRows(after, registry).length : 0;
    setBusy(false);
    onDeletedAll();
    announce(deleteAllMessage(outcome.server, left, t, locale));
  };

  const confirm = async () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (p.kind === "row") return remove([p.row], p.done);
    if (p.kind === "rows") return remove(p.rows, p.done);
    return deleteAll();
  };

  return { pending, setPending, busy, message, statusRef, requestDelete, clearCategory, confirm };
}

/** What "Delete all" did: the server could not be asked, something is left, or everything is gone. */
function deleteAllMessage(serverCleared: boolean, left: number, t: InspectorStrings, locale: string): string {
  if (!serverCleared) return t.deleteAllPartial;
  if (left === 1) return t.deleteAllRemainingOne;
  if (left > 1) return fill(t.deleteAllRemaining, { count: numberFormat(locale).format(left) });
  return t.deleteAllDone;
}
