/**
 * The shareable workbooks written by `npm run build:workbooks` (scripts/build-workbooks.ts),
 * re-read with exceljs: the formulas with the right names, the cached values HyperFormula
 * computed, percent formats, input cells styled as inputs; the XML of the dynamic arrays as
 * Excel 365 stores them; the snapshot workbook (values only, with its stamp); and LibreOffice
 * opening them.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { modelSheet, renderFormula } from "../../../src/model/modelSheet";
import { CELL_LOOKS } from "../../../src/model/styles";
import { CHAIN_INPUT_PARAMS } from "../../../src/catalog/scenarios";
import { CHAIN_DEFAULTS, CHAIN_STEPS, type ChainInputs } from "../../../src/core/scenarios/chain";
import { SNAPSHOT_FILE, WORKBOOK_FILES, storedFormula } from "../../../src/hosts/hyperformula/xlsx";
import { CURRENT_CALC_ID, DYNAMIC_ARRAY_EXTENSION } from "../../../src/hosts/hyperformula/dynamicArrays";
import { parseA1, toA1 } from "../../../src/hosts/hyperformula/workbook";
import { SNAPSHOT_ROWS_ABOVE, snapshotSheetName } from "../../../src/model/snapshot";
import { VERSION } from "../../../src/version";
import { findSoffice, requireTool, runTsx, sofficeCsv } from "../../helpers/tools";
import { type XmlElement, descendants, readXlsxPart } from "../../helpers/xlsx";

const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-workbooks-"));
const model = modelSheet();
const books: Record<"excel" | "sheets", ExcelJS.Worksheet> = {} as never;
let snapshot: ExcelJS.Worksheet;
let buildOutput = "";
let builtFrom = 0;
let builtTo = 0;

beforeAll(async () => {
  builtFrom = Date.now();
  const run = runTsx("scripts/build-workbooks.ts", ["--out", tmp]);
  builtTo = Date.now();
  buildOutput = run.stdout + run.stderr;
  if (run.code !== 0) throw new Error(`build-workbooks failed:\n${buildOutput}`);
  for (const host of ["excel", "sheets"] as const) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp, WORKBOOK_FILES[host]));
    books[host] = wb.getWorksheet(model.name)!;
  }
  const snap = new ExcelJS.Workbook();
  await snap.xlsx.readFile(join(tmp, SNAPSHOT_FILE));
  expect(snap.worksheets.length).toBe(1);
  snapshot = snap.worksheets[0];
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type FormulaCell = { formula?: string; result?: unknown; shareType?: string; ref?: string };
const formulaOf = (ws: ExcelJS.Worksheet, ref: string) => ws.getCell(ref).value as FormulaCell;

/** A CHAIN cell by step and column (1 before, 2 after, 3 change). */
const chainCell = (ws: ExcelJS.Worksheet, step: (typeof CHAIN_STEPS)[number], column: 1 | 2 | 3) => {
  const { row, col } = parseA1(model.refs.chain.split(":")[0]);
  return ws.getCell(toA1(row + 1 + CHAIN_STEPS.indexOf(step), col + column)).value;
};

describe("npm run build:workbooks refuses a bad command line in one line, exit 2", () => {
  for (const [args, message] of [
    [["--out"], "build:workbooks: --out needs a value (usage: npm run build:workbooks -- [--out DIR])"],
    [["--out", "--force"], "build:workbooks: --out needs a value (usage: npm run build:workbooks -- [--out DIR])"],
    [["--outdir", "x"], "build:workbooks: unknown option --outdir (usage: npm run build:workbooks -- [--out DIR])"],
    [["books"], 'build:workbooks: unexpected argument "books" (usage: npm run build:workbooks -- [--out DIR])'],
  ] as const) {
    it(args.join(" "), () => {
      const r = runTsx("scripts/build-workbooks.ts", [...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(message);
      expect(r.stdout).toBe("");
    });
  }
});

describe("the workbooks are written", () => {
  it("the three files, by the build script", () => {
    expect(buildOutput).toContain(WORKBOOK_FILES.excel);
    expect(buildOutput).toContain(WORKBOOK_FILES.sheets);
    expect(buildOutput).toContain(SNAPSHOT_FILE);
    expect(readFileSync(join(tmp, WORKBOOK_FILES.excel)).subarray(0, 2).toString()).toBe("PK"); // a zip (OOXML)
  });
});

describe("formulas carry each host's function names", () => {
  const formulas = model.cells.filter((c) => c.formula !== undefined);

  it("Excel: the JPUST namespace, stored the way Excel stores add-in functions (_xldudf_JPUST_…)", () => {
    for (const c of formulas) {
      const f = formulaOf(books.excel, c.ref).formula!;
      // Display form =JPUST.CHAIN(...) (docs/functions.md: the namespace JPUST) ↔ file form _xldudf_JPUST_CHAIN(...).
      expect(`=${f.replace(/_xldudf_JPUST_/g, "JPUST.")}`, c.ref).toBe(renderFormula(c.formula!, "JPUST."));
    }
    expect(formulaOf(books.excel, "E5").formula).toBe("_xldudf_JPUST_CHAIN(A5:B26)");
  });

  it("Sheets: the plain names", () => {
    for (const c of formulas) expect(`=${formulaOf(books.sheets, c.ref).formula}`, c.ref).toBe(renderFormula(c.formula!, ""));
    expect(formulaOf(books.sheets, "E5").formula).toBe("CHAIN(A5:B26)");
  });

  it("each spilled table is an array formula over exactly its block", () => {
    for (const ws of [books.excel, books.sheets]) {
      for (const s of model.spills) {
        const f = formulaOf(ws, s.anchor);
        const { row, col } = parseA1(s.anchor);
        expect(f.shareType, s.fn).toBe("array");
        expect(f.ref, s.fn).toBe(`${s.anchor}:${toA1(row + s.rows - 1, col + s.cols - 1)}`);
        expect(f.formula, s.fn).toMatch(new RegExp(`${s.fn}\\(`));
      }
    }
  });
});

/** The only element named `name` under `root` (a failure when there are none or several). */
function only(root: XmlElement, name: string): XmlElement {
  const found = descendants(root, name);
  expect(found.length, `<${name}> elements`).toBe(1);
  return found[0];
}

describe("spills are stored as Excel 365 dynamic arrays ([MS-XLSX] dynamic-array cell metadata)", () => {
  for (const host of ["excel", "sheets"] as const) {
    const file = () => join(tmp, WORKBOOK_FILES[host]);

    it(`${host}: xl/metadata.xml declares XLDAPR with fDynamic=1, and its one cell-metadata record points at it`, async () => {
      const meta = await readXlsxPart(file(), "xl/metadata.xml");
      const types = descendants(meta, "metadataType");
      const xldapr = types.findIndex((t) => t.attrs.name === "XLDAPR");
      expect(xldapr).toBeGreaterThanOrEqual(0);
      const future = only(meta, "futureMetadata");
      expect(future.attrs.name).toBe("XLDAPR");
      expect(only(future, "ext").attrs.uri).toBe(DYNAMIC_ARRAY_EXTENSION);
      const props = only(future, "xda:dynamicArrayProperties");
      expect(props.attrs.fDynamic).toBe("1");
      expect(props.attrs.fCollapsed).toBe("0");
      expect(meta.attrs["xmlns:xda"]).toBe("http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray");
      // rc/@t is 1-based into metadataTypes, rc/@v 0-based into the XLDAPR future-metadata blocks.
      const rc = only(only(meta, "cellMetadata"), "rc");
      expect(rc.attrs).toEqual({ t: String(xldapr + 1), v: "0" });
    });

    it(`${host}: the part is registered in [Content_Types].xml and the workbook's relationships`, async () => {
      const types = await readXlsxPart(file(), "[Content_Types].xml");
      expect(descendants(types, "Override").find((o) => o.attrs.PartName === "/xl/metadata.xml")?.attrs.ContentType).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
      );
      const rels = await readXlsxPart(file(), "xl/_rels/workbook.xml.rels");
      const rel = descendants(rels, "Relationship").find((r) => r.attrs.Target === "metadata.xml");
      expect(rel?.attrs.Type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata");
      const ids = descendants(rels, "Relationship").map((r) => r.attrs.Id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it(`${host}: each spill anchor has cm="1" on an array formula over exactly its block; every covered cell has a cached value`, async () => {
      const sheet = await readXlsxPart(file(), "xl/worksheets/sheet1.xml");
      const cells = new Map(descendants(sheet, "c").map((c) => [c.attrs.r, c]));
      for (const s of model.spills) {
        const anchor = cells.get(s.anchor)!;
        expect(anchor.attrs.cm, s.fn).toBe("1");
        const { row, col } = parseA1(s.anchor);
        const f = only(anchor, "f");
        expect(f.attrs).toEqual({ t: "array", ref: `${s.anchor}:${toA1(row + s.rows - 1, col + s.cols - 1)}` });
        for (let r = 0; r < s.rows; r++) {
          for (let c = 0; c < s.cols; c++) {
            const ref = toA1(row + r, col + c);
            const cell = cells.get(ref);
            expect(cell, `${s.fn} ${ref} is written`).toBeDefined();
            expect(descendants(cell!, "v").length, `${s.fn} ${ref} has a cached value`).toBe(1);
            if (r || c) expect(descendants(cell!, "f"), `${ref} is a spilled cell, not a formula`).toEqual([]);
          }
        }
      }
      // No other cell is marked, and no legacy (unmarked) array formula is left.
      const marked = [...cells.values()].filter((c) => c.attrs.cm !== undefined).map((c) => c.attrs.r);
      expect(marked.sort()).toEqual(model.spills.map((s) => s.anchor).sort());
      const arrays = descendants(sheet, "f").filter((f) => f.attrs.t === "array");
      expect(arrays.length).toBe(model.spills.length);
    });

    it(`${host}: calcId is current Excel's (${CURRENT_CALC_ID}), so Excel shows the cached values instead of recalculating on open`, async () => {
      // 191029: the calcPr/@calcId of files saved by Excel 2019 and Microsoft 365; exceljs writes 171027 (Excel 2016).
      const wb = await readXlsxPart(file(), "xl/workbook.xml");
      expect(only(wb, "calcPr").attrs.calcId).toBe("191029");
    });
  }
});

describe("built-in functions are stored the way Excel stores them", () => {
  // [MS-XLSX] 2.2.2 Formulas: functions added after Excel 2007 carry `_xlfn.` (FILTER and SORT
  // `_xlfn._xlws.`), a spill reference `A1#` is `_xlfn.ANCHORARRAY(A1)`; classic functions as typed.
  it("prefixes newer functions and spill references, leaves classic ones and string literals alone", () => {
    expect(storedFormula("=SEQUENCE(3)", "excel")).toBe("_xlfn.SEQUENCE(3)");
    expect(storedFormula("=FILTER(A1:A3, B1:B3>0)", "excel")).toBe("_xlfn._xlws.FILTER(A1:A3, B1:B3>0)");
    expect(storedFormula("=SUM(E5#)", "excel")).toBe("SUM(_xlfn.ANCHORARRAY(E5))");
    expect(storedFormula("=INDEX(E5:H18, 5, 3)", "excel")).toBe("INDEX(E5:H18, 5, 3)");
    expect(storedFormula('={{FRED}}("A1#")', "excel")).toBe('_xldudf_JPUST_FRED("A1#")');
    expect(storedFormula('={{FRED}}("A1#")', "sheets")).toBe('FRED("A1#")');
  });

  it("refuses a function whose stored form nobody checked", () => {
    expect(() => storedFormula("=LET(x, 1, x)", "excel")).toThrow(/LET/);
  });
});

describe("the snapshot workbook: the model as values, with its stamp", () => {
  it("one sheet named after the model, no formula in any cell", () => {
    expect(snapshot.name).toBe(snapshotSheetName(model.name));
    snapshot.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula, cell.address).toBeFalsy();
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
  });

  it(`every cell holds the live workbook's cached value (or value) ${SNAPSHOT_ROWS_ABOVE} rows lower, with its number format`, () => {
    let compared = 0;
    books.excel.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as FormulaCell | ExcelJS.CellValue;
        const expected = v !== null && typeof v === "object" && "formula" in v ? v.result : v;
        const copy = snapshot.getCell(r + SNAPSHOT_ROWS_ABOVE, c);
        // A blank result (a table's empty header cell) reads back as undefined, null or "".
        const blankAsNull = (x: unknown) => (x === undefined || x === "" ? null : x);
        expect(blankAsNull(copy.value), cell.address).toEqual(blankAsNull(expected));
        expect(copy.numFmt, cell.address).toBe(cell.numFmt);
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(model.cells.length);
    // The note's numbers survive (note §3.2: hedged UST 0.30% → 0.80%; CHAIN's example: US 10y after 4.60%).
    const chain = parseA1(model.refs.chain.split(":")[0]);
    // 1-based row/column of a CHAIN cell in the snapshot; column 1 before, 2 after, 3 change.
    const at = (step: (typeof CHAIN_STEPS)[number], column: 1 | 2 | 3) => snapshot.getCell(chain.row + 2 + CHAIN_STEPS.indexOf(step) + SNAPSHOT_ROWS_ABOVE, chain.col + 1 + column).value;
    expect(at("hedged_ust", 1)).toBeCloseTo(0.003, 15);
    expect(at("hedged_ust", 2)).toBeCloseTo(0.008, 15);
    expect(at("us_10y", 2)).toBeCloseTo(0.046, 15);
  });

  it("the stamp names the model, the version and the time the values were computed", () => {
    const stamp = String(snapshot.getCell("A1").value);
    expect(stamp).toContain(`"${model.name}"`);
    expect(stamp).toContain(`marginal-bid ${VERSION}`);
    const m = /as of (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec(stamp);
    expect(m, stamp).not.toBeNull();
    const at = Date.parse(`${m![1].replace(" ", "T")}:00Z`);
    expect(at).toBeGreaterThanOrEqual(Math.floor(builtFrom / 60_000) * 60_000);
    expect(at).toBeLessThanOrEqual(builtTo);
    expect(snapshot.getCell("A2").value).toBeNull();
  });

  it("keeps the column widths and freezes the stamp with the model's frozen rows", () => {
    for (const [letter, width] of Object.entries(model.columnWidths)) expect(snapshot.getColumn(letter).width, letter).toBe(width);
    expect((snapshot.views[0] as ExcelJS.WorksheetViewFrozen).ySplit).toBe(3 + SNAPSHOT_ROWS_ABOVE);
  });
});

describe("cached values: the numbers show before the add-in loads", () => {
  for (const host of ["excel", "sheets"] as const) {
    it(`${host}: CHAIN's block holds the note's numbers`, () => {
      const ws = books[host];
      expect(formulaOf(ws, "E5").result).toBe("step");
      // The note's inputs: hedged UST 0.30% → 0.80% (§3.2), buying 75 → 37.5 and +0.30% of term premium
      // (§3.3), US 10y 4.60% and A → B (CHAIN's example, docs/functions.md), holdings 1130·(−8·0.30%) = −27.12
      // (HOLDINGS_LOSS's example), Korean 10y 0.5·30bp (§4.2).
      expect(chainCell(ws, "hedged_ust", 1)).toBeCloseTo(0.003, 15);
      expect(chainCell(ws, "hedged_ust", 2)).toBeCloseTo(0.008, 15);
      expect(chainCell(ws, "japan_buying_bn", 2)).toBe(37.5);
      expect(chainCell(ws, "term_premium_change", 3)).toBeCloseTo(0.003, 15);
      expect(chainCell(ws, "us_10y", 2)).toBeCloseTo(0.046, 15);
      expect(chainCell(ws, "scenario", 1)).toBe("A");
      expect(chainCell(ws, "scenario", 2)).toBe("B");
      expect(chainCell(ws, "holdings_mtm_bn", 3)).toBeCloseTo(-27.12, 12);
      expect(chainCell(ws, "pe_change_growth", 3)).toBeCloseTo(0.018 / 0.021 - 1, 13); // Gordon, r 8.3%, g 6.5%
      expect(chainCell(ws, "pe_change_value", 3)).toBeCloseTo(0.053 / 0.056 - 1, 13); // Gordon, r 8.3%, g 3%
      expect(chainCell(ws, "kr_10y_change", 3)).toBeCloseTo(0.0015, 15);
      // Change-only rows keep blank before/after cells (docs/functions.md, CHAIN_COMPARE names them).
      expect(chainCell(ws, "holdings_mtm_bn", 1)).toBe("");
    });

    it(`${host}: ordinary formulas and the other tables hold their values`, () => {
      const ws = books[host];
      const h = model.refs.headlines;
      expect(formulaOf(ws, h["US 10y after"]).result).toBeCloseTo(0.046, 15); // CHAIN's example, docs/functions.md
      expect(formulaOf(ws, h["scenario after"]).result).toBe("B"); // CHAIN's example, docs/functions.md
      // BOJ_HIKE hedged_ust after 0.80% (note §3.2): row 5 of the block, column 3.
      const boj = parseA1(model.refs.bojHike.split(":")[0]);
      expect(ws.getCell(toA1(boj.row + 4, boj.col + 2)).value).toBeCloseTo(0.008, 15);
      // TP_IMPACT_TABLE "central" 20bp × 37.5/100 = 0.075% (the TP_IMPACT presets, docs/functions.md).
      const tp = parseA1(model.refs.tpTable.split(":")[0]);
      const central = [1, 2, 3, 4, 5].map((r) => toA1(tp.row + r, tp.col)).find((ref) => ws.getCell(ref).value === "central")!;
      expect(ws.getCell(toA1(parseA1(central).row, tp.col + 2)).value).toBeCloseTo(0.00075, 15);
    });
  }
});

describe("formats and input styling", () => {
  it("rates are formatted as percents, the CHAIN rate rows too", () => {
    const ws = books.excel;
    const us = parseA1(model.refs.chain.split(":")[0]);
    const usRow = us.row + 1 + CHAIN_STEPS.indexOf("us_10y");
    expect(ws.getCell(toA1(usRow, us.col + 2)).numFmt).toBe("0.00%");
    for (const p of CHAIN_INPUT_PARAMS.filter((q) => q.kind === "rate")) {
      const label = model.cells.find((c) => c.value === p.name && c.ref.startsWith("A"))!;
      expect(ws.getCell(`B${label.ref.slice(1)}`).numFmt, p.name).toBe("0.00%");
    }
  });

  it("every input cell holds the note's value and is styled as an input: the one look of src/model/styles.ts", () => {
    // CELL_LOOKS.input, blue #0000FF on light yellow #FFF2CC, as exceljs stores colours (ARGB)
    const fill = `FF${CELL_LOOKS.input.fill!.slice(1)}`;
    const font = `FF${CELL_LOOKS.input.fontColor!.slice(1)}`;
    for (const ws of [books.excel, books.sheets]) {
      for (const p of CHAIN_INPUT_PARAMS) {
        const label = model.cells.find((c) => c.value === p.name && c.ref.startsWith("A"))!;
        const cell = ws.getCell(`B${label.ref.slice(1)}`);
        const dflt = CHAIN_DEFAULTS[p.name as keyof ChainInputs];
        expect(cell.value, p.name).toBe(dflt === "" ? null : dflt); // CHAIN_INPUTS; bid_elasticity_bn blank: off
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, p.name).toBe(fill);
        expect(cell.font?.color?.argb, p.name).toBe(font);
      }
      // An output is not styled as an input.
      expect((ws.getCell("E5").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(fill);
    }
  });

  it("the scenarios and sensitivity blocks hold their cached values (the chart itself cannot be stored by exceljs)", () => {
    for (const ws of [books.excel, books.sheets]) {
      // CHAIN_COMPARE: the lifer of the worked example (docs/functions.md, CHAIN) ends at a US 10y of 4.70%
      const cmp = parseA1(model.refs.compare.split(":")[0]);
      expect(ws.getCell(toA1(cmp.row, cmp.col + 1)).value).toBe("lifer hedges 60%");
      expect(ws.getCell(toA1(cmp.row + 1 + CHAIN_STEPS.indexOf("us_10y"), cmp.col + 1)).value).toBeCloseTo(0.047, 15);
      // CHAIN_SENSITIVITY: hike_bp 200 on the lifer, 4.30% + 2·0.4·200bp = 5.90%
      const s = parseA1(model.refs.sensitivity.split(":")[0]);
      expect(ws.getCell(toA1(s.row + 9, s.col)).value).toBe(200);
      expect(ws.getCell(toA1(s.row + 9, s.col + 5)).value).toBeCloseTo(0.059, 15);
    }
  });
});

describe("a real spreadsheet application opens the file", () => {
  it("LibreOffice Calc reads the Excel workbook and shows the cached values of its formulas", (ctx) => {
    const soffice = requireTool(findSoffice(), ctx);
    const csv = sofficeCsv(soffice, join(tmp, WORKBOOK_FILES.excel), tmp).split("\n");
    // LibreOffice does not know the add-in's functions (it recalculates those cells to #NAME?),
    // but keeps the cached values of ordinary formulas, here INDEX over the CHAIN block:
    // US 10y after 4.60% and scenario B (CHAIN's example, docs/functions.md).
    expect(csv.find((l) => l.startsWith("US 10y after,"))).toMatch(/^US 10y after,4\.60?%/);
    expect(csv.find((l) => l.startsWith("scenario after,"))).toMatch(/^scenario after,B,/);
    // The inputs, as stored.
    expect(csv.find((l) => l.startsWith("hike_bp,"))).toMatch(/^hike_bp,50,/);
  });

  it("LibreOffice Calc reads the snapshot: the tables show numbers, not #NAME?", (ctx) => {
    const soffice = requireTool(findSoffice(), ctx);
    const csv = sofficeCsv(soffice, join(tmp, SNAPSHOT_FILE), tmp);
    expect(csv).not.toContain("#NAME?");
    expect(csv.split("\n")[0]).toContain(`computed by marginal-bid ${VERSION}`);
    // The CHAIN rows, as LibreOffice displays the copied 0.00% formats (the note's inputs, as above).
    expect(csv).toMatch(/,hedged_ust,0\.30?%,0\.80?%,0\.50?%,/);
    expect(csv).toMatch(/,us_10y,4\.30?%,4\.60?%,0\.30?%,/);
  });
});
