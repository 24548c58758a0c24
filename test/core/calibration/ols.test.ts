/**
 * REGRESS's estimator (src/core/calibration/ols.ts): OLS with Newey–West standard errors as the
 * contract writes them (docs/functions.md, REGRESS: Bartlett weights, no small-sample correction,
 * default lags ⌊4·(n/100)^(2/9)⌋). Expected values come from an independent implementation of
 * those formulas in ./reference.ts (normal equations, Gauss–Jordan, an explicit sandwich loop),
 * White's HC0 written as matrices, closed forms, and statsmodels (test/fixtures/calibration/).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import { defaultHacLags, ols } from "../../../src/core/calibration/ols";
import { ROOT } from "../../../scripts/generated";
import { dataGenerator, referenceOls, relDiff, whiteHc0 } from "./reference";

/** Random data with AR(1) errors (so the lags matter): n rows, k regressors. */
function randomCase(seed: number, n: number, k: number) {
  const g = dataGenerator(seed);
  const X: number[][] = [];
  const y: number[] = [];
  let u = 0;
  const beta = Array.from({ length: k }, () => 2 * g.uniform() - 1);
  for (let t = 0; t < n; t++) {
    const row = Array.from({ length: k }, () => g.normal() * (1 + 3 * g.uniform()));
    u = 0.6 * u + g.normal();
    X.push(row);
    y.push(0.5 + row.reduce((s, v, j) => s + v * beta[j], 0) + u);
  }
  return { X, y };
}

const thrown = (f: () => unknown): SheetError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
  throw new Error("expected a SheetError");
};

describe("ols against the contract's formulas written out separately (normal equations, Gauss–Jordan, the sandwich as a loop)", () => {
  it("agrees to 1e-9 on 200 random data sets, with and without an intercept, for every lag from 0 to 12 and the default", () => {
    const g = dataGenerator(17);
    for (let c = 0; c < 200; c++) {
      const k = 1 + Math.floor(g.uniform() * 4);
      const n = k + 3 + Math.floor(g.uniform() * 150);
      const intercept = g.uniform() < 0.6;
      const { X, y } = randomCase(1000 + c, n, k);
      const given = c % 14 === 13 ? undefined : Math.min(c % 14, n - 1);
      const fit = ols(y, X, { intercept, hacLags: given });
      const lags = given ?? Math.floor(4 * Math.pow(n / 100, 2 / 9)); // n < 51200: no boundary case here
      expect(fit.lags).toBe(lags);
      const ref = referenceOls(y, X, intercept, lags);
      expect(fit.n).toBe(n);
      expect(fit.terms).toBe(k + (intercept ? 1 : 0));
      fit.beta.forEach((b, j) => expect(relDiff(b, ref.beta[j], 1e-8), `case ${c} beta ${j}`).toBeLessThan(1e-9));
      fit.se.forEach((s, j) => expect(relDiff(s, ref.se[j]), `case ${c} se ${j}`).toBeLessThan(1e-9));
      expect(Math.abs((fit.r2 as number) - ref.r2), `case ${c} r2`).toBeLessThan(1e-12);
    }
  });

  it("L = 0 is White's HC0, (X′X)⁻¹X′diag(e²)X(X′X)⁻¹", () => {
    for (const intercept of [true, false]) {
      const { X, y } = randomCase(5, 60, 3);
      const fit = ols(y, X, { intercept, hacLags: 0 });
      whiteHc0(y, X, intercept).forEach((s, j) => expect(relDiff(fit.se[j], s)).toBeLessThan(1e-10));
    }
  });

  it("the lags are counted over the rows in the order given: reversing the rows keeps β but not the HAC errors of a trend", () => {
    // Closed form: OLS is invariant to row order; with L = 0 so is HC0 (a sum over rows).
    const { X, y } = randomCase(9, 80, 2);
    const a = ols(y, X, { intercept: true, hacLags: 0 });
    const b = ols([...y].reverse(), [...X].reverse(), { intercept: true, hacLags: 0 });
    a.beta.forEach((v, j) => expect(relDiff(b.beta[j], v)).toBeLessThan(1e-12));
    a.se.forEach((v, j) => expect(relDiff(b.se[j], v)).toBeLessThan(1e-10));
    // A shuffled order changes which residuals are neighbours, hence S for L > 0.
    const order = y.map((_, i) => (i * 37) % 80);
    const c = ols(order.map((i) => y[i]), order.map((i) => X[i]), { intercept: true, hacLags: 4 });
    const d = ols(y, X, { intercept: true, hacLags: 4 });
    expect(relDiff(c.se[1], d.se[1])).toBeGreaterThan(1e-6);
    const ref = referenceOls(order.map((i) => y[i]), order.map((i) => X[i]), true, 4);
    c.se.forEach((v, j) => expect(relDiff(v, ref.se[j])).toBeLessThan(1e-9));
  });

  it("stays accurate where the normal equations do not: a calendar-year regressor (2000…2299) beside a tiny one", () => {
    // Exact construction: y = −5 + 0.002·year + 3·x2 + e with e known, so β is the OLS of e added
    // to the true β; compare β with the reference on centred data (which is well conditioned).
    const g = dataGenerator(3);
    const n = 300;
    const X = Array.from({ length: n }, (_, t) => [2000 + t, 0.01 * g.normal()]);
    const y = X.map(([yr, x2]) => -5 + 0.002 * yr + 3 * x2 + 0.1 * g.normal());
    const fit = ols(y, X, { intercept: true, hacLags: 3 });
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const xc = X.map((r) => [r[0] - 2149.5, r[1]]); // 2149.5 = the mean year, exact
    const ref = referenceOls(y, xc, true, 3);
    expect(relDiff(fit.beta[1], ref.beta[1])).toBeLessThan(1e-9);
    expect(relDiff(fit.beta[2], ref.beta[2])).toBeLessThan(1e-9);
    expect(relDiff(fit.se[1], ref.se[1])).toBeLessThan(1e-8);
    // The intercept of the uncentred model: ȳ − β₁·mean(year) − β₂·mean(x2).
    const a = mean(y) - ref.beta[1] * 2149.5 - ref.beta[2] * mean(X.map((r) => r[1]));
    expect(relDiff(fit.beta[0], a)).toBeLessThan(1e-9);
  });
});

describe("the default lags ⌊4·(n/100)^(2/9)⌋, decided in whole numbers", () => {
  it("equals the floating-point formula wherever that is not within rounding of a whole number (n = 2…20,000)", () => {
    for (let n = 2; n <= 20000; n++) {
      const x = 4 * Math.pow(n / 100, 2 / 9);
      if (Math.abs(x - Math.round(x)) < 1e-9) continue;
      expect(defaultHacLags(n), `n = ${n}`).toBe(Math.floor(x));
    }
  });

  it("is exact at the boundaries: n = 100 → 4 (4·1), n = 51,200 → 16 (4·512^(2/9) = 4·4), n = 51,199 → 15", () => {
    // Closed forms: (100/100)^(2/9) = 1; 51200/100 = 512 = 2⁹, so (2⁹)^(2/9) = 4.
    expect(defaultHacLags(100)).toBe(4);
    expect(defaultHacLags(99)).toBe(3);
    expect(defaultHacLags(51200)).toBe(16);
    expect(defaultHacLags(51199)).toBe(15);
    expect(defaultHacLags(1048576)).toBe(Math.floor(4 * Math.pow(10485.76, 2 / 9))); // 31.4…: no boundary
  });

  it("is what ols uses when hac_lags is omitted, and never above n − 1", () => {
    const { X, y } = randomCase(2, 250, 1);
    expect(ols(y, X, { intercept: true }).lags).toBe(4); // 4·2.5^(2/9) = 4.90…
    expect(defaultHacLags(2)).toBe(1); // 4·0.02^(2/9) = 1.67
    expect(defaultHacLags(1)).toBe(0);
  });
});

describe("an exact fit", () => {
  it("y = 2 + 3x: estimates 2 and 3, std errors 0, R² 1 (closed form)", () => {
    const fit = ols([5, 8, 11, 14, 17], [[1], [2], [3], [4], [5]], { intercept: true });
    [2, 3].forEach((b, j) => expect(relDiff(fit.beta[j], b)).toBeLessThan(1e-14));
    expect(fit.se).toEqual([0, 0]);
    expect(fit.r2).toBe(1);
  });

  it("a plane with non-round coefficients on random regressors: residuals are rounding only, so the std errors are 0", () => {
    const g = dataGenerator(8);
    const X = Array.from({ length: 30 }, () => [g.normal(), 10 * g.normal()]);
    const y = X.map(([a, b]) => 0.1 + 0.7 * a - 1.3 * b);
    const fit = ols(y, X, { intercept: true, hacLags: 2 });
    [0.1, 0.7, -1.3].forEach((b, j) => expect(relDiff(fit.beta[j], b)).toBeLessThan(1e-14));
    expect(fit.se).toEqual([0, 0, 0]);
  });
});

describe("refusals", () => {
  it("too few rows: #VALUE! saying how many rows were used and how many the terms need", () => {
    const e = thrown(() => ols([1, 2], [[1], [3]], { intercept: true }));
    expect(e.kind).toBe("value");
    expect(e.message).toContain("2 rows");
    expect(e.message).toContain("2 terms need at least 3");
    expect(thrown(() => ols([], [], { intercept: true, names: ["x1"] })).message).toContain("0 rows");
    expect(() => ols([1, 2, 4], [[1], [3], [4]], { intercept: true })).not.toThrow();
  });

  it("collinear columns: #NUM! naming them, whether exact, through rounding, or a constant beside the intercept", () => {
    const g = dataGenerator(4);
    const a = Array.from({ length: 20 }, () => g.normal());
    const b = Array.from({ length: 20 }, () => g.normal());
    const y = a.map((v, i) => v + b[i] + g.normal());
    const cases: [number[][], boolean, string][] = [
      [a.map((v) => [v, 2 * v]), true, "x2"],
      [a.map((v, i) => [v, b[i], 0.1 * v + 0.3 * b[i]]), true, "x3"], // rounding makes it inexact
      [a.map(() => [0.1]), true, "x1"], // a constant: a multiple of the intercept
      [a.map((v) => [v, 0]), false, "x2 is 0 in every row"],
    ];
    for (const [X, intercept, named] of cases) {
      const e = thrown(() => ols(y, X, { intercept }));
      expect(e.kind).toBe("num");
      expect(e.message).toContain("collinear");
      expect(e.message).toContain(named);
    }
    expect(thrown(() => ols(y, a.map((v) => [v, -v]), { intercept: false, names: ["dJP", "minus"] })).message).toContain("minus");
  });

  it("nearly but not exactly collinear columns (1e-6 apart) are estimated, not refused, and accurately", () => {
    // Closed form: with d = x2 − x1 (exact: Sterbenz), v·β1 + x2·β2 = v·(β1 + β2) + d·β2, so the
    // well-conditioned regression on [x1, d] has the same fit, its d-slope is β2 with the same se.
    const g = dataGenerator(6);
    const X = Array.from({ length: 50 }, () => {
      const v = 1 + g.uniform();
      return [v, v + 1e-6 * g.normal()];
    });
    const y = X.map(([v]) => v + g.normal());
    const fit = ols(y, X, { intercept: true, hacLags: 2 });
    const ref = referenceOls(y, X.map(([v, x2]) => [v, x2 - v]), true, 2);
    expect(relDiff(fit.beta[2], ref.beta[2])).toBeLessThan(1e-7);
    expect(relDiff(fit.beta[1], ref.beta[1] - ref.beta[2], 1)).toBeLessThan(1e-7);
    expect(relDiff(fit.se[2], ref.se[2])).toBeLessThan(1e-7);
  });

  it("hac_lags must be a whole number from 0 to n − 1: #VALUE! naming hac_lags", () => {
    const { X, y } = randomCase(1, 10, 1);
    for (const bad of [-1, 1.5, 10, NaN, Infinity]) {
      const e = thrown(() => ols(y, X, { intercept: true, hacLags: bad }));
      expect(e.kind).toBe("value");
      expect(e.message).toMatch(/^hac_lags = .* must be a whole number from 0 to 9/);
    }
    expect(ols(y, X, { intercept: true, hacLags: 9 }).lags).toBe(9);
  });

  it("a non-finite input is #VALUE! naming its row; a result that overflows is #NUM!", () => {
    expect(thrown(() => ols([1, NaN, 3], [[1], [2], [4]], { intercept: true })).message).toContain("row 2");
    const e = thrown(() => ols([1e300, -1e300, 1e300, 2e300], [[1e-300], [2e-300], [3e-300], [5e-300]], { intercept: false }));
    expect(e.kind).toBe("num");
  });

  it("y that does not vary has no R² (#NUM! in r2) but its estimates stand", () => {
    const fit = ols([3, 3, 3, 3], [[1], [2], [3], [5]], { intercept: true });
    expect(fit.beta[0]).toBeCloseTo(3, 14);
    expect(fit.r2).toBeInstanceOf(SheetError);
    expect((fit.r2 as SheetError).kind).toBe("num");
  });
});

interface Fixture {
  statsmodels: string;
  cases: { name: string; intercept: boolean; y: number[]; x: number[][]; fits: { hac_lags: number; params: number[]; bse: number[]; rsquared: number }[] }[];
}

const FIXTURE_DIR = join(ROOT, "test/fixtures/calibration");
const PYTHON = "/usr/bin/python3";

function compareWith(fx: Fixture, label: string) {
  for (const c of fx.cases) {
    for (const f of c.fits) {
      const fit = ols(c.y, c.x, { intercept: c.intercept, hacLags: f.hac_lags });
      f.params.forEach((b, j) => expect(relDiff(fit.beta[j], b, 1e-8), `${label} ${c.name} L=${f.hac_lags} beta ${j}`).toBeLessThan(1e-9));
      f.bse.forEach((s, j) => expect(relDiff(fit.se[j], s), `${label} ${c.name} L=${f.hac_lags} se ${j}`).toBeLessThan(1e-9));
      expect(Math.abs((fit.r2 as number) - f.rsquared), `${label} ${c.name} r2`).toBeLessThan(1e-12);
    }
  }
}

describe("statsmodels as the oracle: OLS(y, X).fit(cov_type='HAC', cov_kwds={'maxlags': L})", () => {
  it("matches the committed fixture (statsmodels 0.13, test/fixtures/calibration/statsmodels_hac.py)", () => {
    const fx = JSON.parse(readFileSync(join(FIXTURE_DIR, "statsmodels_hac.json"), "utf8")) as Fixture;
    expect(fx.cases.length).toBe(4);
    compareWith(fx, "fixture");
  });

  it("matches statsmodels run now, when /usr/bin/python3 has it (required when CI=true)", () => {
    const has = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import statsmodels"]).status === 0;
    if (!has) {
      if (process.env.CI === "true") throw new Error(`${PYTHON} has no statsmodels: install Debian's python3-statsmodels`);
      console.log(`skipped: ${PYTHON} with statsmodels is not available here (the committed fixture is still compared above)`);
      return;
    }
    const out = execFileSync(PYTHON, [join(FIXTURE_DIR, "statsmodels_hac.py"), "--stdout"], { encoding: "utf8" });
    compareWith(JSON.parse(out) as Fixture, `statsmodels ${(JSON.parse(out) as Fixture).statsmodels}`);
  });
});
