import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import sibling packages from their sources, so a test run never depends on a stale build.
export default defineConfig({
  resolve: {
    alias: {
      "@ipxm/core": source("core"),
      "@ipxm/ipxe": source("ipxe"),
      "@ipxm/compiler": source("compiler"),
      "@ipxm/prettier-plugin": source("prettier-plugin"),
      "@ipxm/eslint-plugin": source("eslint-plugin"),
      "@ipxm/language-server": source("language-server"),
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
  },
});
