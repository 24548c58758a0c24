/**
 * CHAIN_COMPARE and CHAIN_SENSITIVITY against CHAIN itself: each column (each point) must be
 * exactly what CHAIN gives for those inputs, the after value of a step or its change for a
 * change-only step. A bad value spoils only its column (its point).
 */
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import type { Cell, Table } from "../../../src/core/table";
import { CHAIN_STEPS, CHANGE_ONLY_STEPS } from "../../../src/core/scenarios/chain";
import { SENSITIVITY_STEPS } from "../../../src/core/scenarios/sensitivity";
import { call, err, row, table } from "../../helpers/sheet";

/** Where a step ends in a CHAIN table, read by hand: column "after", or "change" for the change-only rows. */
const ends = (t: Table, step: string): Cell => {
  const r = row(t, step);
  return CHANGE_ONLY_STEPS.has(step as never) ? r[3] : r[2];
};

/** The scenario block of the model sheet in miniature: the note, the lifer that hedges 60% (note §2.4), a faster BOJ. */
const BLOCK = [
  ["input", "note", "lifer hedges 60%", "faster BOJ"],
  ["hike_bp", 50, 50, 100],
  ["hedge_ratio", "", 0.6, 0.6],
  ["fx_response", "", "-4%", "-4%"],
  ["bid_elasticity_bn", "", 50, 50],
  ["bid_cut", 0.5, "", ""],
];
const column = (c: number): [string, unknown][] => BLOCK.slice(1).map((r) => [r[0] as string, r[c]]);

describe("CHAIN_COMPARE", () => {
  const t = table("CHAIN_COMPARE", BLOCK);

  it("has the header step + the scenario names as given, then CHAIN's steps in CHAIN's order", () => {
    expect(t[0]).toEqual(["step", "note", "lifer hedges 60%", "faster BOJ"]);
    expect(t.slice(1).map((r) => r[0])).toEqual([...CHAIN_STEPS]);
  });

  it("equals CHAIN run column by column", () => {
    for (let c = 1; c <= 3; c++) {
      const chain = table("CHAIN", column(c));
      for (const step of CHAIN_STEPS) expect(row(t, step)[c], `${BLOCK[0][c]} ${step}`).toEqual(ends(chain, step));
    }
  });

  it("shows the note, the worked lifer example and scenario C for the faster BOJ", () => {
    // note §3.3: US 10y 4.60% (B); the worked lifer example (docs/functions.md, CHAIN): 4.70% (B); lifer at 100bp: 5.10%, C (transmission.test.ts)
    expect(row(t, "us_10y")).toEqual(["us_10y", 0.046, 0.047, 0.051]);
    expect(row(t, "scenario")).toEqual(["scenario", "B", "B", "C"]);
  });

  it("names a blank scenario 'scenario k' after its column among the scenarios", () => {
    const u = table("CHAIN_COMPARE", [
      ["", "", "mine"],
      ["hike_bp", 50, 100],
    ]);
    expect(u[0]).toEqual(["step", "scenario 1", "mine"]);
  });

  it("a bad value spoils only its scenario's column, with the scenario named", () => {
    const bad = BLOCK.map((r) => r.slice());
    bad[2][2] = 4.5; // hedge_ratio 4.5 in the lifer column
    const u = table("CHAIN_COMPARE", bad);
    for (const r of u.slice(1)) {
      const e = r[2] as SheetError;
      expect(e, String(r[0])).toBeInstanceOf(SheetError);
      expect(e.message).toBe('hedge_ratio (scenario "lifer hedges 60%") = 4.5 must be at most 1');
    }
    expect(u.map((r) => r[1])).toEqual(t.map((r) => r[1]));
    expect(u.map((r) => r[3])).toEqual(t.map((r) => r[3]));
  });

  it("both bid_cut and bid_elasticity_bn in one scenario spoil that scenario only", () => {
    const bad = BLOCK.map((r) => r.slice());
    bad[5][3] = 0.5; // faster BOJ: bid_cut 0.5 beside its elasticity 50
    const u = table("CHAIN_COMPARE", bad);
    expect((row(u, "us_10y")[3] as SheetError).message).toContain("are both given");
    expect(row(u, "us_10y").slice(1, 3)).toEqual([0.046, 0.047]);
  });

  it("a step that fails in one scenario spoils only that cell", () => {
    // erp 1% in the second scenario: growth 6.5% ≥ 4.3% + 1% (Gordon refuses), the rest stands
    const u = table("CHAIN_COMPARE", [
      ["input", "a", "b"],
      ["erp", "4%", "1%"],
    ]);
    expect(row(u, "pe_change_growth")[2]).toBeInstanceOf(SheetError);
    expect(row(u, "pe_change_growth")[1] as number).toBeCloseTo(-1 / 7, 14);
    expect(row(u, "us_10y")).toEqual(["us_10y", 0.046, 0.046]);
  });

  it("an unknown or repeated input name makes the whole result one #VALUE!", () => {
    expect(err("CHAIN_COMPARE", [["input", "a"], ["hike", 50]]).message).toContain('unknown CHAIN input "hike"');
    expect(err("CHAIN_COMPARE", [["input", "a"], ["hike_bp", 50], ["Hike_BP", 25]]).message).toContain('"hike_bp" is given twice');
  });

  it("refuses a block without a scenario column", () => {
    expect(err("CHAIN_COMPARE", [["input"], ["hike_bp"]]).message).toContain("one column per scenario");
  });
});

describe("CHAIN_SENSITIVITY", () => {
  const LIFER = column(2);

  it("has the documented header and one row per point, each equal to CHAIN on that point", () => {
    const t = table("CHAIN_SENSITIVITY", LIFER, "hike_bp", 0, 200, 9);
    expect(t[0]).toEqual(["hike_bp", "hedged_ust", "jgb_advantage", "bid_cut", "term_premium_change", "us_10y", "scenario", "pe_change_growth", "pe_change_value"]);
    expect(t.length).toBe(10);
    t.slice(1).forEach((r, k) => {
      // docs/functions.md, CHAIN_SENSITIVITY: from + (to − from)·k/(points − 1) = 25k bp
      expect(r[0]).toBe(25 * k);
      const chain = table("CHAIN", [...LIFER.filter(([name]) => name !== "hike_bp"), ["hike_bp", 25 * k]]);
      SENSITIVITY_STEPS.forEach((s, j) => expect(r[1 + j], `hike ${25 * k} ${s}`).toEqual(ends(chain, s)));
    });
  });

  it("on the lifer, the US 10y rises with the hike: 4.30% at 0, 4.70% at 50, 5.10% at 100bp (scenario C)", () => {
    const t = table("CHAIN_SENSITIVITY", LIFER, "hike_bp", 0, 100, 3);
    expect(t.slice(1).map((r) => r[5])).toEqual([0.043, 0.047, 0.051]);
    expect(t.slice(1).map((r) => r[6])).toEqual(["A", "B", "C"]);
  });

  it("on the note's inputs (blank) the hike does not reach the US 10y: the bid cut is the note's input", () => {
    const t = table("CHAIN_SENSITIVITY", "", "hike_bp", 0, 100, 5);
    for (const r of t.slice(1)) expect(r[5]).toBe(0.046);
    expect(table("CHAIN_SENSITIVITY", null, "HIKE_BP", 0, 100, 5)).toEqual(t);
  });

  it("defaults to 11 points, not rounded", () => {
    const t = table("CHAIN_SENSITIVITY", "", "bid_cut", 0, 1);
    expect(t.length).toBe(12);
    // docs/functions.md, CHAIN_SENSITIVITY: 0 + (1 − 0)·k/10
    expect(t.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 11 }, (_, k) => k / 10));
  });

  it("sweeping bid_elasticity_bn ignores a bid_cut in the inputs, and sweeping bid_cut ignores bid_elasticity_bn", () => {
    const withCut: [string, unknown][] = [...LIFER.filter(([k]) => k !== "bid_cut"), ["bid_cut", 0.3]];
    const a = table("CHAIN_SENSITIVITY", withCut, "bid_elasticity_bn", 0, 50, 2);
    // elasticity 50 → the worked example's US 10y 4.70%; elasticity 0 → off, so the cut is the input: but the
    // sweep dropped bid_cut, so the note's 0.5 applies: 37.5bn → 4.60%
    expect(a.slice(1).map((r) => r[5])).toEqual([0.046, 0.047]);
    const b = table("CHAIN_SENSITIVITY", LIFER, "bid_cut", 0, 1, 3);
    // the elasticity dropped: cut 0, 0.5, 1 of 75bn at 80bp per 100bn → +0, +30, +60bp
    expect(b.slice(1).map((r) => r[5])).toEqual([0.043, 0.046, 0.049]);
  });

  it("reads from and to with the swept input's unit", () => {
    expect(err("CHAIN_SENSITIVITY", "", "us_short", 3, 5).message).toBe("from = 3 looks like a percent: enter 3% or 0.03");
    expect(err("CHAIN_SENSITIVITY", "", "hedge_ratio", 0, 1.5).message).toBe("to = 1.5 must be at most 1");
    expect(err("CHAIN_SENSITIVITY", "", "hike", 0, 1).message).toContain('input_name = "hike" is not a CHAIN input');
    expect(err("CHAIN_SENSITIVITY", "", "hike_bp", 0, 100, 1).message).toBe("points = 1 must be at least 2");
    expect(err("CHAIN_SENSITIVITY", "", "hike_bp", 0, 100, 1002).message).toBe("points = 1002 must be at most 1001");
  });

  it("a point whose value its unit refuses holds the error in its own row only", () => {
    // hike_bp −1 … 1 in 5 points: −0.5 and 0.5 are fractions of a basis point
    const t = table("CHAIN_SENSITIVITY", "", "hike_bp", -1, 1, 5);
    const bad = [2, 4];
    t.slice(1).forEach((r, i) => {
      if (bad.includes(i + 1)) {
        expect(r[0]).toBe(i === 1 ? -0.5 : 0.5);
        for (const c of r.slice(1)) expect((c as SheetError).message).toContain("is a fraction of a basis point");
      } else for (const c of r.slice(1)) expect(c).not.toBeInstanceOf(SheetError);
    });
  });

  it("a point where a P/E step fails loses only its P/E cells, never its US 10y", () => {
    // erp 0.5% to 4%: at erp below 2.2% the growth stock's r − g ≤ 0 (4.3% + erp ≤ 6.5%)
    const t = table("CHAIN_SENSITIVITY", "", "erp", "0.5%", "4%", 8);
    for (const r of t.slice(1)) {
      expect(r[5]).toBe(0.046);
      const erp = r[0] as number;
      if (0.043 + erp <= 0.065) expect(r[7], `erp ${erp}`).toBeInstanceOf(SheetError);
      else expect(typeof r[7]).toBe("number");
      expect(typeof r[8]).toBe("number");
    }
  });

  it("inputs that fail as a whole are one #VALUE!", () => {
    expect(call("CHAIN_SENSITIVITY", [["us_short", 4.5]], "hike_bp", 0, 100)).toBeInstanceOf(SheetError);
  });
});
