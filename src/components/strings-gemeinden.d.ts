// Types of the strings the site configuration reads (observablehq.config.ts: the synthetic-data notice of /gemeinden).
export const GEMEINDEN: { echteGemeinden: string } & Record<string, unknown>;
