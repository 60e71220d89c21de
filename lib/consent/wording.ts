// The consent wording that names what the registry holds ("Accept all" allows Performance & Analytics
// (Google Analytics 4) and Advertising (TikTok Pixel) …), filled in on the server: the browser gets finished
// sentences, so they cost no client code, and a category added to the registry is named without a code change.
import { fill } from "../i18n/fill";
import type { ClientRegistry } from "../registry/client";

interface Templates {
  bannerText: string;
  bannerGpc: string;
  confirmAcceptedGpc: string;
}

const list = (locale: string, parts: string[]) =>
  new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(parts);

/** What "Accept all" allows: each optional category, with the services in it. */
export function optionalPurposes(registry: Pick<ClientRegistry, "locale" | "categories" | "services">): string {
  return list(
    registry.locale,
    registry.categories
      .filter((c) => !c.required)
      .map((c) => {
        const services = registry.services.filter((s) => s.category === c.id).map((s) => s.name);
        return services.length ? `${c.title} (${services.join(", ")})` : c.title;
      }),
  );
}

/** The services Global Privacy Control keeps off ("TikTok Pixel"). */
function gpcServices(registry: Pick<ClientRegistry, "locale" | "services">): string {
  return list(
    registry.locale,
    registry.services.filter((s) => s.advertising).map((s) => s.name),
  );
}

export function fillConsentWording<T extends Templates>(
  strings: T,
  registry: Pick<ClientRegistry, "locale" | "categories" | "services">,
): T {
  const services = gpcServices(registry);
  return {
    ...strings,
    bannerText: fill(strings.bannerText, { allows: optionalPurposes(registry) }),
    bannerGpc: fill(strings.bannerGpc, { services }),
    confirmAcceptedGpc: fill(strings.confirmAcceptedGpc, { services }),
  };
}
