/**
 * The formula-injection rule of every export (OWASP "CSV Injection"). It lives in
 * src/components/tabular.js, which the pages' per-chart downloads load too, so
 * the site and `npm run export` neutralise exactly the same cells.
 */
export { FORMULA_TRIGGERS, needsNeutralizing, neutralize } from "../../src/components/tabular.js";
