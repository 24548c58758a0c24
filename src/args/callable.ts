/**
 * What the argument layer knows of a function, and what it hands the core. The function table
 * (src/catalog) describes each spreadsheet function with more than this; the layer needs only
 * these fields, so it depends on the declarations of ./kinds.ts and never on the table.
 */
import type { PlanContext, PlanItem, Reply } from "../sources/request";
import type { NamedInputs, NamedScenario } from "./blocks";
import type { DataBlock } from "./data";
import type { ParamKind, ParamSpec, Signature } from "./kinds";

/** A live-data function's plan/compute pair (src/live), as the pipeline runs it with a host's fetcher. */
export interface LiveCall {
  plan(args: never, ctx: PlanContext): PlanItem[];
  compute(args: never, replies: readonly Reply[], ctx: PlanContext): unknown;
}

/**
 * A function the argument layer calls: a core function (`impl`), or a live-data function
 * (`live`: its plan/compute pair), which runs only where a host gives a fetcher.
 */
export type Callable = Signature & ({ impl: (...args: never[]) => unknown; live?: undefined } | { live: LiveCall; impl?: undefined });

/** The type of one cell of each kind as the core receives it. */
export type KindValue = { [K in ParamKind]: K extends "text" | "date" | "month" ? string : K extends "boolean" ? boolean : K extends "any" ? unknown : number };

/** The value the core receives for one parameter (`readWhole` and `coerceCell` in ./invoke.ts and ./coerce.ts). */
export type ArgValue<P extends ParamSpec> = P extends { shape: "list" }
  ? number[]
  : P extends { shape: "vector" }
    ? (KindValue[P["kind"]] | "")[]
    : P extends { shape: "matrix" }
    ? number[][]
    : P extends { shape: "inputs" }
      ? NamedInputs
      : P extends { shape: "scenarios" }
        ? NamedScenario[]
        : P extends { shape: "data" }
          ? DataBlock
      : P extends { presets: readonly string[] }
        ? number | string
        : KindValue[P["kind"]];

/**
 * The argument list the core receives for a literal parameter list, an optional parameter as an
 * optional argument.
 * A list whose length the compiler does not know gives `unknown[]`, which no fixed signature matches.
 */
export type ArgsOf<Ps extends readonly ParamSpec[]> = Ps extends readonly []
  ? []
  : Ps extends readonly [infer P extends ParamSpec, ...infer Rest extends readonly ParamSpec[]]
    ? P extends { optional: true }
      ? [ArgValue<P>?, ...ArgsOf<Rest>]
      : [ArgValue<P>, ...ArgsOf<Rest>]
    : unknown[];
