/**
 * The demo itself (src/demo/main.ts is the command): loads the model sheet into HyperFormula,
 * sets the inputs given on the command line, recalculates, and returns the transmission table
 * (or the scenarios side by side, or a sensitivity and a chart of it) as lines to print, with
 * the exit code.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadModelWorkbook } from "../hosts/hyperformula/workbook";
import { SCENARIO_COLUMNS, renderFormula } from "../model/modelSheet";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { CHAIN_DEFAULTS } from "../core/scenarios/chain";
import { UsageError, derivesBidCut, helpText, parseOptions } from "./options";
import { cellErrorLines, chainLines, compareLines, compareReadingLines, currentInputs, firstError, inputsLines, readingLines } from "./report";
import { bidCutLines, failureLines, runSensitivity, sensitivityFormula, sensitivityLines } from "./sensitivity";
import { sensitivitySvg } from "./svg";
import { inputText } from "./format";

export interface DemoOutput {
  code: number;
  stdout: string[];
  stderr: string[];
}

/** "hedge_ratio 0.6, fx_response -4.00%, …; the rest as the lifer's", from the model's scenario columns. */
function scenarioInputsText(c: (typeof SCENARIO_COLUMNS)[number]): string {
  const own = Object.entries(c.inputs).map(([k, v]) => `${k} ${v === "" ? "blank" : inputText(CHAIN_INPUT_PARAMS.find((p) => p.name === k)!, v)}`);
  return `${own.length ? own.join(", ") : "none"}${c.follows === "lifer" ? "; the rest as the lifer's" : ""}`;
}

/** Run the demo with these arguments; returns what to print and the exit code (no process exit). */
export function runDemo(argv: readonly string[]): DemoOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let options;
  try {
    options = parseOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr.push(`demo: ${e.message}`, "Run `npm run demo -- --help` for the options.");
      return { code: 2, stdout, stderr };
    }
    throw e;
  }
  if (options.help) {
    stdout.push(helpText());
    return { code: 0, stdout, stderr };
  }

  const wb = loadModelWorkbook(options.inputs);
  try {
    if (derivesBidCut(options)) wb.setCell(wb.inputRef("bid_cut"), null);
    const chainRef = wb.model.refs.chain;
    const anchor = chainRef.split(":")[0];
    const formula = renderFormula(wb.model.cells.find((c) => c.ref === anchor)!.formula!, "");
    const inputs = currentInputs(wb);
    const table = wb.chain();
    const failure = firstError([table[0] ?? []]);
    if (failure) {
      stderr.push(`demo: these inputs do not compute: ${failure}`);
      return { code: 2, stdout, stderr };
    }

    stdout.push(
      "marginal-bid demo: the note's transmission chain, BOJ hike → Japan's bid for USTs → US 10y → equities,",
      `computed by ${formula} on the model sheet "${wb.model.name}" in HyperFormula (embedded, offline).`,
      "",
      "Inputs (the note's illustrative values; * = set on the command line):",
      ...inputsLines(inputs, options.sensitivity?.input),
      "",
    );
    const cellErrors = (lines: string[]) => (lines.length ? ["Cells that do not compute (the other cells stand):", ...lines.map((l) => `  ${l}`), ""] : []);

    if (options.compare) {
      const compare = wb.values(wb.model.refs.compare);
      const cmpAnchor = wb.model.refs.compare.split(":")[0];
      const cmpFormula = renderFormula(wb.model.cells.find((c) => c.ref === cmpAnchor)!.formula!, "");
      stdout.push(
        `Scenarios side by side, ${cmpFormula} on the sheet. Each scenario's cells follow the inputs above`,
        "(column B) but for its own:",
        ...SCENARIO_COLUMNS.map((c) => `  ${c.name}: ${scenarioInputsText(c)}`),
        "Each row shows where the step ends: the after value, or the change for a change-only step.",
        "",
        ...compareLines(compare),
        "",
        ...cellErrors(cellErrorLines(compare)),
      );
      const scenarioInputs = wb.values(wb.model.refs.scenarioInputs);
      const buyingRow = scenarioInputs.find((r) => r[0] === "japan_buying_bn");
      const reading = compareReadingLines(compare, (k) => {
        const v = buyingRow?.[k + 1];
        return typeof v === "number" ? v : v === null || v === "" || v === undefined ? CHAIN_DEFAULTS.japan_buying_bn : undefined;
      });
      if (reading.length) stdout.push(...reading, "");
      return { code: 0, stdout, stderr };
    }

    if (!options.sensitivity) {
      stdout.push(...chainLines(table), "", ...cellErrors(cellErrorLines(table)));
      const reading = readingLines(table);
      if (reading.length) stdout.push(...reading, "");
      stdout.push("Change an input: npm run demo -- --hike-bp 100 --bid-cut 0.3 --bp-per-100bn central   (all options: --help)");
      return { code: 0, stdout, stderr };
    }

    const s = options.sensitivity;
    const rows = runSensitivity(wb, s);
    if (typeof rows === "string") {
      stderr.push(`demo: these inputs do not compute: ${rows}`);
      return { code: 2, stdout: [], stderr };
    }
    const p = CHAIN_INPUT_PARAMS.find((q) => q.name === s.input)!;
    const from = inputText(p, s.values[0]);
    const to = inputText(p, s.values[s.values.length - 1]);
    stdout.push(
      `Sensitivity to ${s.input}, ${from} to ${to} in ${s.values.length} points. ${s.input}: ${p.help}.`,
      `Computed on the sheet by ${sensitivityFormula(wb, s).replace("{{SHEET}}!", "")}.`,
      "",
    );
    for (const line of sensitivityLines(s, rows)) stdout.push(line);
    stdout.push("");
    for (const line of cellErrors(failureLines(rows))) stdout.push(line);
    const outside = bidCutLines(s, rows);
    if (outside.length) stdout.push(...outside, "");
    if (options.plot) {
      const others = CHAIN_INPUT_PARAMS.filter((q) => q.name !== s.input && q.name in options.inputs).map((q) => `${q.name} ${inputText(q, inputs[q.name])}`);
      const svg = sensitivitySvg(s, rows, others.length ? others.join(", ") : "the note's values");
      const path = resolve(options.plot);
      try {
        writeFileSync(path, svg);
      } catch (e) {
        stderr.push(`demo: cannot write ${options.plot}: ${e instanceof Error ? e.message : String(e)}`);
        return { code: 2, stdout, stderr };
      }
      stdout.push(`Chart written to ${options.plot}`);
    }
    return { code: 0, stdout, stderr };
  } finally {
    wb.destroy();
  }
}
