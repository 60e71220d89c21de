"use client";
// MDX island: the privacy-relevant settings the visitor's browser reports, and what this site does with each.
import { useCallback, useId, useRef } from "react";
import { useConsent } from "@/components/consent/consent-context";
import { useBrowserValue } from "@/components/use-hydrated";
import { readSignals, type PrivacySignals as Signals } from "@/lib/browser/signals";
import { fill } from "@/lib/i18n/fill";
import type { Strings } from "@/lib/i18n/strings";

export function PrivacySignals({ strings: t }: { strings: Strings["privacySignals"] }) {
  const { registry, state: consent } = useConsent();
  const advertisingServices = registry.services.filter((s) => s.advertising).map((s) => s.name);
  // what the signal turned off right now (the visitor may have switched one back on)
  const heldOff = registry.services.filter((s) => s.advertising && !consent.services[s.id]).map((s) => s.name);
  // getSnapshot must return the same object while nothing changed; these do not change during a visit
  const cached = useRef<Signals | null>(null);
  const read = useCallback(
    () => (cached.current ??= readSignals(window as unknown as Parameters<typeof readSignals>[0])),
    [],
  );
  const signals = useBrowserValue(read, null);
  const ids = useId();
  const state = (v: boolean | null | undefined, off = t.off) =>
    v === undefined ? t.loading : v === null ? t.notSupported : v ? t.on : off;
  const rows: Array<[string, string, string]> = [
    [t.cookies, state(signals?.cookies), t.cookiesWhat],
    [t.storage, state(signals?.localStorage), t.storageWhat],
    [t.sessionStorage, state(signals?.sessionStorage), t.sessionStorageWhat],
    [
      t.gpc,
      state(signals?.gpc, t.notSent),
      signals?.gpc && heldOff.length
        ? fill(t.gpcHonoured, { services: heldOff.join(", ") })
        : advertisingServices.length
          ? fill(t.gpcWhat, { services: advertisingServices.join(", ") })
          : t.gpcNoServices,
    ],
    [t.dnt, state(signals?.dnt, t.notSent), t.dntWhat],
  ];
  return (
    <section className="ins not-prose needs-js" aria-labelledby={`${ids}-t`} data-state={signals ? "ready" : "loading"}>
      <h4 id={`${ids}-t`} className="ins-title">
        {t.title}
      </h4>
      <div className="table-scroll" role="region" aria-label={t.caption} tabIndex={0}>
        <table className="signals-table">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colSignal}</th>
              <th scope="col">{t.colState}</th>
              <th scope="col">{t.colWhat}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, value, what]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="whitespace-nowrap" data-signal-state="">
                  {value}
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
