/**
 * CALIBRATE_CHAIN (src/core/calibration/calibrate.ts) as docs/functions.md (CALIBRATE_CHAIN)
 * writes it: four OLS regressions with an intercept on a CHAIN_HISTORY table, their slopes scaled
 * into CHAIN's units. Expected values: the four regressions rebuilt here from the columns (Δ, Δln
 * with Math.log, 12-month sums and changes written out separately) and run through `ols` (tested
 * against statsmodels in ./ols.test.ts); a synthetic panel made with known coefficients, so the
 * estimates must land near them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import type { Cell, Table } from "../../../src/core/table";
import { CALIBRATE_HEADER, CALIBRATION_COLUMNS, type CalibrationColumns, calibrateChain, findCalibrationColumns } from "../../../src/core/calibration/calibrate";
import { defaultHacLags, ols } from "../../../src/core/calibration/ols";
import { dataGenerator, relDiff } from "./reference";

/** The coefficients the synthetic panel is made with, and the CHAIN parameters they imply. */
const TRUE = {
  passthrough: 0.7, // ΔJGB = 0.7·ΔJP + noise
  fxSlope: -3, // Δln USDJPY = −3·ΔJP + 1.5·ΔUS3M + noise → fx_response = 0.01·(−3) = −0.03
  b12Slope: -2500, // B12 = 100 − 2500·ADV + noise → bid_elasticity_bn = −0.01·(−2500) = 25
  tpSlope: -0.4, // ΔTP12 (bp) = 20 − 0.4·B12 + noise → bp_per_100bn = −100·(−0.4) = 40
};

const monthEnd = (i: number) => new Date(Date.UTC(2005, i + 1, 0)).toISOString().slice(0, 10);

type Col = (number | "")[];

/**
 * A panel of n months with the coefficients above. Japan's monthly buying is backed out from the
 * wanted 12-month sums (bₜ = B12ₜ − B12ₜ₋₁ + bₜ₋₁₂), the term premium from the wanted 12-month
 * changes (TPₜ = TPₜ₋₁₂ + ΔTP12ₜ/10⁴), so both regressions hold exactly as written, plus noise.
 */
function panel(n: number, seed = 1): CalibrationColumns {
  const g = dataGenerator(seed);
  const jp: number[] = [];
  const us: number[] = [];
  const jgb: number[] = [];
  const fx: number[] = [];
  const adv: number[] = [];
  for (let t = 0; t < n; t++) {
    const dJp = t ? 0.001 * g.normal() : 0;
    const dUs = t ? 0.002 * g.normal() : 0;
    jp.push(t ? jp[t - 1] + dJp : 0.001);
    us.push(t ? us[t - 1] + dUs : 0.02);
    jgb.push(t ? jgb[t - 1] + TRUE.passthrough * dJp + 0.0005 * g.normal() : 0.012);
    fx.push(t ? fx[t - 1] * Math.exp(TRUE.fxSlope * dJp + 1.5 * dUs + 0.02 * g.normal()) : 110);
    adv.push(t ? -0.0005 + 0.95 * adv[t - 1] + 0.002 * g.normal() : -0.01);
  }
  const b12Target = adv.map((a) => 100 + TRUE.b12Slope * a + 10 * g.normal());
  const buying: number[] = [];
  for (let t = 0; t < n; t++) {
    if (t < 11) buying.push(8 + 10 * g.normal());
    else if (t === 11) buying.push(b12Target[11] - buying.reduce((s, v) => s + v, 0));
    else buying.push(b12Target[t] - b12Target[t - 1] + buying[t - 12]);
  }
  const tp: number[] = [];
  for (let t = 0; t < n; t++) {
    if (t < 12) tp.push(0.005 + 0.001 * g.normal());
    else tp.push(tp[t - 12] + (20 + TRUE.tpSlope * b12Target[t] + 15 * g.normal()) / 10000);
  }
  return {
    month: Array.from({ length: n }, (_, i) => monthEnd(i)),
    jp_short: jp,
    jgb_10y: jgb,
    us_3m: us,
    usdjpy: fx,
    jgb_advantage: adv,
    japan_bond_buying_bn: buying,
    term_premium_10y: tp,
  };
}

/** The panel with holes, as CHAIN_HISTORY leaves them for months a source has not published. */
function withHoles(p: CalibrationColumns): CalibrationColumns {
  const hole = (c: readonly (number | "")[], at: number[]) => c.map((v, i) => (at.includes(i) ? "" : v));
  return { ...p, usdjpy: hole(p.usdjpy, [30]), term_premium_10y: hole(p.term_premium_10y, [50, 51]), japan_bond_buying_bn: hole(p.japan_bond_buying_bn, [100]), jp_short: hole(p.jp_short, [5]) };
}

// The four regressions rebuilt from the formulas (a different construction from the code's).
const diff = (c: Col): Col => c.map((v, t) => (t === 0 || v === "" || c[t - 1] === "" ? "" : v - (c[t - 1] as number)));
const sum12 = (c: Col): Col =>
  c.map((_, t) => {
    if (t < 11) return "";
    const w = c.slice(t - 11, t + 1);
    return w.some((v) => v === "") ? "" : (w as number[]).reduce((s, v) => s + v, 0);
  });
const change12bp = (c: Col): Col => c.map((v, t) => (t < 12 || v === "" || c[t - 12] === "" ? "" : (v - (c[t - 12] as number)) * 10000));

interface Expected {
  estimate: number;
  se: number;
  r2: number;
  n: number;
  from: string;
  to: string;
}

function expectedLinks(p: CalibrationColumns, hacLags?: number): Record<string, Expected> {
  const logFx: Col = p.usdjpy.map((v) => (v === "" ? "" : Math.log(v)));
  const b12 = sum12(p.japan_bond_buying_bn as Col);
  const spec: [string, Col, Col[], number, number | undefined][] = [
    ["jgb_passthrough", diff(p.jgb_10y as Col), [diff(p.jp_short as Col)], 1, undefined],
    ["fx_response", diff(logFx), [diff(p.jp_short as Col), diff(p.us_3m as Col)], 0.01, undefined],
    ["bid_elasticity_bn", b12, [p.jgb_advantage as Col], -0.01, 12],
    ["bp_per_100bn", change12bp(p.term_premium_10y as Col), [b12], -100, 12],
  ];
  const out: Record<string, Expected> = {};
  for (const [name, y, xs, factor, lags12] of spec) {
    const rows = y.map((_, t) => t).filter((t) => y[t] !== "" && xs.every((x) => x[t] !== ""));
    const fit = ols(
      rows.map((t) => y[t] as number),
      rows.map((t) => xs.map((x) => x[t] as number)),
      { intercept: true, hacLags: hacLags ?? lags12 ?? defaultHacLags(rows.length) },
    );
    out[name] = { estimate: factor * fit.beta[1], se: Math.abs(factor) * fit.se[1], r2: fit.r2 as number, n: rows.length, from: p.month[rows[0]], to: p.month[rows[rows.length - 1]] };
  }
  return out;
}

const rowOf = (t: Table, name: string) => t.find((r) => r[0] === name)!;

function expectLinkMatches(t: Table, name: string, e: Expected) {
  const [, est, se, lo, hi, tStat, r2, n, from, to] = rowOf(t, name) as [string, number, number, number, number, number, number, number, string, string];
  expect(relDiff(est, e.estimate), `${name} estimate`).toBeLessThan(1e-9);
  expect(relDiff(se, e.se), `${name} std_error`).toBeLessThan(1e-9);
  expect(relDiff(lo, e.estimate - 1.959963984540054 * e.se, 1e-12), `${name} ci_low`).toBeLessThan(1e-9);
  expect(relDiff(hi, e.estimate + 1.959963984540054 * e.se, 1e-12), `${name} ci_high`).toBeLessThan(1e-9);
  expect(relDiff(tStat, e.estimate / e.se), `${name} t_stat`).toBeLessThan(1e-9);
  expect(Math.abs(r2 - e.r2), `${name} r2`).toBeLessThan(1e-12);
  expect([n, from, to], name).toEqual([e.n, e.from, e.to]);
}

describe("CALIBRATE_CHAIN on a synthetic panel with known coefficients (20 years of months)", () => {
  const p = withHoles(panel(240));
  const t = calibrateChain(p);

  it("spills the contract's header and the four links in order, with CHAIN_INPUTS' defaults 1, 0, \"\", 80", () => {
    expect(t[0]).toEqual([...CALIBRATE_HEADER]);
    expect(t.map((r) => r[0])).toEqual(["parameter", "jgb_passthrough", "fx_response", "bid_elasticity_bn", "bp_per_100bn"]);
    expect(t.slice(1).map((r) => r[10])).toEqual([1, 0, "", 80]);
    t.forEach((r) => expect(r.length).toBe(11));
  });

  it("each link equals its regression rebuilt from the formulas (Δ, Δln, 12-month sums and changes written out here)", () => {
    const e = expectedLinks(p);
    for (const name of Object.keys(e)) expectLinkMatches(t, name, e[name]);
  });

  it("the lags: REGRESS's default for the monthly links, 12 for the 12-month ones; hac_lags given applies to all four", () => {
    // n and the lags behind the std errors: the rebuilt regressions above used exactly these.
    const e = expectedLinks(p);
    expect(e.jgb_passthrough.n).toBe(237); // 240 − the first row − the two around the jp_short hole
    expect(e.bid_elasticity_bn.n).toBe(240 - 11 - 12); // B12 from row 12, none for the 12 windows holding the hole
    const given = calibrateChain(p, 3);
    const e3 = expectedLinks(p, 3);
    for (const name of Object.keys(e3)) expectLinkMatches(given, name, e3[name]);
    expect(rowOf(given, "bp_per_100bn")[2]).not.toBe(rowOf(t, "bp_per_100bn")[2]);
  });

  it("the estimates land near the coefficients the panel was made with (within 4 std errors)", () => {
    const truth: Record<string, number> = { jgb_passthrough: TRUE.passthrough, fx_response: 0.01 * TRUE.fxSlope, bid_elasticity_bn: -0.01 * TRUE.b12Slope, bp_per_100bn: -100 * TRUE.tpSlope };
    for (const [name, value] of Object.entries(truth)) {
      const [, est, se] = rowOf(t, name) as [string, number, number];
      expect(Math.abs(est - value), `${name}: ${est} ± ${se} vs ${value}`).toBeLessThan(4 * se);
    }
  });

  it("from/to are the first and last months each link used", () => {
    expect(rowOf(t, "jgb_passthrough").slice(8, 10)).toEqual(["2005-02-28", "2024-12-31"]);
    expect(rowOf(t, "bid_elasticity_bn")[8]).toBe("2005-12-31"); // the first 12-month window ends in month 12
    expect(rowOf(t, "bp_per_100bn")[8]).toBe("2006-01-31"); // the first 12-month change is at month 13
  });
});

describe("columns are found by name (the order of a history table does not matter)", () => {
  const p = panel(60, 4);
  const extra: Record<string, Col | string[]> = { us_10y: p.us_3m.map((v) => (v === "" ? "" : v + 0.01)), hedged_ust: p.jp_short as Col, note: p.month.map(() => "x") };

  /** A CHAIN_HISTORY-like table with the given column order; read back through findCalibrationColumns. */
  function throughTable(order: string[]): CalibrationColumns {
    const all = { ...p, ...extra } as Record<string, readonly Cell[]>;
    const header = order.map((name, i) => (i % 2 ? name.toUpperCase() : ` ${name}`)); // case and spaces do not matter
    const rows = p.month.map((_, r) => order.map((name) => all[name][r]));
    const at = findCalibrationColumns(header);
    const col = (name: (typeof CALIBRATION_COLUMNS)[number]) => rows.map((row) => row[at[name]]);
    return {
      month: col("month") as string[],
      jp_short: col("jp_short") as Col,
      jgb_10y: col("jgb_10y") as Col,
      us_3m: col("us_3m") as Col,
      usdjpy: col("usdjpy") as Col,
      jgb_advantage: col("jgb_advantage") as Col,
      japan_bond_buying_bn: col("japan_bond_buying_bn") as Col,
      term_premium_10y: col("term_premium_10y") as Col,
    };
  }

  it("any permutation of the columns, with extra columns among them, gives the same result", () => {
    const names = [...CALIBRATION_COLUMNS, ...Object.keys(extra)];
    const reference = calibrateChain(p);
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: names.length, maxLength: names.length }), (keys) => {
        const order = names.map((n, i) => [n, keys[i]] as const).sort((a, b) => a[1] - b[1]).map(([n]) => n);
        expect(calibrateChain(throughTable(order))).toEqual(reference);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it("missing columns: one #VALUE! naming all of them", () => {
    try {
      findCalibrationColumns(["month", "jp_short", "JGB_10Y", "us_3m", "usdjpy", "other"]);
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(SheetError);
      const m = (e as SheetError).message;
      for (const missing of ["jgb_advantage", "japan_bond_buying_bn", "term_premium_10y"]) expect(m).toContain(`"${missing}"`);
      expect(m).not.toContain('"jgb_10y"');
    }
  });

  it("a needed name in two columns: #VALUE! naming it", () => {
    expect(() => findCalibrationColumns([...CALIBRATION_COLUMNS, "usdjpy"])).toThrow(/two columns named "usdjpy"/);
  });
});

describe("links that cannot be estimated spoil only their own row", () => {
  const failedLink = (t: Table, name: string, n: number, def: Cell, message: RegExp) => {
    const r = rowOf(t, name);
    for (let c = 1; c <= 6; c++) {
      expect(r[c], `${name} column ${c}`).toBeInstanceOf(SheetError);
      expect((r[c] as SheetError).message).toMatch(message);
    }
    expect(r.slice(7)).toEqual([n, "", "", def]);
  };

  it("20 months: the monthly links stand; the 12-month links have 9 and 8 rows, fewer than 12 lags need (#VALUE!)", () => {
    const p = panel(20, 2);
    const t = calibrateChain(p);
    expect(typeof rowOf(t, "jgb_passthrough")[1]).toBe("number");
    expect(typeof rowOf(t, "fx_response")[1]).toBe("number");
    failedLink(t, "bid_elasticity_bn", 9, "", /^bid_elasticity_bn: 9 months .* at least 13 .*12 Newey–West lags/);
    failedLink(t, "bp_per_100bn", 8, 80, /^bp_per_100bn: 8 months .* at least 13/);
    expect((rowOf(t, "bp_per_100bn")[1] as SheetError).kind).toBe("value");
    // With hac_lags given, 8 rows are enough (an intercept and a slope need 3).
    const given = calibrateChain(p, 2);
    expectLinkMatches(given, "bp_per_100bn", expectedLinks(p, 2).bp_per_100bn);
  });

  it("2 months: every link has too few rows, each with the rows it had", () => {
    const t = calibrateChain(panel(2, 3));
    failedLink(t, "jgb_passthrough", 1, 1, /^jgb_passthrough: 1 month has Δjgb_10y and Δjp_short; the regression needs at least 3$/);
    failedLink(t, "fx_response", 1, 0, /at least 4/);
    failedLink(t, "bid_elasticity_bn", 0, "", /0 months/);
    failedLink(t, "bp_per_100bn", 0, 80, /0 months/);
  });

  it("a given hac_lags too large for a link's rows: that link's #VALUE! names hac_lags; the others stand", () => {
    const p = panel(20, 2);
    const t = calibrateChain(p, 15);
    expect(typeof rowOf(t, "jgb_passthrough")[1]).toBe("number"); // 19 rows: 15 lags allowed
    failedLink(t, "bid_elasticity_bn", 9, "", /^bid_elasticity_bn: hac_lags = 15 must be a whole number from 0 to 8/);
  });

  it("a constant jp_short (zero-rate years): the two links on Δjp_short are #NUM! collinear; the other two stand", () => {
    const p = { ...panel(60, 5), jp_short: new Array(60).fill(-0.001) };
    const t = calibrateChain(p);
    failedLink(t, "jgb_passthrough", 59, 1, /collinear/);
    failedLink(t, "fx_response", 59, 0, /collinear/);
    expect((rowOf(t, "fx_response")[1] as SheetError).kind).toBe("num");
    expect(typeof rowOf(t, "bp_per_100bn")[1]).toBe("number");
  });

  it("a USD/JPY that is not positive: fx_response is #VALUE! naming the month; the other links are as without it", () => {
    const good = panel(60, 6);
    const bad = { ...good, usdjpy: good.usdjpy.map((v, i) => (i === 17 ? 0 : v)) };
    const t = calibrateChain(bad);
    failedLink(t, "fx_response", 57, 0, /usdjpy = 0 in 2006-06-30 \(row 19 of history/);
    const ok = calibrateChain(good);
    for (const name of ["jgb_passthrough", "bid_elasticity_bn", "bp_per_100bn"]) expect(rowOf(t, name)).toEqual(rowOf(ok, name));
  });

  it("an exact link (Δjgb_10y = 0.5·Δjp_short in exact binary fractions): estimate 0.5, std_error 0, t_stat #NUM!", () => {
    // jp_short on a grid of 2⁻²⁰ and jgb_10y = jp_short/2: every difference is exact, so the fit is.
    const p = panel(40, 8);
    const jp = p.jp_short.map((v) => Math.round((v as number) * 2 ** 20) / 2 ** 20);
    const r = rowOf(calibrateChain({ ...p, jp_short: jp, jgb_10y: jp.map((v) => v / 2) }), "jgb_passthrough");
    expect(r[1]).toBeCloseTo(0.5, 12);
    expect(r[2]).toBe(0);
    expect((r[5] as SheetError).kind).toBe("num");
  });
});

describe("refusals of the whole table", () => {
  it("months not in time order: one #VALUE! (a table sorted newest first would flip ΔTP12's sign)", () => {
    const p = panel(30, 9);
    const reversed = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [...v].reverse()])) as unknown as CalibrationColumns;
    expect(() => calibrateChain(reversed)).toThrow(/time order, oldest first/);
  });

  it("columns of different lengths, or a hac_lags that is not a whole number ≥ 0: #VALUE!", () => {
    const p = panel(30, 9);
    expect(() => calibrateChain({ ...p, usdjpy: p.usdjpy.slice(1) })).toThrow(/usdjpy has 29 rows/);
    expect(() => calibrateChain(p, -1)).toThrow(/hac_lags = -1/);
    expect(() => calibrateChain(p, 2.5)).toThrow(/hac_lags = 2.5/);
  });
});
