/**
 * `npm run check:manifest [-- path/to/manifest.xml]`: the offline check of the add-in's
 * manifest (`office-addin-manifest validate` posts the file to a Microsoft service).
 *
 * 1. Microsoft's add-in manifest XSDs, with `xmllint --schema`: element order, required
 *    elements, value formats (a Version of at most four parts, GUIDs, lengths). The schemas are
 *    committed in `schemas/office-addin-manifest/` (their provenance and Microsoft's licence
 *    beside them; `$MANIFEST_SCHEMAS` points elsewhere), copied to a temporary folder and given
 *    the two mechanical fixes libxml2 needs (see `schemaFixes`). Without them or without xmllint
 *    the step is skipped, saying why; with CI=true that is a failure.
 * 2. What a schema cannot say: every `resid` resolves to a resource of the right kind, resource
 *    ids are unique; every URL is https; the custom-functions namespace is `EXCEL_NAMESPACE` (it
 *    is stored in users' workbooks); the `CustomFunctionsRuntime` requirement and the
 *    CustomFunctions extension point (Script, Page, Metadata, Namespace) are present; the ids in
 *    functions.json (next to the manifest, else dist/functions.json) are unique and exactly the
 *    catalog's function names; every file the manifest points to on the add-in's host exists.
 *
 * The XML is read with @xmldom/xmldom (namespace-aware, with line numbers). Default path:
 * dist/manifest.xml (the built one). Exit code 1 with one line per problem.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from "@xmldom/xmldom";
import { CATALOG } from "../src/catalog";
import { EXCEL_NAMESPACE } from "../src/hosts/excel/namespace";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Parse a manifest; a well-formedness error throws `line N: what`. A DOCTYPE is refused (no entities in a manifest). */
export function parseManifest(xml: string): XmlDocument {
  let first: string | undefined;
  let doc: XmlDocument;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        first ??= message;
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    const line = (e as { locator?: { lineNumber?: number } }).locator?.lineNumber;
    throw new Error(`${line ? `line ${line}: ` : ""}${first ?? (e as Error).message}`);
  }
  if (first !== undefined) throw new Error(first);
  if (doc.doctype) throw new Error("a DOCTYPE is not allowed in a manifest");
  return doc;
}

/** Child elements with this local name (any namespace). */
const childrenNamed = (e: XmlElement, name: string): XmlElement[] => Array.from(e.children).filter((c) => c.localName === name);
const find = (e: XmlElement | undefined, path: string[]): XmlElement | undefined => {
  let cur = e;
  for (const p of path) cur = cur && childrenNamed(cur, p)[0];
  return cur;
};
function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of Array.from(e.children)) yield* walk(c);
}
const lineOf = (e: XmlElement) => (e.lineNumber ?? 0) + 1;
const attr = (e: XmlElement, name: string): string | undefined => (e.hasAttribute(name) ? (e.getAttribute(name) ?? undefined) : undefined);
const xsiType = (e: XmlElement) => e.getAttributeNS(XSI, "type") ?? undefined;
const textOf = (e: XmlElement | undefined) => (e?.textContent ?? "").trim();

/** Every URL a manifest names (attribute values and texts; namespace declarations are names, not fetched), with where. */
export function manifestUrls(doc: XmlDocument): { url: string; where: string }[] {
  const urls: { url: string; where: string }[] = [];
  const isUrl = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim());
  for (const e of walk(doc.documentElement!)) {
    for (const a of Array.from(e.attributes)) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:") || !isUrl(a.value)) continue;
      const id = attr(e, "id");
      urls.push({ url: a.value.trim(), where: `<${e.tagName}${id ? ` id="${id}"` : ""}> (line ${lineOf(e)})` });
    }
    if (e.children.length === 0 && isUrl(textOf(e))) urls.push({ url: textOf(e), where: `<${e.tagName}> (line ${lineOf(e)})` });
  }
  return urls;
}

export interface CheckOptions {
  /** functions.json text to compare with the catalog (skipped when absent). */
  functionsJson?: string;
  /** Folder that should hold every file the manifest points to on the add-in's host. */
  distDir?: string;
  /** Function names the metadata must list (default: the catalog). */
  expectedIds?: readonly string[];
}

/** Every problem the schema cannot see, one sentence each; empty when it passes. */
export function checkManifest(xml: string, opts: CheckOptions = {}): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseManifest(xml).documentElement!;
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  if (root.localName !== "OfficeApp") problems.push(`the root element is <${root.tagName}>, not <OfficeApp>`);
  if (xsiType(root) !== "TaskPaneApp") problems.push(`OfficeApp xsi:type is ${JSON.stringify(xsiType(root))}, not "TaskPaneApp"`);

  // Resources by kind.
  const resources = find(root, ["VersionOverrides", "Resources"]);
  if (!resources) problems.push("no <VersionOverrides>/<Resources>");
  const kinds: Record<string, Map<string, string>> = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  for (const group of resources ? Array.from(resources.children) : []) {
    const map = kinds[group.localName ?? ""];
    if (!map) continue;
    for (const r of Array.from(group.children)) {
      const rid = attr(r, "id") ?? "";
      if (Object.values(kinds).some((m) => m.has(rid))) problems.push(`resource id "${rid}" is defined twice`);
      map.set(rid, attr(r, "DefaultValue") ?? "");
    }
  }
  const kindOf = (e: XmlElement): string[] => {
    const n = e.localName;
    if (n === "Image") return ["Images"];
    if (n === "SourceLocation" || n === "LearnMoreUrl" || n === "FunctionFile") return ["Urls"];
    if (n === "Namespace" || n === "Label" || n === "Title") return ["ShortStrings"];
    if (n === "Description") return (e.parentNode as XmlElement | null)?.localName === "Supertip" ? ["LongStrings"] : ["ShortStrings", "LongStrings"];
    return Object.keys(kinds);
  };
  for (const e of walk(root)) {
    const rid = attr(e, "resid");
    if (rid === undefined) continue;
    const allowed = kindOf(e);
    if (!allowed.some((k) => kinds[k].has(rid))) {
      const elsewhere = Object.keys(kinds).find((k) => kinds[k].has(rid));
      problems.push(
        elsewhere
          ? `<${e.tagName} resid="${rid}"> (line ${lineOf(e)}) points to a resource in ${elsewhere}, expected ${allowed.join(" or ")}`
          : `<${e.tagName} resid="${rid}"> (line ${lineOf(e)}) does not resolve: no resource with id "${rid}"`,
      );
    }
  }

  const urls = manifestUrls(root.ownerDocument!);
  for (const { url, where } of urls) {
    if (!url.toLowerCase().startsWith("https://")) problems.push(`${where}: ${url} is not https`);
  }

  // Custom functions.
  const sets = childrenNamed(find(root, ["Requirements", "Sets"]) ?? root, "Set");
  const cfr = sets.find((s) => attr(s, "Name") === "CustomFunctionsRuntime");
  if (!cfr) problems.push('no <Set Name="CustomFunctionsRuntime"> in <Requirements>');
  else if (!/^1\.\d+$/.test(attr(cfr, "MinVersion") ?? "")) problems.push(`CustomFunctionsRuntime MinVersion ${JSON.stringify(attr(cfr, "MinVersion"))} is not a version`);
  const cfPoint = [...walk(root)].find((e) => e.localName === "ExtensionPoint" && xsiType(e) === "CustomFunctions");
  if (!cfPoint) problems.push('no <ExtensionPoint xsi:type="CustomFunctions">');
  else {
    for (const part of ["Script", "Page", "Metadata"]) {
      if (!attr(find(cfPoint, [part, "SourceLocation"]) ?? root, "resid")) problems.push(`the CustomFunctions extension point has no <${part}><SourceLocation resid=…>`);
    }
    const ns = find(cfPoint, ["Namespace"]);
    const nsRid = ns && attr(ns, "resid");
    const nsValue = nsRid !== undefined ? kinds.ShortStrings.get(nsRid) : undefined;
    if (!ns) problems.push("the CustomFunctions extension point has no <Namespace>");
    else if (nsValue !== undefined && nsValue !== EXCEL_NAMESPACE) {
      problems.push(`the custom-functions namespace is "${nsValue}", not "${EXCEL_NAMESPACE}" (src/hosts/excel/namespace.ts): workbooks store it, so it never changes`);
    }
  }

  // Function ids against the catalog.
  if (opts.functionsJson !== undefined) {
    let ids: string[] = [];
    try {
      const meta = JSON.parse(opts.functionsJson) as { functions?: { id?: string; name?: string }[] };
      ids = (meta.functions ?? []).map((f) => String(f.id));
      for (const f of meta.functions ?? []) if (f.id !== f.name) problems.push(`functions.json: id ${f.id} has the name ${f.name} (ids and names are the function names of docs/functions.md)`);
    } catch (e) {
      problems.push(`functions.json is not JSON: ${(e as Error).message}`);
    }
    const expected = opts.expectedIds ?? CATALOG.map((f) => f.name);
    const seen = new Set<string>();
    for (const x of ids) {
      if (seen.has(x)) problems.push(`functions.json lists ${x} twice`);
      seen.add(x);
      if (!/^[A-Za-z0-9_.]+$/.test(x)) problems.push(`functions.json: id ${x} has characters other than A–Z, 0–9, _ and .`);
    }
    const missing = expected.filter((x) => !seen.has(x));
    const extra = [...seen].filter((x) => !expected.includes(x));
    if (missing.length) problems.push(`functions.json lacks catalog functions: ${missing.join(", ")}`);
    if (extra.length) problems.push(`functions.json has functions that are not in the catalog: ${extra.join(", ")}`);
  }

  // Files on the add-in's host exist in the build folder.
  if (opts.distDir !== undefined) {
    const page = kinds.Urls.get("Taskpane.Url") ?? attr(find(root, ["DefaultSettings", "SourceLocation"]) ?? root, "DefaultValue");
    let base: URL | undefined;
    try {
      base = page ? new URL(".", page) : undefined;
    } catch {
      base = undefined;
    }
    if (base) {
      for (const { url, where } of urls) {
        if (!url.startsWith(base.href)) continue;
        const rel = decodeURIComponent(new URL(url).pathname.slice(base.pathname.length));
        if (!existsSync(join(opts.distDir, rel))) problems.push(`${where}: ${url} → ${rel} is not in ${opts.distDir}`);
      }
    }
  }
  return problems;
}

/** Where Microsoft's manifest XSDs are: `$MANIFEST_SCHEMAS`, else the repository's schemas/office-addin-manifest. */
export function schemaDir(root = resolve(__dirname, "..")): string {
  return process.env.MANIFEST_SCHEMAS ?? resolve(root, "schemas", "office-addin-manifest");
}

/** The entry schema; it imports the others from its own folder. */
export const MANIFEST_XSD = "OfficeAppManifestV1_1.xsd";

/**
 * The two mechanical fixes libxml2 needs in Microsoft's published XSDs (as published in
 * OfficeDev/office-js-docs-pr until 2020): the W3C namespaces, rewritten to https in 2018, back
 * to http (else "is not a schema document"); and the .NET lazy quantifier `{0,3}?` in the Version
 * pattern, which is not XSD regex syntax, made plain (XSD patterns match the whole value, so the
 * same strings pass). Both leave an already fixed copy as it is.
 */
export function schemaFixes(xsd: string): string {
  return xsd.split("https://www.w3.org/").join("http://www.w3.org/").split("){0,3}?").join("){0,3}");
}

export type XsdOutcome = { ran: true; problems: string[] } | { ran: false; reason: string };

/** Validate a manifest file against the XSDs in `schemas` with xmllint (a fixed temporary copy). */
export function validateWithXsd(manifestPath: string, schemas = schemaDir()): XsdOutcome {
  if (!existsSync(join(schemas, MANIFEST_XSD))) return { ran: false, reason: `Microsoft's manifest schemas are not at ${schemas} (set MANIFEST_SCHEMAS to their folder)` };
  const copy = mkdtempSync(join(tmpdir(), "jpust-xsd-"));
  try {
    for (const f of readdirSync(schemas)) {
      if (f.endsWith(".xsd")) writeFileSync(join(copy, f), schemaFixes(readFileSync(join(schemas, f), "utf8")));
      else copyFileSync(join(schemas, f), join(copy, f));
    }
    try {
      execFileSync("xmllint", ["--noout", "--nonet", "--schema", join(copy, MANIFEST_XSD), manifestPath], { stdio: ["ignore", "pipe", "pipe"] });
      return { ran: true, problems: [] };
    } catch (e) {
      const err = e as { code?: string; stderr?: Buffer };
      if (err.code === "ENOENT") return { ran: false, reason: "xmllint is not installed (Debian: apt-get install libxml2-utils)" };
      const lines = (err.stderr?.toString() ?? String(e)).split("\n").filter((l) => l.trim() !== "" && !/ fails to validate$/.test(l));
      return { ran: true, problems: lines.map((l) => `XSD: ${l.replace(`${manifestPath}:`, "line ")}`) };
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function main(): void {
  const root = resolve(__dirname, "..");
  const path = resolve(process.argv[2] ?? join(root, "dist", "manifest.xml"));
  if (!existsSync(path)) {
    console.error(`${path} does not exist: run npm run build:excel first (or give a manifest path)`);
    process.exit(1);
  }
  const beside = join(dirname(path), "functions.json");
  const distDir = existsSync(beside) ? dirname(path) : join(root, "dist");
  const functionsPath = join(distDir, "functions.json");
  const problems: string[] = [];
  const xsd = validateWithXsd(path);
  if (xsd.ran) problems.push(...xsd.problems);
  else if (process.env.CI === "true") problems.push(`the XSD validation could not run (required when CI=true): ${xsd.reason}`);
  else console.warn(`skipped the XSD validation: ${xsd.reason}`);
  problems.push(
    ...checkManifest(readFileSync(path, "utf8"), {
      functionsJson: existsSync(functionsPath) ? readFileSync(functionsPath, "utf8") : undefined,
      distDir: existsSync(distDir) ? distDir : undefined,
    }),
  );
  if (!existsSync(functionsPath)) problems.push(`${functionsPath} does not exist: the function ids cannot be checked (run npm run build:excel)`);
  if (problems.length) {
    console.error(`${path}: ${problems.length} problem${problems.length > 1 ? "s" : ""}`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  const schema = xsd.ran ? "valid against Microsoft's manifest XSDs" : "XSDs skipped";
  console.log(`${path}: OK (${schema}; every resid resolves, https only, namespace ${EXCEL_NAMESPACE}, CustomFunctionsRuntime, ${CATALOG.length} function ids match functions.json)`);
}

if (process.argv[1] && /check-manifest\.ts$/.test(process.argv[1])) main();
