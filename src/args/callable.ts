/**
 * What the argument layer knows of a function, and what it hands the core. The function table
 * (src/catalog) describes each spreadsheet function with more than this; the layer needs only
 * these fields, so it depends on the declarations of ./kinds.ts and never on the table.
 */
import type { Table } from "../core/table";
import type { ParamKind, ParamSpec } from "./kinds";

export interface Callable {
  /** The formula name, used in messages. */
  name: string;
  params: readonly ParamSpec[];
  /** `cell`: one result per cell, inputs broadcast; `table`: spills a block from single inputs. */
  result: "cell" | "table";
  /** The core, called with the coerced arguments in parameter order (defaults filled in). */
  impl: (...args: never[]) => number | string | Table;
  /** Set for live-data functions, which only a host with a fetcher can run. */
  live?: unknown;
}

/** The type of one cell of each kind as the core receives it. */
export type KindValue = { [K in ParamKind]: K extends "text" ? string : number };

/** The value the core receives for one parameter (`readWhole` and `coerceCell` in ./invoke.ts and ./coerce.ts). */
export type ArgValue<P extends ParamSpec> = P extends { shape: "list" }
  ? number[]
  : P extends { shape: "matrix" }
    ? number[][]
    : P extends { shape: "pairs" }
      ? [string, unknown][]
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
