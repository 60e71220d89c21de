import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports point one way: app -> components -> lib, scripts -> lib. eslint-plugin-import (configured by
// eslint-config-next with the TypeScript resolver) finds cycles; no-restricted-imports keeps each layer
// from reaching up.
const upward = (layers, message) => ({
  "no-restricted-imports": [
    "error",
    { patterns: layers.map((layer) => ({ group: [`@/${layer}/**`, `**/${layer}/**`], message })) },
  ],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".dev-preview-*/**",
      ".bench-*/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "e2e/fixtures/**/*.js",
      "lib/testing/stand-ins/*.js",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/components/**", "**/app/**", "**/e2e/**", "**/scripts/**"],
              message: "lib/ is pure logic: it never imports components/, app/, e2e/ or scripts/.",
            },
            {
              group: ["@/*"],
              message: "Inside lib/, import with a relative path (./ or ../), as the rest of lib/ does.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: upward(["app", "e2e", "scripts"], "components/ never imports routes, tests or scripts."),
  },
  {
    files: ["scripts/**"],
    rules: upward(["app", "components", "e2e"], "scripts/ use lib/ only (imports go scripts -> lib)."),
  },
];

export default config;
