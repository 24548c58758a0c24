/**
 * apps-script/build/Code.js evaluated as Apps Script evaluates it: a fresh global scope,
 * no other globals. Every catalog function must be a top-level function with its
 * @customfunction JSDoc, and calling it with the values Sheets passes (2-D ranges, "" for
 * blanks, decimals for percentages, Dates, booleans) must give the core's numbers.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/catalog";
import { jsdocText, paramDescription } from "../../../src/catalog/describe";
import { stubsFile } from "../../../src/hosts/sheets/generate";
import { column, loadCode, readBuild, thrown } from "./helpers";
import { MENU_ITEMS } from "../../../src/hosts/sheets/menuItems";

/** The menu entry points and the lazy loader are the only other top-level names. */
const OTHER_GLOBALS = ["onOpen", ...MENU_ITEMS.map(([fn]) => fn), "MarginalBid_", "MarginalBid_load_", "MarginalBid_cache_"];

interface TopLevelFunction {
  name: string;
  params: string[];
  jsdoc: string | null;
}

function topLevel(code: string): { functions: TopLevelFunction[]; others: ts.Statement[] } {
  const sf = ts.createSourceFile("Code.js", code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const functions: TopLevelFunction[] = [];
  const others: ts.Statement[] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      const comments = ts.getLeadingCommentRanges(code, st.pos) ?? [];
      const last = comments[comments.length - 1];
      const text = last ? code.slice(last.pos, last.end) : "";
      functions.push({ name: st.name.text, params: st.parameters.map((p) => p.name.getText(sf)), jsdoc: text.startsWith("/**") ? text : null });
    } else others.push(st);
  }
  return { functions, others };
}

/** JSDoc lines without the comment decoration. */
const jsdocLines = (doc: string) =>
  doc
    .replace(/^\/\*\*|\*\/$/g, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, "").trim())
    .filter((l) => l.length > 0);

describe("Code.js in a fresh global scope", () => {
  it("defines every catalog function as a top-level function, and nothing else but the menu and the loader", () => {
    const { context, run } = loadCode();
    // Seen from inside: the built-ins are not enumerable, everything Code.js declares is.
    const names = run<string[]>("Object.keys(this)").sort();
    expect(names).toEqual([...CATALOG.map((f) => f.name), ...OTHER_GLOBALS].sort());
    for (const f of CATALOG) expect(typeof (context as Record<string, unknown>)[f.name], f.name).toBe("function");
  });

  it("does no work at load time: the top level is function declarations, one uninitialised var and the loader's function expression", () => {
    const { others } = topLevel(readBuild("Code.js"));
    for (const st of others) {
      expect(ts.isVariableStatement(st), `top-level statement: ${st.getText().slice(0, 80)}`).toBe(true);
      for (const d of (st as ts.VariableStatement).declarationList.declarations) {
        // MarginalBid_load_ = (function () { ... }): a function defined, nothing called.
        const defined = d.initializer && ts.isParenthesizedExpression(d.initializer) && ts.isFunctionExpression(d.initializer.expression);
        expect(d.initializer === undefined || (d.name.getText() === "MarginalBid_load_" && defined), d.name.getText()).toBe(true);
      }
    }
    const { run } = loadCode();
    expect(run("typeof MarginalBid_cache_")).toBe("undefined"); // the core is not loaded yet
    run("HEDGE_COST(0.045, 0.005)");
    expect(run("typeof MarginalBid_cache_")).toBe("object"); // loaded on the first call, then kept
  });

  it("carries the generated stubs verbatim (regenerated from the catalog: a stale build fails here)", () => {
    expect(readBuild("Code.js")).toContain(stubsFile());
  });

  describe("each function has the @customfunction JSDoc Sheets reads for autocomplete", () => {
    const functions = new Map(topLevel(readBuildOrEmpty()).functions.map((f) => [f.name, f]));
    for (const spec of CATALOG) {
      it(spec.name, () => {
        const f = functions.get(spec.name);
        expect(f, `${spec.name} is not a top-level function of Code.js`).toBeDefined();
        expect(f!.params).toEqual(spec.params.map((p) => p.name));
        expect(f!.jsdoc, `${spec.name} has no JSDoc right before it`).not.toBeNull();
        const lines = jsdocLines(f!.jsdoc!);
        expect(lines[0]).toBe(spec.description);
        expect(lines).toContain("@customfunction");
        const params = lines.filter((l) => l.startsWith("@param"));
        expect(params.length).toBe(spec.params.length);
        spec.params.forEach((p, i) => {
          const m = /^@param \{[^}]+\} (\S+) (.+)$/.exec(params[i]);
          expect(m, params[i]).not.toBeNull();
          expect(m![1]).toBe(p.name);
          expect(m![2].length).toBeGreaterThan(10);
          // The same words as Excel's argument help (src/catalog/describe.ts): an optional argument says so, or gives its default.
          expect(m![2]).toBe(jsdocText(paramDescription(p)));
          if (p.optional) expect(m![2]).toMatch(/\bOptional\b|\bDefault\b/);
          if (p.kind === "rate") expect(m![2]).toMatch(/decimal/i); // the unit is stated
        });
        const ret = lines.find((l) => l.startsWith("@return"));
        expect(ret).toMatch(/^@return \{[^}]+\} \S/);
        expect(ret).toContain(spec.returns);
      });
    }
  });

  it("every stub reaches its function in the core (no #NAME?, never a raw JavaScript error)", () => {
    const code = loadCode();
    for (const f of CATALOG) {
      try {
        code.fn(f.name)(); // no arguments: a result, or a spreadsheet error naming what is missing
      } catch (e) {
        const err = e as { name: string; message: string };
        expect(err.name, f.name).toBe("Error");
        expect(err.message, f.name).toMatch(/^#(VALUE!|NUM!|N\/A|DIV\/0!) /);
      }
    }
  });
});

describe("the note's numbers through the Sheets functions", () => {
  const code = loadCode();
  const HEDGED_UST = code.fn("HEDGED_UST");

  it("hedged UST 0.30% today (note §3.1: 4.30% − (4.50% − 0.50%))", () => {
    expect(HEDGED_UST(0.043, 0.045, 0.005)).toBeCloseTo(0.003, 12);
    expect(code.fn("HEDGE_COST")(0.045, 0.005)).toBeCloseTo(0.04, 12); // §3.1: 4.50% − 0.50% = 4.00%
  });

  it("hedged UST 0.80% after a 50bp BOJ hike, the JGB 1.20pp ahead (note §3.2)", () => {
    expect(HEDGED_UST(0.043, 0.045, 0.01)).toBeCloseTo(0.008, 12); // 4.30% − (4.50% − 1.00%)
    expect(code.fn("JGB_ADVANTAGE")(0.02, 0.043, 0.045, 0.01)).toBeCloseTo(0.012, 12); // JGB 2.00% vs 0.80%
  });

  it("CHAIN() with the defaults gives the note's worked chain", () => {
    const t = code.fn("CHAIN")() as (string | number)[][];
    const row = (step: string) => t.find((r) => r[0] === step)!;
    expect(t[0]).toEqual(["step", "before", "after", "change"]);
    // Note §3.2: hedged UST 0.30% → 0.80%; §3.3: buying 75 → 37.5, term premium 37.5/100 × 80bp = +0.30%;
    // CHAIN's example (docs/functions.md): US 10y 4.30% → 4.60%, scenario A → B; the rest closed forms below.
    expect(row("hedged_ust").slice(1, 3)).toEqual([0.003, 0.008]);
    expect(row("japan_buying_bn").slice(1, 3)).toEqual([75, 37.5]);
    expect(row("term_premium_change")).toEqual(["term_premium_change", "", "", 0.003]);
    expect(row("us_10y").slice(1, 3)).toEqual([0.043, 0.046]);
    expect(row("scenario")).toEqual(["scenario", "A", "B", ""]);
    expect(row("holdings_mtm_bn")[3]).toBeCloseTo(-27.12, 10); // 1130 · (−8 · 0.003)
    expect(row("pe_change_growth")[3]).toBeCloseTo(0.018 / 0.021 - 1, 10); // (r − g)/(r + Δ − g) − 1, r 8.3%, g 6.5%
    expect(row("pe_change_value")[3]).toBeCloseTo(0.053 / 0.056 - 1, 10); // g 3%
    expect(row("kr_10y_change")[3]).toBeCloseTo(0.0015, 12); // 0.5 · 30bp
  });

  it("CHAIN on an input block as Sheets passes it: text percentages, a blank row", () => {
    const block = [
      ["hike_bp", 100],
      ["", ""],
      ["us_short", "4.5%"],
    ];
    const t = code.fn("CHAIN")(block) as (string | number)[][];
    // 100bp on jp_short 0.50% (CHAIN_INPUTS's default, note §3.1) → 1.50%; hedged UST 4.30% − (4.50% − 1.50%) = 1.30%
    expect(t.find((r) => r[0] === "hedged_ust")![2]).toBeCloseTo(0.013, 12);
  });
});

describe("Sheets argument shapes", () => {
  const code = loadCode();
  const HEDGED_UST = code.fn("HEDGED_UST");

  it("a 1,000-row column in one call, each row equal to the closed form ust − (us_short − jp_short)", () => {
    const n = 1000;
    const ust = Array.from({ length: n }, (_, i) => 0.03 + i * 0.00002);
    const jp = Array.from({ length: n }, (_, i) => 0.001 + (i % 10) * 0.001);
    const out = HEDGED_UST(column(ust), 0.045, column(jp)) as number[][];
    expect(out.length).toBe(n);
    out.forEach((r, i) => {
      expect(r.length).toBe(1);
      expect(r[0]).toBeCloseTo(ust[i] - (0.045 - jp[i]), 14);
    });
  });

  it("a whole column (1,048,576 rows) in one call, built in the script's realm as Sheets hands it over", () => {
    const n = 1_048_576; // rows of an Excel sheet
    const ust = code.run<number[][]>(`(function () { var a = new Array(${n}); for (var i = 0; i < ${n}; i++) a[i] = [0.03 + (i % 2000) * 1e-5]; return a; })()`);
    const out = HEDGED_UST(ust, 0.045, 0.005) as number[][];
    expect(out.length).toBe(n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      if (out[i].length !== 1) throw new Error(`row ${i + 1} has ${out[i].length} cells`);
      worst = Math.max(worst, Math.abs(out[i][0] - (ust[i][0] - (0.045 - 0.005)))); // closed form, note §3.1
    }
    expect(worst).toBeLessThan(1e-15);
  });

  it('a blank cell ("") gives a blank result cell; a blank optional argument takes its default', () => {
    expect(HEDGED_UST(column([0.043, "", 0.045]), 0.045, 0.005)).toEqual([[expect.closeTo(0.003, 12)], [""], [expect.closeTo(0.005, 12)]]);
    // basis, hedge_ratio, fx_change blank → 0, 1, 0 (HEDGED_UST's defaults, docs/functions.md): the note's 0.30%
    expect(HEDGED_UST(0.043, 0.045, 0.005, "", "", "")).toBeCloseTo(0.003, 12);
  });

  it('text percentages: "4.3%" is 0.043', () => {
    expect(HEDGED_UST("4.3%", "4.5%", "0.5%")).toBeCloseTo(0.003, 12); // note §3.1
  });

  it("percentages Sheets already turned into decimals pass as they are, with a hedge ratio and FX view", () => {
    // HEDGED_UST (docs/functions.md): ust − h·cost + (1 − h)·fx = 0.043 − 0.5·0.04 + 0.5·(−0.05) = −0.002
    expect(HEDGED_UST(0.043, 0.045, 0.005, 0, 0.5, -0.05)).toBeCloseTo(-0.002, 12);
  });

  it("a Date where a rate is expected: a clear thrown error, or that cell's text inside a range", () => {
    const date = code.run("new Date(Date.UTC(2026, 2, 31))"); // made in the script's realm, as Sheets does
    const e = thrown(() => HEDGED_UST(date, 0.045, 0.005));
    expect(e.name).toBe("Error");
    expect(e.message).toMatch(/^#VALUE! ust_yield = the date 2026-03-31 is a date, not a number/);
    const out = HEDGED_UST([[0.043], [date]], 0.045, 0.005) as unknown[][];
    expect(out[0][0]).toBeCloseTo(0.003, 12);
    expect(out[1][0]).toMatch(/^#VALUE! ust_yield \(row 2, column 1\) = the date 2026-03-31 is a date/);
  });

  it("a boolean where a rate is expected: #VALUE! naming the argument", () => {
    expect(thrown(() => HEDGED_UST(0.043, true, 0.005)).message).toMatch(/^#VALUE! us_short = TRUE is a TRUE\/FALSE value/);
  });

  it("mismatched shapes: the thrown message names both shapes", () => {
    const e = thrown(() => HEDGED_UST(column([0.04, 0.041, 0.042]), column([0.045, 0.046]), 0.005));
    expect(e.name).toBe("Error");
    expect(e.message).toMatch(/^#VALUE! /);
    expect(e.message).toContain("3×1");
    expect(e.message).toContain("2×1");
  });

  it("a percent-looking rate: the thrown message says so (the README's wording)", () => {
    const e = thrown(() => HEDGED_UST(0.043, 4.5, 0.005));
    expect(e.name).toBe("Error");
    expect(e.message).toBe("#VALUE! us_short = 4.5 looks like a percent: enter 4.5% or 0.045");
  });

  it("inside a range one bad cell spoils only its own result cell, as text", () => {
    const out = HEDGED_UST(0.043, column([0.045, 4.5, "abc"]), 0.005) as unknown[][];
    expect(out[0][0]).toBeCloseTo(0.003, 12);
    expect(out[1][0]).toBe("#VALUE! us_short (row 2, column 1) = 4.5 looks like a percent: enter 4.5% or 0.045");
    expect(out[2][0]).toBe('#VALUE! us_short (row 3, column 1) = "abc" is not a number');
  });

  it("too many arguments are reported, not silently dropped", () => {
    expect(thrown(() => code.fn("HEDGE_COST")(0.045, 0.005, 0, 1)).message).toMatch(/^#VALUE! .*at most 3 arguments/);
  });

  it("a table function spills rows of values (SCENARIO_TABLE, note §6.3)", () => {
    const t = code.fn("SCENARIO_TABLE")() as unknown[][];
    expect(t.map((r) => r[0])).toEqual(["scenario", "A", "B", "C"]);
    expect(t[3][3]).toBe(""); // scenario C has no upper bound: a blank cell
  });
});

/** For building the per-function cases at collection time without failing collection when the build is missing. */
function readBuildOrEmpty(): string {
  try {
    return readBuild("Code.js");
  } catch {
    return "";
  }
}
