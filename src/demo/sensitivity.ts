/**
 * The chain across a grid of one input, computed on the sheet: `=CHAIN_SENSITIVITY(…)` over the
 * model's input block, entered on a scratch sheet of the same HyperFormula workbook. Nothing is
 * computed outside the sheet but the words on a bid cut outside 0–1 (bidCutLines: the net selling
 * japan_buying_bn·(cut − 1), the chain's own identity); a step that fails at a point spoils only
 * its own cell.
 */
import { DetailedCellError } from "hyperformula";
import type { CellValue, ModelWorkbook } from "../hosts/hyperformula/workbook";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { SENSITIVITY_STEPS } from "../core/scenarios/sensitivity";
import { plain } from "./format";
import { OUTSIDE_MODEL, stepText } from "./report";
import { columns, inputText, usdBn, wrapWords } from "./format";
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
  /** The bid cut at this point (derived when bid_elasticity_bn is set). */
  bidCut: number | null;
  /** Japan's buying before the shock at this point, USD bn a year: the japan_buying_bn input (or the swept value). */
  buyingBn: number | null;
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
  const buying = wb.value(wb.inputRef("japan_buying_bn"));
  return block.slice(1, 1 + s.values.length).map((r) => ({
    value: r[0] as number,
    cells: r.slice(1),
    us10yBefore: s.input === "ust_10y" ? (r[0] as number) : num(ust),
    us10yAfter: num(r[at("us_10y")]),
    peGrowth: num(r[at("pe_change_growth")]),
    peValue: num(r[at("pe_change_value")]),
    bidCut: num(r[at("bid_cut")]),
    buyingBn: s.input === "japan_buying_bn" ? (r[0] as number) : num(buying),
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

/**
 * The points where the derived bid cut leaves 0–1, in words: above 1 Japan sells on net,
 * japan_buying_bn·(cut − 1) a year (after = before − shortfall, shortfall = cut·before: the
 * chain's own identity); below 0 it buys more, japan_buying_bn·(−cut) a year.
 */
export function bidCutLines(s: Sensitivity, rows: SensitivityRow[]): string[] {
  const p = CHAIN_INPUT_PARAMS.find((q) => q.name === s.input)!;
  const where = (pts: SensitivityRow[]) => {
    const at = pts.length === 1 ? `${s.input} ${inputText(p, pts[0].value)}` : `${s.input} ${inputText(p, pts[0].value)} to ${inputText(p, pts[pts.length - 1].value)}`;
    return `At ${pts.length} of ${rows.length} point${rows.length > 1 ? "s" : ""} (${at})`;
  };
  const out: string[] = [];
  const above = rows.filter((r) => r.bidCut !== null && r.bidCut > 1);
  const below = rows.filter((r) => r.bidCut !== null && r.bidCut < 0);
  const most = (pts: SensitivityRow[], flow: (r: SensitivityRow) => number, more = "") => {
    const known = pts.filter((r) => r.buyingBn !== null);
    if (!known.length) return "";
    const top = known.reduce((a, b) => (flow(b) > flow(a) ? b : a));
    return `, up to ${usdBn(flow(top))}bn a year${more} (at ${inputText(p, top.value)})`;
  };
  if (above.length) {
    const sold = most(above, (r) => r.buyingBn! * (r.bidCut! - 1));
    out.push(...wrapWords(`${where(above)} the derived bid cut is above 1: Japan turns net seller of USTs${sold}. ${OUTSIDE_MODEL}`));
  }
  if (below.length) {
    const bought = most(below, (r) => -r.buyingBn! * r.bidCut!, " more");
    if (out.length) out.push("");
    const tp = SENSITIVITY_STEPS.indexOf("term_premium_change");
    const falls = below.every((r) => typeof r.cells[tp] === "number" && (r.cells[tp] as number) < 0);
    out.push(...wrapWords(`${where(below)} the derived bid cut is below 0: Japan buys more USTs than before${bought}${falls ? ", and the term premium falls" : ""}.`));
  }
  return out;
}
