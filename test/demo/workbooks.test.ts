/**
 * The shareable workbooks written by `npm run build:workbooks` (scripts/build-workbooks.ts),
 * re-read with exceljs: the formulas with the right names, the cached values HyperFormula
 * computed, percent formats, input cells styled as inputs.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { modelSheet, renderFormula } from "../../src/model/modelSheet";
import { CELL_LOOKS } from "../../src/model/styles";
import { CHAIN_INPUT_PARAMS } from "../../src/catalog/scenarios";
import { CHAIN_DEFAULTS, CHAIN_STEPS, type ChainInputs } from "../../src/core/scenarios/chain";
import { WORKBOOK_FILES } from "../../src/hosts/hyperformula/xlsx";
import { parseA1, toA1 } from "../../src/hosts/hyperformula/workbook";
import { findSoffice, requireTool, runTsx, sofficeCsv } from "./tools";

const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-workbooks-"));
const model = modelSheet();
const books: Record<"excel" | "sheets", ExcelJS.Worksheet> = {} as never;
let buildOutput = "";

beforeAll(async () => {
  const run = runTsx("scripts/build-workbooks.ts", ["--out", tmp]);
  buildOutput = run.stdout + run.stderr;
  if (run.code !== 0) throw new Error(`build-workbooks failed:\n${buildOutput}`);
  for (const host of ["excel", "sheets"] as const) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp, WORKBOOK_FILES[host]));
    books[host] = wb.getWorksheet(model.name)!;
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type FormulaCell = { formula?: string; result?: unknown; shareType?: string; ref?: string };
const formulaOf = (ws: ExcelJS.Worksheet, ref: string) => ws.getCell(ref).value as FormulaCell;

/** A CHAIN cell by step and column (1 before, 2 after, 3 change). */
const chainCell = (ws: ExcelJS.Worksheet, step: (typeof CHAIN_STEPS)[number], column: 1 | 2 | 3) => {
  const { row, col } = parseA1(model.refs.chain.split(":")[0]);
  return ws.getCell(toA1(row + 1 + CHAIN_STEPS.indexOf(step), col + column)).value;
};

describe("the workbooks are written", () => {
  it("both files, by the build script", () => {
    expect(buildOutput).toContain(WORKBOOK_FILES.excel);
    expect(buildOutput).toContain(WORKBOOK_FILES.sheets);
    expect(readFileSync(join(tmp, WORKBOOK_FILES.excel)).subarray(0, 2).toString()).toBe("PK"); // a zip (OOXML)
  });
});

describe("formulas carry each host's function names", () => {
  const formulas = model.cells.filter((c) => c.formula !== undefined);

  it("Excel: the JPUST namespace, stored the way Excel stores add-in functions (_xldudf_JPUST_…)", () => {
    for (const c of formulas) {
      const f = formulaOf(books.excel, c.ref).formula!;
      // Display form =JPUST.CHAIN(...) (SPEC: namespace JPUST) ↔ file form _xldudf_JPUST_CHAIN(...).
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

describe("cached values: the numbers show before the add-in loads", () => {
  for (const host of ["excel", "sheets"] as const) {
    it(`${host}: CHAIN's block holds the SPEC's numbers`, () => {
      const ws = books[host];
      expect(formulaOf(ws, "E5").result).toBe("step");
      // SPEC CHAIN with the note's inputs.
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
      // Change-only rows keep blank before/after cells (SPEC CHAIN).
      expect(chainCell(ws, "holdings_mtm_bn", 1)).toBe("");
    });

    it(`${host}: ordinary formulas and the other tables hold their values`, () => {
      const ws = books[host];
      const h = model.refs.headlines;
      expect(formulaOf(ws, h["US 10y after"]).result).toBeCloseTo(0.046, 15); // SPEC CHAIN
      expect(formulaOf(ws, h["scenario after"]).result).toBe("B"); // SPEC CHAIN
      // BOJ_HIKE hedged_ust after 0.80% (note §3.2): row 5 of the block, column 3.
      const boj = parseA1(model.refs.bojHike.split(":")[0]);
      expect(ws.getCell(toA1(boj.row + 4, boj.col + 2)).value).toBeCloseTo(0.008, 15);
      // TP_IMPACT_TABLE "central" 20bp × 37.5/100 = 0.075% (SPEC TP_IMPACT presets).
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
    // US 10y after 4.60% and scenario B (SPEC CHAIN).
    expect(csv.find((l) => l.startsWith("US 10y after,"))).toMatch(/^US 10y after,4\.60?%/);
    expect(csv.find((l) => l.startsWith("scenario after,"))).toMatch(/^scenario after,B,/);
    // The inputs, as stored.
    expect(csv.find((l) => l.startsWith("hike_bp,"))).toMatch(/^hike_bp,50,/);
  });
});
