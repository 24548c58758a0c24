/**
 * The demo's command line: every CHAIN input as `--kebab-name VALUE`, typed as a user types
 * a cell (`4.5%`, `0.045`, `50`, a preset name), read by the argument layer's own rules, so
 * `--us-short 4.5` fails exactly as `=CHAIN(...)` would in a cell.
 */
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { BLANK, coerceCell, parseBpText, parseNumberText } from "../args/coerce";
import type { ParamSpec } from "../args/kinds";
import { SheetError } from "../core/errors";
import { plain } from "./format";

/** A problem with the command line: printed to stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface Sensitivity {
  input: string;
  values: number[];
  /** The grid as the user wrote it, for the header. */
  spec: string;
}

export interface DemoOptions {
  help: boolean;
  /** CHAIN input name → value (number, or a preset name for bp_per_100bn). */
  inputs: Record<string, number | string>;
  sensitivity?: Sensitivity;
  plot?: string;
  /** Print the scenarios block (CHAIN_COMPARE) instead of the transmission table. */
  compare: boolean;
}

export const kebab = (name: string) => name.replace(/_/g, "-");
const INPUT_BY_OPTION = new Map(CHAIN_INPUT_PARAMS.map((p) => [`--${kebab(p.name)}`, p]));
const OTHER_OPTIONS = ["--sensitivity", "--plot", "--compare", "--help"];

/** The most points a sensitivity grid may have (the demo stays fast). */
export const MAX_GRID_POINTS = 1001;

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function suggestion(option: string): string {
  const all = [...INPUT_BY_OPTION.keys(), ...OTHER_OPTIONS];
  const best = all.map((o) => [o, editDistance(option, o)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(1, Math.floor(option.length / 4)) ? ` (did you mean ${best[0]}?)` : "";
}

/** Read one input value with the argument layer's rules. */
export function readInputValue(p: ParamSpec, raw: string, where: string): number | string {
  const v = coerceCell(raw, p);
  if (v === BLANK) throw new UsageError(`${where} needs a value`);
  if (v instanceof SheetError) throw new UsageError(`${where}: ${v.message}`);
  return v as number | string; // CHAIN's inputs are numbers and preset names
}

function findInput(name: string): ParamSpec | undefined {
  const key = name.trim().toLowerCase().replace(/-/g, "_");
  return CHAIN_INPUT_PARAMS.find((p) => p.name === key);
}

/** A sweep bound or step as the user types it: `4.5%`, `0.045`, `50`, and `50bp` for an input in basis points. */
function sweepNumber(p: ParamSpec, text: string): number | undefined {
  return parseNumberText(text) ?? (p.kind === "bp" ? parseBpText(text) : undefined);
}

/** A sweep value written in the input's unit, exactly (no rounding): 0.0025 → "0.25%" for a rate. */
export const sweepText = (p: ParamSpec, x: number): string => (p.kind === "rate" ? `${plain(x * 100)}%` : plain(x));

/** Is x a whole number, up to the float noise of a decimal division (0.02 / 0.0025 = 8.000000000000002)? */
const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, Math.abs(x));

/** Round steps, 1, 2, 2.5 and 5 times a power of ten, from the smallest to the largest a sweep could use. */
function roundSteps(span: number): number[] {
  const out: number[] = [];
  const top = Math.floor(Math.log10(span));
  for (let e = top - 12; e <= top; e++) for (const m of [1, 2, 2.5, 5]) out.push(+(m * 10 ** e).toPrecision(12));
  return out;
}

/**
 * Why a step that does not divide FROM:TO is refused, and what would: the round steps nearest
 * below and above it that divide the range, and the ends the given step reaches either side of TO.
 */
function nonDividingStep(p: ParamSpec, raw: { from: string; to: string; step: string }, from: number, to: number, step: number): string {
  const span = to - from;
  const steps = span / step;
  const divides = [...roundSteps(span), span].sort((a, b) => a - b).filter((s) => whole(span / s) && span / s <= MAX_GRID_POINTS - 1);
  const below = divides.filter((s) => s < step).pop();
  const above = divides.find((s) => s > step);
  const points = (s: number) => `${sweepText(p, s)} (${Math.round(span / s) + 1} points)`;
  const stepHint = [below, above].filter((s): s is number => s !== undefined).map(points);
  const ends = [Math.floor(steps), Math.ceil(steps)]
    .filter((k) => k >= 1)
    .map((k) => +(from + k * step).toPrecision(12))
    .filter((end) => !(coerceCell(plain(end), p) instanceof SheetError))
    .map((end) => sweepText(p, end));
  return (
    `--sensitivity ${p.name}: the step ${raw.step} does not divide ${raw.from}:${raw.to} (${+steps.toPrecision(4)} steps), so the grid would stop short of ${raw.to}; ` +
    `use a step that divides it${stepHint.length ? `, e.g. ${stepHint.join(" or ")}` : ""}${ends.length ? `, or end the grid at ${ends.join(" or ")}` : ""}`
  );
}

/**
 * `bid_cut=0:1:0.1` → the grid 0, 0.1, …, 1, each value checked like a cell of that input. The
 * step must divide TO − FROM, so the grid ends at TO: `hike_bp=0:100:30` is refused, naming the
 * steps that divide it and the ends 30 reaches.
 */
export function parseSensitivity(text: string): Sensitivity {
  const m = /^([A-Za-z0-9_-]+)=([^:]+):([^:]+):([^:]+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--sensitivity ${JSON.stringify(text)}: write INPUT=FROM:TO:STEP, e.g. bid_cut=0:1:0.1 or us_short=3%:5%:0.25%`);
  const p = findInput(m[1]);
  if (!p) throw new UsageError(`--sensitivity: "${m[1]}" is not a CHAIN input; the inputs are ${CHAIN_INPUT_PARAMS.map((q) => q.name).join(", ")}`);
  const num = (s: string, what: string) => {
    const x = sweepNumber(p, s);
    if (x === undefined) throw new UsageError(`--sensitivity ${p.name}: ${what} ${JSON.stringify(s)} is not a number`);
    return x;
  };
  const raw = { from: m[2].trim(), to: m[3].trim(), step: m[4].trim() };
  const from = num(raw.from, "from");
  const to = num(raw.to, "to");
  const step = num(raw.step, "step");
  if (!(step > 0)) throw new UsageError(`--sensitivity ${p.name}: the step must be above 0, got ${m[4]}`);
  if (to < from) throw new UsageError(`--sensitivity ${p.name}: from ${m[2]} is above to ${m[3]}`);
  if (to === from) throw new UsageError(`--sensitivity ${p.name}: ${m[2]}:${m[3]} by ${m[4]} is a single point; a sensitivity needs two at least`);
  const steps = (to - from) / step;
  if (steps + 1 > MAX_GRID_POINTS) {
    throw new UsageError(`--sensitivity ${p.name}: ${Math.floor(steps + 1e-9) + 1} points is too many (at most ${MAX_GRID_POINTS}); use a larger step`);
  }
  if (!whole(steps)) throw new UsageError(nonDividingStep(p, raw, from, to, step));
  const count = Math.round(steps) + 1;
  const values: number[] = [];
  for (let k = 0; k < count; k++) {
    const x = k === count - 1 ? to : +(from + k * step).toPrecision(12);
    values.push(readInputValue(p, plain(x), `--sensitivity ${p.name} = ${plain(x)}`) as number);
  }
  return { input: p.name, values, spec: `${m[2]}:${m[3]}:${m[4]}` };
}

/** Parse the arguments after `npm run demo --`. Throws UsageError. */
export function parseOptions(argv: readonly string[]): DemoOptions {
  const out: DemoOptions = { help: false, inputs: {}, compare: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      out.help = true;
      continue;
    }
    if (arg === "--compare") {
      out.compare = true;
      continue;
    }
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}: options start with --`);
    const eq = arg.indexOf("=");
    const option = eq >= 0 ? arg.slice(0, eq) : arg;
    const known = INPUT_BY_OPTION.has(option) || OTHER_OPTIONS.includes(option);
    if (!known) throw new UsageError(`unknown option ${option}${suggestion(option)}`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${option} needs a value`);
      value = next;
      i++;
    }
    if (seen.has(option)) throw new UsageError(`${option} is given twice`);
    seen.add(option);
    if (option === "--sensitivity") out.sensitivity = parseSensitivity(value);
    else if (option === "--plot") {
      if (value.trim() === "") throw new UsageError("--plot needs a file name, e.g. --plot chain.svg");
      if (!/\.svg$/i.test(value.trim())) throw new UsageError(`--plot ${value}: the chart is an SVG file; give a name ending in .svg, e.g. --plot chain.svg`);
      out.plot = value;
    } else {
      const p = INPUT_BY_OPTION.get(option)!;
      out.inputs[p.name] = readInputValue(p, value, `${option} ${value}`);
    }
  }
  if (out.plot !== undefined && !out.sensitivity) {
    throw new UsageError("--plot draws a sensitivity: add one, e.g. --sensitivity bid_cut=0:1:0.1 --plot chain.svg");
  }
  if (out.sensitivity && out.sensitivity.input in out.inputs) {
    throw new UsageError(`--${kebab(out.sensitivity.input)} and --sensitivity both set ${out.sensitivity.input}: give one`);
  }
  if (out.compare && out.sensitivity) throw new UsageError("--compare and --sensitivity print different tables: give one");
  // The bid cut is either given or derived from the elasticity (0 means "not given" for both, as in CHAIN).
  const givenCut = given(out.inputs.bid_cut) || out.sensitivity?.input === "bid_cut";
  const givenElasticity = given(out.inputs.bid_elasticity_bn) || out.sensitivity?.input === "bid_elasticity_bn";
  if (givenCut && givenElasticity) {
    throw new UsageError(
      "--bid-cut and --bid-elasticity-bn both set the bid cut: CHAIN takes it as given (--bid-cut) or derives it from the change of the JGB advantage (--bid-elasticity-bn); give one",
    );
  }
  return out;
}

const given = (v: number | string | undefined) => v !== undefined && v !== 0;

/**
 * With a bid elasticity, the bid cut is derived: the model's bid_cut cell is left blank
 * (CHAIN refuses a bid_cut beside an elasticity).
 */
export const derivesBidCut = (o: DemoOptions) => given(o.inputs.bid_elasticity_bn) || o.sensitivity?.input === "bid_elasticity_bn";

/** The help text: options, units, examples. */
export function helpText(): string {
  const width = Math.max(...CHAIN_INPUT_PARAMS.map((p) => kebab(p.name).length)) + 2;
  const lines = [
    "npm run demo -- [options]",
    "",
    "Loads the marginal-bid model sheet into HyperFormula (an embedded spreadsheet engine, no",
    "network), recalculates it with every catalog function, and prints the note's transmission",
    "chain: BOJ hike → hedged UST → Japan's bid → term premium → US 10y → equities.",
    "",
    "Inputs (one option per CHAIN input; type values as in a cell: 4.5% or 0.045, 50 or 50bp, central):",
    ...CHAIN_INPUT_PARAMS.map((p) => `  --${kebab(p.name).padEnd(width)}${p.help}`),
    "",
    "Other options:",
    "  --sensitivity INPUT=FROM:TO:STEP   the chain across a grid of one input (CHAIN_SENSITIVITY on the sheet);",
    "                                     STEP must divide TO − FROM (0:100:25, not 0:100:30), at most 1001 points",
    "  --plot FILE.svg                    draw that sensitivity as a chart",
    "  --compare                          the scenarios side by side (the sheet's CHAIN_COMPARE block)",
    "  --help                             this text",
    "",
    "The bid cut is given (--bid-cut) or derived from the hike (--bid-elasticity-bn, with a partial",
    "--hedge-ratio and an --fx-response): give one of the two.",
    "",
    "Examples:",
    "  npm run demo",
    "  npm run demo -- --hike-bp 100 --bid-cut 0.3 --bp-per-100bn central",
    "  npm run demo -- --hedge-ratio 0.6 --fx-response -0.04 --bid-elasticity-bn 50 --sensitivity hike_bp=0:200:50",
    "  npm run demo -- --compare",
    "  npm run demo -- --sensitivity bid_cut=0:1:0.1 --plot bid-cut.svg",
    "  npm run demo -- --sensitivity bp_per_100bn=5:100:5 --bid-cut 0.3",
    "",
    "Bad options or values print a message and exit with code 2.",
  ];
  return lines.join("\n");
}
