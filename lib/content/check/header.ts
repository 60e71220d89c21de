// The header block of each edition: the editions agree with each other and with the changelog.
import { plural } from "../../text/plural";
import { type Changelog, impliedConsentRevision } from "../changelog";
import { CHANGELOG_FILE } from "../paths";
import type { ContentProblem } from "../problems";
import { type YamlSource } from "../yaml-source";
import { type Edition } from "./shared";

/** Version, dates and consentRevision are one fact about the policy: every edition must agree. */
export function checkHeaderAgreement(editions: Edition[], main: Edition | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!main?.frontmatter) return problems;
  const fields = ["version", "effectiveDate", "lastUpdated", "consentRevision"] as const;
  for (const e of editions) {
    if (e === main || !e.frontmatter || !e.yaml) continue;
    for (const f of fields) {
      if (e.frontmatter[f] === main.frontmatter[f]) continue;
      const want = main.frontmatter[f];
      problems.push({
        file: e.file,
        ...e.yaml.position([f]),
        message: `"${f}" is ${JSON.stringify(e.frontmatter[f])} here but ${JSON.stringify(want)} in ${main.file}; every language must say the same.`,
        hint: `Write ${f}: ${typeof want === "string" && f === "version" ? `"${want}"` : want}`,
      });
    }
  }
  return problems;
}

export function checkChangelogAgainstHeader(changelog: Changelog, yaml: YamlSource, main: Edition): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const fm = main.frontmatter!;
  const newest = changelog.changes[0]!;
  if (newest.version !== fm.version)
    problems.push({
      file: CHANGELOG_FILE,
      ...yaml.position(["changes", 0, "version"]),
      message: `The newest change is for version ${newest.version}, but the policy header says version "${fm.version}".`,
      hint: `Add an entry for version "${fm.version}" at the top of the list, saying what changed.`,
    });
  else if (newest.date !== fm.lastUpdated)
    problems.push({
      file: CHANGELOG_FILE,
      ...yaml.position(["changes", 0, "date"]),
      message: `Version ${newest.version} is dated ${newest.date} here, but the policy header says lastUpdated: ${fm.lastUpdated}.`,
      hint: `Write the same date in both places.`,
    });
  const implied = impliedConsentRevision(changelog);
  if (implied !== fm.consentRevision) {
    const asked = implied - 1;
    problems.push({
      file: main.file,
      ...(main.yaml?.position(["consentRevision"]) ?? { line: 1, column: 1 }),
      message: `consentRevision is ${fm.consentRevision}, but the changelog marks ${asked === 0 ? "no change" : plural(asked, "change")} with asksConsentAgain: true, so it should be ${implied}.`,
      hint:
        fm.consentRevision > implied
          ? `Either write consentRevision: ${implied}, or mark the change that asks everyone again with asksConsentAgain: true in ${CHANGELOG_FILE}.`
          : `Write consentRevision: ${implied} in every language, so that everyone is asked for consent again.`,
    });
  }
  return problems;
}
