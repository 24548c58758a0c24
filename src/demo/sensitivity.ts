/**
 * The chain across a grid of one input, computed on the sheet: `=CHAIN_SENSITIVITY(…)` over the
 * model's input block, entered on a scratch sheet of the same HyperFormula workbook. Nothing is
 * computed outside the sheet; a step that fails at a point spoils only its own cell.
 */
import { DetailedCellError } from "hyperformula";
import type { CellValue, ModelWorkbook } from "../hosts/hyperformula/workbook";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { SENSITIVITY_STEPS } from "../core/scenarios/sensitivity";
import { plain } from "./format";
import { stepText } from "./report";
import { columns, inputText } from "./format";
import type { Sensitivity } from "./options";

export interface SensitivityRow {
  value: number;
  /** The cells CHAIN_SENSITIVITY spilled for this point, one per step of SENSITIVITY_STEPS. */
  cells: CellValue[];
  /** The US 10y before the shock: the ust_10y input (the swept value when ust_10y is swept). */
  us10yBefore: number | null;
  us10yAfter: number | null;
  peGrowth: number | null;
  peValue: number | null;
}

const num = (v: CellValue) => (typeof v === "number" ? v : null);

/** The CHAIN_SENSITIVITY formula the demo enters for this grid (the sheet's own input block). */
export function sensitivityFormula(wb: ModelWorkbook, s: Sensitivity): string {
  const first = s.values[0];
  const last = s.values[s.values.length - 1];
  return `=CHAIN_SENSITIVITY({{SHEET}}!${wb.model.refs.inputs}, "${s.input}", ${plain(first)}, ${plain(last)}, ${s.values.length})`;
}

/** Run the grid on the sheet: the block CHAIN_SENSITIVITY spills, as rows; or the one error it gives. */
export function runSensitivity(wb: ModelWorkbook, s: Sensitivity): SensitivityRow[] | string {
  const block = wb.spill(sensitivityFormula(wb, s));
  const anchor = block[0]?.[0];
  if (anchor instanceof DetailedCellError) return `${anchor.value} ${anchor.message}`.trim();
  const at = (step: (typeof SENSITIVITY_STEPS)[number]) => 1 + SENSITIVITY_STEPS.indexOf(step);
  const ust = wb.value(wb.inputRef("ust_10y"));
  return block.slice(1, 1 + s.values.length).map((r) => ({
    value: r[0] as number,
    cells: r.slice(1),
    us10yBefore: s.input === "ust_10y" ? (r[0] as number) : num(ust),
    us10yAfter: num(r[at("us_10y")]),
    peGrowth: num(r[at("pe_change_growth")]),
    peValue: num(r[at("pe_change_value")]),
  }));
}

/** The sensitivity as aligned text lines, a column per step; a cell that failed shows its error code. */
export function sensitivityLines(s: Sensitivity, rows: SensitivityRow[]): string[] {
  const p = CHAIN_INPUT_PARAMS.find((q) => q.name === s.input)!;
  const table: string[][] = [[s.input, ...SENSITIVITY_STEPS]];
  for (const r of rows) table.push([inputText(p, r.value), ...SENSITIVITY_STEPS.map((step, k) => stepText(step, r.cells[k]))]);
  return columns(table);
}

/** Each kind of failure once: "pe_change_growth at 3 points: #VALUE! growth_growth: discount rate must exceed growth …". */
export function failureLines(rows: SensitivityRow[]): string[] {
  const seen = new Map<string, number>();
  for (const r of rows) {
    r.cells.forEach((c, k) => {
      if (!(c instanceof DetailedCellError)) return;
      const key = `${SENSITIVITY_STEPS[k]}|${c.value}|${c.message.replace(/\(discount_rate = [^)]*\)/, "(…)")}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    });
  }
  return [...seen].map(([key, n]) => {
    const [step, code, message] = key.split("|");
    return `${step} at ${n} point${n > 1 ? "s" : ""}: ${code} ${message}`;
  });
}
