/** The transmission table as a person reads it, from the cells CHAIN spilled on the model sheet. */
import { DetailedCellError } from "hyperformula";
import type { CellValue, ModelWorkbook } from "../hosts/hyperformula/workbook";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { CHAIN_DEFAULTS, type ChainInputs } from "../core/scenarios/chain";
import { cellText, columns, inputText, percent, usdBn } from "./format";

/** Steps whose values are USD bn (the others are rates, or the scenario labels). */
const BN_STEPS = new Set(["japan_buying_bn", "holdings_mtm_bn"]);

/** The first error in a block of cells, as "#VALUE! message". */
export function firstError(rows: CellValue[][]): string | undefined {
  for (const row of rows) {
    for (const v of row) if (v instanceof DetailedCellError) return `${v.value}${v.message ? ` ${v.message}` : ""}`;
  }
  return undefined;
}

/** The values of the inputs, as the model sheet holds them. */
export function currentInputs(wb: ModelWorkbook): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const p of CHAIN_INPUT_PARAMS) {
    const v = wb.value(wb.inputRef(p.name));
    out[p.name] = typeof v === "number" || typeof v === "string" ? v : String(v);
  }
  return out;
}

/**
 * "hike_bp 100bp* · us_short 4.50% · …", wrapped; `*` marks a value changed from the note's,
 * and the input a sensitivity sweeps reads "swept".
 */
export function inputsLines(values: Record<string, number | string>, swept?: string, width = 96): string[] {
  const parts = CHAIN_INPUT_PARAMS.map((p) => {
    if (p.name === swept) return `${p.name} swept`;
    const v = values[p.name];
    const changed = v !== CHAIN_DEFAULTS[p.name as keyof ChainInputs];
    return `${p.name} ${inputText(p, v)}${changed ? "*" : ""}`;
  });
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    const next = line ? `${line} · ${part}` : part;
    if ([...next].length > width && line) {
      lines.push(line);
      line = part;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((l) => `  ${l}`);
}

/** The CHAIN block (header row included) as aligned text lines. */
export function chainLines(table: CellValue[][]): string[] {
  const rows: string[][] = [["step", "before", "after", "change", ""]];
  for (const [label, before, after, change] of table.slice(1)) {
    const step = String(label);
    if (step === "scenario") {
      const b = cellText(before, String);
      const a = cellText(after, String);
      rows.push([step, b, a, b === a ? "unchanged" : `${b} → ${a}`, ""]);
      continue;
    }
    const bn = BN_STEPS.has(step);
    const level = (x: number) => (bn ? usdBn(x) : percent(x));
    const moved = (x: number) => (bn ? usdBn(x, true) : percent(x, true));
    rows.push([step, cellText(before, level), cellText(after, level), cellText(change, moved), bn ? "USD bn" : ""]);
  }
  return columns(rows);
}

/** A sentence or two on what the table says, read off the same cells. */
export function readingLines(table: CellValue[][]): string[] {
  const row = (step: string) => table.find((r) => r[0] === step);
  const out: string[] = [];
  const adv = row("jgb_advantage");
  const jgb = row("jgb_10y");
  const jp = row("jp_short");
  if (adv && typeof adv[3] === "number" && Math.abs(adv[3]) < 1e-12 && jgb && jp && typeof jgb[3] === "number" && jgb[3] === jp[3]) {
    out.push(
      "The JGB advantage does not move: the hike lifts the JPY short rate and the JGB 10y alike, so the",
      "hedged UST gains exactly what the JGB gains (note §3.2). A JGB pass-through above the short-rate",
      "pass-through (--jgb-passthrough) or yen strength on the unhedged part (--hedge-ratio, --fx-change)",
      "widens the gap.",
    );
  }
  return out;
}
