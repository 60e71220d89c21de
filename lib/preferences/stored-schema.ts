// The zod reference for what lib/preferences/stored.ts decodes by hand in the browser (see there why);
// preferences.test.ts runs both on the same inputs and expects the same answers.
import { z } from "zod";
import { MAX_SECTIONS, PREFERENCE_VERSION, SECTION_ID_PATTERN, themes } from "./stored";

export const themeSchema = z.enum(themes);
const sectionsSchema = z
  .record(z.string().regex(new RegExp(SECTION_ID_PATTERN)), z.enum(["open", "closed"]))
  .refine((r) => Object.keys(r).length <= MAX_SECTIONS);
export const uiStateSchema = z.strictObject({ sections: sectionsSchema });

export function envelopeSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({ v: z.literal(PREFERENCE_VERSION), value, savedAt: z.number().int().nonnegative() });
}
