"use client";
// MDX <ConsentReceipt />: the decision in force (id, date, policy version, choices), as a download
// and with one button to withdraw everything.
import { useConsent } from "./consent-provider";
import { CookieSettingsButton } from "./cookie-settings-button";

export function ConsentReceipt() {
  const { state, store, registry, strings, hydrated, announce } = useConsent();
  const t = strings.receipt;
  const record = hydrated ? state.record : null;
  const date = (iso: string) => new Intl.DateTimeFormat(registry.locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));

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
      categories: registry.categories.map((c) => ({ id: c.id, title: c.title, allowed: state.categories[c.id] === true })),
      services: registry.services.map((sv) => ({ id: sv.id, name: sv.name, provider: sv.provider, allowed: state.services[sv.id] === true })),
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `consent-receipt-${record.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <div className="cc-receipt not-prose" data-interactive="" aria-live="polite">
      {!record ? (
        <p>
          {t.none} <CookieSettingsButton />
        </p>
      ) : (
        <>
          <dl className="cc-receipt-list">
            <dt>{t.id}</dt>
            <dd>
              <code>{record.id}</code>
            </dd>
            <dt>{t.date}</dt>
            <dd>
              <time dateTime={record.decidedAt}>{date(record.decidedAt)}</time>
            </dd>
            <dt>{t.expires}</dt>
            <dd>
              <time dateTime={record.expiresAt}>{date(record.expiresAt)}</time>
            </dd>
            <dt>{t.version}</dt>
            <dd>{record.policyVersion}</dd>
            <dt>{t.method}</dt>
            <dd>{t.methods[record.method]}</dd>
            <dt>{t.gpc}</dt>
            <dd>{record.gpc ? t.gpcOn : t.gpcOff}</dd>
            <dt>{t.choices}</dt>
            <dd>
              <ul>
                {registry.categories.map((c) => (
                  <li key={c.id}>
                    {c.title}: {state.categories[c.id] ? t.allowed : t.refused}
                  </li>
                ))}
                {registry.services.map((sv) => (
                  <li key={sv.id}>
                    {sv.name}: {state.services[sv.id] ? t.allowed : t.refused}
                  </li>
                ))}
              </ul>
            </dd>
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
        </>
      )}
    </div>
  );
}
