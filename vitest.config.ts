import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // DuckDB instances and temp folders per test file; two cores, so two forks.
    pool: "forks",
    maxWorkers: 2,
  },
});
