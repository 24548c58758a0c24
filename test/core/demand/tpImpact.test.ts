import { describe, expect, it } from "vitest";
import { tpImpact, tpImpactTable } from "../../../src/core/demand/tpImpact";
import { SheetError } from "../../../src/core/errors";
import { call, num, table } from "../../helpers/sheet";

describe("TP_IMPACT", () => {
  it("maps the note's $25bn shortfall to +20bp", () => {
    // note §3.3: ~USD 25–50bn of marginal bid disappears → US 10y +20–40bp; 25/100·80bp = 20bp
    expect(num("TP_IMPACT", 25, "note")).toBeCloseTo(0.002, 15);
  });

  it("maps the note's $50bn shortfall to +40bp", () => {
    // note §3.3: 50/100·80bp = 40bp
    expect(num("TP_IMPACT", 50, "note")).toBeCloseTo(0.004, 15);
  });

  it("defaults to the note's 80bp per 100bn", () => {
    // docs/functions.md, TP_IMPACT: default bp_per_100bn = 80 → half of 75bn (note §3.3): 37.5/100·80 = 30bp
    expect(num("TP_IMPACT", 37.5)).toBeCloseTo(0.003, 15);
    expect(num("TP_IMPACT", 37.5, null)).toBeCloseTo(0.003, 15);
  });

  it("takes a number of bp per 100bn", () => {
    // closed form: 100/100·20bp = 0.20%
    expect(tpImpact(100, 20)).toBeCloseTo(0.002, 15);
  });

  it("reads preset names whatever their case and spacing", () => {
    // TP_IMPACT's presets: "stress" 100 (Ahmed & Rebucci 2022) → 50/100·100bp = 50bp
    expect(num("TP_IMPACT", 50, " Stress ")).toBeCloseTo(0.005, 15);
    // "long_run" 5 (Gagnon et al. 2011) → 100/100·5bp = 5bp
    expect(num("TP_IMPACT", 100, "LONG_RUN")).toBeCloseTo(0.0005, 15);
  });

  it("refuses an unknown preset, listing the names", () => {
    const e = call("TP_IMPACT", 37.5, "median") as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    // an unknown name → #VALUE! listing the names (docs/functions.md lists them)
    for (const name of ["note", "short_run", "central", "long_run", "stress"]) expect(e.message).toContain(`"${name}"`);
  });
});

describe("TP_IMPACT_TABLE", () => {
  it("spills one row per preset with its sensitivity", () => {
    // docs/functions.md, TP_IMPACT: note 80, short_run 50, central 20, long_run 5, stress 100;
    // closed form tp = 37.5/100·bp/10000: 0.30%, 0.1875%, 0.075%, 0.01875%, 0.375%
    const expected: [string, number, number][] = [
      ["note", 80, 0.003],
      ["short_run", 50, 0.001875],
      ["central", 20, 0.00075],
      ["long_run", 5, 0.0001875],
      ["stress", 100, 0.00375],
    ];
    const t = table("TP_IMPACT_TABLE", 37.5);
    expect(t[0]).toEqual(["preset", "bp_per_100bn", "tp_change"]);
    expect(t.length).toBe(expected.length + 1);
    expected.forEach(([name, bp, tp], k) => {
      expect(t[k + 1].slice(0, 2)).toEqual([name, bp]);
      expect(t[k + 1][2] as number).toBeCloseTo(tp, 15);
    });
  });

  it("gives the note's 30bp for half of Japan's 75bn in the note row", () => {
    // note §3.3: 37.5/100·80bp = 30bp
    expect(tpImpactTable(37.5)[1][2]).toBeCloseTo(0.003, 15);
  });
});
