/**
 * `npm run build:sheets`: writes the Apps Script project that clasp pushes,
 *
 *   apps-script/build/Code.js          the generated stubs (top-level functions with their
 *                                      @customfunction JSDoc) + the bundled core, loaded lazily
 *   apps-script/build/appsscript.json  V8, time zone, exception logging, explicit scopes
 *
 * The core (src/hosts/sheets/entry.ts and everything it imports) is bundled by webpack
 * into a `var` library in a temporary folder, then wrapped in `MarginalBid_load_()`:
 * Apps Script runs a project's top-level code before every custom-function call, so the
 * top level of Code.js only defines functions (and one empty var); `MarginalBid_()`
 * evaluates the core on first use and memoises it for the rest of that execution.
 *
 * The core is minified (webpack's production minimizer); the stubs with the JSDoc that
 * Sheets reads never pass through the minifier. `SHEETS_MINIFY=0 npm run build:sheets`
 * gives a readable core for debugging.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import webpack from "webpack";
import { ROOT } from "./generated";
import { runMain } from "./cli";
import { VERSION } from "../src/version";
import { STUBS_PATH, stubsFile } from "../src/hosts/sheets/generate";
import { appsScriptManifest } from "../src/hosts/sheets/manifest";
import { LOADER } from "../src/hosts/sheets/stubs";

export const BUILD_DIR = join(ROOT, "apps-script", "build");
const LIBRARY = "MarginalBidCore";
const HOT_BUILTINS = "Array, Float64Array, Math, Number, Object, String";
const MINIFY = process.env.SHEETS_MINIFY !== "0";

function bundleCore(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "marginal-bid-sheets-"));
  const config: webpack.Configuration = {
    mode: "production",
    context: ROOT,
    entry: join(ROOT, "src", "hosts", "sheets", "entry.ts"),
    // Apps Script's V8 runtime: plain script, no modules, no DOM, no Node.
    target: ["es2019"],
    devtool: false,
    output: {
      path: out,
      filename: "core.js",
      library: { type: "var", name: LIBRARY },
      iife: true,
      chunkFormat: false,
      chunkLoading: false,
      wasmLoading: false,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            onlyCompileBundledFiles: true,
            compilerOptions: { target: "ES2019", module: "ESNext", noEmit: false, sourceMap: false, declaration: false },
          },
        },
      ],
    },
    // Readable output (and small enough): the JSDoc Sheets needs is in the stubs, which are not minified either.
    optimization: { minimize: MINIFY, concatenateModules: true, usedExports: true },
    performance: { hints: false },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      try {
        if (err) return reject(err);
        if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true, errorDetails: true }) ?? "webpack failed"));
        if (stats.hasWarnings()) console.warn(stats.toString({ all: false, warnings: true }));
        resolve(readFileSync(join(out, "core.js"), "utf8"));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}

/** Code.js from the stubs and the bundled core. */
export function assembleCode(stubs: string, core: string, version: string): string {
  return [
    `// marginal-bid ${version} for Google Sheets, built by \`npm run build:sheets\` from src/: do not edit, rebuild.`,
    stubs.trimEnd(),
    "",
    "/*",
    " * The core, bundled from src/ by `npm run build:sheets`. Nothing below runs when the",
    " * project loads: Apps Script evaluates this file before every custom-function call, so",
    ` * the core is evaluated on the first call of ${LOADER}() and kept for that execution.`,
    " */",
    `var ${LOADER}cache_;`,
    "",
    "/** The bundled core: { call, onOpen, insertModelSheet, showFunctionReference }. */",
    `function ${LOADER}() {`,
    `  if (!${LOADER}cache_) ${LOADER}cache_ = ${LOADER}load_();`,
    `  return ${LOADER}cache_;`,
    "}",
    "",
    "/**",
    " * Evaluates the core. A parenthesised function expression, not a declaration: V8 compiles it",
    " * with the script instead of parsing the whole core a second time on the first call (the cold",
    " * start `npm run bench` measures). The built-ins the core uses per cell are read once into",
    " * parameters: in a contextified global (Node's vm, where the tests run) every global read is slow.",
    " */",
    `var ${LOADER}load_ = (function () {`,
    `  return (function (${HOT_BUILTINS}) {`,
    // Not re-indented: that would change multi-line strings inside the core.
    core.trimEnd(),
    `  return ${LIBRARY};`,
    `  })(${HOT_BUILTINS});`,
    "});",
    "",
  ].join("\n");
}

/** Build Code.js and appsscript.json into `outDir`; returns Code.js. */
export async function buildSheets(outDir = BUILD_DIR): Promise<string> {
  const stubs = stubsFile();
  const committed = join(ROOT, STUBS_PATH);
  if (!existsSync(committed) || readFileSync(committed, "utf8") !== stubs) {
    console.warn(`warning: ${STUBS_PATH} is stale; Code.js uses a fresh generation (run \`npm run generate\` and commit it)`);
  }
  const core = await bundleCore();
  const code = assembleCode(stubs, core, VERSION);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "Code.js"), code);
  // Written after bundling: nothing may clean it away (webpack output.clean would).
  writeFileSync(join(outDir, "appsscript.json"), `${JSON.stringify(appsScriptManifest(), null, 2)}\n`);
  console.log(`${relative(ROOT, outDir) || outDir}/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, appsscript.json`);
  return code;
}

if (require.main === module) runMain("build:sheets", () => buildSheets().then(() => undefined));
