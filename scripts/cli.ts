/**
 * The command-line conventions of our npm scripts (build:workbooks, release, sheets:*,
 * dev-server): options are checked before anything runs, and a failure is one line on
 * stderr, `<program>: <what to do>`, never a stack trace. Exit 2 for a bad command line,
 * 1 for anything else.
 */
import { parseArgs } from "node:util";

/** A problem with the command line (exit 2). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A failure whose message already says what to do (exit 1, printed as it is). */
export class Failure extends Error {
  override readonly name = "Failure";
}

export interface OptionSpec {
  /** `--name VALUE` options, with the word shown for VALUE in the usage line. */
  values?: Record<string, string>;
  /** `--name` switches. */
  switches?: readonly string[];
}

export function usageLine(program: string, spec: OptionSpec): string {
  const parts = [
    ...Object.entries(spec.values ?? {}).map(([name, word]) => `[--${name} ${word}]`),
    ...(spec.switches ?? []).map((name) => `[--${name}]`),
  ];
  return `usage: npm run ${program}${parts.length ? ` -- ${parts.join(" ")}` : ""}`;
}

/** The options of `argv` (npm's arguments after `--`); anything unknown or incomplete is a UsageError. */
export function readOptions(program: string, argv: readonly string[], spec: OptionSpec): Record<string, string | boolean | undefined> {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const name of Object.keys(spec.values ?? {})) options[name] = { type: "string" };
  for (const name of spec.switches ?? []) options[name] = { type: "boolean" };
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  // parseArgs takes `--out --other` as the value "--other": refuse a value that looks like an option.
  for (const [i, a] of args.entries()) {
    const name = a.replace(/^--/, "");
    if (a.startsWith("--") && spec.values?.[name] !== undefined && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
      throw new UsageError(`--${name} needs a value (${usageLine(program, spec)})`);
    }
  }
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])} (${usageLine(program, spec)})`);
    return values as Record<string, string | boolean | undefined>;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const unknown = /Unknown option '([^']+)'/.exec(e instanceof Error ? e.message : "");
    const what = unknown ? `unknown option ${unknown[1]}` : e instanceof Error ? e.message : String(e);
    throw new UsageError(`${what} (${usageLine(program, spec)})`);
  }
}

/** Run a script's main: on failure one line on stderr (the stack too with DEBUG=1) and a non-zero exit code. */
export function runMain(program: string, main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`${program}: ${message.split("\n")[0]}`);
      if (process.env.DEBUG && e instanceof Error) console.error(e.stack);
      process.exitCode = e instanceof UsageError ? 2 : 1;
    });
}
