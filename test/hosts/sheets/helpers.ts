/**
 * Load apps-script/build/Code.js the way Apps Script does: one plain script evaluated in
 * a fresh global scope with nothing but the JavaScript built-ins (plus, for the menu
 * tests, the Apps Script services a test passes in).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { ROOT } from "../../../scripts/generated";

export const BUILD_DIR = join(ROOT, "apps-script", "build");

/** A file of the build, or a clear failure telling how to make it. */
export function readBuild(file: string): string {
  const path = join(BUILD_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`apps-script/build/${file} is missing: build first with \`npm run build:sheets\` (npm test builds everything first)`);
  }
  return readFileSync(path, "utf8");
}

export type SheetsFn = (...args: unknown[]) => unknown;

export interface Loaded {
  context: vm.Context;
  /** A top-level function of Code.js. */
  fn(name: string): SheetsFn;
  /** Evaluate an expression inside the context (to make values the way Apps Script makes them, e.g. Dates). */
  run<T = unknown>(code: string): T;
}

export function loadCode(globals: Record<string, unknown> = {}): Loaded {
  const context = vm.createContext({ ...globals });
  vm.runInContext(readBuild("Code.js"), context, { filename: "Code.js" });
  return {
    context,
    fn(name) {
      const f = (context as Record<string, unknown>)[name];
      if (typeof f !== "function") throw new Error(`Code.js defines no top-level function ${name}`);
      return f as SheetsFn;
    },
    run: <T>(code: string) => vm.runInContext(code, context) as T,
  };
}

/**
 * The error a call throws. Errors made inside a vm context are not `instanceof Error`
 * here (another realm), so tests look at `name` and `message`.
 */
export function thrown(f: () => unknown): { name: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err.name), message: String(err.message) };
  }
  throw new Error("expected the call to throw, it returned");
}

/** A Sheets column range as the 2-D array a custom function receives. */
export const column = (values: readonly unknown[]) => values.map((v) => [v]);
