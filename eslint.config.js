import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

// Syntax-only rules (no type information): fast enough to run on every commit. `npm run typecheck` does
// the type-level checking.
export default defineConfig(
  globalIgnores([
    "**/node_modules/",
    "packages/db/src/generated/",
    "**/dist/",
    "coverage/",
    "test-results/",
    "playwright-report/",
    ".bench/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "smart"],
      "no-throw-literal": "error",
      "object-shorthand": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Across packages, only a package's public index: `@baken/db`, never `@baken/db/src/...`.
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@baken/[^/]+/", message: "Import the package's index (@baken/<name>) only." }] },
      ],
      // packages/config is the only reader of the environment (exceptions below).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through @baken/config (loadConfig)." },
      ],
    },
  },
  {
    // Tooling outside the apps' runtime: config loaders, test harness, scripts, e2e.
    files: [
      "packages/config/src/**",
      "packages/testing/src/**",
      "**/test/**",
      "scripts/**",
      "e2e/**",
      "bench/**",
      "*.config.ts",
      "*.config.js",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    rules: {
      // A focused or skipped test silently shrinks the suite.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo|fixme)$/]",
          message: "No .only / .skip / .todo in committed tests.",
        },
        {
          // Test files share their worker's modules and globals (isolate: false in vitest.config.ts): a hoisted
          // vi.mock misses modules an earlier file loaded and stays for the files after, and so do stubbed
          // globals and fake timers. route-roles.int.test.ts shows the way: vi.doMock with vi.resetModules.
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|stubGlobal|stubEnv)$/]",
          message: "Test files share modules: use vi.doMock around vi.resetModules, and undo it (see route-roles).",
        },
      ],
    },
  },
  {
    files: ["apps/web/src/**"],
    languageOptions: { globals: globals.browser },
  },
);
