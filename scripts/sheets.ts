/**
 * `npm run sheets:create` and `npm run sheets:push`: clasp, with what can be checked checked
 * first and clasp's errors turned into what to do (one line, exit 1, no stack trace).
 *
 *   sheets:create   a new spreadsheet with its bound script (writes apps-script/.clasp.json),
 *                   then the build pushed into it
 *   sheets:push     build, then `clasp push --force` into the script apps-script/.clasp.json names
 *
 * Options: `--dir DIR` another clasp project folder laid out like apps-script/ (a .clasp.json
 * with rootDir "build", the .claspignore); `--no-build` pushes what is already built.
 * clasp is the one on PATH (npm puts node_modules/.bin there).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, relative, resolve } from "node:path";
import { ROOT } from "./generated";
import { Failure, UsageError, readOptions, runMain } from "./cli";

export const CLASP_FILE = ".clasp.json";
const ROOT_DIR = "build";

/** How to log in, said once for every message that needs it. */
const LOGIN = "run `npx clasp login` once (it opens a browser; without one: `npx clasp login --no-localhost`)";
const ENABLE_API = "turn on \"Google Apps Script API\" at https://script.google.com/home/usersettings (wait a minute after switching it on), then run this again";

/** clasp's own messages (and Google's, which it passes on) → what to do. First match wins. */
export const CLASP_ERRORS: readonly (readonly [RegExp, (command: string) => string])[] = [
  [/No credentials found|not logged in|Could not read API credentials|invalid_grant|Invalid Credentials|token (has been )?(expired|revoked)/i, () => `clasp is not logged in, or its login expired: ${LOGIN}`],
  [/Apps Script API|usersettings|SERVICE_DISABLED/i, () => `the Apps Script API is off for your Google account: ${ENABLE_API}`],
  [/Project settings not found|Could not find \.clasp\.json|No \.clasp\.json/i, () => "this folder has no clasp project: run `npm run sheets:create` first (a new spreadsheet), or bind an existing one (docs/sheets.md)"],
  [/Project file already exists/i, () => "apps-script/.clasp.json already exists: run `npm run sheets:push` to update that script, or move the file away to create another spreadsheet"],
  [/Requested entity was not found|404|not found/i, () => "Google knows no script with the scriptId in .clasp.json, or you cannot open it: check the Script ID (Extensions → Apps Script → Project Settings) and the Google account you logged in with"],
  [/permission|PERMISSION_DENIED|403|forbidden/i, () => "your Google account may not edit that script: ask its owner for edit access, or log in as the owner (`npx clasp login`)"],
  [/Syntax error|SyntaxError/i, () => "Apps Script refused the code as invalid JavaScript: rebuild with `npm run build:sheets` and report the message above if it persists"],
  [/ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|socket hang up|fetch failed/i, () => "cannot reach Google (script.googleapis.com): check the network or proxy, then run this again"],
];

/** One line saying what to do about clasp's output `text` from `clasp <command>`. */
export function explainClaspError(command: string, text: string): string {
  for (const [pattern, advice] of CLASP_ERRORS) if (pattern.test(text)) return advice(command);
  const last = text.split("\n").map((l) => l.trim()).filter(Boolean).pop();
  return `clasp ${command} failed${last ? `: ${last}` : ""} (run \`npx clasp ${command}\` in apps-script/ to see all of it)`;
}

/** Is there a clasp login? clasp keeps it in ~/.clasprc.json unless `clasp_config_auth` points elsewhere. */
export function claspLoginFile(): string {
  return process.env.clasp_config_auth ?? join(homedir(), ".clasprc.json");
}

function checkLogin(): void {
  if (!existsSync(claspLoginFile())) throw new Failure(`clasp is not logged in (no ${claspLoginFile()}): ${LOGIN}`);
}

/** The project file of `dir`, checked: a scriptId, and rootDir "build" (what .claspignore expects). */
function readProject(dir: string): { scriptId: string } {
  const file = join(dir, CLASP_FILE);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) {
    throw new Failure(`no ${shown}: run \`npm run sheets:create\` first (a new spreadsheet), or bind an existing one by writing it (docs/sheets.md, "Bind to an existing spreadsheet")`);
  }
  let project: { scriptId?: unknown; rootDir?: unknown };
  try {
    project = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Failure(`${shown} is not valid JSON (${e instanceof Error ? e.message : e}): write {"scriptId": "…", "rootDir": "build"}`);
  }
  if (typeof project.scriptId !== "string" || !project.scriptId.trim()) throw new Failure(`${shown} has no scriptId: write {"scriptId": "…", "rootDir": "build"}`);
  if (project.rootDir !== ROOT_DIR) throw new Failure(`${shown} has rootDir ${JSON.stringify(project.rootDir)}: it must be "build", the folder npm run build:sheets writes`);
  return { scriptId: project.scriptId };
}

/** Run clasp in `dir`; its output on success, a Failure saying what to do otherwise. */
function clasp(dir: string, args: string[]): string {
  const r = spawnSync("clasp", args, { cwd: dir, encoding: "utf8", env: process.env, timeout: 300_000 });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Failure(missing ? "clasp is not installed here: run `npm ci` (it is a devDependency), then run this again" : `could not run clasp: ${r.error.message}`);
  }
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) throw new Failure(explainClaspError(args[0], output));
  return output;
}

async function push(dir: string, build: boolean): Promise<void> {
  const { scriptId } = readProject(dir);
  checkLogin();
  // Loaded only when building: it brings webpack.
  if (build) await (await import("./build-sheets")).buildSheets(join(dir, ROOT_DIR));
  for (const file of ["Code.js", "appsscript.json"]) {
    if (!existsSync(join(dir, ROOT_DIR, file))) throw new Failure(`${join(dir, ROOT_DIR, file)} is missing: run \`npm run build:sheets\` (or drop --no-build)`);
  }
  process.stdout.write(clasp(dir, ["push", "--force"]));
  console.log(`Pushed to script ${scriptId}. Reload the spreadsheet: the marginal-bid menu appears after a few seconds.`);
}

async function create(dir: string, build: boolean): Promise<void> {
  const file = join(dir, CLASP_FILE);
  if (existsSync(file)) {
    throw new Failure(`${relative(process.cwd(), file) || file} already exists: run \`npm run sheets:push\` to update that spreadsheet's script, or move the file away to create another spreadsheet`);
  }
  checkLogin();
  process.stdout.write(clasp(dir, ["create", "--type", "sheets", "--title", "marginal-bid", "--rootDir", ROOT_DIR]));
  try {
    await push(dir, build);
  } catch (e) {
    throw new Failure(`the spreadsheet was created but the push failed (${e instanceof Error ? e.message : e}); fix that, then run \`npm run sheets:push\``);
  }
}

if (require.main === module) {
  const [command, ...rest] = process.argv.slice(2);
  const program = `sheets:${command}`;
  runMain(program, async () => {
    if (command !== "create" && command !== "push") throw new UsageError("usage: tsx scripts/sheets.ts create|push [--dir DIR] [--no-build]");
    const options = readOptions(program, rest, { values: { dir: "DIR" }, switches: ["no-build"] });
    const dir = typeof options.dir === "string" ? resolve(options.dir) : join(ROOT, "apps-script");
    if (!existsSync(dir)) throw new UsageError(`--dir ${dir} does not exist`);
    await (command === "create" ? create : push)(dir, options["no-build"] !== true);
  });
}
