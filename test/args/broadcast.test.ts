/** NumPy broadcasting of ranges (README, "Units and conventions": each dimension equal, or 1). */
import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import { call } from "../helpers/sheet";

describe("broadcasting", () => {
  it("spills a matrix from a column times a row", () => {
    // HEDGE_COST(column of US rates, row of JP rates): closed form us_i − jp_j
    const r = call("HEDGE_COST", [[0.045], [0.05]], [[0.005, 0.01, 0.02]]) as number[][];
    const expected = [
      [0.04, 0.035, 0.025],
      [0.045, 0.04, 0.03],
    ];
    expect(r.length).toBe(2);
    r.forEach((row, i) => {
      expect(row.length).toBe(3);
      row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 15));
    });
  });

  it("repeats a single value along a column", () => {
    // closed form: 4.30% − (us_i − 0.50%)
    const r = call("HEDGED_UST", 0.043, [[0.045], [0.04], [0.035]], 0.005) as number[][];
    expect(r.map((x) => x.length)).toEqual([1, 1, 1]);
    [0.003, 0.008, 0.013].forEach((y, i) => expect(r[i][0]).toBeCloseTo(y, 15));
  });

  it("treats a 1-D array as one row", () => {
    const r = call("HEDGE_COST", [0.045, 0.05], 0.005) as number[][];
    expect(r.length).toBe(1);
    expect(r[0].length).toBe(2);
  });

  it("returns a single value when every argument is single, even a 1×1 range", () => {
    expect(typeof call("HEDGE_COST", [[0.045]], 0.005)).toBe("number");
  });

  it("broadcasts a row against a matrix of the same width", () => {
    const r = call("HEDGE_COST", [[0.045, 0.05], [0.04, 0.03]], [[0.005, 0.01]]) as number[][];
    expect(r[1][1]).toBeCloseTo(0.03 - 0.01, 15);
  });

  it("refuses shapes that cannot broadcast, naming both shapes", () => {
    const e = call("HEDGE_COST", [[0.045], [0.05], [0.04]], [[0.005], [0.01]]) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    expect(e.message).toContain("us_short (3×1)");
    expect(e.message).toContain("jp_short (2×1)");
  });

  it("refuses rows of different widths, naming both shapes", () => {
    const e = call("HEDGE_COST", [[0.045, 0.05]], [[0.005, 0.01, 0.02]]) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("1×2");
    expect(e.message).toContain("1×3");
  });

  it("refuses a ragged range", () => {
    const e = call("HEDGE_COST", [[0.045, 0.05], [0.04]], 0.005) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("us_short");
    expect(e.message).toContain("ragged");
  });

  it("refuses an empty range", () => {
    const e = call("HEDGE_COST", [], 0.005) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("us_short");
  });
});

describe("a bad cell in a range", () => {
  it("spoils only its own output cell", () => {
    const r = call("HEDGE_COST", [[0.045], ["abc"], [0.05], [true]], 0.005) as (number | SheetError)[][];
    expect(r[0][0]).toBeCloseTo(0.04, 15);
    expect(r[2][0]).toBeCloseTo(0.045, 15);
    expect(r[1][0]).toBeInstanceOf(SheetError);
    expect(r[3][0]).toBeInstanceOf(SheetError);
  });

  it("names the argument and the cell's place in the range", () => {
    const r = call("HEDGE_COST", [[0.045], ["abc"]], 0.005) as SheetError[][];
    expect(r[1][0].kind).toBe("value");
    expect(r[1][0].message).toBe('us_short (row 2, column 1) = "abc" is not a number');
  });

  it("gives #NUM! in its own cell when only that cell's result is not finite", () => {
    // HOLDINGS_LOSS 1e308·(−1e308·0.01) overflows in one cell only
    const r = call("HOLDINGS_LOSS", [[1130], [1e308]], 0.01, [[8], [1e308]]) as (number | SheetError)[][];
    expect(r[0][0]).toBeCloseTo(-90.4, 12);
    expect((r[1][0] as SheetError).kind).toBe("num");
  });

  it("spoils every cell when it is the single value all cells share", () => {
    const r = call("HEDGE_COST", [[0.045], [0.05]], "abc") as SheetError[][];
    expect(r.flat().every((x) => x instanceof SheetError && x.message.includes("jp_short"))).toBe(true);
  });

  it("gives a blank output cell for a blank input cell", () => {
    const r = call("HEDGE_COST", [[0.045], [""], [null], [undefined]], 0.005) as unknown[][];
    expect(r[0][0]).toBeCloseTo(0.04, 15);
    expect(r.slice(1).map((x) => x[0])).toEqual(["", "", ""]);
  });

  it("takes the default for a blank cell of an optional argument", () => {
    // hedge_ratio blank → 1: 4.30% − 4.00% = 0.30%; hedge_ratio 0.5 → 4.30% − 2.00% = 2.30%
    const r = call("HEDGED_UST", 0.043, 0.045, 0.005, 0, [[""], [0.5], [null]]) as number[][];
    [0.003, 0.023, 0.003].forEach((y, i) => expect(r[i][0]).toBeCloseTo(y, 15));
  });
});
