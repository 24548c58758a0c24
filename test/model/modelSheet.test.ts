/**
 * The model sheet (src/model/modelSheet.ts) evaluated by a real spreadsheet engine,
 * HyperFormula, with every catalog function registered as a plugin: the note's chain
 * (its numbers written out below, note §3–§4) comes out of the cells, a changed input recalculates every dependent cell, and the
 * spilled tables feed ordinary formulas.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type ModelWorkbook, loadModelWorkbook, parseRange, toA1 } from "../../src/hosts/hyperformula/workbook";
import { CHAIN_STEPS } from "../../src/core/scenarios/chain";

let wb: ModelWorkbook | undefined;
afterEach(() => {
  wb?.destroy();
  wb = undefined;
});

const load = (inputs: Record<string, number | string> = {}) => (wb = loadModelWorkbook(inputs));

/** A row of the CHAIN block by step label: [label, before, after, change]. */
const step = (w: ModelWorkbook, name: string) => {
  const row = w.chain().find((r) => r[0] === name);
  if (!row) throw new Error(`no ${name} row`);
  return row;
};

/**
 * The note's chain in closed form, written out from the note's formulas (not from our code):
 * hedge cost = us_short − jp_short − basis (§2.1, §3.1); hedged UST = ust − h·cost + (1−h)·fx
 * (§3.2); shortfall = buying·cut, Δtp = shortfall/100·bp/10000 (§3.3); US 10y moves 1:1 with
 * the term premium (§3.3); holdings MTM = −holdings·D·Δy (§2.4, duration only); P/E change =
 * (r−g)/(r+Δ−g) − 1 with r = ust + erp (Gordon, §4.1); Korean 10y = beta·Δ (§4.2).
 */
function closedForm(x: {
  hike_bp: number;
  us_short: number;
  jp_short: number;
  ust_10y: number;
  jgb_10y: number;
  buying: number;
  cut: number;
  bp: number;
  holdings: number;
  duration: number;
  erp: number;
  gGrowth: number;
  gValue: number;
  beta: number;
}) {
  const jpAfter = x.jp_short + x.hike_bp / 10000;
  const jgbAfter = x.jgb_10y + x.hike_bp / 10000;
  const cost = (jp: number) => x.us_short - jp;
  const hedged = (jp: number) => x.ust_10y - cost(jp);
  const tp = ((x.buying * x.cut) / 100) * (x.bp / 10000);
  const r = x.ust_10y + x.erp;
  return {
    jpAfter,
    jgbAfter,
    costBefore: cost(x.jp_short),
    costAfter: cost(jpAfter),
    hedgedBefore: hedged(x.jp_short),
    hedgedAfter: hedged(jpAfter),
    advantageBefore: x.jgb_10y - hedged(x.jp_short),
    advantageAfter: jgbAfter - hedged(jpAfter),
    buyingAfter: x.buying * (1 - x.cut),
    tp,
    us10yAfter: x.ust_10y + tp,
    holdings: -x.holdings * x.duration * tp,
    peGrowth: (r - x.gGrowth) / (r + tp - x.gGrowth) - 1,
    peValue: (r - x.gValue) / (r + tp - x.gValue) - 1,
    kr: x.beta * tp,
  };
}

// The note's illustrative inputs: CHAIN_INPUTS's defaults (docs/functions.md; note §2.4, §3.1–§3.3).
const NOTE = { hike_bp: 50, us_short: 0.045, jp_short: 0.005, ust_10y: 0.043, jgb_10y: 0.015, buying: 75, cut: 0.5, bp: 80, holdings: 1130, duration: 8, erp: 0.04, gGrowth: 0.065, gValue: 0.03, beta: 0.5 };

describe("the model sheet in HyperFormula reproduces the note's chain", () => {
  it("spills a 16×4 block at the model's chain range, header and step labels in order", () => {
    const w = load();
    const t = w.chain();
    const { start, end } = parseRange(w.model.refs.chain);
    expect(t.length).toBe(end.row - start.row + 1);
    // docs/functions.md, CHAIN: header ["step","before","after","change"], then one row per step in this order.
    expect(t[0]).toEqual(["step", "before", "after", "change"]);
    expect(t.slice(1).map((r) => r[0])).toEqual([...CHAIN_STEPS]);
    expect(w.formula(toA1(start.row, start.col))).toBe("=CHAIN(A5:B26)");
  });

  it("with the note's inputs gives the note's numbers", () => {
    const w = load();
    // Note §3.1, §3.2: hedged UST 0.30% → 0.80%.
    expect(step(w, "hedged_ust").slice(1)).toEqual([0.003, 0.008, 0.005]);
    // Note §3.3: buying 75 → 37.5 ("if that halves").
    expect(step(w, "japan_buying_bn").slice(1)).toEqual([75, 37.5, -37.5]);
    // Note §3.3: 37.5/100 × 80bp = +0.30% of term premium, a change-only row.
    expect(step(w, "term_premium_change").slice(1)).toEqual(["", "", 0.003]);
    // docs/functions.md, CHAIN's example: US 10y 4.30% → 4.60%, scenario A → B.
    expect(step(w, "us_10y").slice(1, 3)).toEqual([0.043, 0.046]);
    expect(step(w, "scenario").slice(1)).toEqual(["A", "B", ""]);
    // Closed forms: holdings 1130·(−8·0.30%) = −27.12bn, P/E growth 0.018/0.021 − 1 = −14.29%,
    // value 0.053/0.056 − 1 = −5.36%, Korean 10y 0.5·30bp = +0.15% (note §2.4, §4.1, §4.2).
    expect(step(w, "holdings_mtm_bn")[3]).toBeCloseTo(-27.12, 10);
    expect(step(w, "pe_change_growth")[3]).toBeCloseTo(-0.1429, 4);
    expect(step(w, "pe_change_value")[3]).toBeCloseTo(-0.0536, 4);
    expect(step(w, "kr_10y_change")[3]).toBeCloseTo(0.0015, 12);
    // Note §3.2: hedge cost 4.50% − 1.00% = 3.50%; JGB 1.50% → 2.00%; the advantage 1.20pp both
    // before and after (note §3.2: both legs move 50bp).
    expect(step(w, "hedge_cost").slice(1)).toEqual([0.04, 0.035, -0.005]);
    expect(step(w, "jgb_10y").slice(1)).toEqual([0.015, 0.02, 0.005]);
    expect(step(w, "jgb_advantage").slice(1)).toEqual([0.012, 0.012, 0]);
  });

  it("the BOJ_HIKE, TP_IMPACT_TABLE and SCENARIO_TABLE blocks spill with the published values", () => {
    const w = load();
    const boj = w.values(w.model.refs.bojHike);
    // docs/functions.md, BOJ_HIKE: header ["", "before", "after", "change"], then jp_short … jgb_advantage.
    expect(boj[0]).toEqual(["", "before", "after", "change"]);
    expect(boj.map((r) => r[0])).toEqual(["", "jp_short", "jgb_yield", "hedge_cost", "hedged_ust", "jgb_advantage"]);
    expect(boj[4]).toEqual(["hedged_ust", 0.003, 0.008, 0.005]); // note §3.2
    const tp = w.values(w.model.refs.tpTable);
    // The TP_IMPACT presets (docs/functions.md) on the 37.5bn shortfall (75 × 0.5): note 80 → 0.30%, central 20 → 0.075%.
    expect(tp[0]).toEqual(["preset", "bp_per_100bn", "tp_change"]);
    expect(tp.find((r) => r[0] === "note")).toEqual(["note", 80, 0.003]);
    expect(tp.find((r) => r[0] === "central")).toEqual(["central", 20, 0.00075]);
    expect(tp.find((r) => r[0] === "stress")).toEqual(["stress", 100, 0.00375]);
    const sc = w.values(w.model.refs.scenarioTable);
    // SCENARIO_TABLE, the note's table (note §6.3).
    expect(sc[1]).toEqual(["A", "Gradual BOJ hikes + US demand absorbs the slack", 0.04, 0.045, "Limited impact"]);
    expect(sc[3][0]).toBe("C");
  });
});

describe("changing an input cell recalculates every dependent cell", () => {
  const dependent = (w: ModelWorkbook, x: Parameters<typeof closedForm>[0]) => {
    const c = closedForm(x);
    const h = w.model.refs.headlines;
    expect(step(w, "jp_short")[2]).toBeCloseTo(c.jpAfter, 12);
    expect(step(w, "jgb_10y")[2]).toBeCloseTo(c.jgbAfter, 12);
    expect(step(w, "hedge_cost")[2]).toBeCloseTo(c.costAfter, 12);
    expect(step(w, "hedged_ust")[2]).toBeCloseTo(c.hedgedAfter, 12);
    expect(step(w, "jgb_advantage")[2]).toBeCloseTo(c.advantageAfter, 12);
    expect(step(w, "japan_buying_bn")[2]).toBeCloseTo(c.buyingAfter, 10);
    expect(step(w, "term_premium_change")[3]).toBeCloseTo(c.tp, 12);
    expect(step(w, "us_10y")[2]).toBeCloseTo(c.us10yAfter, 12);
    expect(step(w, "holdings_mtm_bn")[3]).toBeCloseTo(c.holdings, 9);
    expect(step(w, "pe_change_growth")[3]).toBeCloseTo(c.peGrowth, 12);
    expect(step(w, "pe_change_value")[3]).toBeCloseTo(c.peValue, 12);
    expect(step(w, "kr_10y_change")[3]).toBeCloseTo(c.kr, 12);
    // The BOJ_HIKE block reads the same input cells.
    const boj = w.values(w.model.refs.bojHike);
    expect(boj[4][2]).toBeCloseTo(c.hedgedAfter, 12);
    // Ordinary formulas reading the spilled CHAIN block.
    expect(w.value(h["hedged UST after the hike"])).toBeCloseTo(c.hedgedAfter, 12);
    expect(w.value(h["US 10y after"])).toBeCloseTo(c.us10yAfter, 12);
    expect(w.value(h["P/E hit, growth + value"])).toBeCloseTo(c.peGrowth + c.peValue, 12);
    // The TP_IMPACT_TABLE block follows the shortfall (buying × cut), and its average the
    // presets' mean bp (80+50+20+5+100)/5 = 51 per 100bn (the TP_IMPACT presets, docs/functions.md).
    expect(w.value(h["average term-premium estimate"])).toBeCloseTo(((x.buying * x.cut) / 100) * (51 / 10000), 12);
    // SCENARIO thresholds 4.5% / 5.0% (note §6.3).
    const after = c.us10yAfter;
    expect(w.value(h["scenario after"])).toBe(after < 0.045 ? "A" : after < 0.05 ? "B" : "C");
  };

  it("hike_bp: 50 → 100 moves the JPY legs and nothing on the US side", () => {
    const w = load();
    w.setInput("hike_bp", 100);
    dependent(w, { ...NOTE, hike_bp: 100 });
    // A hike alone does not change the bid in CHAIN: bid_cut is an input (README, "The transmission model").
    expect(step(w, "us_10y")[2]).toBeCloseTo(0.046, 12);
  });

  it("bid_cut: 0.5 → 0.8 moves the term premium, the US 10y, holdings and multiples", () => {
    const w = load();
    w.setInput("bid_cut", 0.8);
    dependent(w, { ...NOTE, cut: 0.8 });
    // 75 × 0.8 = 60bn lost → 60/100 × 80bp = 48bp: US 10y 4.78%, scenario B (note §6.3).
    expect(step(w, "us_10y")[2]).toBeCloseTo(0.0478, 12);
  });

  it("bp_per_100bn: a number or a preset name in the cell", () => {
    const w = load();
    w.setInput("bp_per_100bn", 100);
    dependent(w, { ...NOTE, bp: 100 });
    w.setInput("bp_per_100bn", "central");
    // "central" = 20bp per 100bn (TP_IMPACT's preset: Beltran, Kretchmer, Marquez & Thomas 2013, long run).
    dependent(w, { ...NOTE, bp: 20 });
    expect(step(w, "scenario").slice(1, 3)).toEqual(["A", "A"]);
  });

  it("several inputs at load time, as the demo sets them", () => {
    const w = load({ hike_bp: 100, bid_cut: 0.3, bp_per_100bn: "central" });
    dependent(w, { ...NOTE, hike_bp: 100, cut: 0.3, bp: 20 });
    // 75 × 0.3 = 22.5bn → 22.5/100 × 20bp = 4.5bp.
    expect(step(w, "term_premium_change")[3]).toBeCloseTo(0.00045, 12);
  });

  it("a bad input shows its error in the CHAIN anchor; fixing it restores the table", () => {
    const w = load();
    w.setInput("us_short", 4.5);
    const [anchor] = w.chain()[0];
    expect(anchor).toMatchObject({ value: "#VALUE!" });
    expect((anchor as { message: string }).message).toContain("looks like a percent");
    // Formulas that read the block keep working (no engine exception).
    expect(w.value(w.model.refs.headlines["US 10y after"])).not.toBe(0.046);
    w.setInput("us_short", 0.045);
    expect(step(w, "us_10y")[2]).toBeCloseTo(0.046, 12);
  });
});

describe("spilled tables feed ordinary formulas", () => {
  it("INDEX and SUM over CHAIN, BOJ_HIKE and TP_IMPACT_TABLE", () => {
    const w = load();
    const chain = w.model.refs.chain;
    const boj = w.model.refs.bojHike;
    const tp = w.model.refs.tpTable;
    const free = "K2"; // outside every block of the model sheet
    const read = (formula: string) => {
      w.setCell(free, formula);
      return w.value(free);
    };
    // CHAIN row 11 = us_10y (header + 10th step), column 3 = after: 4.60% (note §3.3: +30bp on 4.30%).
    expect(read(`=INDEX(${chain}, 11, 3)`)).toBeCloseTo(0.046, 12);
    // SUM skips the "" of the scenario row: the change column sums every moved value.
    // Independent sum of the note's changes (§3.2–§4.2): jp 0.005, jgb 0.005, fx 0, cost −0.005, hedged 0.005, advantage 0,
    // bid cut 0.5, buying −37.5, tp 0.003, US 10y 0.003, holdings −27.12, P/E −0.142857… and −0.053571…, Korea 0.0015
    const expected = 0.005 + 0.005 + 0 - 0.005 + 0.005 + 0 + 0.5 - 37.5 + 0.003 + 0.003 - 27.12 + (0.018 / 0.021 - 1) + (0.053 / 0.056 - 1) + 0.0015;
    const { start, end } = parseRange(chain);
    expect(read(`=SUM(${toA1(start.row + 1, end.col)}:${toA1(end.row, end.col)})`)).toBeCloseTo(expected, 9);
    // BOJ_HIKE: hedged_ust after 0.80% (note §3.2); the JGB advantage before + after 2.40%.
    expect(read(`=INDEX(${boj}, 5, 3)`)).toBeCloseTo(0.008, 12);
    expect(read(`=SUM(INDEX(${boj}, 6, 2), INDEX(${boj}, 6, 3))`)).toBeCloseTo(0.024, 12);
    // TP_IMPACT_TABLE: the sum of the tp_change column = 37.5/100 × (80+50+20+5+100)/10000.
    const t = parseRange(tp);
    expect(read(`=SUM(${toA1(t.start.row + 1, t.end.col)}:${toA1(t.end.row, t.end.col)})`)).toBeCloseTo((37.5 / 100) * (255 / 10000), 12);
  });

  it("the headlines of the model sheet read the blocks", () => {
    const w = load();
    const h = w.model.refs.headlines;
    expect(w.value(h["hedged UST after the hike"])).toBeCloseTo(0.008, 12); // note §3.2
    expect(w.value(h["scenario after"])).toBe("B"); // docs/functions.md, CHAIN's example
    // P/E growth + value: −14.2857% − 5.3571% (Gordon closed forms 0.018/0.021 − 1, 0.053/0.056 − 1).
    expect(w.value(h["P/E hit, growth + value"])).toBeCloseTo(0.018 / 0.021 - 1 + (0.053 / 0.056 - 1), 12);
  });
});
