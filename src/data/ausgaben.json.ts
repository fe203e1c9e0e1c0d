// The two editions for /methodik: which one this build is and what only the intern
// edition contains (the single list in loaders/queries/edition.ts).
import { EDITION_NAMES, editionFromEnv, INTERNAL_ONLY } from "../../loaders/queries/edition.ts";

const ausgabe = editionFromEnv();
process.stdout.write(JSON.stringify({ ausgabe, name: EDITION_NAMES[ausgabe], nur_intern: Object.values(INTERNAL_ONLY) }));
