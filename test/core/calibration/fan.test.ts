/**
 * CHAIN_FAN (src/core/calibration/fan.ts) as docs/functions.md (CHAIN_FAN) writes it. Expected
 * values: CHAIN itself (`chain` and `outcome`, the table the contract defines) for draws with no
 * uncertainty; closed forms where the chain is linear in the drawn parameter; an independent Monte
 * Carlo written here (L'Ecuyer's generator, Box–Muller, CHAIN's table per draw) within Monte Carlo
 * error computed in each test; Excel's documented PERCENTILE.INC example.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import type { Cell, Table } from "../../../src/core/table";
import { type ChainInputs, type ChainStep, chain, chainOrError, outcome } from "../../../src/core/scenarios/chain";
import { type CalibrationRow, FAN_HEADER, chainFan, percentileInc } from "../../../src/core/calibration/fan";
import { NormalGenerator } from "../../../src/core/calibration/random";
import { LEcuyer, normalCdf, normalPdf } from "./reference";

const STATS = ["p05", "p25", "p50", "p75", "p95", "mean"];
const COLUMNS: ChainStep[] = ["term_premium_change", "us_10y", "pe_change_growth"];
const PROBS = [0.05, 0.25, 0.5, 0.75, 0.95];

const stat = (t: Table, row: string, col: ChainStep) => t.find((r) => r[0] === row)![1 + COLUMNS.indexOf(col)];
const share = (t: Table, id: string) => t.find((r) => r[0] === `scenario ${id}`)![2] as number;
const failed = (t: Table) => t.find((r) => r[0] === "failed_draws")!.slice(1);

/** The worked example of docs/functions.md (CHAIN): a life insurer that hedges 60%. */
const LIFER: Partial<ChainInputs> = { hedge_ratio: 0.6, fx_response: -0.04, bid_elasticity_bn: 50 };

/** A calibration like CALIBRATE_CHAIN's on the real files (orders of magnitude, not the estimates). */
const CALIBRATION: CalibrationRow[] = [
  { parameter: "jgb_passthrough", estimate: 0.6, std_error: 0.15 },
  { parameter: "fx_response", estimate: -0.03, std_error: 0.02 },
  { parameter: "bid_elasticity_bn", estimate: 40, std_error: 15 },
  { parameter: "bp_per_100bn", estimate: 60, std_error: 25 },
];

const withSe = (rows: CalibrationRow[], se: number) => rows.map((r) => ({ ...r, std_error: se }));

const thrown = (f: () => unknown): SheetError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
  throw new Error("expected a SheetError");
};

describe("the table", () => {
  it("has the contract's header and rows: p05…p95, mean, scenario A/B/C (us_10y only), failed_draws", () => {
    const t = chainFan(LIFER, CALIBRATION, 500, 1);
    expect(t[0]).toEqual([...FAN_HEADER]);
    expect(t.map((r) => r[0])).toEqual(["statistic", ...STATS, "scenario A", "scenario B", "scenario C", "failed_draws"]);
    for (const id of ["A", "B", "C"]) {
      const r = t.find((x) => x[0] === `scenario ${id}`)!;
      expect([r[1], r[3]]).toEqual(["", ""]);
    }
    expect(share(t, "A") + share(t, "B") + share(t, "C")).toBeCloseTo(1, 14);
    expect(failed(t)).toEqual([0, 0, 0]);
  });
});

describe("with zero std errors every draw is CHAIN at the estimates, exactly", () => {
  const cases: [string, Partial<ChainInputs>, CalibrationRow[]][] = [
    ["the note's defaults, bp_per_100bn drawn", {}, [{ parameter: "bp_per_100bn", estimate: 80, std_error: 0 }]],
    ["the lifer, all four links drawn", LIFER, withSe(CALIBRATION, 0)],
    ["a hand-typed block with mixed case and a blank row", { hedge_ratio: 0.5 }, [{ parameter: " FX_Response ", estimate: -0.05, std_error: 0 }, { parameter: "", estimate: "", std_error: "" }, { parameter: "jgb_passthrough", estimate: 1.4, std_error: 0 }]],
  ];
  for (const [label, inputs, cal] of cases) {
    it(label, () => {
      const t = chainFan(inputs, cal, 100, 5);
      const at: Record<string, number> = {};
      for (const r of cal) if (r.parameter.trim()) at[r.parameter.trim().toLowerCase()] = r.estimate as number;
      const base: Partial<ChainInputs> = { ...inputs };
      if ("bid_elasticity_bn" in at) delete base.bid_cut;
      const c = chain({ ...base, ...at });
      for (const col of COLUMNS) for (const s of STATS) expect(stat(t, s, col), `${s} ${col}`).toBe(outcome(c, col));
      const label10y = outcome(c, "scenario") as string;
      expect(share(t, label10y)).toBe(1);
      expect(failed(t)).toEqual([0, 0, 0]);
    });
  }

  it("for any inputs (property): each statistic is CHAIN's cell, or the column fails in every draw when CHAIN's cell is an error", () => {
    fc.assert(
      fc.property(
        fc.record({
          hedge_ratio: fc.double({ min: 0, max: 1, noNaN: true }),
          fx_response: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
          bid_elasticity_bn: fc.double({ min: -200, max: 200, noNaN: true }),
          bp_per_100bn: fc.double({ min: -300, max: 300, noNaN: true }),
          erp: fc.double({ min: 0, max: 0.1, noNaN: true }),
          jgb_passthrough: fc.double({ min: -1, max: 3, noNaN: true }),
        }),
        (v) => {
          const cal: CalibrationRow[] = [
            { parameter: "bid_elasticity_bn", estimate: v.bid_elasticity_bn, std_error: 0 },
            { parameter: "bp_per_100bn", estimate: v.bp_per_100bn, std_error: 0 },
          ];
          const inputs = { hedge_ratio: v.hedge_ratio, fx_response: v.fx_response, erp: v.erp, jgb_passthrough: v.jgb_passthrough };
          const c = chainOrError({ ...inputs, bid_elasticity_bn: v.bid_elasticity_bn, bp_per_100bn: v.bp_per_100bn });
          if (c instanceof SheetError) {
            expect(thrown(() => chainFan(inputs, cal, 100, 1))).toEqual(c);
            return;
          }
          const t = chainFan(inputs, cal, 100, 1);
          COLUMNS.forEach((col, j) => {
            const cell = outcome(c, col);
            if (typeof cell === "number") {
              for (const s of STATS) expect(stat(t, s, col)).toBe(cell);
              expect(failed(t)[j]).toBe(0);
            } else {
              expect(failed(t)[j]).toBe(100);
              expect(stat(t, "p50", col)).toBeInstanceOf(SheetError);
            }
          });
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});

describe("the generator's seed", () => {
  it("the same seed repeats exactly; another seed differs", () => {
    expect(chainFan(LIFER, CALIBRATION, 1000, 42)).toEqual(chainFan(LIFER, CALIBRATION, 1000, 42));
    expect(chainFan(LIFER, CALIBRATION, 1000, 43)).not.toEqual(chainFan(LIFER, CALIBRATION, 1000, 42));
  });

  it("the order of the calibration's rows does not matter (normals are taken in CHAIN_INPUTS' order)", () => {
    expect(chainFan(LIFER, [...CALIBRATION].reverse(), 1000, 3)).toEqual(chainFan(LIFER, CALIBRATION, 1000, 3));
  });

  it("draw i, parameter j takes normal number i·(parameters) + j of NormalGenerator(seed): replaying them gives CHAIN's us_10y draws", () => {
    // The documented order, replayed through CHAIN's table per draw.
    const draws = 200;
    const g = new NormalGenerator(9);
    const us: number[] = [];
    for (let i = 0; i < draws; i++) {
      const drawn: Record<string, number> = {};
      // CHAIN_INPUTS' order of these four: jgb_passthrough, bp_per_100bn, fx_response, bid_elasticity_bn.
      for (const name of ["jgb_passthrough", "bp_per_100bn", "fx_response", "bid_elasticity_bn"]) {
        const r = CALIBRATION.find((x) => x.parameter === name)!;
        drawn[name] = (r.estimate as number) + (r.std_error as number) * g.nextNormal();
      }
      us.push(outcome(chain({ ...LIFER, ...drawn }), "us_10y") as number);
    }
    us.sort((a, b) => a - b);
    const t = chainFan(LIFER, CALIBRATION, draws, 9);
    expect(stat(t, "p50", "us_10y")).toBe(+percentileInc(us, 50).toPrecision(15));
    expect(stat(t, "p05", "us_10y")).toBe(+percentileInc(us, 5).toPrecision(15));
  });
});

describe("quantiles agree with sampling theory", () => {
  it("bp_per_100bn alone (linear): us_10y's quantiles are 4.30% + 37.5bn/10⁶·(80 + 30·z_p) within 4 Monte Carlo errors", () => {
    // Closed form: with the note's bid cut, shortfall = 75·0.5 = 37.5bn and tp = 37.5/100·bp/10⁴.
    // The error of a sample quantile is √(p(1−p)/N)/f(q_p), f the density there: φ(z_p)/(scale).
    const n = 100000;
    const t = chainFan({}, [{ parameter: "bp_per_100bn", estimate: 80, std_error: 30 }], n, 1);
    const scale = 37.5e-6 * 30;
    const z = [-1.6448536269514722, -0.6744897501960817, 0, 0.6744897501960817, 1.6448536269514722]; // Φ⁻¹(p), scipy ndtri
    PROBS.forEach((p, k) => {
      const q = 0.043 + 37.5e-6 * (80 + 30 * z[k]);
      const tol = (4 * Math.sqrt((p * (1 - p)) / n)) / (normalPdf(z[k]) / scale);
      expect(Math.abs((stat(t, STATS[k], "us_10y") as number) - q), `p${p}`).toBeLessThan(tol);
    });
    expect(Math.abs((stat(t, "mean", "us_10y") as number) - (0.043 + 37.5e-6 * 80))).toBeLessThan((4 * scale) / Math.sqrt(n));
    // Scenario A: us_10y < 4.5% ⇔ bp < 53.33…; binomial error √(s(1−s)/N).
    const sA = normalCdf((0.002 / 37.5e-6 - 80) / 30);
    expect(Math.abs(share(t, "A") - sA)).toBeLessThan(4 * Math.sqrt((sA * (1 - sA)) / n));
  });

  it("the lifer with all four links drawn (non-linear): quantiles and shares agree with an independent Monte Carlo", () => {
    const n1 = 100000;
    const n2 = 100000;
    const t = chainFan(LIFER, CALIBRATION, n1, 2024);
    // The reference: another generator, Box–Muller normals, CHAIN's whole table per draw.
    const g = new LEcuyer(77);
    const ref: Record<string, number[]> = { us_10y: [], pe_change_growth: [], term_premium_change: [] };
    const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (let i = 0; i < n2; i++) {
      const drawn: Record<string, number> = {};
      for (const r of CALIBRATION) drawn[r.parameter] = (r.estimate as number) + (r.std_error as number) * g.normal();
      const c = chain({ ...LIFER, ...drawn });
      for (const col of COLUMNS) {
        const v = outcome(c, col);
        if (typeof v === "number") ref[col].push(v);
      }
      counts[outcome(c, "scenario") as string]++;
    }
    for (const col of COLUMNS) {
      const sorted = ref[col].sort((a, b) => a - b);
      expect(sorted.length).toBe(n2);
      const q = (p: number) => percentileInc(sorted, p * 100);
      PROBS.forEach((p, k) => {
        // Density at q_p from the reference sample: 0.04/(q(p + 0.02) − q(p − 0.02)).
        const f = 0.04 / (q(p + 0.02) - q(p - 0.02));
        const tol = (4 * Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))) / f;
        expect(Math.abs((stat(t, STATS[k], col) as number) - q(p)), `${col} p${p}: tolerance ${tol}`).toBeLessThan(tol);
      });
    }
    for (const id of ["A", "B", "C"]) {
      const s = counts[id] / n2;
      const tol = 4 * Math.sqrt(Math.max(s * (1 - s), 1 / n2) * (1 / n1 + 1 / n2));
      expect(Math.abs(share(t, id) - s), `scenario ${id}`).toBeLessThan(tol);
    }
  });
});

describe("failed draws", () => {
  it("erp below growth (the discount rate 4.3% + 1% under growth 6.5%): every pe_change_growth draw fails, the other columns stand", () => {
    const t = chainFan({ erp: 0.01 }, CALIBRATION, 300, 1);
    expect(failed(t)).toEqual([0, 0, 300]);
    for (const s of STATS) {
      const cell = stat(t, s, "pe_change_growth") as SheetError;
      expect(cell).toBeInstanceOf(SheetError);
      expect(cell.message).toContain("growth_growth");
    }
    expect(typeof stat(t, "p50", "us_10y")).toBe("number");
  });

  it("a discount rate 0.1pp above growth: draws with tp ≤ −0.1pp fail; the count and the statistics are those of CHAIN on the replayed draws", () => {
    // erp = 6.5% + 0.1% − 4.3%; tp = 3.75e-5·bp, so a draw fails when bp ≤ −26.67 (z ≤ −0.6667).
    const inputs = { erp: 0.023 };
    const cal = [{ parameter: "bp_per_100bn", estimate: 0, std_error: 40 }];
    const draws = 20000;
    const t = chainFan(inputs, cal, draws, 8);
    const g = new NormalGenerator(8);
    const ok: number[] = [];
    for (let i = 0; i < draws; i++) {
      const v = outcome(chain({ ...inputs, bp_per_100bn: 40 * g.nextNormal() }), "pe_change_growth");
      if (typeof v === "number") ok.push(v);
    }
    expect(failed(t)).toEqual([0, 0, draws - ok.length]);
    ok.sort((a, b) => a - b);
    expect(stat(t, "p50", "pe_change_growth")).toBe(+percentileInc(ok, 50).toPrecision(15));
    const p = normalCdf(-(0.001 / 37.5e-6) / 40);
    expect(Math.abs((draws - ok.length) / draws - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws));
  });

  it("a drawn bid_cut above 1 makes CHAIN refuse that draw: it fails in every column", () => {
    const t = chainFan({}, [{ parameter: "bid_cut", estimate: 0.9, std_error: 0.2 }], 10000, 4);
    const [a, b, c] = failed(t) as number[];
    expect(a).toBe(b);
    expect(b).toBe(c);
    const p = 1 - normalCdf(0.5); // P(0.9 + 0.2z > 1)
    expect(Math.abs(a / 10000 - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 10000));
  });
});

describe("drawing one way of setting the bid cut drops the other from inputs", () => {
  it("bid_elasticity_bn drawn beside a bid_cut in inputs: the bid_cut is ignored (no whole-table error)", () => {
    const cal = [{ parameter: "bid_elasticity_bn", estimate: 50, std_error: 0 }];
    const t = chainFan({ ...LIFER, bid_elasticity_bn: undefined, bid_cut: 0.3 } as Partial<ChainInputs>, cal, 100, 1);
    expect(stat(t, "p50", "us_10y")).toBe(outcome(chain(LIFER), "us_10y")); // the worked example: 4.70%
    expect(stat(t, "p50", "us_10y")).toBe(0.047);
  });

  it("bid_cut drawn beside a bid_elasticity_bn in inputs: the elasticity is ignored", () => {
    const t = chainFan(LIFER, [{ parameter: "bid_cut", estimate: 0.5, std_error: 0 }], 100, 1);
    expect(stat(t, "p50", "us_10y")).toBe(outcome(chain({ ...LIFER, bid_elasticity_bn: "" }), "us_10y"));
  });

  it("both drawn: #VALUE! saying to keep one", () => {
    const cal = [
      { parameter: "bid_cut", estimate: 0.5, std_error: 0.1 },
      { parameter: "bid_elasticity_bn", estimate: 50, std_error: 10 },
    ];
    expect(thrown(() => chainFan({}, cal)).message).toContain("keep one");
  });
});

describe("refusals: the whole result is one #VALUE!", () => {
  const row = (estimate: Cell, std_error: Cell, parameter = "fx_response"): CalibrationRow[] => [{ parameter, estimate, std_error }];
  it("an estimate or std_error that is not a number names the parameter (a link CALIBRATE_CHAIN could not estimate)", () => {
    const e = new SheetError("value", "fx_response: 3 months have …");
    for (const [est, se] of [[e, e], ["", 0.1], ["abc", 0.1], [0.1, ""], [NaN, 0.1], [0.1, Infinity]] as [Cell, Cell][]) {
      const err = thrown(() => chainFan({}, row(est, se)));
      expect(err.kind).toBe("value");
      expect(err.message).toContain("fx_response");
    }
  });

  it("a negative std_error, an unknown or a repeated parameter", () => {
    expect(thrown(() => chainFan({}, row(0, -0.01))).message).toMatch(/std_error of fx_response .* negative/);
    expect(thrown(() => chainFan({}, row(0, 0.01, "fx_responce"))).message).toContain('"fx_responce" is not a CHAIN input');
    expect(thrown(() => chainFan({}, [...row(0, 0.01), ...row(0, 0.02, "FX_RESPONSE")])).message).toContain("twice");
    expect(thrown(() => chainFan({}, [{ parameter: "", estimate: 1, std_error: 0 }])).message).toContain("no parameter name");
  });

  it("draws outside 100..100,000 or not whole; a seed outside 0..2,147,483,647 or not whole", () => {
    for (const d of [99, 100001, 150.5, NaN]) expect(thrown(() => chainFan({}, CALIBRATION, d)).message).toMatch(/^draws = .* 100 to 100,000/);
    for (const s of [-1, 2147483648, 0.5]) expect(thrown(() => chainFan({}, CALIBRATION, 100, s)).message).toMatch(/^seed = /);
    expect(() => chainFan({}, CALIBRATION, 100, 0)).not.toThrow();
    expect(() => chainFan({}, CALIBRATION, 100, 2147483647)).not.toThrow();
  });

  it("inputs CHAIN refuses at the estimates themselves: CHAIN's own error", () => {
    const e = thrown(() => chainFan({ bid_cut: 0.4, bid_elasticity_bn: 30 }, row(0, 0.01)));
    expect(e).toEqual(chainOrError({ bid_cut: 0.4, bid_elasticity_bn: 30, fx_response: 0 }));
  });
});

describe("PERCENTILE.INC", () => {
  it("Excel's documented example: PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9 (Microsoft support, PERCENTILE.INC function)", () => {
    expect(percentileInc([1, 2, 3, 4], 30)).toBeCloseTo(1.9, 15);
  });

  it("a whole rank is read exactly: 2,001 values at 5% give the 101st (rank 100), not an interpolation", () => {
    const v = Array.from({ length: 2001 }, (_, i) => i * i);
    expect(percentileInc(v, 5)).toBe(10000);
    expect(percentileInc(v, 95)).toBe(1900 * 1900);
    expect(percentileInc([7], 50)).toBe(7);
  });
});
