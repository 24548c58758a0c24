/**
 * `npm run release`: everything a user needs, for the package version, in release/ (git-ignored):
 *
 *   marginal-bid-excel-<v>.zip   the Excel add-in built for ADDIN_URL: unzip it into the folder
 *                                served at ADDIN_URL (any static https host)
 *   manifest.xml                 the same manifest as in the zip, to give to users or the admin centre
 *   Code.gs, appsscript.json     the Google Sheets script, to paste (INSTALL.md)
 *   INSTALL.md                   the paste install, the hosting steps, the workbooks
 *   marginal-bid-model.xlsx, marginal-bid-model-sheets.xlsx, marginal-bid-snapshot.xlsx
 *   LICENSE, SHA256SUMS
 *
 * ADDIN_URL comes from the environment, else it is the GitHub Pages address of the `origin`
 * remote (https://<owner>.github.io/<repo>, where .github/workflows/pages.yml deploys).
 * `--out DIR` writes elsewhere. `--docs` also writes the sizes into docs/release.md's table of
 * release files (between RELEASE_TABLE_START and RELEASE_TABLE_END).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import JSZip from "jszip";
import { ROOT } from "./generated";
import { Failure, readOptions, runMain } from "./cli";
import { checkManifest } from "./check-manifest";
import { VERSION } from "../src/version";
import { MENU_ITEMS, MENU_TITLE } from "../src/hosts/sheets/menuItems";
import { SNAPSHOT_FILE, WORKBOOK_FILES } from "../src/hosts/hyperformula/xlsx";

const PROGRAM = "release";

/** The names of the release files for a version. */
export const releaseFiles = (version: string) => ({
  addinZip: `marginal-bid-excel-${version}.zip`,
  manifest: "manifest.xml",
  code: "Code.gs",
  appsscript: "appsscript.json",
  install: "INSTALL.md",
  workbooks: [WORKBOOK_FILES.excel, WORKBOOK_FILES.sheets, SNAPSHOT_FILE],
  license: "LICENSE",
  sums: "SHA256SUMS",
});

/** Where docs/release.md's table of release files starts and ends: between these, the text is written by `--docs`. */
export const RELEASE_TABLE_START = "<!-- release-files: written by `npm run release -- --docs` from the files it built; test/release.test.ts fails when a size here is stale -->";
export const RELEASE_TABLE_END = "<!-- /release-files -->";

/** The rows of docs/release.md's table: the files of a row, what they are, and whether their sizes are worth a column. */
export function releaseTableRows(version: string): { files: string[]; shown: string[]; what: string; sized: boolean }[] {
  const f = releaseFiles(version);
  return [
    { files: [f.addinZip], shown: ["marginal-bid-excel-<version>.zip"], what: "the Excel add-in built for `ADDIN_URL`, files at the zip's root: unzip it into the folder served at that address", sized: true },
    { files: [f.manifest], shown: [f.manifest], what: "the same manifest as in the zip, every URL on `ADDIN_URL`: give it to users or to the admin centre", sized: true },
    { files: [f.code, f.appsscript], shown: [f.code, f.appsscript], what: "the Google Sheets script to paste (no Node, no clasp)", sized: true },
    { files: [f.install], shown: [f.install], what: "the paste install step by step, the hosting, the workbooks", sized: true },
    { files: f.workbooks.slice(0, 2), shown: f.workbooks.slice(0, 2), what: "the model for Excel and for Sheets ([demo.md](demo.md))", sized: true },
    { files: [f.workbooks[2]], shown: [f.workbooks[2]], what: "the model as values ([sharing.md](sharing.md))", sized: true },
    { files: [f.license, f.sums], shown: [f.license, f.sums], what: "MIT; the checksum of every file", sized: false },
  ];
}

/** A size as the docs state it: one decimal below 10 KiB, whole KiB above (5.7 KiB, 158 KiB). */
export const kibText = (bytes: number): string => {
  const kib = bytes / 1024;
  return `${kib < 10 ? kib.toFixed(1) : Math.round(kib).toFixed(0)} KiB`;
};

/** docs/release.md's table of release files, sizes from `bytes` (file name → size of the file built). */
export function releaseTable(version: string, bytes: (file: string) => number): string {
  const lines = [`| file | what | size (${version}) |`, "| --- | --- | --- |"];
  for (const row of releaseTableRows(version)) {
    const sizes = row.files.map((file) => kibText(bytes(file)));
    const size = !row.sized ? "" : sizes.length > 1 && sizes.every((x) => x === sizes[0]) ? `${sizes[0]} each` : sizes.join(", ");
    lines.push(`| ${row.shown.map((n) => `\`${n}\``).join(", ")} | ${row.what} | ${size}${size ? " " : ""}|`);
  }
  return lines.join("\n");
}

/** The page with the text between the table's markers replaced; the page as it was if a marker is missing. */
export function withReleaseTable(page: string, table: string): string {
  const start = page.indexOf(RELEASE_TABLE_START);
  const end = page.indexOf(RELEASE_TABLE_END);
  if (start < 0 || end < start) throw new Failure(`docs/release.md has no ${RELEASE_TABLE_START} … ${RELEASE_TABLE_END} region to fill`);
  return `${page.slice(0, start + RELEASE_TABLE_START.length)}\n${table}\n${page.slice(end)}`;
}

/** The GitHub Pages address of a GitHub remote URL, or undefined for any other remote. */
export function pagesUrl(remote: string): string | undefined {
  const m = /github\.com[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remote.trim());
  if (!m) return undefined;
  const owner = m[1].toLowerCase();
  return m[2].toLowerCase() === `${owner}.github.io` ? `https://${owner}.github.io` : `https://${owner}.github.io/${m[2]}`;
}

function addinUrlFromGit(): string | undefined {
  try {
    return pagesUrl(execFileSync("git", ["remote", "get-url", "origin"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  } catch {
    return undefined;
  }
}

/** ADDIN_URL, checked by the same rule as the Excel build (webpack.config.js). */
function resolveAddinUrl(): string {
  const chosen = process.env.ADDIN_URL || addinUrlFromGit();
  if (!chosen) {
    throw new Failure("set ADDIN_URL to the https address you will copy the add-in to, e.g. `ADDIN_URL=https://you.github.io/marginal-bid npm run release` (no GitHub origin remote to take it from)");
  }
  process.env.ADDIN_URL = chosen;
  try {
    return (require(join(ROOT, "webpack.config.js")) as { addinUrl: () => string }).addinUrl();
  } catch (e) {
    throw new Failure(e instanceof Error ? e.message : String(e));
  }
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))])).sort();
}

/** The Excel add-in for `addinUrl`, built into `dir` and checked offline. */
function buildAddin(dir: string, addinUrl: string): void {
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", dir], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: addinUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const out = `${(e as { stdout?: Buffer }).stdout ?? ""}${(e as { stderr?: Buffer }).stderr ?? ""}`;
    const first = out.split("\n").find((l) => /error/i.test(l)) ?? "see `npm run build:excel`";
    throw new Failure(`the Excel build failed: ${first.trim()}`);
  }
  const problems = checkManifest(readFileSync(join(dir, "manifest.xml"), "utf8"), { functionsJson: readFileSync(join(dir, "functions.json"), "utf8"), distDir: dir });
  if (problems.length) throw new Failure(`the built manifest fails the offline check: ${problems[0]}`);
}

async function zipFolder(dir: string): Promise<Buffer> {
  const zip = new JSZip();
  for (const file of filesUnder(dir)) zip.file(file, readFileSync(join(dir, file)));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** INSTALL.md of the release. */
export function installGuide(version: string, addinUrl: string): string {
  const f = releaseFiles(version);
  const menu = MENU_ITEMS.map(([, caption]) => caption).join(", ");
  return `# marginal-bid ${version}: install

Spreadsheet functions for the Japan marginal-bid chain (hedged UST yields, the JGB advantage, the
term-premium impact, the whole transmission), in Google Sheets as \`=HEDGED_UST(...)\` and in Excel
as \`=JPUST.HEDGED_UST(...)\`. MIT licence (LICENSE).

## Google Sheets: paste the script (no tools, no account set-up)

1. Open the spreadsheet and choose **Extensions → Apps Script**.
2. In the editor, select everything in \`Code.gs\` and replace it with the whole of this release's
   **${f.code}**.
3. Open **Project Settings** (the gear on the left), tick **Show "appsscript.json" manifest file
   in editor**, go back to the **Editor**, open \`appsscript.json\` and replace it with this
   release's **${f.appsscript}**.
4. **Save** (Ctrl+S or ⌘S).
5. Reload the spreadsheet. After a few seconds the **${MENU_TITLE}** menu appears (${menu}).
   The first time you use the menu, Google asks you to approve its three permissions.

Try it: \`=HEDGED_UST(4.3%, 4.5%, 0.5%)\` shows 0.30%. Anyone who uses **File → Make a copy** of
this spreadsheet gets the script too; people you share it with need nothing else.

## Excel: host the add-in, then give out the manifest

This release is built for **${addinUrl}**.

1. Unzip **${f.addinZip}** into the folder served at ${addinUrl}/ (any static https host:
   GitHub Pages, a storage bucket behind a CDN, nginx…). \`functions.json\` must be served as
   \`application/json\` with \`Access-Control-Allow-Origin\` (GitHub Pages sends it), or Excel on
   the web cannot register the functions.
2. Give users **${f.manifest}**: in Excel on the web,
   **Home → Add-ins → More Add-ins → Upload My Add-in**; for a whole organisation, the
   Microsoft 365 admin centre (**Settings → Integrated apps → Upload custom apps**).
3. Type \`=JPUST.HEDGED_UST(4.3%, 4.5%, 0.5%)\`: 0.30%. The **marginal-bid → Model sheet** button
   on the Home tab opens the task pane (insert the model, copy it as values).

For another address, build again: \`ADDIN_URL=https://your-host/path npm run release\`.

## The workbooks

| file | for | needs |
| --- | --- | --- |
| ${WORKBOOK_FILES.excel} | Excel | the add-in (its tables are \`=JPUST.…\` dynamic arrays) |
| ${WORKBOOK_FILES.sheets} | Google Sheets | the script above in the spreadsheet you open it as |
| ${SNAPSHOT_FILE} | anyone | nothing: the model as values, stamped with the time it was computed |

\`SHA256SUMS\` lists the checksum of every file (\`sha256sum -c SHA256SUMS\`).
`;
}

/** Build every release file into `outDir` (emptied first); the files written with their sizes. */
export async function release(outDir: string, addinUrl: string): Promise<{ file: string; bytes: number }[]> {
  const f = releaseFiles(VERSION);
  const staging = mkdtempSync(join(tmpdir(), "marginal-bid-release-"));
  try {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });

    const addin = join(staging, "addin");
    buildAddin(addin, addinUrl);
    copyFileSync(join(ROOT, "LICENSE"), join(addin, "LICENSE"));
    writeFileSync(join(outDir, f.addinZip), await zipFolder(addin));
    copyFileSync(join(addin, "manifest.xml"), join(outDir, f.manifest));

    const { buildSheets } = await import("./build-sheets");
    const sheets = join(staging, "sheets");
    writeFileSync(join(outDir, f.code), await buildSheets(sheets));
    copyFileSync(join(sheets, "appsscript.json"), join(outDir, f.appsscript));
    writeFileSync(join(outDir, f.install), installGuide(VERSION, addinUrl));

    const { buildWorkbooks } = await import("./build-workbooks");
    await buildWorkbooks(outDir);
    copyFileSync(join(ROOT, "LICENSE"), join(outDir, f.license));

    const files = filesUnder(outDir);
    const sums = files.map((file) => `${createHash("sha256").update(readFileSync(join(outDir, file))).digest("hex")}  ${file}`);
    writeFileSync(join(outDir, f.sums), `${sums.join("\n")}\n`);
    return [...files, f.sums].map((file) => ({ file, bytes: statSync(join(outDir, file)).size }));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runMain(PROGRAM, async () => {
    const options = readOptions(PROGRAM, process.argv.slice(2), { values: { out: "DIR" }, switches: ["docs"] });
    const outDir = typeof options.out === "string" ? resolve(options.out) : join(ROOT, "release");
    const addinUrl = resolveAddinUrl();
    const written = await release(outDir, addinUrl);
    console.log(`\nmarginal-bid ${VERSION} for ${addinUrl}, in ${relative(process.cwd(), outDir) || outDir}/:`);
    for (const { file, bytes } of written) console.log(`  ${file.padEnd(36)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB`);
    if (options.docs) {
      const page = join(ROOT, "docs", "release.md");
      const size = new Map(written.map((w) => [w.file, w.bytes]));
      writeFileSync(page, withReleaseTable(readFileSync(page, "utf8"), releaseTable(VERSION, (file) => size.get(file)!)));
      console.log("docs/release.md: the table of release files now gives these sizes");
    }
  });
}
