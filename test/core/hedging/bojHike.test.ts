import { describe, expect, it } from "vitest";
import { bojHike } from "../../../src/core/hedging/bojHike";
import { jgbAdvantage } from "../../../src/core/hedging/hedgedUst";
import { SheetError } from "../../../src/core/errors";
import { call, row, table } from "../../helpers/sheet";

// note §3.1 / §3.2 inputs: UST 4.30%, US short 4.50%, JP short 0.50%, JGB 1.50%, BOJ +50bp
const NOTE = { hikeBp: 50, ustYield: 0.043, usShort: 0.045, jpShort: 0.005, jgbYield: 0.015 };

describe("BOJ_HIKE", () => {
  it("spills the header and the five published rows in order", () => {
    const t = table("BOJ_HIKE", 50, "4.3%", "4.5%", "0.5%", "1.5%");
    // docs/functions.md, BOJ_HIKE: a 6×4 table, header ["", "before", "after", "change"], rows jp_short … jgb_advantage
    expect(t[0]).toEqual(["", "before", "after", "change"]);
    expect(t.slice(1).map((r) => r[0])).toEqual(["jp_short", "jgb_yield", "hedge_cost", "hedged_ust", "jgb_advantage"]);
  });

  it("reproduces the note's §3.2 table with the note's round numbers", () => {
    const t = bojHike(NOTE);
    // note §3.2: BOJ 0.50% → 1.00%; JGB 1.50% → 2.00%; hedge cost 4.00% → 3.50%; hedged 0.30% → 0.80%
    expect(row(t, "jp_short")).toEqual(["jp_short", 0.005, 0.01, 0.005]);
    expect(row(t, "jgb_yield")).toEqual(["jgb_yield", 0.015, 0.02, 0.005]);
    expect(row(t, "hedge_cost")).toEqual(["hedge_cost", 0.04, 0.035, -0.005]);
    expect(row(t, "hedged_ust")).toEqual(["hedged_ust", 0.003, 0.008, 0.005]);
  });

  it("shows the JGB advantage unchanged at 1.20pp with the note's equal pass-through", () => {
    // note §3.2: 2.00% − 0.80% = 1.20pp = 1.50% − 0.30%: both legs move 50bp (note §3.2, in our words)
    expect(row(bojHike(NOTE), "jgb_advantage")).toEqual(["jgb_advantage", 0.012, 0.012, 0]);
  });

  it("widens the gap when the JGB moves more than the short rate", () => {
    // closed form: Δadvantage = hike·(jgb_pt − short_pt) = 0.005·(1.5 − 1) = +0.25pp → 1.20% → 1.45%
    const t = bojHike({ ...NOTE, shortPassthrough: 1, jgbPassthrough: 1.5 });
    expect(row(t, "jgb_advantage")).toEqual(["jgb_advantage", 0.012, 0.0145, 0.0025]);
  });

  it("widens only when jgb_passthrough exceeds short_passthrough (fully hedged)", () => {
    // closed form: Δadvantage = hike·(jgb_pt − short_pt) for a fully hedged position
    const pts = [0, 0.25, 0.5, 1, 1.5, 2];
    for (const sp of pts) {
      for (const jp of pts) {
        const change = row(bojHike({ ...NOTE, shortPassthrough: sp, jgbPassthrough: jp }), "jgb_advantage")[3] as number;
        expect(change, `short ${sp}, jgb ${jp}`).toBeCloseTo(0.005 * (jp - sp), 14);
        expect(Math.sign(change), `short ${sp}, jgb ${jp}`).toBe(Math.sign(jp - sp));
      }
    }
  });

  it("widens with yen-strength expectations on the unhedged part (§3.2, last paragraph)", () => {
    // closed form with hedge_ratio h, fx moving 0 → −3% after the hike:
    // Δ = Δjgb + h·Δcost − (1 − h)·Δfx = 0.005 − 0.6·0.005 + 0.4·0.03 = +1.40pp
    const before = jgbAdvantage(0.015, 0.043, 0.045, 0.005, 0, 0.6, 0);
    const after = jgbAdvantage(0.02, 0.043, 0.045, 0.01, 0, 0.6, -0.03);
    expect(after - before).toBeCloseTo(0.014, 14);
  });

  it("leaves the advantage unchanged by a steady FX view when fully hedged", () => {
    // closed form: with hedge_ratio 1 the fx_change term (1 − h)·fx vanishes
    expect(jgbAdvantage(0.02, 0.043, 0.045, 0.01, 0, 1, -0.1)).toBeCloseTo(0.012, 15);
  });

  it("moves the short rate by hike·short_passthrough only", () => {
    // docs/functions.md, BOJ_HIKE (the short rate moves hike·short_passthrough): 0.50% + 50bp·0.5 = 0.75%; JGB 1.50% + 50bp·0 = 1.50%
    const t = table("BOJ_HIKE", 50, 0.043, 0.045, 0.005, 0.015, 0.5, 0);
    expect(row(t, "jp_short")[2]).toBe(0.0075);
    expect(row(t, "jgb_yield")[2]).toBe(0.015);
  });

  it("refuses a range for a single-value argument", () => {
    const r = call("BOJ_HIKE", [[50], [100]], 0.043, 0.045, 0.005, 0.015);
    expect(r).toBeInstanceOf(SheetError);
    expect((r as SheetError).message).toContain("hike_bp");
  });

  it("shows #NUM! in the change column when the after value overflows", () => {
    // A hike of 1e308bp at pass-through 1e308 overflows: the change is not a finite number either.
    const t = table("BOJ_HIKE", 1e308, 0.043, 0.045, 0.005, 0.015, 1e308, 1);
    const jp = row(t, "jp_short");
    expect(jp[2]).toBeInstanceOf(SheetError);
    expect(jp[3]).toBeInstanceOf(SheetError);
    expect((jp[3] as SheetError).kind).toBe("num");
  });
});
