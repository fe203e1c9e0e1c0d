import { describe, expect, it } from "vitest";
import { FORMULA_TRIGGERS, needsNeutralizing, neutralize } from "../../loaders/export/neutralize.ts";
import { csvField, csvText, formatDecimalComma, kindOf, type ExportColumn } from "../../loaders/export/csv.ts";
import { numFmtFor, sheetName, xlsxString, xlsxValue } from "../../loaders/export/xlsx.ts";

const col = (name: string, sqlType: string): ExportColumn => ({ name, sqlType, ...kindOf(sqlType) });

describe("neutralize", () => {
  it("prefixes every formula trigger with a single quote", () => {
    expect(FORMULA_TRIGGERS).toEqual(["=", "+", "-", "@", "\t", "\r"]);
    expect(neutralize('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralize("+1+1")).toBe("'+1+1");
    expect(neutralize("-2+3")).toBe("'-2+3");
    expect(neutralize("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralize("\tTAB")).toBe("'\tTAB");
    expect(neutralize("\rCR")).toBe("'\rCR");
  });

  it("leaves other text alone", () => {
    for (const s of ["", "<script>alert(1)</script>", "Müller", " =1", "a=1", "'=1", "08111", "\nLF", "€ 5"]) {
      expect(needsNeutralizing(s)).toBe(false);
      expect(neutralize(s)).toBe(s);
    }
  });
});

describe("CSV fields", () => {
  it("formats decimals with a comma and exactly the scale, without thousands separator", () => {
    expect(formatDecimalComma("12345678.90", 2)).toBe("12345678,90");
    expect(formatDecimalComma("-12.5", 2)).toBe("-12,50");
    expect(formatDecimalComma("0", 2)).toBe("0,00");
    expect(formatDecimalComma("-0.0001", 4)).toBe("-0,0001");
    expect(formatDecimalComma("42", 0)).toBe("42");
    expect(() => formatDecimalComma("1.234", 2)).toThrow();
    expect(() => formatDecimalComma("1e5", 2)).toThrow();
  });

  it("never neutralises numbers, always text", () => {
    expect(csvField(col("betrag_eur", "DECIMAL(18,2)"), "-12.50")).toBe("-12,50");
    expect(csvField(col("n", "INTEGER"), "-5")).toBe("-5");
    expect(csvField(col("x", "DOUBLE"), "-1.5e-10")).toBe("-1,5e-10");
    expect(csvField(col("name", "VARCHAR"), "-12,50")).toBe(`"'-12,50"`);
    expect(csvField(col("name", "VARCHAR"), null)).toBe("");
    expect(csvField(col("name", "VARCHAR"), "")).toBe('""');
    expect(csvField(col("b", "BOOLEAN"), "true")).toBe("ja");
    expect(csvField(col("b", "BOOLEAN"), "false")).toBe("nein");
    expect(csvField(col("d", "DATE"), "2018-12-31")).toBe("2018-12-31");
  });

  it("quotes as RFC 4180", () => {
    expect(csvText('a;b "c"')).toBe('"a;b ""c"""');
    expect(csvText("a\nb")).toBe('"a\nb"');
    expect(csvText("a\rb")).toBe('"a\rb"');
    expect(csvText("x,=1+1")).toBe('"x,=1+1"');
    expect(csvText("plain")).toBe("plain");
  });
});

describe("XLSX values", () => {
  it("chooses number formats by type and name", () => {
    expect(numFmtFor(col("bewilligt_eur", "DECIMAL(18,2)"))).toBe("#,##0.00");
    expect(numFmtFor(col("bindungsquote", "DECIMAL(18,4)"))).toBe("0.0###");
    expect(numFmtFor(col("x", "DECIMAL(9,1)"))).toBe("0.0");
    expect(numFmtFor(col("einwohner", "INTEGER"))).toBe("#,##0");
    expect(numFmtFor(col("jahr", "INTEGER"))).toBe("0");
    expect(numFmtFor(col("haushaltsjahr", "INTEGER"))).toBe("0");
    expect(numFmtFor(col("zeile", "BIGINT"))).toBe("0");
    expect(numFmtFor(col("stichtag", "DATE"))).toBe("dd.mm.yyyy");
    expect(numFmtFor(col("name", "VARCHAR"))).toBeUndefined();
  });

  it("keeps numbers exact or writes them as text", () => {
    expect(xlsxValue(col("a", "DECIMAL(18,2)"), "-12.50")).toBe(-12.5);
    expect(xlsxValue(col("a", "DECIMAL(38,2)"), "123456789012345678.90")).toBe("123456789012345678.90");
    expect(xlsxValue(col("a", "HUGEINT"), "170141183460469231731687303715884105727")).toBe(
      "170141183460469231731687303715884105727",
    );
    expect(xlsxValue(col("a", "DOUBLE"), "nan")).toBe("nan");
    expect(xlsxValue(col("d", "DATE"), "2018-12-31")).toEqual(new Date(Date.UTC(2018, 11, 31)));
    expect(xlsxValue(col("d", "DATE"), "1899-12-31")).toBe("1899-12-31");
    expect(xlsxValue(col("d", "DATE"), "-infinity")).toBe("'-infinity");
    expect(xlsxValue(col("b", "BOOLEAN"), "false")).toBe("nein");
    expect(xlsxValue(col("t", "VARCHAR"), "=1+1")).toBe("'=1+1");
  });

  it("escapes what XML cannot carry as OOXML _xHHHH_", () => {
    expect(xlsxString("a\rb")).toBe("a_x000D_b");
    expect(xlsxString("a\u0001b\u007f")).toBe("a_x0001_b_x007F_");
    expect(xlsxString("x_x0041_y")).toBe("x_x005F_x0041_y");
    expect(xlsxString("tab\tlf\n")).toBe("tab\tlf\n");
    const long = xlsxString("a".repeat(40000));
    expect(long.length).toBe(32767);
    expect(long.endsWith("…")).toBe(true);
  });

  it("makes valid sheet names", () => {
    expect(sheetName("zuwendungen")).toBe("zuwendungen");
    expect(sheetName("a/b:c[d]*?\\")).toBe("a_b_c_d____");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName("''")).toBe("Tabelle1");
  });
});
