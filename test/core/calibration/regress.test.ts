/**
 * REGRESS's table and row rule (src/core/calibration/regress.ts), as docs/functions.md (REGRESS)
 * writes them: header, a row per term, r2, n, hac_lags; ci = estimate ± 1.959963984540054·se;
 * t_stat #NUM! where se is 0; rows with a blank dropped, an error cell thrown. Numbers are
 * checked against ./reference.ts (the formulas written out) or closed forms.
 */
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import type { Cell } from "../../../src/core/table";
import { REGRESS_HEADER, Z95, headerNames, regressRows, regressTable, usedRows } from "../../../src/core/calibration/regress";
import { dataGenerator, referenceOls, relDiff } from "./reference";

const thrown = (f: () => unknown): SheetError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
  throw new Error("expected a SheetError");
};

function data(seed: number, n: number, k: number) {
  const g = dataGenerator(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: k }, () => g.normal()));
  const y = X.map((r) => 1 + r.reduce((s, v, j) => s + (j + 1) * v, 0) + g.normal());
  return { X, y };
}

describe("regressTable: the spilled table", () => {
  it("has the contract's header, a row per term with the intercept first, then r2, n and hac_lags", () => {
    const { X, y } = data(1, 40, 2);
    const t = regressTable(y, X, undefined, { intercept: true, hacLags: 3 });
    expect(t[0]).toEqual([...REGRESS_HEADER]);
    expect(t.map((r) => r[0])).toEqual(["term", "intercept", "x1", "x2", "r2", "n", "hac_lags"]);
    expect(t[4].slice(2)).toEqual(["", "", "", ""]);
    expect(t[5]).toEqual(["n", 40, "", "", "", ""]);
    expect(t[6]).toEqual(["hac_lags", 3, "", "", "", ""]);
    t.forEach((r) => expect(r.length).toBe(6));
  });

  it("estimates and std errors are the formulas' (reference), t = est/se, ci = est ± 1.959963984540054·se", () => {
    const { X, y } = data(2, 60, 2);
    const t = regressTable(y, X, ["dJP", "dUS"], { intercept: true, hacLags: 2 });
    const ref = referenceOls(y, X, true, 2);
    ["intercept", "dJP", "dUS"].forEach((term, j) => {
      const [name, est, se, tStat, lo, hi] = t[1 + j] as [string, number, number, number, number, number];
      expect(name).toBe(term);
      expect(relDiff(est, ref.beta[j])).toBeLessThan(1e-9);
      expect(relDiff(se, ref.se[j])).toBeLessThan(1e-9);
      expect(relDiff(tStat, ref.beta[j] / ref.se[j])).toBeLessThan(1e-9);
      expect(relDiff(lo, ref.beta[j] - 1.959963984540054 * ref.se[j])).toBeLessThan(1e-9);
      expect(relDiff(hi, ref.beta[j] + 1.959963984540054 * ref.se[j])).toBeLessThan(1e-9);
    });
    expect(Math.abs((t[4][1] as number) - ref.r2)).toBeLessThan(1e-12);
    expect(Z95).toBe(1.959963984540054);
  });

  it("without an intercept: no intercept row, R² about 0 (reference), default lags ⌊4·(n/100)^(2/9)⌋", () => {
    const { X, y } = data(3, 150, 1);
    const t = regressTable(y, X, undefined, { intercept: false });
    expect(t.map((r) => r[0])).toEqual(["term", "x1", "r2", "n", "hac_lags"]);
    expect(t[4][1]).toBe(4); // 4·1.5^(2/9) = 4.38
    const ref = referenceOls(y, X, false, 4);
    expect(Math.abs((t[2][1] as number) - ref.r2)).toBeLessThan(1e-12);
  });

  it("an exact line y = 2 + 3x: estimates 2 and 3, std errors and ci collapse, t_stat #NUM! naming the term", () => {
    const t = regressTable([5, 8, 11, 14], [[1], [2], [3], [4]], undefined, { intercept: true });
    expect(t[1].slice(0, 3)).toEqual(["intercept", 2, 0]);
    expect(t[2].slice(0, 3)).toEqual(["x1", 3, 0]);
    expect(t[2].slice(4)).toEqual([3, 3]);
    for (const r of [t[1], t[2]]) {
      expect(r[3]).toBeInstanceOf(SheetError);
      expect((r[3] as SheetError).kind).toBe("num");
      expect((r[3] as SheetError).message).toContain(`t_stat of ${r[0]}`);
    }
    expect(t[3]).toEqual(["r2", 1, "", "", "", ""]);
  });

  it("refuses 0 or more than 10 x columns (#VALUE!)", () => {
    expect(thrown(() => regressTable([1, 2, 3], [[], [], []], undefined, { intercept: true })).message).toContain("1 to 10 columns");
    const g = dataGenerator(4);
    const X = Array.from({ length: 30 }, () => Array.from({ length: 11 }, () => g.normal()));
    expect(thrown(() => regressTable(X.map((r) => r[0]), X, undefined, { intercept: true })).message).toContain("11 columns");
  });
});

describe("regressRows: the row rule over cells the argument layer has read", () => {
  const err = (msg: string) => new SheetError("value", msg);

  it("a row with a blank anywhere is dropped; the rest regress as if given alone, their lags counted over the kept rows in order", () => {
    const { X, y } = data(5, 30, 2);
    const yCells: Cell[] = y.slice();
    const xCells: Cell[][] = X.map((r) => r.slice());
    yCells[3] = "";
    xCells[7][1] = "";
    xCells[12][0] = "";
    const kept = y.map((_, i) => i).filter((i) => ![3, 7, 12].includes(i));
    const t = regressRows(yCells, xCells, { intercept: true, hacLags: 2 });
    const direct = regressTable(kept.map((i) => y[i]), kept.map((i) => X[i]), undefined, { intercept: true, hacLags: 2 });
    expect(t).toEqual(direct);
    expect(t[t.length - 2]).toEqual(["n", 27, "", "", "", ""]);
    expect(usedRows(yCells, xCells).rows).toEqual(kept);
  });

  it("an error cell is thrown as it is, even in a row that also has a blank; the first in reading order wins", () => {
    const first = err("x row 3, column 2: \"abc\" is not a number");
    const second = err("x row 5, column 1: TRUE is not a number");
    const xCells: Cell[][] = [[1, 2], [2, 1], ["", first], [4, 3], [second, 5], [6, 1]];
    expect(thrown(() => regressRows([1, 2, 3, 4, 5, 6], xCells, { intercept: true }))).toBe(first);
    const yFirst = err("y row 3: #N/A");
    expect(thrown(() => regressRows([1, 2, yFirst, 4, 5, 6], xCells, { intercept: true }))).toBe(yFirst);
  });

  it("too few rows after dropping: #VALUE! with the count", () => {
    const e = thrown(() => regressRows([1, "", 3, ""], [[1], [2], [""], [4]], { intercept: true }));
    expect(e.kind).toBe("value");
    expect(e.message).toContain("1 row");
  });

  it("names from a header row are the terms", () => {
    const t = regressRows([1, 2, 4, 3, 5], [[1, 0], [2, 1], [3, 0], [4, 2], [5, 1]], { intercept: false, names: ["d_jp", "d_us"] });
    expect(t.map((r) => r[0]).slice(1, 3)).toEqual(["d_jp", "d_us"]);
  });

  it("y and x with different row counts, or ragged x: #VALUE!", () => {
    expect(thrown(() => regressRows([1, 2, 3], [[1], [2]], { intercept: true })).message).toContain("same number of rows");
    expect(thrown(() => regressRows([1, 2, 3], [[1], [2, 3], [4]], { intercept: true })).kind).toBe("value");
  });
});

describe("headerNames: the header rule", () => {
  const readsAsNumber = (s: string) => s.trim() !== "" && !Number.isNaN(Number(s.replace(/%$/, "")));

  it("every first-row cell of y and x non-empty text that does not read as a number: a header, x names trimmed", () => {
    expect(headerNames("d_jgb", [" d_jp ", "d_us"], readsAsNumber)).toEqual(["d_jp", "d_us"]);
  });

  it("a number, a number-looking text, a blank or a non-text in any of them: data, not a header", () => {
    expect(headerNames("d_jgb", ["d_jp", "4.3%"], readsAsNumber)).toBeNull();
    expect(headerNames(0.01, ["d_jp"], readsAsNumber)).toBeNull();
    expect(headerNames("y", [""], readsAsNumber)).toBeNull();
    expect(headerNames("", ["x"], readsAsNumber)).toBeNull();
    expect(headerNames("y", [true], readsAsNumber)).toBeNull();
  });
});
