/**
 * The formula-injection rule of every export (OWASP "CSV Injection"). It lives in
 * src/components/export-rules.js, which the pages' downloads load too, so
 * the site and `npm run export` neutralise exactly the same cells.
 */
export { FORMULA_TRIGGERS, needsNeutralizing, neutralize } from "../../src/components/export-rules.js";
