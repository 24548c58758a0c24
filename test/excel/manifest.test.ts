/**
 * `npm run check:manifest`, the offline check of the manifest: it passes on the built
 * manifest (and the committed development one) and fails, naming the problem, on broken ones.
 * Rules: the add-in only manifest reference (resid ≤ 32 characters, short strings ≤ 125, long
 * strings ≤ 250, https URLs) and the namespace limit of 32 characters.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/catalog";
import { ROOT } from "../../scripts/generated";
import { checkManifest, parseXml } from "../../scripts/check-manifest";
import { DIST, ensureDist, readDist } from "./dist";
import { findXmllint, toolAvailable } from "../helpers/tools";

const CLI = join(ROOT, "scripts", "check-manifest.ts");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
// Without xmllint the manifest check falls back to its own XML parser; the xmllint case is skipped.
const haveXmllint = toolAvailable(findXmllint(), "the manifest check's xmllint case");

/** Run the CLI on a manifest file; exit status and output. */
function cli(path: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [TSX, CLI, path], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A copy of the built add-in's manifest and metadata in a temporary folder, with the manifest edited. */
function broken(edit: (xml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "jpust-manifest-"));
  const xml = readDist("manifest.xml");
  const edited = edit(xml);
  expect(edited, "the edit must change the manifest").not.toBe(xml);
  writeFileSync(join(dir, "manifest.xml"), edited);
  writeFileSync(join(dir, "functions.json"), readDist("functions.json"));
  return join(dir, "manifest.xml");
}

describe("check:manifest", () => {
  let built: string;
  let functionsJson: string;
  beforeAll(() => {
    ensureDist();
    built = readDist("manifest.xml");
    functionsJson = readDist("functions.json");
  });

  it("passes on the built manifest (CLI, exit 0)", () => {
    const r = cli(join(DIST, "manifest.xml"));
    expect(r.out).toContain("OK");
    expect(r.status).toBe(0);
  });

  it("passes on the committed development manifest", () => {
    expect(checkManifest(readFileSync(join(ROOT, "manifest.xml"), "utf8"), { functionsJson, distDir: DIST })).toEqual([]);
  });

  it("fails on a resid that resolves to nothing, naming it", () => {
    const path = broken((x) => x.replace(/\s*<bt:Url id="Functions.Metadata.Url"[^>]*\/>/, ""));
    const r = cli(path);
    expect(r.status).toBe(1);
    expect(r.out).toContain('resid="Functions.Metadata.Url"');
    expect(r.out).toContain("does not resolve");
  });

  it("fails on an http URL, naming it", () => {
    const path = broken((x) => x.replace('DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'));
    const r = cli(path);
    expect(r.status).toBe(1);
    expect(r.out).toContain("http://localhost:3000/functions.js is not https");
  });

  it("fails on malformed XML (xmllint when installed, and the built-in parser)", () => {
    const path = broken((x) => x.replace("</Hosts>", "</Host>"));
    const r = cli(path);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/not well-formed|xmllint/);
    expect(checkManifest(built.replace("</Hosts>", "</Host>"))[0]).toMatch(/^not well-formed XML: line \d+: <\/Host> closes <Hosts>/);
  });

  it("fails without the CustomFunctionsRuntime requirement", () => {
    const problems = checkManifest(built.replace(/<Set Name="CustomFunctionsRuntime"[^>]*\/>/, '<Set Name="ExcelApi" MinVersion="1.1"/>'));
    expect(problems).toContain('no <Set Name="CustomFunctionsRuntime"> in <Requirements>');
  });

  it("fails on a namespace longer than 32 characters", () => {
    const ns = "JPUST".padEnd(33, "X");
    const problems = checkManifest(built.replace('DefaultValue="JPUST"', `DefaultValue="${ns}"`));
    expect(problems).toContain(`namespace "${ns}" is longer than 32 characters`);
  });

  it("fails on a resid of the wrong kind (the namespace must be a short string)", () => {
    const problems = checkManifest(built.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Page.Url"/>'));
    expect(problems.some((p) => p.includes('resid="Functions.Page.Url"') && p.includes("expected ShortStrings"))).toBe(true);
  });

  it("fails when functions.json and the catalog disagree (a missing id, a duplicate)", () => {
    const meta = JSON.parse(functionsJson) as { functions: { id: string; name: string }[] };
    const missing = meta.functions[0].id;
    const dropped = JSON.stringify({ functions: [...meta.functions.slice(1), meta.functions[1]] });
    const problems = checkManifest(built, { functionsJson: dropped });
    expect(problems).toContain(`functions.json lacks catalog functions: ${missing}`);
    expect(problems).toContain(`functions.json lists ${meta.functions[1].id} twice`);
    expect(checkManifest(built, { functionsJson, expectedIds: CATALOG.map((f) => f.name) })).toEqual([]);
  });

  it("fails when a file the manifest points to is not in the build", () => {
    const problems = checkManifest(built, { distDir: mkdtempSync(join(tmpdir(), "jpust-empty-")) });
    expect(problems.some((p) => p.includes("functions.js") && p.includes("is not in"))).toBe(true);
  });

  it("the parser reads attributes, entities and nesting", () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2"><b>t&lt;</b><c/></a>');
    expect(root.attrs.x).toBe("1 & 2");
    expect(root.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(root.children[0].text).toBe("t<");
  });

  it("xmllint agrees that the built manifest is well-formed", () => {
    if (!haveXmllint) return;
    expect(() => execFileSync("xmllint", ["--noout", join(DIST, "manifest.xml")], { stdio: "pipe" })).not.toThrow();
  });
});
