/**
 * The model sheet's transmission blocks in a real spreadsheet engine (HyperFormula): the
 * scenarios side by side (CHAIN_COMPARE), the sensitivity of the lifer's chain to the hike
 * (CHAIN_SENSITIVITY) and the cells its chart reads; TP_IMPACT_TABLE on CHAIN's shortfall and
 * BOJ_HIKE on the hike that happens. Expected values: the lifer example of docs/functions.md
 * (CHAIN), or the closed form written out beside them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type ModelWorkbook, loadModelWorkbook, parseRange } from "../../src/hosts/hyperformula/workbook";
import { CHAIN_STEPS } from "../../src/core/scenarios/chain";
import { SCENARIO_COLUMNS } from "../../src/model/modelSheet";

let wb: ModelWorkbook | undefined;
afterEach(() => {
  wb?.destroy();
  wb = undefined;
});
const load = (inputs: Record<string, number | string> = {}) => (wb = loadModelWorkbook(inputs));

/** The lifer that hedges 60% (note §2.4), in the main input block: bid_cut blank, the rest the note's. */
const LIFER = { hedge_ratio: 0.6, fx_response: -0.04, bid_elasticity_bn: 50, bid_cut: "" } as const;
const setLifer = (w: ModelWorkbook) => w.hf.batch(() => Object.entries(LIFER).forEach(([k, v]) => (v === "" ? w.setCell(w.inputRef(k), null) : w.setInput(k, v))));

const chainStep = (w: ModelWorkbook, name: string) => w.chain().find((r) => r[0] === name)!;
/** A row of the CHAIN_COMPARE block: [step, one value per scenario column]. */
const compareStep = (w: ModelWorkbook, name: string) => w.values(w.model.refs.compare).find((r) => r[0] === name)!;
const scenarioColumn = (name: string) => 1 + SCENARIO_COLUMNS.findIndex((s) => s.name === name);
/** The cell of one scenario's input in the scenario block. */
function scenarioInputRef(w: ModelWorkbook, scenario: string, input: string): string {
  const { start } = parseRange(w.model.refs.scenarioInputs);
  const label = w.model.cells.find((c) => c.value === input && c.ref.startsWith("E") && Number(c.ref.slice(1)) > start.row)!;
  return `${String.fromCharCode(69 + scenarioColumn(scenario))}${label.ref.slice(1)}`;
}
/** us_10y after of each point of the sensitivity block. */
const curve = (w: ModelWorkbook) => {
  const t = w.values(w.model.refs.sensitivity);
  const k = t[0].indexOf("us_10y");
  return t.slice(1).map((r) => [r[0], r[k]]);
};

describe("the scenarios block (CHAIN_COMPARE)", () => {
  it("spills the scenarios side by side: the lifer of the worked example, the faster BOJ, the note", () => {
    const w = load();
    const t = w.values(w.model.refs.compare);
    expect(t[0]).toEqual(["step", "lifer hedges 60%", "faster BOJ, 100bp", "note"]);
    expect(t.slice(1).map((r) => r[0])).toEqual([...CHAIN_STEPS]);
    // Worked example (docs/functions.md, CHAIN): 4.70% (B), buying 25; the lifer at 100bp: 5.10% (C), buying −25 (net seller);
    // the note (§3.3): 4.60% (B), buying 37.5
    expect(compareStep(w, "us_10y").slice(1)).toEqual([0.047, 0.051, 0.046]);
    expect(compareStep(w, "scenario").slice(1)).toEqual(["B", "C", "B"]);
    expect(compareStep(w, "japan_buying_bn").slice(1)).toEqual([25, -25, 37.5]);
  });

  it("its note column is the main CHAIN: every step ends where CHAIN's does", () => {
    const w = load({ hike_bp: 75, bid_cut: 0.3 });
    const col = scenarioColumn("note");
    for (const [step, before, after, change] of w.chain().slice(1)) {
      const r = compareStep(w, String(step));
      expect(r[col], String(step)).toEqual(before === "" && step !== "scenario" ? change : after);
    }
  });

  it("on the note's inputs, the main hike_bp moves the lifer's US 10y but not the note's: the note takes the bid cut as given", () => {
    const w = load();
    w.setInput("hike_bp", 100);
    // note: 4.60% whatever the hike (§3.3's bid cut is an input); lifer (follows column B's hike): 5.10% as the faster BOJ
    expect(chainStep(w, "us_10y")[2]).toBe(0.046);
    expect(compareStep(w, "us_10y")[scenarioColumn("note")]).toBe(0.046);
    expect(compareStep(w, "us_10y")[scenarioColumn("lifer hedges 60%")]).toBe(0.051);
  });

  it("with the lifer's inputs, changing hike_bp moves the US 10y in CHAIN and in the lifer column", () => {
    const w = load();
    setLifer(w);
    // Worked example: 4.70% at 50bp
    expect(chainStep(w, "us_10y")[2]).toBe(0.047);
    expect(compareStep(w, "us_10y")[scenarioColumn("lifer hedges 60%")]).toBe(0.047);
    w.setInput("hike_bp", 25);
    // closed form: US 10y = 4.30% + 2·(1 − h)·H bp with h 0.6 (see the sensitivity test below): 25bp → +20bp
    expect(chainStep(w, "us_10y")[2]).toBeCloseTo(0.045, 15);
    expect(compareStep(w, "us_10y")[scenarioColumn("lifer hedges 60%")]).toBeCloseTo(0.045, 15);
    // The faster BOJ keeps its own 100bp
    expect(compareStep(w, "us_10y")[scenarioColumn("faster BOJ, 100bp")]).toBe(0.051);
  });

  it("a bad value in one scenario's cell spoils only that scenario's column", () => {
    const w = load();
    w.setCell(scenarioInputRef(w, "faster BOJ, 100bp", "hike_bp"), 0.5);
    const us = compareStep(w, "us_10y");
    expect(us[scenarioColumn("faster BOJ, 100bp")]).toMatchObject({ value: "#VALUE!" });
    expect((us[scenarioColumn("faster BOJ, 100bp")] as { message: string }).message).toContain("is a fraction of a basis point");
    expect(us[scenarioColumn("lifer hedges 60%")]).toBe(0.047);
    expect(us[scenarioColumn("note")]).toBe(0.046);
  });
});

describe("the sensitivity block (CHAIN_SENSITIVITY over hike_bp on the lifer's inputs)", () => {
  /**
   * Closed form of the lifer's chain in the hike H (bp), hedge ratio h, fx_response f = −4%:
   * Δadvantage = (1 − h)·H/10000·(1 − 100·f) = 5·(1 − h)·H/10000; shortfall = 50·Δadvantage·100;
   * term premium = shortfall/100·80bp = 2·(1 − h)·H bp; US 10y after = 4.30% + that.
   */
  const us10y = (h: number, H: number) => 0.043 + (2 * (1 - h) * H) / 10000;

  it("rises with the hike: hike_bp 0 to 200 in 25bp steps", () => {
    const w = load();
    const c = curve(w);
    expect(c.map((p) => p[0])).toEqual([0, 25, 50, 75, 100, 125, 150, 175, 200]);
    c.forEach(([H, y]) => expect(y as number, `hike ${H}`).toBeCloseTo(us10y(0.6, H as number), 14));
    // scenario C from 100bp (note §6.3: C from 5.0%)
    const t = w.values(w.model.refs.sensitivity);
    expect(t.slice(1).map((r) => r[t[0].indexOf("scenario")])).toEqual(["A", "B", "B", "B", "C", "C", "C", "C", "C"]);
  });

  it("moves when the lifer's hedge_ratio changes, and is flat with a full hedge", () => {
    const w = load();
    const ref = scenarioInputRef(w, "lifer hedges 60%", "hedge_ratio");
    w.setCell(ref, 0.3);
    curve(w).forEach(([H, y]) => expect(y as number, `h 0.3, hike ${H}`).toBeCloseTo(us10y(0.3, H as number), 14));
    w.setCell(ref, 1);
    // the note's full hedge: the gap does not move, nothing is cut
    curve(w).forEach(([, y]) => expect(y).toBe(0.043));
  });

  it("the chart reads the spilled cells: its US 10y series and x values are the block's columns, and they move with the inputs", () => {
    const w = load();
    const [chart] = w.model.charts;
    const s = parseRange(w.model.refs.sensitivity);
    const t = w.values(w.model.refs.sensitivity);
    const us = w.values(chart.series[0].values).map((r) => r[0]);
    const x = w.values(chart.x).map((r) => r[0]);
    expect(x).toEqual(t.slice(1).map((r) => r[0]));
    expect(us).toEqual(t.slice(1).map((r) => r[t[0].indexOf("us_10y")]));
    expect(parseRange(chart.x).start.row).toBe(s.start.row + 1);
    // thresholds: the note's scenario boundaries on every row (§6.3)
    expect(w.values(chart.series[1].values).flat()).toEqual(new Array(9).fill(0.045));
    expect(w.values(chart.series[2].values).flat()).toEqual(new Array(9).fill(0.05));
    w.setInput("bp_per_100bn", 40);
    // half the term-premium response: the series halves its rise (closed form above at 40bp per 100bn)
    w.values(chart.series[0].values).forEach(([y], k) => expect(y as number).toBeCloseTo(0.043 + (1 - 0.6) * 25 * k / 10000, 14));
  });

  it("loses no US 10y point when a P/E step fails", () => {
    const w = load({ erp: 0.02 });
    // erp 2%: discount rate 6.3% < growth 6.5%, the growth P/E fails at every point; the US 10y stands
    const t = w.values(w.model.refs.sensitivity);
    const g = t[0].indexOf("pe_change_growth");
    for (const r of t.slice(1)) {
      expect(r[g]).toMatchObject({ value: "#VALUE!" });
      expect(typeof r[t[0].indexOf("us_10y")]).toBe("number");
    }
  });
});

describe("the existing blocks follow the transmission model", () => {
  it("TP_IMPACT_TABLE reads CHAIN's shortfall, also when the bid cut is derived (bid_cut blank)", () => {
    const w = load();
    setLifer(w);
    // shortfall 50bn (worked example): note 80 → 0.40%, central 20 → 0.10%
    const tp = w.values(w.model.refs.tpTable);
    expect(tp.find((r) => r[0] === "note")).toEqual(["note", 80, 0.004]);
    expect(tp.find((r) => r[0] === "central")).toEqual(["central", 20, 0.001]);
  });

  it("BOJ_HIKE gets the hike that happens, hike_bp · hike_prob", () => {
    const w = load({ hike_prob: 0.5 });
    // 50bp · 0.5 = 25bp: jp_short 0.50% → 0.75%, as CHAIN's
    const boj = w.values(w.model.refs.bojHike);
    expect(boj[1]).toEqual(["jp_short", 0.005, 0.0075, 0.0025]);
    expect(chainStep(w, "jp_short")).toEqual(["jp_short", 0.005, 0.0075, 0.0025]);
  });
});
