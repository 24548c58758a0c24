/**
 * The chain across a grid of one input: for each value, put it in the input cell of the model
 * sheet, let HyperFormula recalculate, and read the CHAIN cells. Nothing is computed outside
 * the sheet.
 */
import { DetailedCellError } from "hyperformula";
import type { CellValue, ModelWorkbook } from "../hosts/hyperformula/workbook";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { columns, inputText, percent } from "./format";
import type { Sensitivity } from "./options";

export interface SensitivityRow {
  value: number;
  hedgedUstAfter: number | null;
  us10yBefore: number | null;
  us10yAfter: number | null;
  us10yChange: number | null;
  scenarioBefore: string;
  scenarioAfter: string;
  peGrowth: number | null;
  peValue: number | null;
  /** The sheet's error for this point, if the chain fails there. */
  error?: string;
}

const num = (v: CellValue) => (typeof v === "number" ? v : null);
const text = (v: CellValue) => (typeof v === "string" ? v : v instanceof DetailedCellError ? v.value : "");

/** Run the grid on the live model sheet; the input is restored afterwards. */
export function runSensitivity(wb: ModelWorkbook, s: Sensitivity): SensitivityRow[] {
  const ref = wb.inputRef(s.input);
  const saved = wb.value(ref);
  const rows: SensitivityRow[] = [];
  try {
    for (const value of s.values) {
      wb.setInput(s.input, value);
      const table = wb.chain();
      const step = (name: string) => table.find((r) => r[0] === name) ?? [];
      const us = step("us_10y");
      const sc = step("scenario");
      const anchor = table[0]?.[0];
      rows.push({
        value,
        hedgedUstAfter: num(step("hedged_ust")[2]),
        us10yBefore: num(us[1]),
        us10yAfter: num(us[2]),
        us10yChange: num(us[3]),
        scenarioBefore: text(sc[1]),
        scenarioAfter: text(sc[2]),
        peGrowth: num(step("pe_change_growth")[3]),
        peValue: num(step("pe_change_value")[3]),
        error: anchor instanceof DetailedCellError ? `${anchor.value} ${anchor.message}`.trim() : undefined,
      });
    }
  } finally {
    wb.setCell(ref, saved instanceof DetailedCellError ? null : saved);
  }
  return rows;
}

/** The sensitivity as aligned text lines; a point where the chain fails shows the sheet's error. */
export function sensitivityLines(s: Sensitivity, rows: SensitivityRow[]): string[] {
  const p = CHAIN_INPUT_PARAMS.find((q) => q.name === s.input)!;
  const pct = (x: number | null, signed = false) => (x === null ? "" : percent(x, signed));
  const table: string[][] = [[s.input, "hedged_ust after", "us_10y after", "us_10y change", "scenario", "pe_change_growth", "pe_change_value"]];
  for (const r of rows) {
    const scenario = r.scenarioBefore === r.scenarioAfter ? r.scenarioAfter : `${r.scenarioBefore} → ${r.scenarioAfter}`;
    table.push(r.error ? [inputText(p, r.value)] : [inputText(p, r.value), pct(r.hedgedUstAfter), pct(r.us10yAfter), pct(r.us10yChange, true), scenario, pct(r.peGrowth, true), pct(r.peValue, true)]);
  }
  const lines = columns(table);
  let first = 0;
  for (const row of table) first = Math.max(first, [...row[0]].length);
  return lines.map((line, i) => {
    const r = rows[i - 1];
    return r?.error ? `${inputText(p, r.value).padEnd(first)}  ${r.error}` : line;
  });
}
