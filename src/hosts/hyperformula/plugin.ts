/**
 * The HyperFormula host: every function of the catalog as a HyperFormula function plugin,
 * built at runtime from CATALOG (nothing hand-listed, nothing generated to disk).
 *
 * Like the Excel and Sheets wrappers, this host only translates. HyperFormula hands each
 * argument over as it is (every parameter is declared `ANY` or `RANGE`, vectorization off),
 * the plugin converts it to the raw shapes `invoke()` expects (a range → a 2-D array, an
 * empty cell → null, an omitted optional → undefined) and converts the answer back: a
 * SheetError → `CellError`, a table → a spilled array with a `CellError` per bad cell.
 * Broadcasting, units, blanks and messages are the argument layer's, as in every host.
 *
 * Spill sizes. HyperFormula must know the size of an array result when it parses a formula,
 * before any cell is computed, and keeps it until the formula is entered again. So:
 * - a `cell` function's size is the broadcast of the shapes of its single-value arguments
 *   (the same rule `invoke` applies), read from the formula's syntax: exact, needs no values;
 * - a `table` function's size is that of the table it returns for the arguments as they are
 *   when the formula is entered (the size method evaluates them and calls `invoke`); when
 *   they cannot be evaluated yet (a referenced formula not computed, a required input still
 *   blank), the size of the table for typical inputs of the right units (memoised per
 *   function). Every table of the catalog has a size fixed by the function, so both agree;
 *   a table whose size depends on its inputs keeps the size it had when it was entered.
 * Nothing is cached between the size method and the function itself: the inputs can change
 * without the size being predicted again, and the core is cheap enough to call twice.
 *
 * Live-data functions are registered too. An engine built without a fetcher stays offline: they
 * answer the pipeline's `#N/A` saying so. One built with a synchronous fetcher (the demo's data
 * folder, src/demo/dataFolder.ts) runs them on the files it reads, like any other function.
 *
 * HyperFormula is GPL-3.0 (licence key "gpl-v3"): a development dependency for the demo,
 * the tests and the workbook build, never bundled into the Excel add-in or the Sheets code.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionArgument, ImplementedFunctions, RawCellContent } from "hyperformula";
import { CATALOG } from "../../catalog";
import type { FunctionSpec } from "../../catalog/spec";
import { invoke } from "../../args/invoke";
import { isoToSerial } from "../../args/dates";
import type { ParamKind, ParamSpec } from "../../args/kinds";
import { type Result, hostRectangle, tableWidth, withHostDates } from "../../args/result";
import { SheetError, type ErrorKind } from "../../core/errors";
import type { Cell } from "../../core/table";
import type { SyncFetcherLike } from "../../sources/fetcher";

/** The licence key for HyperFormula's GPL-3.0 edition. */
export const HF_LICENSE_KEY = "gpl-v3";

/** The parts of HyperFormula's `ProcedureAst` we use (its typings cannot be imported). */
interface ProcedureLike {
  procedureName: string;
  args: unknown[];
}

const ERROR_TYPE: Record<ErrorKind, ErrorType> = {
  value: ErrorType.VALUE,
  num: ErrorType.NUM,
  na: ErrorType.NA,
  div0: ErrorType.DIV_BY_ZERO,
};

const SHEET_ERROR_KIND: Partial<Record<ErrorType, ErrorKind>> = {
  [ErrorType.VALUE]: "value",
  [ErrorType.NUM]: "num",
  [ErrorType.NA]: "na",
  [ErrorType.DIV_BY_ZERO]: "div0",
};

const shapeOf = (p: ParamSpec) => p.shape ?? "cell";

/** A SheetError as HyperFormula's error value. */
export function toCellError(e: SheetError): CellError {
  return new CellError(ERROR_TYPE[e.kind], e.message);
}

/** One value of HyperFormula's as the raw cell a host passes to `invoke`. */
function rawScalar(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return v === undefined ? undefined : null;
  if (v instanceof CellError) {
    // An error in an input cell stays an error of that cell (its own kind where we have one).
    return new SheetError(SHEET_ERROR_KIND[v.type] ?? "value", v.message || `the input holds #${v.type}`);
  }
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number") {
    return (v as { val: number }).val; // a number with a display type (percent, date, currency)
  }
  return v;
}

/** An argument as HyperFormula evaluated it → what `invoke` expects: ranges as 2-D arrays. */
export function toRaw(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(rawScalar));
  return rawScalar(v);
}

/** What `invoke` answered → HyperFormula's value: a scalar, an error, or an array to spill (dates as serials). */
export function fromResult(r: Result, spec?: FunctionSpec): number | string | CellError | SimpleRangeValue {
  if (!Array.isArray(r)) return r instanceof SheetError ? toCellError(r) : r;
  if (r.length === 0 || tableWidth(r) === 0) return new CellError(ErrorType.NA, "the function returned an empty table");
  const dated = spec ? (withHostDates(spec, r, isoToSerial) as Cell[][]) : r;
  return SimpleRangeValue.onlyValues(hostRectangle(dated, toCellError));
}

/**
 * The fetcher of each engine, by the engine's Config object: HyperFormula keeps no custom
 * settings, and a plugin method sees its engine only as `this.config`, the object the engine
 * holds as `_config` (test/hosts/hyperformula/plugin.test.ts checks that it still does).
 */
const FETCHERS = new WeakMap<object, SyncFetcherLike>();

/** Give an engine a fetcher: its live functions then run on what it fetches. */
export function setEngineFetcher(hf: HyperFormula, fetcher: SyncFetcherLike): void {
  const config = (hf as unknown as { _config?: object })._config;
  if (!config) throw new Error("this HyperFormula version keeps no _config: the engine's fetcher cannot be set");
  FETCHERS.set(config, fetcher);
}

/** A typical value of each unit, used only to learn a table's size when the real inputs are not ready. */
const PROBE: Record<ParamKind, unknown> = {
  rate: 0.01,
  bp: 50,
  usd_bn: 100,
  fraction: 0.5,
  days: 91,
  count: 2,
  years: 10,
  tenor: 10,
  fx: 150,
  factor: 1,
  date: null,
  month: null,
  text: null,
  boolean: true,
  any: null,
};

function probeArgs(spec: FunctionSpec): unknown[] {
  return spec.params.map((p) => {
    if (p.optional) return undefined;
    const v = PROBE[p.kind];
    return shapeOf(p) === "cell" ? v : [[v]];
  });
}

const probedSize = new Map<string, ArraySize>();

function sizeOfTable(t: Result): ArraySize | undefined {
  if (!Array.isArray(t) || t.length === 0) return undefined;
  const width = tableWidth(t);
  return width > 0 && t.length * width > 1 ? new ArraySize(width, t.length) : ArraySize.scalar();
}

/** The size of a table function's result for typical inputs (memoised). */
export function typicalTableSize(spec: FunctionSpec): ArraySize {
  let s = probedSize.get(spec.name);
  if (!s) {
    s = sizeOfTable(invoke(spec, probeArgs(spec))) ?? ArraySize.scalar();
    probedSize.set(spec.name, s);
  }
  return s;
}

function parameterOf(p: ParamSpec): FunctionArgument {
  return {
    // A single-value parameter also takes a range (invoke broadcasts it); a list, block or
    // pairs parameter always wants a range (a single value becomes a 1×1 range).
    argumentType: shapeOf(p) === "cell" ? FunctionArgumentType.ANY : FunctionArgumentType.RANGE,
    optionalArg: p.optional === true,
  };
}

const methodName = (spec: FunctionSpec) => `call_${spec.name}`;
const sizeMethodName = (spec: FunctionSpec) => `size_${spec.name}`;

/** The part of HyperFormula's `InterpreterState` we read: the formula being computed. */
interface StateLike {
  formulaVertex?: { formula?: unknown; width?: unknown; height?: unknown };
}

/**
 * Fit the value of a formula's top-level call into the block HyperFormula reserved for it.
 * Two guards for HyperFormula 3.5: an array formula whose value is a plain error makes any
 * formula that reads exactly its range throw ("Unknown array"), so the error goes in the
 * anchor of a block of the reserved size, the rest left blank (as Excel shows a failed
 * spill); and a result larger than the reserved block makes the engine throw ("Resizing to
 * smaller array"), so it becomes such an error, saying what to do.
 */
function fitToSpill(spec: FunctionSpec, ast: ProcedureLike, state: unknown, value: unknown): unknown {
  const vertex = (state as StateLike).formulaVertex;
  if (!vertex || vertex.formula !== ast || typeof vertex.width !== "number" || typeof vertex.height !== "number") return value;
  const { width, height } = vertex as { width: number; height: number };
  const errorBlock = (e: CellError) =>
    SimpleRangeValue.onlyValues(Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => (r === 0 && c === 0 ? e : EmptyValue))));
  if (value instanceof CellError) return errorBlock(value);
  if (value instanceof SimpleRangeValue && (value.height() > height || value.width() > width)) {
    const message = `${spec.name} returns a ${value.height()}×${value.width()} table, larger than the ${height}×${width} block reserved when the formula was entered: enter the formula again`;
    return errorBlock(new CellError(ErrorType.VALUE, message));
  }
  return value;
}

/** The plugin class, with one method and one size method per catalog function. */
class MarginalBidPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  private get fetcher(): SyncFetcherLike | undefined {
    return FETCHERS.get(this.config as unknown as object);
  }

  /** Evaluate a call: HyperFormula checks the argument count, `invoke` does the rest. */
  callFunction(spec: FunctionSpec, ast: ProcedureLike, state: unknown): unknown {
    const fetcher = this.fetcher;
    const value = this.runFunction(ast.args as never, state as never, this.metadata(spec.name), (...args: unknown[]) =>
      fromResult(invoke(spec, args.map(toRaw), fetcher), spec),
    );
    return fitToSpill(spec, ast, state, value);
  }

  /** The spill size of a call, predicted when the formula is parsed. */
  sizeOfCall(spec: FunctionSpec, ast: ProcedureLike, state: unknown): ArraySize {
    const fetcher = this.fetcher;
    if (spec.result === "cell") return this.broadcastSize(spec, ast, state);
    try {
      const args = ast.args.map((a) => toRaw(this.evaluateAst(a as never, state as never)));
      const size = sizeOfTable(invoke(spec, args, fetcher));
      if (size && !size.isScalar()) return size;
    } catch {
      // An input is not computed yet: fall back to the size for typical inputs.
    }
    return typicalTableSize(spec);
  }

  private broadcastSize(spec: FunctionSpec, ast: ProcedureLike, state: unknown): ArraySize {
    let rows = 1;
    let cols = 1;
    for (let i = 0; i < Math.min(ast.args.length, spec.params.length); i++) {
      if (shapeOf(spec.params[i]) !== "cell") continue;
      const s = this.arraySizeForAst(ast.args[i] as never, state as never);
      if (s.height !== 1) {
        if (rows !== 1 && rows !== s.height) return ArraySize.scalar(); // invoke answers #VALUE!
        rows = s.height;
      }
      if (s.width !== 1) {
        if (cols !== 1 && cols !== s.width) return ArraySize.scalar();
        cols = s.width;
      }
    }
    return rows === 1 && cols === 1 ? ArraySize.scalar() : new ArraySize(cols, rows);
  }
}

/** Build the plugin's declarations and methods from the catalog. */
function definePlugin(catalog: readonly FunctionSpec[]): void {
  const proto = MarginalBidPlugin.prototype as unknown as Record<string, unknown>;
  const implemented: ImplementedFunctions = {};
  for (const spec of catalog) {
    implemented[spec.name] = {
      method: methodName(spec),
      sizeOfResultArrayMethod: sizeMethodName(spec),
      parameters: spec.params.map(parameterOf),
      // invoke broadcasts ranges itself: HyperFormula must pass them through untouched.
      vectorizationForbidden: true,
    };
    proto[methodName(spec)] = function (this: MarginalBidPlugin, ast: ProcedureLike, state: unknown) {
      return this.callFunction(spec, ast, state);
    };
    proto[sizeMethodName(spec)] = function (this: MarginalBidPlugin, ast: ProcedureLike, state: unknown) {
      return this.sizeOfCall(spec, ast, state);
    };
  }
  MarginalBidPlugin.implementedFunctions = implemented;
}

let registered: string[] | null = null;

/**
 * Register every catalog function with HyperFormula (once per process; idempotent).
 * Custom functions need a name in the language in use: we register them for enGB,
 * HyperFormula's default. Returns the registered names.
 */
export function registerMarginalBidFunctions(): string[] {
  if (registered) return registered;
  const builtIn = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
  const clash = CATALOG.filter((f) => builtIn.has(f.name)).map((f) => f.name);
  if (clash.length) throw new Error(`catalog functions clash with HyperFormula built-ins: ${clash.join(", ")}`);
  definePlugin(CATALOG);
  const names = CATALOG.map((f) => f.name);
  HyperFormula.registerFunctionPlugin(MarginalBidPlugin, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
  registered = names;
  return names;
}

/**
 * HyperFormula's settings for our sheets: the GPL-3.0 licence key; results read back with the
 * 15 significant digits a spreadsheet keeps (HyperFormula rounds exported values to
 * `precisionRounding` digits after the leading one, default 10, so 14 gives 15 significant
 * digits; 15 would print 0.035 as 0.03500000000000001); and Excel's 1,048,576 rows, so that
 * a whole column fits (HyperFormula's default is 40,000).
 */
export const ENGINE_CONFIG = { licenseKey: HF_LICENSE_KEY, precisionRounding: 14, maxRows: 1_048_576 } as const;

let tableCall: RegExp | undefined;

/** Does this cell content call one of our table functions? */
export function callsTableFunction(content: RawCellContent): boolean {
  tableCall ??= new RegExp(`(^|[^A-Za-z0-9_.])(${CATALOG.filter((f) => f.result === "table").map((f) => f.name).join("|")})\\s*\\(`, "i");
  return typeof content === "string" && content.startsWith("=") && tableCall.test(content);
}

/**
 * A HyperFormula instance with every catalog function, built from sheets of raw cell contents.
 * HyperFormula builds a sheet row by row and predicts a spill's size as it parses the formula,
 * when inputs further down or to the right are not there yet; so every formula that calls a
 * table function is entered once more after the build, with every input in place.
 */
export function createEngine(sheets: Record<string, RawCellContent[][]> = {}, fetcher?: SyncFetcherLike): HyperFormula {
  registerMarginalBidFunctions();
  const hf = HyperFormula.buildFromSheets(fetcher ? {} : sheets, { ...ENGINE_CONFIG });
  if (fetcher) {
    // The fetcher must be known before the first formula is computed.
    setEngineFetcher(hf, fetcher);
    hf.batch(() => {
      for (const [name, rows] of Object.entries(sheets)) {
        hf.addSheet(name);
        hf.setSheetContent(hf.getSheetId(name)!, rows);
      }
    });
  }
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = hf.getSheetId(name)!;
    rows.forEach((line, row) =>
      line.forEach((content, col) => {
        if (callsTableFunction(content)) hf.setCellContents({ sheet, row, col }, [[content]]);
      }),
    );
  }
  return hf;
}
