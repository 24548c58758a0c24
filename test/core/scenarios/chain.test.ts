import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import type { Table } from "../../../src/core/table";
import { call, display, row, table } from "../../helpers/sheet";

/**
 * The published CHAIN_INPUTS block (docs/functions.md): every input with its default, in this order:
 * the note's illustrative numbers, each with its note section in CHAIN_INPUT_PARAMS' help
 * (src/catalog/scenarios.ts).
 */
const PUBLISHED_DEFAULTS: [string, number | string][] = [
  ["hike_bp", 50],
  ["us_short", 0.045],
  ["jp_short", 0.005],
  ["ust_10y", 0.043],
  ["jgb_10y", 0.015],
  ["basis", 0],
  ["short_passthrough", 1],
  ["jgb_passthrough", 1],
  ["hedge_ratio", 1],
  ["fx_change", 0],
  ["japan_buying_bn", 75],
  ["bid_cut", 0.5],
  ["bp_per_100bn", 80],
  ["japan_holdings_bn", 1130],
  ["ust_duration", 8],
  ["erp", 0.04],
  ["growth_growth", 0.065],
  ["growth_value", 0.03],
  ["kr_beta", 0.5],
  ["hike_prob", 1],
  ["fx_response", 0],
  ["bid_elasticity_bn", ""],
];

/** The published CHAIN table (docs/functions.md, CHAIN): the step labels, in this order. */
const PUBLISHED_STEPS = [
  "jp_short",
  "jgb_10y",
  "fx_change",
  "hedge_cost",
  "hedged_ust",
  "jgb_advantage",
  "bid_cut",
  "japan_buying_bn",
  "term_premium_change",
  "us_10y",
  "scenario",
  "holdings_mtm_bn",
  "pe_change_growth",
  "pe_change_value",
  "kr_10y_change",
];

const pct = (x: unknown) => display(x as number, 2, true);

describe("CHAIN_INPUTS", () => {
  it("spills the 22 inputs with their defaults, in the contract's order (bid_elasticity_bn blank: off)", () => {
    expect(table("CHAIN_INPUTS")).toEqual(PUBLISHED_DEFAULTS);
  });
});

describe("CHAIN with the defaults", () => {
  const t = table("CHAIN");

  it("has the published header and step labels, in their order", () => {
    expect(t[0]).toEqual(["step", "before", "after", "change"]);
    expect(t.slice(1).map((r) => r[0])).toEqual(PUBLISHED_STEPS);
  });

  it("gives the same table for no argument, a blank and the CHAIN_INPUTS block", () => {
    expect(table("CHAIN", "")).toEqual(t);
    expect(table("CHAIN", null)).toEqual(t);
    expect(table("CHAIN", table("CHAIN_INPUTS"))).toEqual(t);
  });

  it("moves the hedged UST 0.30% → 0.80%", () => {
    // note §3.1/§3.2: 4.30% − 4.00% → 4.30% − 3.50%
    expect(row(t, "hedged_ust")).toEqual(["hedged_ust", 0.003, 0.008, 0.005]);
  });

  it("keeps the JGB advantage at 1.20pp", () => {
    // note §3.2: 1.50% − 0.30% = 2.00% − 0.80% = 1.20pp
    expect(row(t, "jgb_advantage")).toEqual(["jgb_advantage", 0.012, 0.012, 0]);
  });

  it("keeps the FX view at 0 and takes the bid cut of 0.5 as given", () => {
    // CHAIN_INPUTS: fx_response 0 leaves fx_change 0 → 0; bid_cut 0.5 (note §3.3 "drops by half"), a change-only row
    expect(row(t, "fx_change")).toEqual(["fx_change", 0, 0, 0]);
    expect(row(t, "bid_cut")).toEqual(["bid_cut", "", "", 0.5]);
  });

  it("halves Japan's buying 75 → 37.5", () => {
    // note §3.3: typical 50–100bn (75), "if that drops by half"
    expect(row(t, "japan_buying_bn")).toEqual(["japan_buying_bn", 75, 37.5, -37.5]);
  });

  it("adds 0.30% of term premium, a change only", () => {
    // note §3.3 at 80bp per 100bn: 37.5/100·80bp = 30bp; a change-only step: "" in before and after (docs/functions.md, CHAIN_COMPARE)
    expect(row(t, "term_premium_change")).toEqual(["term_premium_change", "", "", 0.003]);
  });

  it("lifts the US 10y 4.30% → 4.60%", () => {
    // note §3.1 4.30% + 30bp (CHAIN's example, docs/functions.md)
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.046, 0.003]);
  });

  it("moves the scenario A → B with a blank change", () => {
    // note §6.3: 4.30% is A (4.0–4.5%), 4.60% is B (4.5–5.0%)
    expect(row(t, "scenario")).toEqual(["scenario", "A", "B", ""]);
  });

  it("marks Japan's holdings down 27.12bn", () => {
    // closed form (HOLDINGS_LOSS's example): 1130·(−8·0.003) = −27.12 (note §2.4: ~USD 1.13tn)
    expect(row(t, "holdings_mtm_bn")).toEqual(["holdings_mtm_bn", "", "", -27.12]);
  });

  it("cuts the growth P/E by 14.29%", () => {
    // closed form (Gordon, note §4.1): r = 4.30% + 4% = 8.3%, g = 6.5%: 1.8/2.1 − 1 = −1/7
    const r = row(t, "pe_change_growth");
    expect(r.slice(0, 3)).toEqual(["pe_change_growth", "", ""]);
    expect(r[3] as number).toBeCloseTo(-1 / 7, 14);
    expect(pct(r[3])).toBe("-14.29%");
  });

  it("cuts the value P/E by 5.36%", () => {
    // closed form: g = 3%: 5.3/5.6 − 1 = −3/56
    const r = row(t, "pe_change_value");
    expect(r[3] as number).toBeCloseTo(-3 / 56, 14);
    expect(pct(r[3])).toBe("-5.36%");
  });

  it("lifts the Korean 10y by 0.15%", () => {
    // closed form: kr_beta 0.5 · 30bp = 15bp (note §4.2: Korean 10y moves with the US)
    expect(row(t, "kr_10y_change")).toEqual(["kr_10y_change", "", "", 0.0015]);
  });

  it("shows the note's numbers when formatted as percents", () => {
    // note §3.2, §3.3 and the closed forms above: hedged UST 0.30% → 0.80%, term premium +0.30%, US 10y 4.30% → 4.60%, Korean 10y +0.15%
    expect([pct(row(t, "hedged_ust")[1]), pct(row(t, "hedged_ust")[2])]).toEqual(["0.30%", "0.80%"]);
    expect(pct(row(t, "term_premium_change")[3])).toBe("0.30%");
    expect([pct(row(t, "us_10y")[1]), pct(row(t, "us_10y")[2])]).toEqual(["4.30%", "4.60%"]);
    expect(pct(row(t, "kr_10y_change")[3])).toBe("0.15%");
  });
});

describe("CHAIN on a partial input block", () => {
  it("takes names in any order and any case, and numbers typed as text", () => {
    const t = table("CHAIN", [
      ["BID_CUT", "25%"],
      ["Hike_BP", "100"],
      ["  jp_short ", "1%"],
    ]);
    // closed forms: jp 1% → 2%; hedge cost 4.5% − 1% = 3.5% → 2.5%; hedged 0.8% → 1.8%
    expect(row(t, "jp_short")).toEqual(["jp_short", 0.01, 0.02, 0.01]);
    expect(row(t, "hedged_ust")).toEqual(["hedged_ust", 0.008, 0.018, 0.01]);
    // buying 75 → 56.25; shortfall 18.75bn · 80bp/100bn = 15bp; US 10y 4.30% → 4.45%: still A
    expect(row(t, "japan_buying_bn")).toEqual(["japan_buying_bn", 75, 56.25, -18.75]);
    expect(row(t, "term_premium_change")[3]).toBe(0.0015);
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.0445, 0.0015]);
    expect(row(t, "scenario")).toEqual(["scenario", "A", "A", ""]);
  });

  it("accepts a TP_IMPACT preset for bp_per_100bn", () => {
    // TP_IMPACT's preset "stress" (docs/functions.md) = 100bp per 100bn → 37.5bn shortfall → 37.5bp → US 10y 4.675%: B
    const t = table("CHAIN", [["bp_per_100bn", "stress"]]);
    expect(row(t, "term_premium_change")[3]).toBe(0.00375);
    expect(row(t, "scenario")).toEqual(["scenario", "A", "B", ""]);
  });

  it("skips blank rows and takes the default for a blank value", () => {
    const t = table("CHAIN", [
      ["", ""],
      ["hike_bp", ""],
      [null, null],
    ]);
    expect(t).toEqual(table("CHAIN"));
  });

  it("widens the JGB advantage by 0.20pp at the lifers' 60% hedge ratio, with no FX view", () => {
    // note §2.4: hedge ratio ~50–70%. closed form: Δadvantage = Δjgb + h·Δhedge_cost = 0.5% + 0.6·(−0.5%) = +0.20pp:
    // the unhedged 40% gets none of the hedge-cost relief while the JGB rises 50bp
    const t = table("CHAIN", [["hedge_ratio", "60%"]]);
    const adv = row(t, "jgb_advantage");
    expect(adv[3] as number).toBeCloseTo(0.002, 15);
  });

  it("moves the JGB advantage level, not its change, with a steady FX view on the unhedged part", () => {
    // closed form: the fx term −(1 − h)·fx is the same before and after in CHAIN, so it shifts both levels:
    // before = 1.50% − (4.30% − 0.6·4.00% + 0.4·(−3%)) = 1.50% − 0.70% = 0.80%
    const t = table("CHAIN", [
      ["hedge_ratio", 0.6],
      ["fx_change", "-3%"],
    ]);
    expect(row(t, "jgb_advantage")[1] as number).toBeCloseTo(0.008, 15);
    expect(row(t, "jgb_advantage")[3] as number).toBeCloseTo(0.002, 15);
  });

  it("refuses unknown names, listing them", () => {
    const e = call("CHAIN", [
      ["hike_bp", 50],
      ["foo", 1],
      ["BAR", 2],
    ]) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    expect(e.message).toContain('"foo"');
    expect(e.message).toContain('"bar"');
    expect(e.message).not.toContain('"hike_bp"');
  });

  it("refuses a percent-looking rate, naming the input", () => {
    const e = call("CHAIN", [["us_short", 4.5]]) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toBe("us_short = 4.5 looks like a percent: enter 4.5% or 0.045");
  });

  it("refuses a block that is not two columns", () => {
    const e = call("CHAIN", [["hike_bp", 50, 1]]) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("inputs");
  });

  it("names the inputs when growth reaches the discount rate, in that step's cell only", () => {
    // discount rate = ust_10y + erp = 4.3% + 1% = 5.3% < growth_growth 6.5%
    const t = table("CHAIN", [["erp", "1%"]]);
    const e = row(t, "pe_change_growth")[3] as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    expect(e.message).toContain("growth_growth");
    expect(e.message).toContain("erp");
    // The US-rates rows stand (note §3.3: 4.30% → 4.60%), and the value stock still reprices:
    // closed form r = 5.3%, g = 3%: 2.3/2.6 − 1 = −3/26
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.043, 0.046, 0.003]);
    expect(row(t, "scenario")).toEqual(["scenario", "A", "B", ""]);
    expect(row(t, "pe_change_value")[3] as number).toBeCloseTo(-3 / 26, 14);
    expect(row(t, "kr_10y_change")[3]).toBe(0.0015);
  });

  it("refuses an input given twice, naming it", () => {
    const e = call("CHAIN", [
      ["hike_bp", 50],
      ["HIKE_BP", 100],
    ]) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    expect(e.message).toContain('"hike_bp" is given twice');
  });

  it("never labels a scenario next to a US 10y that is not a finite number", () => {
    // 1e300 bp per 100bn overflows the term premium; the scenario cannot be read from #NUM!
    const t = table("CHAIN", [
      ["bp_per_100bn", 1e300],
      ["japan_buying_bn", 1e300],
    ]) as Table;
    const us = row(t, "us_10y");
    expect(us[2]).toBeInstanceOf(SheetError);
    expect(row(t, "scenario")[2]).toBeInstanceOf(SheetError);
  });
});
