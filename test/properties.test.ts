/**
 * Properties of every catalog function over random host input (fast-check): the README's
 * promises ("Units and conventions"): no NaN or Infinity reaches a cell, one bad cell spoils only its
 * own result cell, and broadcasting agrees with the element-by-element loop.
 * Each property iterates CATALOG, so a function added to the table is covered without a new test.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG, type FunctionSpec } from "../src/catalog";
import { CHAIN_INPUT_PARAMS } from "../src/catalog/scenarios";
import { CHAIN_STEPS } from "../src/core/scenarios/chain";
import { inputBlockRange } from "../src/model/inputBlock";
import { invoke, readSingleArgs, type Result } from "../src/args/invoke";
import type { ParamSpec } from "../src/args/kinds";
import type { LiveFunctionSpec } from "../src/catalog/spec";
import type { PlanContext, PlanItem } from "../src/sources/request";
import { SheetError } from "../src/core/errors";
import { invoke as invokeWith } from "../src/args/invoke";
import { parsedReplies } from "./helpers/liveCalls";
import { fixtureReply } from "./helpers/dataFixtures";
import type { Cell, Table } from "../src/core/table";
import { parseFormula, table } from "./helpers/sheet";

const RUNS = 200;

/**
 * Live-data functions (FRED, TIC, JGB_YIELD, CHECKPOINTS) fetch only in a host (test/live,
 * test/proxy run them against mock servers). Their arguments go through the same argument layer:
 * checked at the end of this file, through invoke() (no fetcher: #N/A, never the network) and
 * through the hosts' runner with fixture replies (a bad argument is its error, never a fetch).
 */
const FUNCTIONS = CATALOG.filter((f) => f.domain !== "live-data");
const LIVE = CATALOG.filter((f) => f.domain === "live-data");

// ------------------------------------------------------------------------------------------------
// Random host input.

const numberArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }) },
  { weight: 3, arbitrary: fc.double({ min: -500, max: 500, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -10, max: 400 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0, -0, 1, 2, 4, 0.5, 4.5, 45, 91, 360, 365, 1130, 1e-300, -1e-300, 5e-324, 1e15, -1e15, 1e300, -1e300, Number.MAX_VALUE, NaN, Infinity, -Infinity),
  },
  { weight: 1, arbitrary: fc.double() },
);
const numericText = fc.oneof(
  numberArb.map((x) => String(x)),
  fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => `${+x.toPrecision(4)}%`),
  fc.integer({ min: 1000, max: 10_000_000 }).map((x) => ` ${x.toLocaleString("en-US")} `),
  fc.constantFrom("4.3%", "0.043", "-0.5 %", "1e-3", ".5"),
);
const otherText = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("abc", "note", " STRESS ", "short_run", "#N/A", "TRUE", "1,13", "--1", "4.3%%", "hike_bp", "us_short"),
);
const blankArb = fc.constantFrom<unknown>("", null, undefined);
const errorArb = fc.constantFrom("value", "num", "na", "div0").map((k) => new SheetError(k as SheetError["kind"], "upstream"));
const dateArb = fc.date({ noInvalidDate: false });

const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: numberArb },
  { weight: 2, arbitrary: numericText },
  { weight: 1, arbitrary: otherText },
  { weight: 1, arbitrary: blankArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: dateArb },
  { weight: 1, arbitrary: errorArb },
);

const rect = <T>(cell: fc.Arbitrary<T>, maxRows = 4, maxCols = 4) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

/** Ranges of random shape: rectangular, 1-D, ragged or empty, and cells that are themselves arrays. */
const rangeArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: rect(scalarArb) },
  { weight: 1, arbitrary: fc.array(scalarArb, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.array(scalarArb, { maxLength: 4 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: rect(fc.array(scalarArb, { maxLength: 2 }), 2, 2) },
);

const chainNames = CHAIN_INPUT_PARAMS.map((p) => p.name);
const pairsArb: fc.Arbitrary<unknown> = fc
  .array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...chainNames) }, { weight: 1, arbitrary: fc.constantFrom("HIKE_BP", " erp ") }, { weight: 1, arbitrary: otherText }, { weight: 1, arbitrary: blankArb }), scalarArb), { maxLength: 8 })
  .map((rows) => rows.map(([k, v]) => [k, v]));

/** A scenario block (CHAIN_COMPARE): a header of names, then input names with a value per scenario. */
const scenarioBlockArb: fc.Arbitrary<unknown> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.oneof(otherText, blankArb, scalarArb), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...chainNames) }, { weight: 1, arbitrary: otherText }, { weight: 1, arbitrary: blankArb }), fc.array(scalarArb, { minLength: n, maxLength: n })), { maxLength: 8 }),
    )
    .map(([names, rows]) => [["input", ...names], ...rows.map(([k, vs]) => [k, ...vs])]),
);

function argArb(p: ParamSpec): fc.Arbitrary<unknown> {
  switch (p.shape ?? "cell") {
    case "cell":
      return fc.oneof({ weight: 6, arbitrary: scalarArb }, { weight: 2, arbitrary: rect(scalarArb) }, { weight: 1, arbitrary: rangeArb });
    case "list":
    case "vector":
      return fc.oneof({ weight: 3, arbitrary: rangeArb }, { weight: 1, arbitrary: scalarArb });
    case "matrix":
      return fc.oneof({ weight: 3, arbitrary: rect(scalarArb, 6, 5) }, { weight: 1, arbitrary: rangeArb }, { weight: 1, arbitrary: scalarArb });
    case "inputs":
      return fc.oneof({ weight: 4, arbitrary: pairsArb }, { weight: 1, arbitrary: rangeArb }, { weight: 1, arbitrary: scalarArb });
    case "scenarios":
      return fc.oneof({ weight: 4, arbitrary: scenarioBlockArb }, { weight: 1, arbitrary: rangeArb }, { weight: 1, arbitrary: scalarArb });
    case "data":
      return fc.oneof({ weight: 3, arbitrary: rect(scalarArb, 8, 4) }, { weight: 1, arbitrary: rangeArb }, { weight: 1, arbitrary: scalarArb });
  }
}

/** All parameters, then cut to a random count; sometimes one argument too many. */
function argsArb(f: FunctionSpec): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(fc.tuple(...f.params.map(argArb), scalarArb), fc.integer({ min: 0, max: f.params.length + 1 }))
    .map(([all, n]) => (all as unknown[]).slice(0, n));
}

// ------------------------------------------------------------------------------------------------
// What every result must look like.

const KINDS = new Set(["value", "num", "na", "div0"]);
const word = (name: string) => new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_])`);

/** Names a message may use: the parameters, the function, and for a function reading CHAIN inputs the names of its input block. */
const readsChainInputs = (f: FunctionSpec) => f.params.some((p) => p.shape === "inputs" || p.shape === "scenarios");
function namesOf(f: FunctionSpec): RegExp[] {
  const names = [...f.params.map((p) => p.name), f.name, ...(readsChainInputs(f) ? chainNames : [])];
  return names.map(word);
}

function cellProblem(f: FunctionSpec, c: unknown): string | null {
  if (typeof c === "number") return Number.isFinite(c) ? null : `non-finite number ${c}`;
  if (typeof c === "string") return null;
  if (c instanceof SheetError) {
    if (!KINDS.has(c.kind)) return `error kind ${c.kind}`;
    if (!c.message || !namesOf(f).some((re) => re.test(c.message))) return `error message names no parameter of ${f.name}: ${c.message}`;
    return null;
  }
  return `not a cell: ${Object.prototype.toString.call(c)}`;
}

function resultProblem(f: FunctionSpec, r: Result): string | null {
  if (!Array.isArray(r)) return cellProblem(f, r);
  if (r.length === 0) return "empty table";
  for (const row of r) {
    if (!Array.isArray(row)) return "a table row that is not an array";
    if (f.result === "cell" && row.length !== r[0].length) return "a ragged result";
    for (const c of row) {
      const p = cellProblem(f, c);
      if (p) return p;
    }
  }
  return null;
}

const safeInvoke = (f: FunctionSpec, args: unknown[]): Result => {
  try {
    return invoke(f, args);
  } catch (e) {
    throw new Error(`${f.name} threw: ${String(e)}`);
  }
};

// ------------------------------------------------------------------------------------------------
// Valid arguments to start from: each function's documented example.

/** CHAIN's example reads the input block of the model sheet, which holds CHAIN_INPUTS' values. */
const SHEET = { [inputBlockRange(CHAIN_INPUT_PARAMS.length)]: table("CHAIN_INPUTS") };
const exampleArgs = (f: FunctionSpec) => parseFormula(f.example.formula, SHEET).args;
/** The example's arguments, or null when it reads a block of data this test does not have. */
const exampleArgsOrNull = (f: FunctionSpec): unknown[] | null => {
  try {
    return exampleArgs(f);
  } catch {
    return null;
  }
};
const cellFunctions = FUNCTIONS.filter((f) => f.result === "cell" && f.params.some((p) => (p.shape ?? "cell") === "cell") && exampleArgsOrNull(f) !== null);
const cellParams = (f: FunctionSpec) => f.params.map((p, i) => ({ p, i })).filter(({ p }) => (p.shape ?? "cell") === "cell");

/** Scaled and shifted versions of a valid value: overflow, underflow, sign flips, units slips. */
const scaledArb = (x: unknown): fc.Arbitrary<unknown> =>
  typeof x === "number"
    ? fc.oneof(
        fc.constant(x),
        fc.double({ min: -3, max: 3, noNaN: true }).map((m) => x * m),
        fc.integer({ min: -12, max: 12 }).map((k) => x * 10 ** k),
        fc.constantFrom(1e300, -1e300, 1e-300),
      )
    : fc.constant(x);

/** Arguments that mostly compute: each near the example's value, or any number, at times a range or junk. */
function nearArgsArb(f: FunctionSpec): fc.Arbitrary<unknown[]> {
  const base = exampleArgsOrNull(f) ?? f.params.map(() => null);
  return fc.tuple(
    ...f.params.map((p, i): fc.Arbitrary<unknown> => {
      const x = base[i] ?? null;
      switch (p.shape ?? "cell") {
        case "cell":
          return fc.oneof(
            { weight: 4, arbitrary: scaledArb(x) },
            { weight: 3, arbitrary: numberArb },
            { weight: 1, arbitrary: scalarArb },
            { weight: 1, arbitrary: rect(fc.oneof(scaledArb(x), numberArb), 3, 3) },
          );
        case "list":
        case "vector":
          return fc.oneof(fc.constant(x), fc.array(numberArb, { minLength: 1, maxLength: 5 }), rect(numberArb, 3, 3));
        case "matrix":
          return fc.oneof(fc.constant(x), rect(numberArb, 6, 5));
        case "data":
          return fc.oneof(fc.constant(x), rect(numberArb, 8, 3));
        case "inputs":
          return fc.oneof(fc.constant(x), fc.array(fc.tuple(fc.constantFrom(...chainNames), numberArb), { maxLength: 8 }));
        case "scenarios":
          return fc.oneof(
            fc.constant(x),
            fc.uniqueArray(fc.constantFrom(...chainNames), { maxLength: 6 }).chain((names) =>
              fc.tuple(...names.map((k) => fc.tuple(fc.constant(k), numberArb, numberArb))).map((rows) => [["input", "a", "b"], ...rows]),
            ),
          );
      }
    }),
  );
}

/** Compare cells as a user reads them: an error's place in its range is not part of its identity. */
const normal = (c: Cell): unknown => (c instanceof SheetError ? { kind: c.kind, message: c.message.replace(/ \(row \d+, column \d+\)/g, "") } : c);

// ------------------------------------------------------------------------------------------------

describe("every catalog function on random input", () => {
  it("covers the whole catalog but the live-data functions", () => {
    expect(FUNCTIONS.length).toBeGreaterThanOrEqual(24);
    expect(cellFunctions.length).toBeGreaterThanOrEqual(18);
  });

  for (const f of FUNCTIONS) {
    it(`${f.name} never throws, returns only finite numbers, text and named errors`, () => {
      fc.assert(
        fc.property(fc.oneof(argsArb(f), nearArgsArb(f)), (args) => {
          const r = safeInvoke(f, args);
          const problem = resultProblem(f, r);
          if (problem) throw new Error(problem);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("a bad cell stays in its own cell", () => {
  const badArb = (p: ParamSpec): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.constantFrom<unknown>("abc", true, false, new Date(Date.UTC(2026, 4, 15)), new Date(NaN), {}, [1, 2], NaN, Infinity, -Infinity, new SheetError("na", "upstream")),
      ...(p.kind === "rate" ? [fc.constantFrom(4.5, -2, "450%")] : []),
      ...(p.kind === "fraction" ? [fc.constantFrom(1.5, -0.1)] : []),
      ...(p.min !== undefined ? [fc.constant(p.min - 1)] : []),
    );

  for (const f of cellFunctions) {
    it(`${f.name}: one bad cell in a valid range spoils only its own result`, () => {
      const base = exampleArgs(f);
      const expected = invoke(f, base);
      expect(typeof expected === "number" || typeof expected === "string", `${f.name} example gives ${String(expected)}`).toBe(true);
      const params = cellParams(f);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: params.length - 1 }).chain((k) => fc.tuple(fc.constant(k), fc.integer({ min: 2, max: 6 }), badArb(params[k].p), fc.boolean())),
          fc.nat(),
          ([k, n, bad, asRow], seed) => {
            const { p, i } = params[k];
            const badAt = seed % n;
            const cells = Array.from({ length: n }, (_, j) => (j === badAt ? bad : base[i]));
            const args = base.slice();
            while (args.length <= i) args.push(null);
            args[i] = asRow ? [cells] : cells.map((c) => [c]);
            const r = safeInvoke(f, args) as Table;
            expect(Array.isArray(r), `${f.name}: ${String(r)}`).toBe(true);
            const flat = r.flat();
            expect(flat.length).toBe(n);
            flat.forEach((c, j) => {
              if (j === badAt) {
                expect(c, `${f.name} ${p.name} bad ${String(bad)}`).toBeInstanceOf(SheetError);
                expect((c as SheetError).kind).toBe("value");
                expect((c as SheetError).message).toMatch(word(p.name));
              } else expect(c).toEqual(expected);
            });
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

describe("broadcasting equals the element-by-element loop", () => {
  /** Near the example's value most of the time, so that most cells compute; anything at times. */
  const nearArb = (x: unknown): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(x) },
      { weight: 3, arbitrary: typeof x === "number" ? fc.double({ min: 0.5, max: 1.5, noNaN: true }).map((m) => x * m) : fc.constant(x) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 }) },
      { weight: 2, arbitrary: scalarArb },
    );

  for (const f of cellFunctions) {
    it(`${f.name}: a broadcast call equals calling each cell on its own`, () => {
      const base = exampleArgs(f);
      const params = cellParams(f);
      const shaped = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([R, C]) =>
        fc.tuple(
          fc.constant([R, C] as const),
          fc.tuple(
            ...params.map(({ i }) =>
              fc.constantFrom<[number, number]>([1, 1], [R, 1], [1, C], [R, C]).chain(([r, c]) =>
                // A cell of a range is never omitted: a host passes a blank as null.
                fc.array(fc.array(nearArb(base[i] ?? null).map((v) => (v === undefined ? null : v)), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
              ),
            ),
          ),
        ),
      );
      fc.assert(
        fc.property(shaped, ([, blocks]) => {
          const args = base.slice();
          while (args.length < f.params.length) args.push(null);
          params.forEach(({ i }, k) => {
            const b = blocks[k];
            args[i] = b.length === 1 && b[0].length === 1 ? b[0][0] : b;
          });
          const whole = safeInvoke(f, args);
          const rows = Math.max(...blocks.map((b) => b.length));
          const cols = Math.max(...blocks.map((b) => b[0].length));
          const at = (r: number, c: number) => {
            const one = args.slice();
            params.forEach(({ i }, k) => {
              const b = blocks[k];
              one[i] = b[b.length === 1 ? 0 : r][b[0].length === 1 ? 0 : c];
            });
            return safeInvoke(f, one) as Cell;
          };
          if (rows === 1 && cols === 1) {
            expect(normal(whole as Cell)).toEqual(normal(at(0, 0)));
            return;
          }
          expect(Array.isArray(whole), `${f.name}: ${String(whole)}`).toBe(true);
          const t = whole as Table;
          expect([t.length, t[0].length]).toEqual([rows, cols]);
          for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(normal(t[r][c]), `${f.name} [${r}, ${c}]`).toEqual(normal(at(r, c)));
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("numbers typed as text", () => {
  for (const f of cellFunctions) {
    it(`${f.name}: gives the same result as the numbers`, () => {
      const base = exampleArgs(f);
      const asText = base.map((a) => (typeof a === "number" ? ` ${String(a)} ` : a));
      expect(invoke(f, asText)).toEqual(invoke(f, base));
    });
  }
});

describe("CHAIN on random input blocks", () => {
  const chain = FUNCTIONS.find((f) => f.name === "CHAIN")!;
  const valueArb = fc.oneof({ weight: 6, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }) }, { weight: 3, arbitrary: numberArb }, { weight: 1, arbitrary: numericText });
  const blockArb = fc.uniqueArray(fc.constantFrom(...chainNames), { maxLength: 6 }).chain((names) => fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), valueArb))));

  it("spills a header and a row per step, 4 cells each, a scenario label only next to a finite US 10y", () => {
    fc.assert(
      fc.property(blockArb, (block) => {
        const r = safeInvoke(chain, [block.length ? block : null]);
        const problem = resultProblem(chain, r);
        if (problem) throw new Error(problem);
        if (!Array.isArray(r)) return;
        expect(r.length).toBe(CHAIN_STEPS.length + 1);
        for (const row of r) expect(row.length).toBe(4);
        const us = r.find((x) => x[0] === "us_10y")!;
        const sc = r.find((x) => x[0] === "scenario")!;
        for (const k of [1, 2]) expect(typeof sc[k] === "string", `${String(us[k])} → ${String(sc[k])}`).toBe(typeof us[k] === "number");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("live-data functions: their arguments read by the argument layer", () => {
  const realFetch = globalThis.fetch;
  let fetches = 0;
  beforeAll(() => {
    globalThis.fetch = (() => {
      fetches++;
      throw new Error("the network was touched");
    }) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  it('are the nine of "Live checkpoints" and "The chain on history" (docs/functions.md), each with its plan/compute pair', () => {
    expect(LIVE.map((f) => f.name)).toEqual(["FRED", "FRED_SERIES", "TIC_HOLDINGS", "TIC_CHANGE", "JGB_YIELD", "CHECKPOINTS", "HEDGE_HISTORY", "CHAIN_HISTORY", "JAPAN_FLOWS"]);
    for (const f of LIVE) expect(typeof f.live?.plan, f.name).toBe("function");
  });

  /** Values a live argument may meet besides the random ones: ids, countries, tenors, dates and months as typed. */
  const liveValueArb = fc.constantFrom<unknown>("DGS10", "dgs3mo", "T5YIE", "NOSUCH1", "Japan", "grand total", "Atlantis", "10Y", " 5 years ", "2026-08-05", "2026/7/1", "2026-03", "2026-13", "5/8/2026", 46239, 46112.5, 12, 13, 0, -1, 1e6, "foreign_bonds", " Japan_Bonds ", 2000, 2001, "-0.5%");
  const liveArgsArb = (f: FunctionSpec) =>
    fc.oneof(
      argsArb(f),
      fc.tuple(fc.tuple(...f.params.map(() => fc.oneof({ weight: 3, arbitrary: liveValueArb }, { weight: 1, arbitrary: scalarArb }))), fc.integer({ min: 0, max: f.params.length + 1 })).map(([all, n]) => (all as unknown[]).slice(0, n)),
    );
  /** The argument error of a call, or null when its arguments read. */
  const argumentError = (f: FunctionSpec, args: unknown[]): SheetError | null => {
    try {
      readSingleArgs(f, args);
      return null;
    } catch (e) {
      if (e instanceof SheetError) return e;
      throw e;
    }
  };

  for (const f of LIVE) {
    it(`${f.name} through invoke(): the argument error (#VALUE! naming it) or #N/A naming the function; never a throw, never a fetch`, () => {
      fc.assert(
        fc.property(liveArgsArb(f), (args) => {
          const r = safeInvoke(f, args);
          expect(r).toBeInstanceOf(SheetError);
          const problem = cellProblem(f, r);
          if (problem) throw new Error(problem);
          const bad = argumentError(f, args);
          expect((r as SheetError).kind).toBe(bad ? "value" : "na");
          if (bad) expect(r).toEqual(bad);
          else expect((r as SheetError).message).toMatch(word(f.name));
        }),
        { numRuns: RUNS },
      );
      expect(fetches).toBe(0);
    });

    it(`${f.name} in a host (fixture replies): only finite numbers, text and errors; a bad argument is its error and asks for nothing`, () => {
      const ctx: PlanContext = { via: "proxy", proxyBase: "http://localhost:8787", today: "2026-08-07" };
      fc.assert(
        fc.property(liveArgsArb(f), (args) => {
          let asked = 0;
          const replies = (items: readonly PlanItem[]) => parsedReplies(items, items.map((it) => (it instanceof SheetError ? it : (asked++, fixtureReply(it)))));
          const r = invokeWith(f as LiveFunctionSpec, args, { context: () => ctx, replies });
          const bad = argumentError(f, args);
          if (bad) {
            expect(r).toEqual(bad);
            expect(asked).toBe(0);
            return;
          }
          const cells = Array.isArray(r) ? r.flat() : [r];
          for (const c of cells) {
            if (typeof c === "number") expect(Number.isFinite(c), String(c)).toBe(true);
            else if (c instanceof SheetError) expect(KINDS.has(c.kind) && c.message.length > 0).toBe(true);
            else expect(typeof c).toBe("string");
          }
        }),
        { numRuns: RUNS },
      );
      expect(fetches).toBe(0);
    });
  }
});
