/**
 * `npm run check:manifest`, the offline check of the manifest: it passes on the built
 * manifest (and the committed development one) and fails, naming the problem, on broken ones.
 * Two layers: Microsoft's add-in manifest XSDs through xmllint (element order, required
 * elements, formats such as a Version of at most four parts), and what a schema cannot say
 * (resids resolve to the right kind, https only, the namespace is EXCEL_NAMESPACE, the function
 * ids are the catalog's, the files exist).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/catalog";
import { EXCEL_NAMESPACE } from "../../../src/hosts/excel/namespace";
import { ROOT } from "../../../scripts/generated";
import { MANIFEST_XSD, checkManifest, parseManifest, schemaDir, schemaFixes, validateWithXsd } from "../../../scripts/check-manifest";
import { DIST, ensureDist, readDist } from "./dist";
import { findXmllint, toolAvailable } from "../../helpers/tools";

const CLI = join(ROOT, "scripts", "check-manifest.ts");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SCHEMAS = schemaDir();
// The XSD cases need xmllint and Microsoft's schemas (committed in schemas/office-addin-manifest): skipped with the reason, a failure on CI.
const haveXsd =
  toolAvailable(findXmllint(), "the manifest XSD validation") &&
  toolAvailable(
    existsSync(join(SCHEMAS, MANIFEST_XSD)) ? { ok: true, path: SCHEMAS } : { ok: false, reason: `Microsoft's manifest schemas are not at ${SCHEMAS} (set MANIFEST_SCHEMAS)` },
    "the manifest XSD validation",
  );

/** Run the CLI on a manifest file; exit status and output. */
function cli(path: string, env: Record<string, string> = {}): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [TSX, CLI, path], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
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

  it("passes on the built manifest (CLI, exit 0), valid against Microsoft's XSDs", () => {
    const r = cli(join(DIST, "manifest.xml"));
    expect(r.out).toContain("OK");
    if (haveXsd) expect(r.out).toContain("valid against Microsoft's manifest XSDs");
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

  it("fails on malformed XML (the XML parser, and xmllint with the schemas)", () => {
    const path = broken((x) => x.replace("</Hosts>", "</Host>"));
    const r = cli(path);
    expect(r.status).toBe(1);
    expect(r.out).toContain("not well-formed XML");
    expect(checkManifest(built.replace("</Hosts>", "</Host>"))[0]).toMatch(/^not well-formed XML: line \d+: Opening and ending tag mismatch: "Hosts" != "Host"/);
  });

  it("fails without the CustomFunctionsRuntime requirement", () => {
    const problems = checkManifest(built.replace(/<Set Name="CustomFunctionsRuntime"[^>]*\/>/, '<Set Name="ExcelApi" MinVersion="1.1"/>'));
    expect(problems).toContain('no <Set Name="CustomFunctionsRuntime"> in <Requirements>');
  });

  it("fails when the namespace is not EXCEL_NAMESPACE (workbooks store it)", () => {
    expect(built).toContain(`<bt:String id="Functions.Namespace" DefaultValue="${EXCEL_NAMESPACE}"/>`);
    const problems = checkManifest(built.replace(`DefaultValue="${EXCEL_NAMESPACE}"`, 'DefaultValue="JPUST2"'));
    expect(problems).toContain(`the custom-functions namespace is "JPUST2", not "${EXCEL_NAMESPACE}" (src/hosts/excel/namespace.ts): workbooks store it, so it never changes`);
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

  it("the XML library reads namespaces, attributes, entities and lines; a DOCTYPE is refused", () => {
    const doc = parseManifest('<?xml version="1.0"?>\n<!-- c -->\n<a xmlns="urn:a" xmlns:b="urn:b" x="1 &amp; 2">\n<b:c>t&lt;</b:c></a>');
    const root = doc.documentElement!;
    expect(root.getAttribute("x")).toBe("1 & 2");
    const c = root.getElementsByTagNameNS("urn:b", "c")[0];
    expect(c.textContent).toBe("t<");
    expect(c.lineNumber).toBe(4);
    expect(() => parseManifest('<!DOCTYPE a [<!ENTITY e "x">]><a/>')).toThrow(/DOCTYPE|entity/);
  });
});

describe.skipIf(!haveXsd)("check:manifest: Microsoft's add-in manifest XSDs (xmllint --schema)", () => {
  beforeAll(() => ensureDist());

  it("the built manifest and the committed one are valid", () => {
    expect(validateWithXsd(join(DIST, "manifest.xml"))).toEqual({ ran: true, problems: [] });
    expect(validateWithXsd(join(ROOT, "manifest.xml"))).toEqual({ ran: true, problems: [] });
  });

  it("fails on a misordered element (<ProviderName> before <Version>), naming it", () => {
    const path = broken((x) => x.replace(/(\s*<Version>[^<]*<\/Version>)(\s*<ProviderName>[^<]*<\/ProviderName>)/, "$2$1"));
    const xsd = validateWithXsd(path);
    expect(xsd.ran && xsd.problems.join("\n")).toMatch(/Element '\{[^}]*\}ProviderName': This element is not expected\. Expected is one of \(.*\}Version \)/);
    const r = cli(path);
    expect(r.status).toBe(1);
    expect(r.out).toContain("XSD: line ");
  });

  it("fails on a five-part version (Office wants a.b.c.d)", () => {
    const path = broken((x) => x.replace(/<Version>[^<]*<\/Version>/, "<Version>1.0.2.0.1</Version>"));
    const xsd = validateWithXsd(path);
    expect(xsd.ran && xsd.problems.join("\n")).toMatch(/Element '\{[^}]*\}Version': \[facet 'pattern'\] The value '1\.0\.2\.0\.1' is not accepted/);
  });

  it("applies libxml2's two fixes to Microsoft's schemas as published (https W3C namespaces, a .NET lazy quantifier)", () => {
    // Microsoft's files as published: the fixes undone in a copy.
    const published = mkdtempSync(join(tmpdir(), "jpust-xsd-published-"));
    for (const f of readdirSync(SCHEMAS).filter((f) => f.endsWith(".xsd"))) {
      const xsd = readFileSync(join(SCHEMAS, f), "utf8").split("http://www.w3.org/").join("https://www.w3.org/").split("){0,3}").join("){0,3}?");
      writeFileSync(join(published, f), xsd);
    }
    expect(readFileSync(join(published, MANIFEST_XSD), "utf8")).toContain("(\\.[0-9]{1,5}){0,3}?");
    // As published, libxml2 cannot use them ...
    const raw = spawnSync("xmllint", ["--noout", "--nonet", "--schema", join(published, MANIFEST_XSD), join(DIST, "manifest.xml")], { encoding: "utf8" });
    expect(raw.status).not.toBe(0);
    // ... with the fixes (in a temporary copy) the built manifest validates, and fixing twice changes nothing.
    expect(validateWithXsd(join(DIST, "manifest.xml"), published)).toEqual({ ran: true, problems: [] });
    const fixed = readFileSync(join(SCHEMAS, MANIFEST_XSD), "utf8");
    expect(schemaFixes(fixed)).toBe(fixed);
  });
});

describe("check:manifest without the schemas", () => {
  beforeAll(() => ensureDist());

  it("says so and skips the XSD step; with CI=true that is a failure", () => {
    const nowhere = join(tmpdir(), "jpust-no-schemas-here");
    const local = cli(join(DIST, "manifest.xml"), { MANIFEST_SCHEMAS: nowhere, CI: "" });
    expect(local.status).toBe(0);
    expect(local.out).toContain(`skipped the XSD validation: Microsoft's manifest schemas are not at ${nowhere}`);
    const ci = cli(join(DIST, "manifest.xml"), { MANIFEST_SCHEMAS: nowhere, CI: "true" });
    expect(ci.status).toBe(1);
    expect(ci.out).toContain("the XSD validation could not run (required when CI=true)");
  });
});
