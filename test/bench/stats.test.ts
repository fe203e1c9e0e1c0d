import { describe, expect, it } from "vitest";
import { kilobytes, loaderRuns, median, percentile, seconds, sumTransfers } from "../../bench/stats.ts";

describe("bench statistics", () => {
  it("median of odd and even counts", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5); // (2 + 3) / 2
    expect(() => median([])).toThrow();
  });

  it("p95 by nearest rank", () => {
    const xs = Array.from({ length: 50 }, (_, i) => 50 - i); // 50 … 1, unsorted on purpose
    expect(percentile(xs, 95)).toBe(48); // ceil(0.95 · 50) = 48th smallest
    expect(percentile(xs, 50)).toBe(25); // ceil(0.5 · 50) = 25th
    expect(percentile([7], 95)).toBe(7);
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95)).toBe(19); // ceil(19.0) = 19th
    expect(() => percentile([1], 0)).toThrow();
  });

  it("sums transferred bytes per type", () => {
    const s = sumTransfers([
      { url: "http://127.0.0.1:1/mittel", encodedBytes: 1200 },
      { url: "http://127.0.0.1:1/_npm/d3@7/index.js?x=1", encodedBytes: 30_000 },
      { url: "http://127.0.0.1:1/_import/a.js", encodedBytes: 800 },
      { url: "http://127.0.0.1:1/_file/data/mittel.abc.json", encodedBytes: 5000 },
    ]);
    expect(s).toEqual({ total: 37_000, requests: 4, byType: { html: 1200, js: 30_800, json: 5000 } });
  });

  it("counts loader processes, not archive members", () => {
    const log = [
      "copy src/data/kreisprofile/08111.json → load /data/kreisprofile/08111.json → [missing] load /data/kreisprofile.zip → [missing] success",
      "copy src/data/kreisprofile/08115.json → load /data/kreisprofile/08115.json → [missing] load /data/kreisprofile.zip → [fresh] success",
      "copy src/data/meta.json → load /data/meta.json → [stale] success",
      "copy src/data/mittel.json → load /data/mittel.json → [fresh] success",
    ].join("\n");
    expect(loaderRuns(log, ["/data/kreisprofile.zip", "/data/meta.json", "/data/mittel.json"])).toEqual({
      "/data/kreisprofile.zip": 1,
      "/data/meta.json": 1,
      "/data/mittel.json": 0,
    });
  });

  it("formats", () => {
    expect(seconds(12_345)).toBe("12,3 s");
    expect(kilobytes(349_600)).toBe("350 KB");
    expect(kilobytes(1_234_567)).toBe("1.235 KB");
  });
});
