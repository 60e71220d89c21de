// What the settings dialog says under each category and service: description, privacy policy link, notes. A
// server component passed to the dialog island as props, so words and links cost no client code. The
// Global Privacy Control note shows by CSS only while the browser sends the signal (html[data-gpc]) and the
// service's switch is off: it is said next to the services the signal turned off.
import type { Strings } from "@/lib/i18n/strings";
import type { ClientRegistry } from "@/lib/registry/client";

/** By service id, and by "c:" + category id (a service may share an id with a category). */
export function dialogDetails(registry: ClientRegistry, s: Strings["consent"]) {
  return Object.fromEntries([
    ...registry.categories.map((c) => [
      `c:${c.id}`,
      <p key={c.id} className="cc-muted cc-small">
        {c.description}
      </p>,
    ]),
    ...registry.services.map((sv) => [
      sv.id,
      <div key={sv.id}>
        <p className="cc-muted cc-small">
          {sv.description}{" "}
          <a href={sv.privacyUrl} rel="noopener noreferrer" target="_blank">
            {s.privacyPolicy.replace("{provider}", sv.provider)}
          </a>
        </p>
        {sv.active ? null : <p className="cc-small cc-note">{s.notActive}</p>}
        {sv.advertising ? <p className="cc-small cc-note cc-gpc-held">{s.advertisingGpc}</p> : null}
      </div>,
    ]),
  ]);
}
