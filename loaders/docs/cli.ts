// npm run docs: regenerates the data dictionary sections of the README.
import { readFileSync, writeFileSync } from "node:fs";
import { updateGenerated } from "./dictionary.ts";

const path = "README.md";
const before = readFileSync(path, "utf8");
const after = updateGenerated(before);
writeFileSync(path, after);
console.log(before === after ? "README.md ist aktuell." : "README.md aktualisiert (Datenwörterbuch).");
