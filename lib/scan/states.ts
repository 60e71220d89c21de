// The consent states a scan visits, derived from the registry, and what each one grants.
import { defaultLocale } from "../i18n/locales";
import { localize, type Registry, type RegistryItem } from "../registry/schema";

/** What the visitor has allowed: optional categories and services (required ones are always in). */
export interface Grants {
  categories: string[];
  services: string[];
}

/** How the scanner brings a fresh browser into the state, through the consent UI's accessible names. */
type StateAction =
  | { kind: "none" }
  | { kind: "banner"; button: "Accept all" | "Reject all" }
  /** Banner "Customize", set each switch in the dialog, then "Save choices". */
  | { kind: "customize"; switches: SwitchSetting[] };

/** One switch in the preferences dialog, by accessible name; `category` is the category it belongs to. */
interface SwitchSetting {
  name: string;
  on: boolean;
  of: "category" | "service";
  id: string;
  category: string;
}

export interface ConsentState {
  id: string;
  /** Words for people: "Accept all", "Performance & Analytics alone". */
  label: string;
  /** A short column header for the terminal matrix. */
  short: string;
  action: StateAction;
  /** Browse with Global Privacy Control on (navigator.globalPrivacyControl and Sec-GPC: 1). */
  gpc: boolean;
  grants: Grants;
}

/**
 * No decision, reject all, accept all, each optional category alone, each optional service alone, and
 * accept all with Global Privacy Control (which keeps advertising services off).
 */
// Long because it lists every state the scan visits, each a short literal, in the order the report shows.
export function consentStates(
  registry: Pick<Registry, "categories" | "services">,
  locale: string = defaultLocale,
): ConsentState[] {
  const required = registry.categories.filter((c) => c.required).map((c) => c.id);
  const optional = registry.categories.filter((c) => !c.required);
  const alwaysOnServices = registry.services.filter((s) => required.includes(s.category)).map((s) => s.id);
  const optionalServices = registry.services.filter((s) => !required.includes(s.category));
  const grants = (categories: string[], services: string[]): Grants => ({
    categories: [...required, ...categories],
    services: [...alwaysOnServices, ...services],
  });
  const customize = (categoryOn: (id: string) => boolean, serviceOn: (id: string) => boolean): StateAction => ({
    kind: "customize",
    switches: [
      ...optional.map((c) => ({
        name: localize(c.title, locale),
        on: categoryOn(c.id),
        of: "category" as const,
        id: c.id,
        category: c.id,
      })),
      ...optionalServices.map((s) => ({
        name: s.name,
        on: serviceOn(s.id),
        of: "service" as const,
        id: s.id,
        category: s.category,
      })),
    ],
  });
  const all = grants(
    optional.map((c) => c.id),
    optionalServices.map((s) => s.id),
  );

  const states: ConsentState[] = [
    {
      id: "no-decision",
      label: "No decision",
      short: "none",
      action: { kind: "none" },
      gpc: false,
      grants: grants([], []),
    },
    {
      id: "reject-all",
      label: "Reject all",
      short: "reject",
      action: { kind: "banner", button: "Reject all" },
      gpc: false,
      grants: grants([], []),
    },
    {
      id: "accept-all",
      label: "Accept all",
      short: "accept",
      action: { kind: "banner", button: "Accept all" },
      gpc: false,
      grants: all,
    },
  ];
  for (const c of optional) {
    const services = optionalServices.filter((s) => s.category === c.id).map((s) => s.id);
    states.push({
      id: `category-${c.id}`,
      label: `${localize(c.title, locale)} alone`,
      short: c.id,
      action: customize(
        (id) => id === c.id,
        (id) => services.includes(id),
      ),
      gpc: false,
      grants: grants([c.id], services),
    });
  }
  for (const s of optionalServices) {
    states.push({
      id: `service-${s.id}`,
      label: `${s.name} alone`,
      short: s.id,
      action: customize(
        () => false,
        (id) => id === s.id,
      ),
      gpc: false,
      grants: grants([], [s.id]),
    });
  }
  states.push({
    id: "accept-all-gpc",
    label: "Accept all with Global Privacy Control",
    short: "gpc",
    action: { kind: "banner", button: "Accept all" },
    gpc: true,
    grants: grants(
      optional.map((c) => c.id),
      optionalServices.filter((s) => !s.advertising).map((s) => s.id),
    ),
  });
  // A category and a service may share an id; keep the short headers apart.
  const shorts = new Map<string, number>();
  for (const st of states) shorts.set(st.short, (shorts.get(st.short) ?? 0) + 1);
  return states.map((st) => ((shorts.get(st.short) ?? 0) > 1 ? { ...st, short: st.id } : st));
}

/** What a browser that has not chosen yet may hold: required categories and their services only. */
export function beforeChoiceGrants(states: ConsentState[]): Grants {
  const none = states.find((s) => s.id === "no-decision");
  if (!none) throw new Error("The scan states lack the no-decision state.");
  return none.grants;
}

/** Whether a declared item may be present under these grants. */
export function itemAllowed(
  item: Pick<RegistryItem, "category" | "service">,
  grants: Grants,
  registry: Pick<Registry, "categories">,
): boolean {
  if (registry.categories.find((c) => c.id === item.category)?.required) return true;
  if (item.service !== undefined) return grants.services.includes(item.service);
  return grants.categories.includes(item.category);
}
