// knip: dead files, exports and dependencies; `npm run knip` runs inside `npm test`.
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  entry: [
    "scripts/**/*.{ts,mjs}",
    "e2e/**/*.ts",
    // routes of `next dev` only (next.config.mjs pageExtensions)
    "app/**/route.dev.ts",
    // stands in for "server-only" under Vitest (vitest.config.ts)
    "lib/testing/empty.ts",
  ],
  project: ["**/*.{ts,tsx,mjs,css}"],
  // measured by `npm run bench:compare-size` from an esbuild entry written as a string
  ignoreDependencies: ["@c15t/nextjs", "vanilla-cookieconsent"],
  // Tailwind is imported from CSS (@import "tailwindcss", @plugin "@tailwindcss/typography"): let knip
  // read those as imports.
  compilers: {
    css: (text: string) =>
      [...text.matchAll(/@(?:import|plugin)\s+["']([^"']+)["']/g)].map(([, name]) => `import "${name}";`).join("\n"),
  },
};

export default config;
