// Types of the strings the site configuration reads (observablehq.config.ts: the synthetic-data notice).
export const SITE: { synthetischTitel: string; synthetischText: string } & Record<string, unknown>;
export const QUELLEN: Record<string, string>;
export const KARTE: Record<string, unknown>;
export const ANSTELLUNGSTRAEGER: Record<string, string>;
export const QUALIFIKATIONEN: Record<string, string>;
