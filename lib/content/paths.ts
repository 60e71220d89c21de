// Where the legal team's files are, as they see them (relative to the project folder).

export const REGISTRY_FILE = "content/registry.yaml";
export const CHANGELOG_FILE = "content/changelog.yaml";
export const policyFile = (locale: string) => `content/${locale}/cookie-policy.mdx`;
