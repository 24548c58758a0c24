/**
 * The transmission model inside CHAIN: the hike that happens (hike_bp·hike_prob), the yen's
 * response on the unhedged part (fx_response) and the bid cut derived from the change of the
 * JGB advantage (bid_elasticity_bn). Expected values are the worked example of a life
 * insurer that hedges 60% in docs/functions.md (CHAIN; note §2.4: lifers hedge about 50–70%),
 * checked by hand from the formulas there, or closed forms written out
 * from the formulas beside them.
 */
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import type { Table } from "../../../src/core/table";
import { call, display, row, table } from "../../helpers/sheet";

/** The worked example (docs/functions.md, CHAIN): hedge_ratio 0.6, fx_response −0.04, bid_elasticity_bn 50, bid_cut blank, the rest the note's. */
const LIFER: [string, unknown][] = [
  ["hedge_ratio", 0.6],
  ["fx_response", "-4%"],
  ["bid_elasticity_bn", 50],
  ["bid_cut", ""],
];
const lifer = (...more: [string, unknown][]) => table("CHAIN", [...LIFER, ...more]);
const pct = (x: unknown, decimals = 2) => display(x as number, decimals, true);

describe("the lifer that hedges 60%, row by row (the worked example of docs/functions.md, CHAIN)", () => {
  const t = lifer();

  it("jp_short 0.50% → 1.00% and jgb_10y 1.50% → 2.00%: the hike that happens is 50bp·1", () => {
    expect(row(t, "jp_short")).toEqual(["jp_short", 0.005, 0.01, 0.005]);
    expect(row(t, "jgb_10y")).toEqual(["jgb_10y", 0.015, 0.02, 0.005]);
  });

  it("fx_change 0 → −2.00%: −4% per 100bp times a 50bp hike", () => {
    expect(row(t, "fx_change")).toEqual(["fx_change", 0, -0.02, -0.02]);
  });

  it("hedge_cost 4.00% → 3.50%: the hedge cost does not depend on the hedge ratio", () => {
    expect(row(t, "hedge_cost")).toEqual(["hedge_cost", 0.04, 0.035, -0.005]);
  });

  it("hedged UST 1.90% → 1.40%", () => {
    // closed form: 4.30% − 0.6·4.00% + 0.4·0 = 1.90%; 4.30% − 0.6·3.50% + 0.4·(−2.00%) = 1.40%
    expect(row(t, "hedged_ust")).toEqual(["hedged_ust", 0.019, 0.014, -0.005]);
  });

  it("JGB advantage −0.40% → +0.60%: the hike flips the preference to the JGB", () => {
    // closed form: 1.50% − 1.90% and 2.00% − 1.40%
    expect(row(t, "jgb_advantage")).toEqual(["jgb_advantage", -0.004, 0.006, 0.01]);
  });

  it("bid_cut 0.6667: 50bn per 100bp × 1.00pp = 50bn of 75bn", () => {
    const cut = row(t, "bid_cut");
    expect(cut.slice(0, 3)).toEqual(["bid_cut", "", ""]);
    expect(cut[3] as number).toBeCloseTo(2 / 3, 14);
    expect(display(cut[3] as number, 4, false)).toBe("0.6667");
  });

  it("buying 75 → 25", () => {
    expect(row(t, "japan_buying_bn")).toEqual(["japan_buying_bn", 75, 25, -50]);
  });

  it("term premium +0.40%, US 10y 4.30% → 4.70%, scenario A → B", () => {
    // closed form: 50/100 · 80bp = 40bp
    expect(row(t, "term_premium_change")).toEqual(["term_premium_change", "", "", 0.004]);
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.047, 0.004]);
    expect(row(t, "scenario")).toEqual(["scenario", "A", "B", ""]);
  });

  it("holdings −36.16bn, P/E growth −18.18%, value −7.02%, Korean 10y +0.20%", () => {
    // closed forms: −1130·8·0.004; r = 8.3%: 1.8/2.2 − 1 and 5.3/5.7 − 1; 0.5·40bp
    expect(row(t, "holdings_mtm_bn")).toEqual(["holdings_mtm_bn", "", "", -36.16]);
    expect(row(t, "pe_change_growth")[3] as number).toBeCloseTo(1.8 / 2.2 - 1, 14);
    expect(pct(row(t, "pe_change_growth")[3])).toBe("-18.18%");
    expect(row(t, "pe_change_value")[3] as number).toBeCloseTo(5.3 / 5.7 - 1, 14);
    expect(pct(row(t, "pe_change_value")[3])).toBe("-7.02%");
    expect(row(t, "kr_10y_change")).toEqual(["kr_10y_change", "", "", 0.002]);
  });

  it("with hike_bp 0 nothing moves", () => {
    const z = lifer(["hike_bp", 0]);
    for (const r of z.slice(1)) {
      if (r[0] === "scenario") expect(r).toEqual(["scenario", "A", "A", ""]);
      else expect(r[3], String(r[0])).toBe(0);
    }
  });

  it("hike_bp 100 with hike_prob 0.5 is the 50bp case", () => {
    // docs/functions.md, CHAIN: the hike that happens is hike_bp · hike_prob = 50bp
    expect(lifer(["hike_bp", 100], ["hike_prob", 0.5])).toEqual(t);
  });
});

describe("the derived bid cut", () => {
  it("is negative when the advantage falls: Japan buys more and the term premium falls", () => {
    // A rate cut of 50bp (hike_bp −50) on the lifer: mirror image of the worked example.
    // closed form: advantage −0.40% → −1.40%, shortfall 50·(−1.00) = −50bn, cut −0.6667, buying 75 → 125, term premium −0.40%
    const t = lifer(["hike_bp", -50]);
    expect(row(t, "jgb_advantage")).toEqual(["jgb_advantage", -0.004, -0.014, -0.01]);
    expect(row(t, "bid_cut")[3] as number).toBeCloseTo(-2 / 3, 14);
    expect(row(t, "japan_buying_bn")).toEqual(["japan_buying_bn", 75, 125, 50]);
    expect(row(t, "term_premium_change")[3]).toBe(-0.004);
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.039, -0.004]);
  });

  it("above 1 turns Japan into a net seller; scenario C once the US 10y reaches 5%", () => {
    // hike_bp 100 on the lifer: fx −4%, hedged 1.90% → 0.90%, advantage −0.40% → +1.60% (+2.00pp),
    // shortfall 50·2 = 100bn > 75: cut 1.3333, buying 75 → −25, term premium 100/100·80bp = +0.80%, US 10y 5.10%
    const t = lifer(["hike_bp", 100]);
    expect(row(t, "bid_cut")[3] as number).toBeCloseTo(4 / 3, 14);
    expect(row(t, "japan_buying_bn")).toEqual(["japan_buying_bn", 75, -25, -100]);
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.051, 0.008]);
    // note §6.3: C from 5.0% ("actual Japanese selling materializes")
    expect(row(t, "scenario")).toEqual(["scenario", "A", "C", ""]);
  });

  it("a cut above 1 with a US 10y still below 5% stays in B: scenario C depends on the US 10y it produces", () => {
    // hike_bp 100 at 40bp per 100bn: shortfall 100bn as above, cut 1.3333, buying 75 → −25,
    // term premium 100/100·40bp = 0.40%, US 10y 4.70%: scenario B (note §6.3)
    const t = lifer(["hike_bp", 100], ["bp_per_100bn", 40]);
    expect(row(t, "japan_buying_bn")[2]).toBe(-25);
    expect(row(t, "scenario")).toEqual(["scenario", "A", "B", ""]);
  });

  it("shows #DIV/0! in the bid_cut cell only when Japan buys nothing", () => {
    // shortfall 50bn as in the worked example; buying 0 → −50; the rest of the chain stands
    const t = lifer(["japan_buying_bn", 0]);
    const cut = row(t, "bid_cut")[3] as SheetError;
    expect(cut).toBeInstanceOf(SheetError);
    expect(cut.kind).toBe("div0");
    expect(cut.message).toContain("japan_buying_bn");
    expect(row(t, "japan_buying_bn")).toEqual(["japan_buying_bn", 0, -50, -50]);
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.047, 0.004]);
  });

  it("with the note's full hedge, the hike does not move the gap, so the elasticity moves nothing", () => {
    // note §3.2: both legs move 50bp, the advantage stays 1.20pp → shortfall 0
    const t = table("CHAIN", [["bid_elasticity_bn", 50]]);
    expect(row(t, "jgb_advantage")).toEqual(["jgb_advantage", 0.012, 0.012, 0]);
    expect(row(t, "bid_cut")[3]).toBe(0);
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.043, 0]);
  });
});

describe("blank and 0 both mean 'not given' for bid_cut and bid_elasticity_bn", () => {
  it("bid_cut blank or 0 beside an elasticity: the cut is derived (Excel desktop passes an empty cell as 0)", () => {
    const blank = lifer();
    const zero = table("CHAIN", [
      ["hedge_ratio", 0.6],
      ["fx_response", "-4%"],
      ["bid_elasticity_bn", 50],
      ["bid_cut", 0],
    ]);
    const absent = table("CHAIN", [
      ["hedge_ratio", 0.6],
      ["fx_response", "-4%"],
      ["bid_elasticity_bn", 50],
    ]);
    expect(zero).toEqual(blank);
    expect(absent).toEqual(blank);
  });

  it("bid_elasticity_bn blank or 0: the bid cut is the input, as in the note", () => {
    const note = table("CHAIN");
    expect(table("CHAIN", [["bid_elasticity_bn", 0]])).toEqual(note);
    expect(table("CHAIN", [["bid_elasticity_bn", ""]])).toEqual(note);
    expect(table("CHAIN", [["bid_elasticity_bn", null]])).toEqual(note);
  });

  it("both given: one #VALUE! for the whole table, saying to clear one", () => {
    const e = call("CHAIN", [...LIFER.slice(0, 3), ["bid_cut", 0.5]]) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    expect(e.message).toContain("bid_cut = 0.5 and bid_elasticity_bn = 50 are both given");
    expect(e.message).toContain("clear one");
  });

  it("bid_cut 0 without an elasticity is a zero cut, not the default", () => {
    // nothing stops: shortfall 0, term premium 0
    const t = table("CHAIN", [["bid_cut", 0]]) as Table;
    expect(row(t, "japan_buying_bn")).toEqual(["japan_buying_bn", 75, 75, 0]);
    expect(row(t, "term_premium_change")[3]).toBe(0);
  });
});

describe("the transmission inputs are read with their units", () => {
  it("fx_response is a rate: 4 looks like a percent", () => {
    const e = call("CHAIN", [["fx_response", -4]]) as SheetError;
    expect(e.message).toBe("fx_response = -4 looks like a percent: enter -4% or -0.04");
  });

  it("hike_prob takes any sign: a negative probability reverses the hike", () => {
    // hike_prob −1 on the note's inputs: jp_short 0.50% → 0.00%
    const t = table("CHAIN", [["hike_prob", -1]]);
    expect(row(t, "jp_short")).toEqual(["jp_short", 0.005, 0, -0.005]);
  });

  it("bid_elasticity_bn takes any sign and refuses text", () => {
    // a negative elasticity: Japan buys more as the JGB wins; worked example mirrored: cut −0.6667
    const t = lifer();
    const neg = table("CHAIN", [...LIFER.slice(0, 2), ["bid_elasticity_bn", -50]]);
    expect(row(neg, "bid_cut")[3] as number).toBeCloseTo(-(row(t, "bid_cut")[3] as number), 14);
    expect((call("CHAIN", [["bid_elasticity_bn", "lots"]]) as SheetError).message).toBe('bid_elasticity_bn = "lots" is not a number');
  });
});
