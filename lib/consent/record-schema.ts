// The consent record's reference schema (zod). Server code, the scanner and tests validate with it;
// the browser uses the equivalent small decoder in record.ts (see there why), and record.test.ts
// proves the two agree.
import { z } from "zod";
import {
  CONSENT_ID_PATTERN,
  consentMethods,
  ID_PATTERN,
  isIsoUtc,
  MAX_CHOICES,
  MAX_REVISION,
  RECORD_SCHEMA,
  VERSION_PATTERN,
} from "./record";

const isoUtc = z.string().refine(isIsoUtc, "An ISO 8601 time in UTC, such as 2026-11-29T10:00:00.000Z.");
const flags = z
  .record(z.string().regex(ID_PATTERN), z.boolean())
  .refine((r) => Object.keys(r).length <= MAX_CHOICES, `At most ${MAX_CHOICES} entries.`);

export const consentRecordSchema = z.strictObject({
  schema: z.literal(RECORD_SCHEMA),
  id: z.string().regex(CONSENT_ID_PATTERN),
  decidedAt: isoUtc,
  expiresAt: isoUtc,
  revision: z.number().int().min(1).max(MAX_REVISION),
  policyVersion: z.string().max(20).regex(VERSION_PATTERN),
  categories: flags,
  services: flags,
  gpc: z.boolean(),
  method: z.enum(consentMethods),
});
