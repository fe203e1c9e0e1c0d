import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import {
  ByteFacts,
  decoderFor,
  findHeader,
  headEncoding,
  scanUtf8,
  sniffNotText,
  splitRecordText,
  transcodeToUtf8,
  utf8CompleteLength,
} from "../../loaders/read/detect.ts";
import { CHUNK_BYTES } from "../../loaders/read/file-scan.ts";
import { requires } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "pik-detect-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string) => Buffer.from(s, "utf8");

describe("utf8CompleteLength", () => {
  it("cuts before a multi-byte sequence split by the chunk end, and only then", () => {
    const euro = bytes("€"); // E2 82 AC
    expect(utf8CompleteLength(bytes("ab"))).toBe(2);
    expect(utf8CompleteLength(Buffer.concat([bytes("ab"), euro]))).toBe(5);
    expect(utf8CompleteLength(Buffer.concat([bytes("ab"), euro.subarray(0, 2)]))).toBe(2);
    expect(utf8CompleteLength(Buffer.concat([bytes("ab"), euro.subarray(0, 1)]))).toBe(2);
    expect(utf8CompleteLength(Buffer.concat([bytes("a"), bytes("ä").subarray(0, 1)]))).toBe(1);
    expect(utf8CompleteLength(Buffer.concat([bytes("a"), bytes("😀").subarray(0, 3)]))).toBe(1);
  });
});

describe("scanUtf8", () => {
  it("accepts valid UTF-8 whose multi-byte character straddles the 16 MiB chunk boundary", async () => {
    const path = join(dir, "boundary.csv");
    const buf = Buffer.alloc(CHUNK_BYTES + 10, 0x61);
    bytes("€").copy(buf, CHUNK_BYTES - 1); // bytes CHUNK-1 .. CHUNK+1
    writeFileSync(path, buf);
    expect(await scanUtf8(path)).toBe(true);
  });

  it("rejects Windows-1252 bytes and a sequence cut off at the end of the file", async () => {
    const cp = join(dir, "cp.csv");
    writeFileSync(cp, iconv.encode("a;b\nMüller;1\n", "windows-1252"));
    expect(await scanUtf8(cp)).toBe(false);
    const cut = join(dir, "cut.csv");
    writeFileSync(cut, Buffer.concat([bytes("a;b\n"), bytes("€").subarray(0, 2)]));
    expect(await scanUtf8(cut)).toBe(false);
  });

  it("headEncoding ignores a sequence cut off by the end of the header region", () => {
    expect(headEncoding(Buffer.concat([bytes("a;ä"), bytes("€").subarray(0, 2)]))).toBe("utf-8");
    expect(headEncoding(iconv.encode("ä;a", "windows-1252"))).toBe("windows-1252");
  });
});

describe("transcodeToUtf8", () => {
  it("turns Windows-1252 into UTF-8, € and umlauts included", async () => {
    const src = join(dir, "in1252.csv");
    const dest = join(dir, "out8.csv");
    writeFileSync(src, iconv.encode("Größe;Preis\r\nÄpfel;3 €\r\n", "windows-1252"));
    await transcodeToUtf8(src, dest);
    expect(readFileSync(dest, "utf8")).toBe("Größe;Preis\r\nÄpfel;3 €\r\n");
  });
});

describe("splitRecordText", () => {
  it("splits like DuckDB: quotes only at the start of a cell (or after one space), `\"\"` escapes", () => {
    expect(splitRecordText("a;b;c", ";")).toEqual(["a", "b", "c"]);
    expect(splitRecordText('"a;b";"say ""hi""";', ";")).toEqual(["a;b", 'say "hi"', ""]);
    expect(splitRecordText('x; "q;r" ;5" Zoll', ";")).toEqual(["x", "q;r ", '5" Zoll']);
    expect(splitRecordText('x;  "q;r"', ";")).toEqual(["x", '  "q', 'r"']);
    expect(splitRecordText('"multi\nline",2', ",")).toEqual(["multi\nline", "2"]);
    expect(splitRecordText("", ";")).toEqual([""]);
  });
});

describe("findHeader", () => {
  const utf8 = decoderFor("utf-8");

  it("skips title rows and blank lines and reports line, skip and delimiter", () => {
    const head = bytes('\uFEFFBericht 2024\n\n"Stand:\n31.12.";x\nA;b;C\nrest');
    const { header } = findHeader(head, false, utf8, requires("a", "b", "c"));
    expect(header).toMatchObject({ delimiter: ";", cells: ["A", "b", "C"], line: 5, skip: 4 });
    // `end` is the file offset (BOM included) of the line break after the header.
    expect(head[header!.end]).toBe(0x0a);
    expect(head.subarray(header!.end - 5, header!.end).toString()).toBe("A;b;C");
  });

  it("finds `,` headers and matches umlauts via normalizeHeader", () => {
    const head = iconv.encode("Förderbereich,Größe\r\n1,2\r\n", "windows-1252");
    const { header } = findHeader(head, true, decoderFor("windows-1252"), requires("foerderbereich", "groesse"));
    expect(header).toMatchObject({ delimiter: ",", cells: ["Förderbereich", "Größe"], line: 1, skip: 1 });
  });

  it("ignores a cut-off last record unless the head is the whole file", () => {
    expect(findHeader(bytes("Titel\na;b;c"), false, utf8, requires("a", "b", "c")).header).toBeNull();
    expect(findHeader(bytes("Titel\na;b;c"), true, utf8, requires("a", "b", "c")).header?.line).toBe(2);
  });

  it("returns the first non-blank records as a preview when there is no header", () => {
    const { header, preview } = findHeader(bytes("\nx;y\n1;2\n3;4\n5;6\n"), true, utf8, requires("a"));
    expect(header).toBeNull();
    expect(preview).toEqual(["x;y", "1;2", "3;4"]);
  });
});

describe("sniffNotText", () => {
  it("recognizes ZIP/XLSX, XLS and NUL bytes (UTF-16 with BOM is read, see csv.test.ts)", () => {
    expect(sniffNotText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]))?.grund).toMatch(/XLSX/);
    expect(sniffNotText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]))?.grund).toMatch(/xls/);
    expect(sniffNotText(Buffer.from([0x61, 0, 0x62]))?.regel).toBe("datei_unlesbar");
    expect(sniffNotText(bytes("a;b;c\n"))).toBeNull();
  });
});

describe("ByteFacts", () => {
  /** Feeds `text` in chunks of `size` bytes; the header ends at the first line break. */
  const facts = (text: string, size = 3) => {
    const buf = bytes(text);
    const from = buf.findIndex((b) => b === 0x0a || b === 0x0d);
    const f = new ByteFacts(from);
    for (let i = 0; i < buf.length; i += size) f.feed(buf.subarray(i, i + size), i);
    return f;
  };

  it("records are lines without quotes and blank lines between data (trailing ones are fine)", () => {
    expect(facts("a;b\n1;2\n3;4\n\n\n").recordsAreLines).toBe(true);
    expect(facts("a;b\r\n1;2\r\n3;4\r\n\r\n").recordsAreLines).toBe(true);
    expect(facts("a;b\n1;2\n\n3;4\n").recordsAreLines).toBe(false);
    expect(facts("a;b\r\n\r\n1;2\r\n").recordsAreLines).toBe(false);
    expect(facts('a;b\n1;"2"\n').recordsAreLines).toBe(false);
  });

  it("tells the kind of line break, or that they are mixed, also across chunk boundaries", () => {
    for (const size of [1, 2, 3, 100]) {
      expect(facts("a;b\n1;2\n", size).lineBreak).toBe("\n");
      expect(facts("a;b\r\n1;2\r\n", size).lineBreak).toBe("\r\n");
      expect(facts("a;b\r1;2\r", size).lineBreak).toBe("\r");
      expect(facts("a;b\r\n1;2\n", size).lineBreak).toBe("mixed");
      expect(facts("a;b\n1;2\r\n", size).lineBreak).toBe("mixed");
      expect(facts("a;b\r\n1;2\r", size).lineBreak).toBe("mixed");
      expect(facts("a;b\r\n1\r2\r\n", size).lineBreak).toBe("mixed");
    }
    expect(new ByteFacts(0).lineBreak).toBeNull();
  });
});
