// The data dictionary in the README is generated from the table definitions; it must not drift.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { updateGenerated } from "../../loaders/docs/dictionary.ts";

describe("README", () => {
  const readme = readFileSync("README.md", "utf8");
  it("opens with exactly the two commands for a fresh machine", () => {
    const block = readme.match(/```sh\n([\s\S]*?)```/)![1]!.trim().split("\n").map((l) => l.replace(/\s+#.*$/, ""));
    expect(block).toEqual(["npm ci && npm start", "npm test"]);
  });
  it("has an up-to-date data dictionary (run `npm run docs`)", () => {
    expect(updateGenerated(readme)).toBe(readme);
  });
  it("documents every published table and input table", () => {
    for (const name of ["kreise", "zuwendungen", "mittel_kreis_jahr", "abdeckung_kreis", "haushalt_jahr", "zahlungen_monat", "mittel_gemeinde_jahr", "pruefbericht"])
      expect(readme).toContain(`#### \`${name}\``);
    for (const name of ["haushalt", "bewilligungen", "auszahlungen", "stellen", "gefluechtete_au", "kreise", "gemeinden"]) expect(readme).toContain(`#### \`${name}\``);
  });
});
