import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import { invoke } from "../../src/args/invoke";
import { findFunction } from "../../src/catalog";
import { TERM_STRUCTURE } from "../../src/catalog/termStructure";

/** A decimal shown as a percentage with two decimals, as the catalog examples are written. */
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

describe("term-structure catalog entries", () => {
  it("declares the published names and argument order (docs/functions.md)", () => {
    const sig = TERM_STRUCTURE.map((f) => `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}=${p.default}]` : p.name)).join(", ")})`);
    expect(sig).toEqual([
      "SVENSSON_YIELD(maturity_years, beta0, beta1, beta2, beta3, tau1, tau2)",
      "ZERO_TO_PAR(zero_yields, maturities_years, [freq=2])",
      "PAR_TO_ZERO(par_yields, maturities_years, [freq=2])",
      "ACM_TERM_PREMIUM(yields, maturities_months, [target_months=120], [factors=5])",
    ]);
    for (const f of TERM_STRUCTURE) {
      expect(f.domain).toBe("term-structure");
      for (const p of f.params) expect(p.help.length).toBeGreaterThan(20);
    }
  });

  it("SVENSSON_YIELD's example gives what it says (the Fed's 2026-07-31 row, SVENY10 = 4.8348)", () => {
    const f = findFunction("SVENSSON_YIELD")!;
    const y = invoke(f, [10, 0.0000333568845488353, 0.0407984987183707, -4.53541782211023, 4.65498100569302, 13.5322235142735, 13.7200141026744]) as number;
    expect(pct(y)).toBe(f.example.result);
    expect(y * 100).toBeCloseTo(4.8348, 4);
  });

  it("SVENSSON_YIELD broadcasts over a range of maturities and reads percent-looking betas as a slip", () => {
    const f = findFunction("SVENSSON_YIELD")!;
    const col = invoke(f, [[[0], [1], [10]], 0.04, -0.01, 0, 0, 2, 5]) as number[][];
    expect(col[0][0]).toBeCloseTo(0.03, 15); // maturity 0: β0 + β1
    expect(col).toHaveLength(3);
    const slip = invoke(f, [10, 4.08, 0.01, 0, 0, 2, 5]) as SheetError;
    expect(slip.message).toMatch(/beta0 = 4.08 looks like a percent/);
    // The Nelson–Siegel rows of the Fed's file: β3 = 0 with the sentinel τ2 = −999.99.
    expect(typeof invoke(f, [5, 0.039, -0.0128, -0.0195, 0, 0.34, -999.99])).toBe("number");
  });

  it("ZERO_TO_PAR's example gives what it says, one row per maturity", () => {
    const f = findFunction("ZERO_TO_PAR")!;
    const t = invoke(f, [[[0.04, 0.042, 0.045]], [[1, 2, 5]]]) as number[][];
    expect(t.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(t.map((r) => pct(r[0])).join(", ")).toBe(f.example.result);
    // Closed form for the 1-year point with freq 2 on this curve (flat 4% before 1 year): 2·(e^0.02 − 1).
    expect(t[0][0]).toBeCloseTo(2 * Math.expm1(0.02), 15);
    expect((invoke(f, [[[0.04, 0.042]], [[1, 2]], "x"]) as SheetError).code).toBe("#VALUE!");
    expect((invoke(f, [[[0.04, 0.042]], [[1, 2]], 3]) as SheetError).message).toMatch(/freq = 3/);
  });

  it("PAR_TO_ZERO's example undoes ZERO_TO_PAR's: the par yields 4.04%, 4.24%, 4.53% come from zeros 4%, 4.2%, 4.5%", () => {
    const f = findFunction("PAR_TO_ZERO")!;
    const t = invoke(f, [[[0.0404, 0.0424, 0.0453]], [[1, 2, 5]]]) as number[][];
    expect(t.map((r) => pct(r[0])).join(", ")).toBe(f.example.result);
    // Through the argument layer both ways: ZERO_TO_PAR of the zeros gives the par yields back.
    const back = invoke(findFunction("ZERO_TO_PAR")!, [t.map((r) => [r[0]]), [[1], [2], [5]]]) as number[][];
    back.forEach((r, i) => expect(r[0]).toBeCloseTo([0.0404, 0.0424, 0.0453][i], 12));
    // A percent-looking par yield is a typing slip, as for every rate.
    expect((invoke(f, [[[4.04, 4.24]], [[1, 2]]]) as SheetError).message).toMatch(/looks like a percent/);
  });
});
