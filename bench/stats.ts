/** Pure helpers of `npm run bench`: order statistics and byte sums, kept apart so they can be unit-tested. */

/** Median; the mean of the two middle values for an even count. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Percentile by the nearest-rank method: the smallest value with at least p % of
 * the values at or below it. No interpolation, so p95 of 50 runs is the 48th
 * fastest: a figure that was actually measured.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error("percentile of nothing");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} outside (0, 100]`);
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil((p / 100) * s.length) - 1]!;
}

/** One response as the browser saw it (CDP Network.loadingFinished). */
export interface Transfer {
  url: string;
  /** Bytes on the wire: headers plus the (compressed) body. */
  encodedBytes: number;
}

/** Bytes a page transferred, in total and per kind of resource (by file extension). */
export function sumTransfers(transfers: readonly Transfer[]): { total: number; requests: number; byType: Record<string, number> } {
  const byType: Record<string, number> = {};
  let total = 0;
  for (const t of transfers) {
    const path = new URL(t.url).pathname;
    const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "html";
    byType[ext] = (byType[ext] ?? 0) + t.encodedBytes;
    total += t.encodedBytes;
  }
  return { total, requests: transfers.length, byType };
}

/**
 * Loader processes Framework started during a build, per loader output (e.g.
 * "/data/kreisprofile.zip"), from its log: a loader runs when its output is
 * `[missing]` or `[stale]` in the cache; `[fresh]` means served from the cache. Files
 * extracted from an archive are logged the same way but start no process, so
 * only the outputs of actual loader files (`loaders`) count.
 */
export function loaderRuns(log: string, loaders: readonly string[]): Record<string, number> {
  const runs: Record<string, number> = Object.fromEntries(loaders.map((l) => [l, 0]));
  for (const m of log.matchAll(/load (\/\S+) → \[(missing|stale)\]/g)) {
    if (m[1]! in runs) runs[m[1]!]! += 1;
  }
  return runs;
}

/** ms → "12,3 s" (German decimal comma, like the rest of the README tables). */
export const seconds = (ms: number) => `${(ms / 1000).toLocaleString("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
/** bytes → "123 KB" (1 KB = 1000 bytes, like the targets). */
export const kilobytes = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString("de-DE")} KB`;
