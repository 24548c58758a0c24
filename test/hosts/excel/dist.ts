/**
 * The built add-in the Excel tests read. `npm test` builds first; `npx vitest run test/hosts/excel`
 * on its own builds dist/ (about 35 s) when it is missing or older than its sources, one
 * build at a time across test files.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../scripts/generated";
import { manifestUrls as urlsIn, parseManifest } from "../../../scripts/check-manifest";

export const DIST = join(ROOT, "dist");
const OUTPUTS = ["functions.json", "functions.js", "functions.html", "taskpane.html", "manifest.xml"];
const SOURCES = ["manifest.xml", "webpack.config.js", "src/hosts/excel/functions.generated.ts", "src/hosts/excel/adapter.ts"];

function fresh(): boolean {
  if (!OUTPUTS.every((f) => existsSync(join(DIST, f)))) return false;
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(DIST, f)).mtimeMs));
  return SOURCES.every((s) => !existsSync(join(ROOT, s)) || statSync(join(ROOT, s)).mtimeMs <= built);
}

/** Build with webpack (production) into `outDir`, with an optional ADDIN_URL. */
export function buildAddin(outDir = DIST, addinUrl?: string): void {
  const env = { ...process.env };
  if (addinUrl === undefined) delete env.ADDIN_URL;
  else env.ADDIN_URL = addinUrl;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", outDir], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Make sure dist/ holds a build of the current sources (the build `npm test` just made counts). */
export function ensureDist(): void {
  if (fresh()) return;
  const lock = join(ROOT, "node_modules", ".cache", "marginal-bid-excel-build.lock");
  mkdirSync(join(lock, ".."), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held for 2 minutes: remove it if no build is running`);
      execFileSync("sleep", ["0.2"]);
    }
  }
  try {
    if (!fresh()) {
      console.log("test/hosts/excel: dist/ is missing or older than its sources, building it (webpack --mode production)…");
      try {
        buildAddin();
      } catch (e) {
        const err = e as { stdout?: Buffer; stderr?: Buffer };
        throw new Error(`the Excel build failed (npm run build:excel):\n${err.stdout?.toString() ?? ""}${err.stderr?.toString() ?? ""}`);
      }
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export const readDist = (file: string) => readFileSync(join(DIST, file), "utf8");

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; dimensionality?: string; optional?: boolean; type?: string; repeating?: boolean }[];
  result: { dimensionality?: string; type?: string };
  options?: Record<string, boolean>;
}

export const readMetadata = (dir = DIST): { functions: FunctionMetadata[] } => JSON.parse(readFileSync(join(dir, "functions.json"), "utf8"));

/** Every URL in a manifest (attribute values and texts; namespace declarations are names, not fetched). */
export const manifestUrls = (xml: string): string[] => urlsIn(parseManifest(xml)).map((u) => u.url);
