"use client";
// MDX <ConsentReceipt />: the decision in force (id, date, policy version, choices) and whether the
// consent log has recorded it (its receive time and the event's hash, or pending), as a download and
// with one button to withdraw everything.
import { useSyncExternalStore } from "react";
import { ackFor } from "@/lib/consent-log/outbox";
import { useConsent } from "./consent-context";
import { ReceiptNone } from "./receipt-none";

const never = () => () => {};

// Long because it is the receipt's markup, on screen and as the downloaded JSON; it decides nothing itself.
export function ConsentReceipt() {
  const { state, store, registry, strings, outbox, hydrated, announce } = useConsent();
  const t = strings.receipt;
  const record = hydrated ? state.record : null;
  const date = (iso: string, utc?: boolean) =>
    new Intl.DateTimeFormat(registry.locale, {
      dateStyle: utc ? "medium" : "long",
      timeStyle: "short",
      timeZone: utc ? "UTC" : undefined,
    }).format(new Date(iso));
  // the server's answer for this decision, as one string so the snapshot compares by value
  const acked = useSyncExternalStore(
    outbox?.subscribe ?? never,
    () => {
      const ack = record && outbox ? ackFor(outbox.read(), record.id) : null;
      return ack ? `${ack.receivedAt} ${ack.hash}` : "";
    },
    () => "",
  );
  const [receivedAt, eventHash] = acked ? acked.split(" ") : [null, null];

  const download = () => {
    if (!record) return;
    const receipt = {
      consentId: record.id,
      site: location.origin,
      decidedAt: record.decidedAt,
      expiresAt: record.expiresAt,
      policyVersion: record.policyVersion,
      consentRevision: record.revision,
      method: record.method,
      globalPrivacyControl: record.gpc,
      stored: state.persisted,
      // the consent log's answer: when the server received this decision and the hash it chained it under
      serverRecord: receivedAt ? { receivedAt, eventHash } : null,
      categories: registry.categories.map((c) => ({
        id: c.id,
        title: c.title,
        allowed: state.categories[c.id] === true,
      })),
      services: registry.services.map((sv) => ({
        id: sv.id,
        name: sv.name,
        provider: sv.provider,
        allowed: state.services[sv.id] === true,
      })),
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `consent-receipt-${record.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  if (!record) return <ReceiptNone text={t.none} />;
  return (
    <div className="cc-receipt not-prose" data-interactive="">
      <dl className="cc-receipt-list">
        {(
          [
            [t.id, <code key="id">{record.id}</code>],
            [t.date, date(record.decidedAt)],
            [t.expires, date(record.expiresAt)],
            [t.version, record.policyVersion],
            [t.method, t.methods[record.method]],
            [t.gpc, record.gpc ? t.gpcOn : t.gpcOff],
            [
              t.record,
              receivedAt && eventHash ? (
                <span key="record" title={eventHash}>
                  {t.recorded.replace("{date}", date(receivedAt, true)).replace("{proof}", `${eventHash.slice(0, 8)}…`)}
                </span>
              ) : (
                t.pending
              ),
            ],
            [
              t.choices,
              <ul key="choices">
                {[
                  ...registry.categories.map((c) => [c.title, state.categories[c.id]] as const),
                  ...registry.services.map((sv) => [sv.name, state.services[sv.id]] as const),
                ].map(([name, allowed]) => (
                  <li key={name}>
                    {name}: {allowed ? t.allowed : t.refused}
                  </li>
                ))}
              </ul>,
            ],
          ] as const
        ).map(([term, value]) => (
          <div key={term} className="cc-receipt-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!state.persisted ? <p className="cc-small cc-note">{t.notStored}</p> : null}
      <div className="cc-actions">
        <button type="button" className="cc-btn" onClick={download}>
          {t.download}
        </button>
        <button
          type="button"
          className="cc-btn"
          onClick={() => {
            store.withdrawAll();
            announce(t.withdrawn);
          }}
        >
          {t.withdraw}
        </button>
      </div>
    </div>
  );
}
