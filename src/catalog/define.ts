/**
 * The compiler ties each table entry's `params` to its core function: `defineFunctions([...])`
 * accepts an entry only when `impl` takes exactly the arguments the argument layer will pass,
 * in count, in which are optional, and in type (`ArgsOf`: a rate is a number, a list is
 * `number[]`, a preset parameter `number | string`, ...). Without it only the position in the
 * list links a parameter to the core's argument.
 */
import type { ArgsOf } from "../args/callable";
import type { ParamSpec } from "../args/kinds";
import type { FunctionSpec } from "./spec";

/** Identical types, not merely assignable ones (`1 | 2` is not `1 | 2 | 3`). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `unknown` when an entry's `impl` fits its `params`; otherwise the type `impl` must have, whose
 * property name is the compile error a reader sees:
 *
 *     Type '(a: number) => number' is not assignable to type '{ "impl takes other arguments
 *     (count, or which are optional) than params declare": [number, (number | undefined)?] }'
 */
type Fits<E> = E extends { params: infer Ps extends readonly ParamSpec[]; impl: infer F extends (...args: never[]) => unknown }
  ? Same<Parameters<F>["length"], ArgsOf<Ps>["length"]> extends false
    ? { impl: { "impl takes other arguments (count, or which are optional) than params declare": ArgsOf<Ps> } }
    : ArgsOf<Ps> extends Parameters<F>
      ? unknown
      : { impl: { "impl does not accept the argument types params declare": ArgsOf<Ps> } }
  : unknown;

/** A list of table entries, each checked by the compiler against its core function (see above). */
export function defineFunctions<const T extends readonly FunctionSpec[]>(entries: T & { [K in keyof T]: Fits<T[K]> }): FunctionSpec[] {
  return entries.slice();
}
