import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the site once (sample data) for the browser tests in test/site.
    globalSetup: ["test/site/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // DuckDB instances and temp folders per test file; two cores, so two forks.
    pool: "forks",
    maxWorkers: 2,
    // CI reads the counts from the JSON report to print its closing line.
    reporters: ["default", "json"],
    outputFile: { json: ".cache/test-results.json" },
  },
});
