// One consent event: what the browser sends to the consent log for each decision, and the names both
// sides share. Imported by the browser's outbox, so it stays small: no zod here (request.ts has the
// server's schema).
import type { ConsentMethod, ConsentRecord } from "../consent/record";
import type { DecisionKind } from "../consent/store";

export const EVENTS_PATH = "/api/consent/events";

/** What the visitor did. A dialog "Accept all" is accept-all too; "save" and "switch" count as custom. */
export const eventActions = ["accept-all", "reject-all", "save", "switch", "withdraw", "gpc"] as const;
export type EventAction = (typeof eventActions)[number];

/** Where it was done; "browser" is Global Privacy Control, applied without a click. */
export const eventPlaces = ["banner", "dialog", "inline", "receipt", "browser"] as const;
export type EventPlace = (typeof eventPlaces)[number];

export interface ConsentEventInput {
  /** The record's random id (shown on the visitor's receipt). */
  decisionId: string;
  /** The decision this one replaced in the same browser, so a history can be followed without a visitor id. */
  previousDecisionId: string | null;
  /** Counts this browser's events, from 1. (decisionId, sequence) is unique in the log. */
  sequence: number;
  action: EventAction;
  place: EventPlace;
  /** The decision answers a raised consentRevision (everyone was asked again). */
  reconsent: boolean;
  grantedCategories: string[];
  deniedCategories: string[];
  grantedServices: string[];
  deniedServices: string[];
  policyVersion: string;
  consentRevision: number;
  locale: string;
  gpc: boolean;
  /** The browser's clock when deciding (ISO 8601, UTC). */
  clientTime: string;
  /** sha256 (hex) of the policy text of this locale and version, as published. */
  policyHash: string;
  /** sha256 (hex) of the banner and dialog wording of this locale. */
  wordingHash: string;
}

/** What the server answers for each event it holds: its receive time and the event's chain hash. */
export interface EventAck {
  decisionId: string;
  sequence: number;
  receivedAt: string;
  hash: string;
}

/** The texts a decision was made on, hashed on the server when the page is built. */
export interface ConsentProof {
  locale: string;
  policyHash: string;
  wordingHash: string;
}

const ACTIONS: Record<DecisionKind, EventAction> = {
  acceptAll: "accept-all",
  rejectAll: "reject-all",
  save: "save",
  setCategory: "switch",
  setService: "switch",
  withdrawAll: "withdraw",
};

const PLACES: Record<ConsentMethod, EventPlace> = {
  "banner-accept-all": "banner",
  "banner-reject-all": "banner",
  dialog: "dialog",
  inline: "inline",
  withdraw: "receipt",
};

const split = (flags: Record<string, boolean>, on: boolean) =>
  Object.keys(flags)
    .filter((k) => flags[k] === on)
    .sort();

/** The event for a decision the visitor just made (or, with action "gpc", one GPC changed). */
export function eventFor(
  record: ConsentRecord,
  effective: { categories: Record<string, boolean>; services: Record<string, boolean> },
  how: { action: EventAction; place: EventPlace; reconsent: boolean },
  link: { previousDecisionId: string | null; sequence: number; clientTime: string },
  proof: ConsentProof,
): ConsentEventInput {
  return {
    decisionId: record.id,
    ...link,
    ...how,
    grantedCategories: split(effective.categories, true),
    deniedCategories: split(effective.categories, false),
    grantedServices: split(effective.services, true),
    deniedServices: split(effective.services, false),
    policyVersion: record.policyVersion,
    consentRevision: record.revision,
    locale: proof.locale,
    gpc: record.gpc,
    policyHash: proof.policyHash,
    wordingHash: proof.wordingHash,
  };
}

export const actionOf = (kind: DecisionKind): EventAction => ACTIONS[kind];
export const placeOf = (method: ConsentMethod): EventPlace => PLACES[method];
