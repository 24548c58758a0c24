/**
 * `npm run check:manifest [-- path/to/manifest.xml]`: the offline check of the add-in's
 * manifest (`office-addin-manifest validate` posts the file to a Microsoft service).
 *
 * Checks: well-formed XML (xmllint when installed, and our own parser always); the root is a
 * TaskPaneApp with a GUID Id and an a.b.c.d Version; every `resid` resolves to a resource of
 * the right kind, resource ids are unique and at most 32 characters, short strings at most
 * 125 and long strings at most 250 characters; every URL is https; the custom-functions
 * namespace is at most 32 characters (letters, digits, periods); the `CustomFunctionsRuntime`
 * requirement and the CustomFunctions extension point (Script, Page, Metadata, Namespace) are
 * present; the ids in functions.json (next to the manifest, else dist/functions.json) are
 * unique and are exactly the catalog's function names; and every file the manifest points to
 * on the add-in's own host exists in that folder.
 *
 * Default path: dist/manifest.xml (the built one). Exit code 1 with one line per problem.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CATALOG } from "../src/catalog";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

/** A small strict XML parser: elements, attributes, text, comments, CDATA, PIs, the five entities. */
export function parseXml(src: string): XmlElement {
  let i = 0;
  const lineAt = (pos: number) => src.slice(0, pos).split("\n").length;
  const fail = (msg: string): never => {
    throw new Error(`line ${lineAt(i)}: ${msg}`);
  };
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|&/g, (m, ent: string | undefined) => {
      if (!ent) fail("a bare & (write &amp;)");
      if (ent![0] === "#") return String.fromCodePoint(ent![1] === "x" ? parseInt(ent!.slice(2), 16) : parseInt(ent!.slice(1), 10));
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (!(ent! in named)) fail(`unknown entity &${ent};`);
      return named[ent!];
    });
  const NAME = /[A-Za-z_][\w.:-]*/y;
  const readName = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail("expected a name");
    i += m![0].length;
    return m![0];
  };
  const skipWs = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipWs();
      if (src.startsWith("<?", i)) {
        const end = src.indexOf("?>", i);
        if (end < 0) fail("unclosed <?");
        i = end + 2;
      } else if (src.startsWith("<!--", i)) {
        const end = src.indexOf("-->", i);
        if (end < 0) fail("unclosed comment");
        i = end + 3;
      } else if (src.startsWith("<!DOCTYPE", i)) {
        fail("DOCTYPE is not allowed in a manifest");
      } else return;
    }
  };
  const element = (): XmlElement => {
    const line = lineAt(i);
    if (src[i] !== "<") fail("expected <");
    i++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      skipWs();
      if (src.startsWith("/>", i)) {
        i += 2;
        return { name, attrs, children: [], text: "", line };
      }
      if (src[i] === ">") {
        i++;
        break;
      }
      const an = readName();
      skipWs();
      if (src[i] !== "=") fail(`attribute ${an} without a value`);
      i++;
      skipWs();
      const q = src[i];
      if (q !== '"' && q !== "'") fail(`attribute ${an}: value must be quoted`);
      const end = src.indexOf(q, i + 1);
      if (end < 0) fail(`attribute ${an}: unclosed value`);
      const raw = src.slice(i + 1, end);
      if (raw.includes("<")) fail(`attribute ${an}: < inside a value`);
      if (an in attrs) fail(`attribute ${an} repeated on <${name}>`);
      attrs[an] = decode(raw);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      if (i >= src.length) fail(`<${name}> (line ${line}) is never closed`);
      if (src.startsWith("</", i)) {
        i += 2;
        const close = readName();
        if (close !== name) fail(`</${close}> closes <${name}> (line ${line})`);
        skipWs();
        if (src[i] !== ">") fail("expected >");
        i++;
        return { name, attrs, children, text: text.trim(), line };
      }
      if (src.startsWith("<!--", i)) {
        const end = src.indexOf("-->", i);
        if (end < 0) fail("unclosed comment");
        i = end + 3;
      } else if (src.startsWith("<![CDATA[", i)) {
        const end = src.indexOf("]]>", i);
        if (end < 0) fail("unclosed CDATA");
        text += src.slice(i + 9, end);
        i = end + 3;
      } else if (src.startsWith("<?", i)) {
        const end = src.indexOf("?>", i);
        if (end < 0) fail("unclosed <?");
        i = end + 2;
      } else if (src[i] === "<") {
        children.push(element());
      } else {
        const end = src.indexOf("<", i);
        text += decode(src.slice(i, end < 0 ? src.length : end));
        i = end < 0 ? src.length : end;
      }
    }
  };
  if (src.charCodeAt(0) === 0xfeff) i = 1;
  skipMisc();
  const root = element();
  skipMisc();
  if (i < src.length) fail("content after the root element");
  return root;
}

const local = (name: string) => name.replace(/^.*:/, "");
function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of e.children) yield* walk(c);
}
const find = (e: XmlElement, path: string[]): XmlElement | undefined => {
  let cur: XmlElement | undefined = e;
  for (const p of path) cur = cur?.children.find((c) => local(c.name) === p);
  return cur;
};

/** Well-formedness by xmllint, when it is installed: null when fine or absent, else its message. */
export function xmllint(path: string): string | null {
  try {
    execFileSync("xmllint", ["--noout", "--nonet", path], { stdio: ["ignore", "ignore", "pipe"] });
    return null;
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === "ENOENT") return null;
    return (err.stderr?.toString() || String(e)).trim();
  }
}

export interface CheckOptions {
  /** functions.json text to compare with the catalog (skipped when absent). */
  functionsJson?: string;
  /** Folder that should hold every file the manifest points to on the add-in's host. */
  distDir?: string;
  /** Function names the metadata must list (default: the catalog). */
  expectedIds?: readonly string[];
}

/** Every problem of a manifest, one sentence each; empty when it passes. */
export function checkManifest(xml: string, opts: CheckOptions = {}): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  if (local(root.name) !== "OfficeApp") problems.push(`the root element is <${root.name}>, not <OfficeApp>`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") problems.push(`OfficeApp xsi:type is ${JSON.stringify(root.attrs["xsi:type"])}, not "TaskPaneApp"`);
  const id = find(root, ["Id"])?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) problems.push(`<Id> ${JSON.stringify(id)} is not a GUID`);
  const version = find(root, ["Version"])?.text ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(version)) problems.push(`<Version> ${JSON.stringify(version)} is not of the form 1.0.0.0`);

  // Resources by kind.
  const resources = find(root, ["VersionOverrides", "Resources"]);
  if (!resources) problems.push("no <VersionOverrides>/<Resources>");
  const kinds: Record<string, Map<string, string>> = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  for (const group of resources?.children ?? []) {
    const kind = local(group.name);
    const map = kinds[kind];
    if (!map) continue;
    for (const r of group.children) {
      const rid = r.attrs.id ?? "";
      const value = r.attrs.DefaultValue ?? "";
      if (!rid) problems.push(`a resource in ${kind} (line ${r.line}) has no id`);
      if (rid.length > 32) problems.push(`resource id "${rid}" is longer than 32 characters`);
      if (Object.values(kinds).some((m) => m.has(rid))) problems.push(`resource id "${rid}" is defined twice`);
      if (kind === "ShortStrings" && value.length > 125) problems.push(`short string "${rid}" is longer than 125 characters`);
      if (kind === "LongStrings" && value.length > 250) problems.push(`long string "${rid}" is longer than 250 characters`);
      map.set(rid, value);
    }
  }
  const kindOf = (e: XmlElement, parent: XmlElement | undefined): string[] => {
    const n = local(e.name);
    if (n === "Image") return ["Images"];
    if (n === "SourceLocation" || n === "LearnMoreUrl" || n === "FunctionFile") return ["Urls"];
    if (n === "Namespace" || n === "Label") return ["ShortStrings"];
    if (n === "Title") return ["ShortStrings"];
    if (n === "Description") return parent && local(parent.name) === "Supertip" ? ["LongStrings"] : ["ShortStrings", "LongStrings"];
    return Object.keys(kinds);
  };
  const parents = new Map<XmlElement, XmlElement>();
  for (const e of walk(root)) for (const c of e.children) parents.set(c, e);
  for (const e of walk(root)) {
    const rid = e.attrs.resid;
    if (rid === undefined) continue;
    const allowed = kindOf(e, parents.get(e));
    if (!allowed.some((k) => kinds[k]?.has(rid))) {
      const elsewhere = Object.keys(kinds).find((k) => kinds[k].has(rid));
      problems.push(
        elsewhere
          ? `<${e.name} resid="${rid}"> (line ${e.line}) points to a resource in ${elsewhere}, expected ${allowed.join(" or ")}`
          : `<${e.name} resid="${rid}"> (line ${e.line}) does not resolve: no resource with id "${rid}"`,
      );
    }
  }

  // URLs: every attribute value and text that is a URL (namespace declarations are names, not fetched).
  const urls: { url: string; where: string }[] = [];
  for (const e of walk(root)) {
    for (const [k, v] of Object.entries(e.attrs)) {
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim())) urls.push({ url: v.trim(), where: `<${e.name}${e.attrs.id ? ` id="${e.attrs.id}"` : ""}> (line ${e.line})` });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(e.text)) urls.push({ url: e.text, where: `<${e.name}> (line ${e.line})` });
  }
  for (const { url, where } of urls) {
    if (!url.toLowerCase().startsWith("https://")) problems.push(`${where}: ${url} is not https`);
  }

  // Custom functions.
  const sets = find(root, ["Requirements", "Sets"])?.children ?? [];
  const cfr = sets.find((s) => s.attrs.Name === "CustomFunctionsRuntime");
  if (!cfr) problems.push("no <Set Name=\"CustomFunctionsRuntime\"> in <Requirements>");
  else if (!/^1\.\d+$/.test(cfr.attrs.MinVersion ?? "")) problems.push(`CustomFunctionsRuntime MinVersion ${JSON.stringify(cfr.attrs.MinVersion)} is not a version`);
  const cfPoint = [...walk(root)].find((e) => local(e.name) === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions");
  if (!cfPoint) problems.push('no <ExtensionPoint xsi:type="CustomFunctions">');
  else {
    for (const part of ["Script", "Page", "Metadata"]) {
      if (!find(cfPoint, [part, "SourceLocation"])?.attrs.resid) problems.push(`the CustomFunctions extension point has no <${part}><SourceLocation resid=…>`);
    }
    const ns = find(cfPoint, ["Namespace"]);
    const nsValue = ns?.attrs.resid !== undefined ? kinds.ShortStrings.get(ns.attrs.resid) : undefined;
    if (!ns) problems.push("the CustomFunctions extension point has no <Namespace>");
    else if (nsValue !== undefined) {
      if (nsValue.length > 32) problems.push(`namespace "${nsValue}" is longer than 32 characters`);
      if (!/^[A-Za-z][A-Za-z0-9.]*$/.test(nsValue)) problems.push(`namespace "${nsValue}" must be letters, digits and periods`);
    }
  }

  // Function ids against the catalog.
  if (opts.functionsJson !== undefined) {
    let ids: string[] = [];
    try {
      const meta = JSON.parse(opts.functionsJson) as { functions?: { id?: string; name?: string }[] };
      ids = (meta.functions ?? []).map((f) => String(f.id));
      for (const f of meta.functions ?? []) if (f.id !== f.name) problems.push(`functions.json: id ${f.id} has the name ${f.name} (ids and names are the SPEC names)`);
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
    const page = kinds.Urls.get("Taskpane.Url") ?? find(root, ["DefaultSettings", "SourceLocation"])?.attrs.DefaultValue;
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
  const lint = xmllint(path);
  if (lint) problems.push(`xmllint: ${lint}`);
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
  console.log(`${path}: OK (well-formed, every resid resolves, https only, namespace, CustomFunctionsRuntime, ${CATALOG.length} function ids match functions.json)`);
}

if (process.argv[1] && /check-manifest\.ts$/.test(process.argv[1])) main();
