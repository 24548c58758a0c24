/**
 * THE model sheet (src/model/modelSheet.ts) loaded into HyperFormula: the same cells, the
 * same formulas (rendered with no prefix, as in Sheets) and the same spilled tables that the
 * Excel task pane and the Sheets menu insert, recalculated by a real spreadsheet engine.
 * Used by `npm run demo`, the tests and the workbook build (cached values).
 */
import type { CellValue, HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { type ModelSheet, modelSheet, renderFormula } from "../../model/modelSheet";
import { CHAIN_INPUT_PARAMS } from "../../catalog/scenarios";
import { createEngine } from "./plugin";
import { parseA1, parseRange } from "../../model/a1";

export type { CellValue } from "hyperformula";

/** The model sheet, live in HyperFormula. */
export interface ModelWorkbook {
  readonly hf: HyperFormula;
  readonly sheetId: number;
  readonly model: ModelSheet;
  /** The value of one cell, e.g. `value("B5")`. */
  value(ref: string): CellValue;
  /** The values of a range, rows of cells, e.g. `values("E5:H18")`. */
  values(range: string): CellValue[][];
  /** The formula of a cell as HyperFormula holds it (no prefix), or undefined. */
  formula(ref: string): string | undefined;
  /** The input cell of a CHAIN input, e.g. `inputRef("hike_bp")` → `"B5"`. */
  inputRef(name: string): string;
  /** Put a value in a CHAIN input cell and recalculate. */
  setInput(name: string, value: number | string): void;
  /** Put raw contents (a value or a formula) in any cell and recalculate. */
  setCell(ref: string, content: RawCellContent): void;
  /** The transmission table CHAIN spills, header included. */
  chain(): CellValue[][];
  /**
   * Evaluate a formula outside the model, on a scratch sheet, and return the block it spills.
   * `{{SHEET}}` in the formula stands for the model sheet's quoted name (`'marginal-bid model'!A5:B26`).
   */
  spill(formula: string): CellValue[][];
  /** Every value of the sheet, rows from A1 (what the workbook build stores as cached values). */
  allValues(): CellValue[][];
  destroy(): void;
}

/** Text stays text: HyperFormula would read "4.5%", "TRUE", a date or "=…" as something else. */
const textContent = (s: string): string => `'${s}`;

/** The model's cells as HyperFormula's raw contents, formulas in HyperFormula's (Sheets') spelling. */
export function modelContents(model: ModelSheet = modelSheet()): { ref: string; content: RawCellContent }[] {
  return model.cells.map((c) => {
    if (c.formula !== undefined) return { ref: c.ref, content: renderFormula(c.formula, "") };
    const v = c.value;
    return { ref: c.ref, content: typeof v === "string" ? textContent(v) : (v ?? null) };
  });
}

export { parseA1, parseRange, toA1 } from "../../model/a1";

/**
 * Load the model sheet into a fresh HyperFormula instance. `inputs` (CHAIN input names →
 * values) replace the note's defaults before the first recalculation is read.
 */
export function loadModelWorkbook(inputs: Record<string, number | string> = {}): ModelWorkbook {
  const model = modelSheet();
  const contents = modelContents(model);
  const grid: RawCellContent[][] = [];
  for (const { ref, content } of contents) {
    const { row, col } = parseA1(ref);
    while (grid.length <= row) grid.push([]);
    const line = grid[row];
    while (line.length < col) line.push(null);
    line[col] = content;
  }
  const hf = createEngine({ [model.name]: grid });
  const sheetId = hf.getSheetId(model.name)!;
  const at = (ref: string): SimpleCellAddress => ({ sheet: sheetId, ...parseA1(ref) });

  const inputRefs = new Map(
    CHAIN_INPUT_PARAMS.map((p) => {
      const cell = model.cells.find((c) => c.value === p.name && c.ref.startsWith("A"));
      if (!cell) throw new Error(`model sheet has no input row for ${p.name}`);
      return [p.name, `B${cell.ref.slice(1)}`] as const;
    }),
  );
  const inputRef = (name: string) => {
    const ref = inputRefs.get(name);
    if (!ref) throw new Error(`unknown CHAIN input ${name}`);
    return ref;
  };

  const values = (range: string): CellValue[][] => {
    const { start, end } = parseRange(range);
    return hf.getRangeValues({ start: { sheet: sheetId, ...start }, end: { sheet: sheetId, ...end } });
  };

  const wb: ModelWorkbook = {
    hf,
    sheetId,
    model,
    value: (ref) => hf.getCellValue(at(ref)),
    values,
    formula: (ref) => hf.getCellFormula(at(ref)),
    inputRef,
    setInput: (name, value) => {
      hf.setCellContents(at(inputRef(name)), [[typeof value === "string" ? textContent(value) : value]]);
    },
    setCell: (ref, content) => {
      hf.setCellContents(at(ref), [[content]]);
    },
    chain: () => values(model.refs.chain),
    spill: (formula) => {
      const id = hf.getSheetId(hf.addSheet())!;
      try {
        hf.setCellContents({ sheet: id, row: 0, col: 0 }, [[formula.replace(/\{\{SHEET\}\}/g, `'${model.name}'`)]]);
        return hf.getSheetValues(id);
      } finally {
        hf.removeSheet(id);
      }
    },
    allValues: () => hf.getSheetValues(sheetId),
    destroy: () => hf.destroy(),
  };
  if (Object.keys(inputs).length) {
    hf.batch(() => {
      for (const [k, v] of Object.entries(inputs)) wb.setInput(k, v);
    });
  }
  return wb;
}
