/**
 * Issue 12, reader side: files past the documented limits (loaders/read/limits.ts)
 * and files that are not regular files are refused with a finding that names
 * the file, the line and the limit – never read partly, never hung on.
 * The big inputs are generated here, in a temp folder; expected lines are
 * worked out from how the fixture is built, not from the reader's output.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { firstOverlongLine } from "../../loaders/read/guards.ts";
import { listInputFiles } from "../../loaders/read/input-folder.ts";
import { readRaw } from "../../loaders/read/index.ts";
import { MAX_COLUMNS, MAX_LINE_BYTES, MAX_XLSX_ENTRY_BYTES, MAX_XLSX_ROWS } from "../../loaders/read/limits.ts";
import { isUnreadable, type ReadResult } from "../../loaders/read/types.ts";
import { requires, useReaderContext, writeFixture } from "./helpers.ts";

const ctx = useReaderContext();
let n = 0;
const readPath = (path: string, datei: string, isHeader = requires("a", "b", "c"), personalData = false) =>
  readRaw({ path, datei, isHeader, connection: ctx.con, stageName: `lim${++n}`, personalData });

function refused(r: ReadResult) {
  expect(isUnreadable(r), "Datei abgelehnt").toBe(true);
  if (!isUnreadable(r)) throw new Error("unreachable");
  return r.finding;
}

async function rowCount(r: ReadResult): Promise<number> {
  if (isUnreadable(r)) throw new Error(r.finding.meldung);
  const reader = await ctx.con.runAndReadAll(`SELECT count(*)::INTEGER FROM ${r.relation}`);
  return Number(reader.getRows()[0]![0]);
}

describe("row length (item 3)", () => {
  it("finds the first line over the limit, for LF, CRLF and CR breaks", async () => {
    // Lines of 3, 10 and 4 bytes: with a limit of 5 the second line is the first too long.
    for (const br of ["\n", "\r\n", "\r"]) {
      const p = writeFixture(ctx, `lines-${br.length}-${br.charCodeAt(0)}.csv`, ["abc", "x".repeat(10), "abcd"].join(br));
      expect(await firstOverlongLine(p, 5)).toBe(2);
      expect(await firstOverlongLine(p, 10)).toBe(null);
    }
    // The last line, without a break after it, counts too.
    const p = writeFixture(ctx, "last.csv", "ab\ncd\nefghijk");
    expect(await firstOverlongLine(p, 5)).toBe(3);
  });

  it("refuses a file with a 40 MB row (past where DuckDB drops rows silently), naming line 2", async () => {
    const header = "a;b;c\n";
    const good = Array.from({ length: 7 }, (_, i) => `${i};x;y\n`).join("");
    const big = `1;${"z".repeat(40 * 1024 * 1024)};2\n`;
    const path = writeFixture(ctx, "big-row.csv", header + big + good);
    const f = refused(await readPath(path, "big-row.csv"));
    expect(f.regel).toBe("zeile_zu_lang");
    expect(f.zeile).toBe(2);
    expect(f.datei).toBe("big-row.csv");
    expect(f.meldung).toContain("Zeile 2");
    expect(f.meldung).toContain("1 MiB");
    expect(f.wert).toBe(null);
  });

  it("reads a row just under the limit in full", async () => {
    const cell = "z".repeat(MAX_LINE_BYTES - 10);
    const path = writeFixture(ctx, "long-ok.csv", `a;b;c\n1;${cell};2\n3;4;5\n`);
    const r = await readPath(path, "long-ok.csv");
    expect(await rowCount(r)).toBe(2);
  });
});

describe("column count (item 10)", () => {
  const headerOf = (k: number) => ["a", "b", "c", ...Array.from({ length: k - 3 }, (_, i) => `x${i}`)];

  it(`reads ${MAX_COLUMNS} columns and refuses ${MAX_COLUMNS + 1} (CSV)`, async () => {
    for (const k of [MAX_COLUMNS, MAX_COLUMNS + 1, 9000]) {
      const cols = headerOf(k);
      const path = writeFixture(ctx, `cols-${k}.csv`, `${cols.join(";")}\n${cols.map(() => "1").join(";")}\n`);
      const r = await readPath(path, `cols-${k}.csv`);
      if (k <= MAX_COLUMNS) {
        expect(await rowCount(r)).toBe(1);
      } else {
        const f = refused(r);
        expect(f.regel).toBe("spalten_zu_viele");
        expect(f.zeile).toBe(1);
        expect(f.meldung).toMatch(new RegExp(`hat (mindestens )?${k === 9000 ? "\\d+" : k} Spalten, erlaubt sind höchstens ${MAX_COLUMNS}`));
      }
    }
  });

  it(`refuses ${MAX_COLUMNS + 1} columns in an XLSX sheet`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Daten");
    const cols = headerOf(MAX_COLUMNS + 1);
    ws.addRow(["Titel"]);
    ws.addRow(cols);
    ws.addRow(cols.map(() => 1));
    const path = join(ctx.dir, "cols.xlsx");
    await wb.xlsx.writeFile(path);
    const f = refused(await readPath(path, "cols.xlsx"));
    expect(f.regel).toBe("spalten_zu_viele");
    expect(f.zeile).toBe(2);
  });
});

describe("non-regular files (item 6)", () => {
  it("refuses a symlink without quoting what it points at", async () => {
    const target = writeFixture(ctx, "secret.txt", "a;b;c\nGEHEIM;1;2\n");
    const link = join(ctx.dir, "link.csv");
    symlinkSync(target, link);
    const f = refused(await readPath(link, "link.csv"));
    expect(f.regel).toBe("datei_unlesbar");
    expect(f.meldung).toContain("symbolische Verknüpfung");
    expect(JSON.stringify(f)).not.toContain("GEHEIM");
  });

  it("refuses a FIFO named kreise.csv at once instead of hanging", async () => {
    const fifo = join(ctx.dir, "kreise.csv");
    execFileSync("mkfifo", [fifo]);
    const f = refused(await readPath(fifo, "kreise.csv"));
    expect(f.meldung).toContain("FIFO");
  }, 5_000);

  it("refuses a link to a device", async () => {
    const link = join(ctx.dir, "zero.xlsx");
    symlinkSync("/dev/zero", link);
    const f = refused(await readPath(link, "zero.xlsx"));
    expect(f.meldung).toContain("symbolische Verknüpfung");
  }, 5_000);

  it("lists table-named links, FIFOs and dangling links so that they are refused, not dropped", () => {
    const dir = join(ctx.dir, "folder");
    mkdirSync(dir);
    writeFileSync(join(dir, "haushalt.csv"), "x");
    symlinkSync("/etc/passwd", join(dir, "bewilligungen.csv"));
    symlinkSync(join(dir, "missing"), join(dir, "stellen.csv"));
    execFileSync("mkfifo", [join(dir, "kreise.csv")]);
    mkdirSync(join(dir, "geo"));
    const listing = listInputFiles(dir, ["haushalt", "bewilligungen", "stellen", "kreise"]);
    expect([...listing.files.keys()].sort()).toEqual(["bewilligungen", "haushalt", "kreise", "stellen"]);
    expect(listing.findings).toEqual([]);
  });
});

/** Rewrites a zip's central directory entry for `name` to declare `size` uncompressed bytes. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let p = out.length - 22; p >= 0; p--) {
    if (out.readUInt32LE(p) !== 0x06054b50) continue;
    let q = out.readUInt32LE(p + 16);
    while (out.readUInt32LE(q) === 0x02014b50) {
      const nameLength = out.readUInt16LE(q + 28);
      if (out.toString("utf8", q + 46, q + 46 + nameLength) === name) {
        out.writeUInt32LE(size, q + 24);
        return out;
      }
      q += 46 + nameLength + out.readUInt16LE(q + 30) + out.readUInt16LE(q + 32);
    }
  }
  throw new Error(`${name} not in zip`);
}

describe("XLSX zip bombs (item 11)", () => {
  async function smallWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Daten");
    ws.addRow(["a", "b", "c"]);
    ws.addRow([1, 2, 3]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("reads the unpatched workbook (the fixture is valid)", async () => {
    const path = writeFixture(ctx, "ok.xlsx", await smallWorkbook());
    expect(await rowCount(await readPath(path, "ok.xlsx"))).toBe(1);
  });

  it("refuses a member declaring more than the per-member limit, naming the limit", async () => {
    const bomb = declareSize(await smallWorkbook(), "xl/worksheets/sheet1.xml", MAX_XLSX_ENTRY_BYTES + 1);
    const path = writeFixture(ctx, "bomb.xlsx", bomb);
    const f = refused(await readPath(path, "bomb.xlsx"));
    expect(f.regel).toBe("datei_zu_gross");
    expect(f.meldung).toContain("xl/worksheets/sheet1.xml");
    expect(f.meldung).toContain("höchstens 256 MiB je Bestandteil");
    expect(f.meldung).not.toContain("ZIP-Archiv beschädigt");
  });

  it("refuses an archive whose members together declare more than the total limit", async () => {
    // Three members of 200 MiB each (under the per-member limit): 600 MiB unpacked in all.
    const zip = await JSZip.loadAsync(await smallWorkbook());
    for (const i of [1, 2, 3]) zip.file(`xl/media/pad${i}.bin`, "0");
    let bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    for (const i of [1, 2, 3]) bytes = declareSize(bytes, `xl/media/pad${i}.bin`, 200 * 1024 * 1024);
    const path = writeFixture(ctx, "bomb-total.xlsx", bytes);
    const f = refused(await readPath(path, "bomb-total.xlsx"));
    expect(f.meldung).toMatch(/entpackt 600(,0\d*)? MiB groß; erlaubt sind höchstens 512 MiB/);
  });

  it("refuses a sheet declaring more rows than Excel allows", async () => {
    const zip = await JSZip.loadAsync(await smallWorkbook());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<dimension ref="A1:C2"\/>/);
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<dimension ref="A1:C2"\/>/, `<dimension ref="A1:C${MAX_XLSX_ROWS + 5}"/>`));
    const path = writeFixture(ctx, "rows.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const f = refused(await readPath(path, "rows.xlsx"));
    expect(f.meldung).toContain(`${MAX_XLSX_ROWS + 5} Zeilen; erlaubt sind höchstens ${MAX_XLSX_ROWS}`);
  });
});

describe("malformed rows of files with personal data (item 5)", () => {
  const isHeader = requires("a", "b", "name");
  it("carry no raw line: neither for a wrong field count nor an unclosed quote", async () => {
    const text = 'a;b;name\n1;2;Max Fiktiv\n3;4;Erika Muster;extra\n5;6;"Paul Testmann\n';
    const path = writeFixture(ctx, "stellen-bad.csv", text);
    const r = await readPath(path, "stellen-bad.csv", isHeader, true);
    if (isUnreadable(r)) throw new Error(r.finding.meldung);
    await ctx.con.run(`CREATE TEMP TABLE pers_${n} AS SELECT * FROM ${r.relation}`);
    const bad = await r.malformed();
    expect(bad.map((f) => [f.zeile, f.regel])).toEqual([
      [3, "zeile_spaltenzahl"],
      [4, "zeile_unlesbar"],
    ]);
    expect(bad[0]!.meldung).toBe("Zeile hat 4 statt 3 Felder.");
    for (const f of bad) expect(f.wert).toBe(null);
    expect(JSON.stringify(bad)).not.toMatch(/Erika|Paul|Max/);
    await r.dispose();
    // Without personal data the raw line stays, as a help to find the row.
    const plain = await readPath(path, "plain-bad.csv", isHeader, false);
    if (isUnreadable(plain)) throw new Error(plain.finding.meldung);
    await ctx.con.run(`CREATE TEMP TABLE plain_${n} AS SELECT * FROM ${plain.relation}`);
    expect((await plain.malformed())[0]!.wert).toBe("3;4;Erika Muster;extra");
    await plain.dispose();
  });

  it("show no first lines when no header is found", async () => {
    const path = writeFixture(ctx, "stellen-nohead.csv", "x;y\nMax Fiktiv;1\n");
    const f = refused(await readPath(path, "stellen-nohead.csv", isHeader, true));
    expect(f.regel).toBe("kopfzeile_fehlt");
    expect(f.meldung).not.toContain("Max");
    expect(readFileSync(path, "utf8")).toContain("Max");
  });
});
