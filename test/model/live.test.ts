/**
 * The model sheet with live data (`modelSheet({ live: true })`, as docs/live.md lays it out): a second CHAIN input
 * block whose us_short, ust_10y, jgb_10y and japan_holdings_bn come from FRED, the MoF curve and
 * TIC, its own CHAIN and the CHECKPOINTS panel; the default model stays as it was, so the demo
 * keeps working offline with the note's numbers. Evaluated in HyperFormula, which is offline:
 * the live cells show #N/A saying so, the main model is untouched.
 */
import type { CellValue, RawCellContent } from "hyperformula";
import { afterEach, describe, expect, it } from "vitest";
import { CHAIN_INPUT_PARAMS } from "../../src/catalog/scenarios";
import { CHAIN_STEPS } from "../../src/core/scenarios/chain";
import { createEngine } from "../../src/hosts/hyperformula/plugin";
import { modelContents, parseA1 } from "../../src/hosts/hyperformula/workbook";
import { LIVE_DATA } from "../../src/catalog/liveData";
import {
  FLOW_WEEKS,
  HISTORY_FROM,
  HISTORY_ROWS,
  LIVE_INPUT_FORMULAS,
  LIVE_MODEL_SHEET_NAME,
  MODEL_SHEET_NAME,
  type ModelSheet,
  REFRESH_LABEL,
  modelSheet,
  renderFormula,
} from "../../src/model/modelSheet";

describe("modelSheet({ live: true })", () => {
  const plain = modelSheet();
  const live = modelSheet({ live: true });

  it("leaves the default model as it is (the demo, the existing inserts)", () => {
    expect(modelSheet({ live: false })).toEqual(plain);
    expect(modelSheet({})).toEqual(plain);
    expect(plain.name).toBe(MODEL_SHEET_NAME);
    expect(plain.refs.live).toBeUndefined();
    expect(plain.cells.some((c) => c.formula?.match(/\{\{(FRED|JGB_YIELD|TIC_HOLDINGS|CHECKPOINTS)\}\}/))).toBe(false);
    // The live model holds every cell of the default one, unchanged, then its own block.
    expect(live.cells.slice(0, plain.cells.length)).toEqual(plain.cells);
    expect(live.spills.slice(0, plain.spills.length)).toEqual(plain.spills);
    expect(live.rangeFormats.slice(0, plain.rangeFormats.length)).toEqual(plain.rangeFormats);
    const { live: liveRefs, ...rest } = live.refs;
    expect(rest).toEqual(plain.refs);
    expect(liveRefs).toBeDefined();
    expect(live.name).toBe(LIVE_MODEL_SHEET_NAME);
  });

  it("the live block: the four inputs from the live functions, every other input following column B", () => {
    const at = (ref: string) => live.cells.find((c) => c.ref === ref);
    const byName = new Map(CHAIN_INPUT_PARAMS.map((p, i) => [p.name, 5 + i]));
    // docs/live.md: us_short ← FRED DGS3MO, ust_10y ← FRED DGS10, jgb_10y ← JGB_YIELD(10), japan_holdings_bn ← TIC Japan,
    // each passing the refresh cell L3 as its last argument (refresh: Sheets recalculates when it changes)
    expect(at(`L${byName.get("us_short")}`)!.formula).toBe('={{FRED}}("DGS3MO",,,$L$3)');
    expect(at(`L${byName.get("ust_10y")}`)!.formula).toBe('={{FRED}}("DGS10",,,$L$3)');
    expect(at(`L${byName.get("jgb_10y")}`)!.formula).toBe("={{JGB_YIELD}}(10,,$L$3)");
    expect(at(`L${byName.get("japan_holdings_bn")}`)!.formula).toBe('={{TIC_HOLDINGS}}("Japan",,$L$3)');
    for (const p of CHAIN_INPUT_PARAMS) {
      const r = byName.get(p.name)!;
      expect(at(`K${r}`)!.value).toBe(p.name);
      if (!(p.name in LIVE_INPUT_FORMULAS)) expect(at(`L${r}`)!.formula, p.name).toBe(`=B${r}`);
    }
    expect(live.refs.live!.inputs).toBe("K5:L26");
    expect(at("N5")!.formula).toBe("={{CHAIN}}(K5:L26)");
    expect(live.refs.live!.fed).toEqual({ us_short: "L6", ust_10y: "L8", jgb_10y: "L9", japan_holdings_bn: "L18" });
    const panel = live.spills.find((s) => s.fn === "CHECKPOINTS")!;
    expect(at(panel.anchor)!.formula).toBe("={{CHECKPOINTS}}(,$L$3)");
    expect([panel.rows, panel.cols]).toEqual([9, 5]); // docs/functions.md, CHECKPOINTS: header + 8 rows, 5 columns
  });

  it("renders per host: JPUST.FRED in Excel, FRED in Sheets", () => {
    const f = live.cells.find((c) => c.ref === "L8")!.formula!;
    expect(renderFormula(f, "JPUST.")).toBe('=JPUST.FRED("DGS10",,,$L$3)');
    expect(renderFormula(f, "")).toBe('=FRED("DGS10",,,$L$3)');
  });

  it("has one refresh cell, beside its label, that every live formula of the block passes last", () => {
    const at = (ref: string) => live.cells.find((c) => c.ref === ref);
    expect(live.refs.live!.refresh).toBe("L3");
    expect(at("K3")!.value).toBe(REFRESH_LABEL);
    expect(at("L3")!.formula).toBeUndefined(); // a value cell: "Refresh live data" writes the time there
    const liveNames = new RegExp(`\\{\\{(${LIVE_DATA.map((f) => f.name).join("|")})\\}\\}`);
    const liveCalls = live.cells.filter((c) => liveNames.test(c.formula ?? ""));
    expect(liveCalls).toHaveLength(7); // FRED ×2, JGB_YIELD, TIC_HOLDINGS, CHECKPOINTS, HEDGE_HISTORY, JAPAN_FLOWS
    for (const c of liveCalls) expect(c.formula, c.ref).toMatch(/,\$L\$3\)$/);
  });

  it("HEDGE_HISTORY from the month in its input cell, with the live block's basis; JAPAN_FLOWS over a year", () => {
    const at = (ref: string) => live.cells.find((c) => c.ref === ref);
    const refs = live.refs.live!;
    // The live block's basis input (L row of "basis") follows column B, as every input the live functions do not feed.
    const basisRow = 5 + CHAIN_INPUT_PARAMS.findIndex((p) => p.name === "basis");
    expect(refs.historyFrom).toBe("U26");
    expect(at("U26")).toMatchObject({ value: HISTORY_FROM, style: "input", format: "month" });
    expect(HISTORY_FROM).toBe("2022-01");
    expect(at("T27")!.formula).toBe(`={{HEDGE_HISTORY}}(U26,,L${basisRow},,$L$3)`);
    expect(at("AE27")!.formula).toBe('={{JAPAN_FLOWS}}(52,,"foreign_bonds",$L$3)');
    expect([FLOW_WEEKS, HISTORY_ROWS]).toEqual([52, 600]);
    // The history spill may grow a row a month: its block reserves HISTORY_ROWS months below the header.
    expect(refs.history).toBe("T27:AC627");
    expect(refs.flows).toBe("AE27:AI79"); // header + 52 weeks, 5 columns (docs/functions.md, JAPAN_FLOWS; docs/live.md's table)
    const spill = (fn: string) => live.spills.find((x) => x.fn === fn)!;
    expect([spill("HEDGE_HISTORY").rows, spill("HEDGE_HISTORY").cols]).toEqual([601, 10]);
    expect([spill("JAPAN_FLOWS").rows, spill("JAPAN_FLOWS").cols]).toEqual([53, 5]);
  });

  it("charts the history and the flows over their spilled columns, each chart above its table", () => {
    const chart = (name: string) => live.charts.find((c) => c.name === name)!;
    expect(live.charts.map((c) => c.name)).toEqual(["lifer-hike-sensitivity", "hedged-ust-vs-jgb", "japan-weekly-bid"]);
    // HEDGE_HISTORY's columns (docs/functions.md): month T, hedged_ust Y (the 6th), jgb_10y Z (the 7th); rows 28.. below the header in row 27.
    const history = chart("hedged-ust-vs-jgb");
    expect([history.x, history.xAxis, history.xFormat]).toEqual(["T28:T627", "values", "month"]);
    expect(history.series.map((s) => [s.name, s.values, s.columns ?? false])).toEqual([
      ["hedged UST 10y", "Y28:Y627", false],
      ["JGB 10y", "Z28:Z627", false],
    ]);
    expect([history.from, history.to]).toEqual(["T5", "AC24"]);
    // JAPAN_FLOWS' columns (docs/functions.md): week_end AF, foreign_bonds AG as columns, sum_13w AI as a line; 52 rows from 28.
    const flows = chart("japan-weekly-bid");
    expect([flows.x, flows.xAxis, flows.xFormat, flows.yFormat]).toEqual(["AF28:AF79", "categories", "date", "jpy_bn"]);
    expect(flows.series.map((s) => [s.name, s.values, s.columns ?? false])).toEqual([
      ["net purchases in the week", "AG28:AG79", true],
      ["13-week sum", "AI28:AI79", false],
    ]);
    expect([flows.from, flows.to]).toEqual(["AE5", "AL24"]);
  });

  it("no chart covers a cell of the model, a spill or another chart", () => {
    const box = (from: string, to: string) => ({ a: parseA1(from), b: parseA1(to) });
    const meets = (p: ReturnType<typeof box>, q: ReturnType<typeof box>) => p.a.row <= q.b.row && q.a.row <= p.b.row && p.a.col <= q.b.col && q.a.col <= p.b.col;
    const charts = live.charts.map((c) => ({ name: c.name, ...box(c.from, c.to) }));
    const taken = [
      ...live.cells.map((c) => ({ name: c.ref, ...box(c.ref, c.ref) })),
      ...live.spills.map((s) => {
        const { row, col } = parseA1(s.anchor);
        return { name: s.fn, a: { row, col }, b: { row: row + s.rows - 1, col: col + s.cols - 1 } };
      }),
    ];
    for (const c of charts) {
      for (const t of taken) expect(meets(c, t), `${c.name} covers ${t.name}`).toBe(false);
      for (const d of charts) if (d !== c) expect(meets(c, d), `${c.name} overlaps ${d.name}`).toBe(false);
    }
  });

  it("the live block does not overlap the main model", () => {
    const refs = new Set<string>();
    for (const c of live.cells) {
      expect(refs.has(c.ref), c.ref).toBe(false);
      refs.add(c.ref);
    }
    const spillCells = (m: ModelSheet) =>
      m.spills.flatMap((s) => {
        const { row, col } = parseA1(s.anchor);
        return Array.from({ length: s.rows * s.cols }, (_, k) => `${row + Math.floor(k / s.cols)},${col + (k % s.cols)}`);
      });
    const all = spillCells(live);
    expect(new Set(all).size).toBe(all.length); // no two spills share a cell
    for (const c of live.cells) {
      const { row, col } = parseA1(c.ref);
      const anchor = live.spills.some((s) => s.anchor === c.ref);
      if (!anchor) expect(all.includes(`${row},${col}`), `${c.ref} is inside a spill`).toBe(false);
    }
  });
});

describe("the live model in HyperFormula (offline)", () => {
  let destroy: (() => void) | undefined;
  afterEach(() => destroy?.());

  function load() {
    const model = modelSheet({ live: true });
    const grid: RawCellContent[][] = [];
    for (const { ref, content } of modelContents(model)) {
      const { row, col } = parseA1(ref);
      while (grid.length <= row) grid.push([]);
      while (grid[row].length < col) grid[row].push(null);
      grid[row][col] = content;
    }
    const hf = createEngine({ [model.name]: grid });
    destroy = () => hf.destroy();
    const sheet = hf.getSheetId(model.name)!;
    return (ref: string): CellValue => hf.getCellValue({ sheet, ...parseA1(ref) });
  }

  it("the main model still computes the note's chain: US 10y 4.30% → 4.60%, scenario A → B (docs/functions.md, CHAIN's example)", () => {
    const value = load();
    const us = 5 + CHAIN_STEPS.indexOf("us_10y") + 1;
    expect(value(`F${us}`)).toBeCloseTo(0.043, 12);
    expect(value(`G${us}`)).toBeCloseTo(0.046, 12);
    const sc = 5 + CHAIN_STEPS.indexOf("scenario") + 1;
    expect([value(`F${sc}`), value(`G${sc}`)]).toEqual(["A", "B"]);
  });

  it("the live cells show #N/A saying the engine is offline; the inputs that follow column B show its numbers", () => {
    const value = load();
    const fed = value("L8") as { type: string; message: string };
    expect(fed.type).toBe("NA");
    expect(fed.message).toContain("FRED reads live data");
    expect(value("L5")).toBe(50); // hike_bp follows B5: the note's +50bp (§3.2)
    expect(value("L7")).toBe(0.005); // jp_short follows B7: 0.50% (§3.1)
    const anchor = modelSheet({ live: true }).spills.find((s) => s.fn === "CHECKPOINTS")!.anchor;
    expect((value(anchor) as { type: string }).type).toBe("NA");
    for (const fn of ["HEDGE_HISTORY", "JAPAN_FLOWS"]) {
      const cell = value(modelSheet({ live: true }).spills.find((s) => s.fn === fn)!.anchor) as { type: string; message: string };
      expect([cell.type, cell.message.startsWith(`${fn} reads live data`)], fn).toEqual(["NA", true]);
    }
  });
});
