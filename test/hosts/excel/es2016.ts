/**
 * Is a bundle fit for an ECMAScript 2016 engine (Excel's JavaScript-only runtime on Windows)?
 * Syntax: acorn parses it at `ecmaVersion: 2016` (async functions, `?.`, `??`, object spread,
 * class fields and newer RegExp syntax all fail). Built-ins: every use of a built-in newer than
 * ES2016 must be either polyfilled inside the bundle or feature-tested where it is used.
 *
 * A polyfill is recognised by the shape of core-js's export calls, which minification keeps:
 * `$({ target: "Object", stat: true }, { entries: … })` (a static method),
 * `$({ target: "String", proto: true }, { padStart: … })` (a method) and
 * `$({ global: true }, { globalThis: … })` (a global).
 * A use is feature-tested when it sits under `typeof X`, in the branch of a `?:` or `if` or the
 * right of a `&&` whose test reads the same built-in (`Object.getOwnPropertyDescriptors ? … : …`),
 * or is the left of a `||` (`Object.hasOwn || fallback`).
 */
import { type AnyNode, type Node, parse } from "acorn";
import { full, fullAncestor } from "acorn-walk";

type Kind = "static" | "method" | "global";

/** A built-in newer than ES2016 that an ES2016 engine lacks. */
interface Feature {
  kind: Kind;
  /** Owner for static methods and methods (`Object`, `String.prototype`); empty for globals. */
  owners: string[];
  name: string;
  es: number;
  /** Methods only: count only calls with this many arguments (`xs.at(-1)`, not a two-argument `grid.at(r, c)`). */
  args?: number;
}

const feature = (kind: Kind, owners: string[], names: string[], es: number, args?: number): Feature[] => names.map((name) => ({ kind, owners, name, es, args }));

/** ES2017 to ES2022, by the edition that added them. Behaviour changes (stable sort, well-formed JSON.stringify) have no name to look for. */
export const NEWER_BUILT_INS: Feature[] = [
  ...feature("static", ["Object"], ["entries", "values", "getOwnPropertyDescriptors"], 2017),
  ...feature("method", ["String.prototype"], ["padStart", "padEnd"], 2017),
  ...feature("global", [], ["SharedArrayBuffer", "Atomics"], 2017),
  ...feature("method", ["Promise.prototype"], ["finally"], 2018),
  ...feature("static", ["Symbol"], ["asyncIterator"], 2018),
  ...feature("static", ["Object"], ["fromEntries"], 2019),
  ...feature("method", ["Array.prototype"], ["flat", "flatMap"], 2019),
  ...feature("method", ["String.prototype"], ["trimStart", "trimEnd"], 2019),
  ...feature("method", ["String.prototype"], ["matchAll"], 2020),
  ...feature("static", ["Promise"], ["allSettled"], 2020),
  ...feature("global", [], ["globalThis", "BigInt", "BigInt64Array", "BigUint64Array"], 2020),
  ...feature("method", ["String.prototype"], ["replaceAll"], 2021),
  ...feature("static", ["Promise"], ["any"], 2021),
  ...feature("global", [], ["AggregateError", "WeakRef", "FinalizationRegistry"], 2021),
  ...feature("static", ["Object"], ["hasOwn"], 2022),
  ...feature("method", ["Array.prototype", "String.prototype"], ["at"], 2022, 1),
];

export interface Finding {
  /** `Object.entries`, `String.prototype.padStart`, `globalThis`. */
  builtIn: string;
  es: number;
  /** 1-based line and column in the bundle. */
  line: number;
  column: number;
  /** A few characters around the use. */
  near: string;
}

export interface ScanResult {
  /** Null when the source parses at ES2016; else acorn's message. */
  syntaxError: string | null;
  /** Uses of newer built-ins that are neither polyfilled nor feature-tested. */
  unpolyfilled: Finding[];
  /** Everything the bundle's core-js export calls install (`Object.entries`, …). */
  polyfilled: Set<string>;
  /** Every use of a newer built-in, polyfilled or not (a scan that finds none proves nothing). */
  used: Set<string>;
}

const propertyName = (n: AnyNode): string | undefined => {
  if (n.type !== "MemberExpression") return undefined;
  if (!n.computed && n.property.type === "Identifier") return n.property.name;
  if (n.computed && n.property.type === "Literal" && typeof n.property.value === "string") return n.property.value;
  return undefined;
};

const objectKeys = (n: AnyNode): Map<string, AnyNode> => {
  const keys = new Map<string, AnyNode>();
  if (n.type !== "ObjectExpression") return keys;
  for (const p of n.properties) {
    if (p.type !== "Property") continue;
    const k = p.key.type === "Identifier" && !p.computed ? p.key.name : p.key.type === "Literal" ? String(p.key.value) : undefined;
    if (k !== undefined) keys.set(k, p.value);
  }
  return keys;
};

const isTrue = (n: AnyNode | undefined) =>
  n !== undefined && ((n.type === "Literal" && n.value === true) || (n.type === "UnaryExpression" && n.operator === "!" && n.argument.type === "Literal" && n.argument.value === 0));

/** What a core-js export call `$(options, methods)` installs, or nothing. */
function installs(call: AnyNode): string[] {
  if (call.type !== "CallExpression" || call.arguments.length !== 2) return [];
  const options = objectKeys(call.arguments[0] as AnyNode);
  const methods = [...objectKeys(call.arguments[1] as AnyNode).keys()];
  if (isTrue(options.get("global"))) return methods;
  const target = options.get("target");
  if (!target || target.type !== "Literal" || typeof target.value !== "string") return [];
  if (isTrue(options.get("proto"))) return methods.map((m) => `${target.value}.prototype.${m}`);
  if (isTrue(options.get("stat"))) return methods.map((m) => `${target.value}.${m}`);
  return [];
}

const byName = new Map<string, Feature[]>();
for (const f of NEWER_BUILT_INS) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);

/** The newer built-in a node reads, with how it reads it; call arity decides for methods. */
function featureAt(node: AnyNode, parent: AnyNode | undefined, type: string): Feature | undefined {
  if (type === "Identifier" && node.type === "Identifier") return byName.get(node.name)?.find((f) => f.kind === "global");
  const name = propertyName(node);
  if (name === undefined || node.type !== "MemberExpression") return undefined;
  const candidates = byName.get(name) ?? [];
  const owner = node.object.type === "Identifier" ? node.object.name : undefined;
  const stat = candidates.find((f) => f.kind === "static" && owner !== undefined && f.owners.includes(owner));
  if (stat) return stat;
  const called = parent?.type === "CallExpression" && parent.callee === node ? parent : undefined;
  return candidates.find((f) => f.kind === "method" && called !== undefined && (f.args === undefined || called.arguments.length === f.args));
}

const label = (f: Feature) => (f.kind === "global" ? f.name : f.owners.map((o) => `${o}.${f.name}`).join(" / "));
const provides = (polyfilled: Set<string>, f: Feature) => (f.kind === "global" ? polyfilled.has(f.name) : f.owners.every((o) => polyfilled.has(`${o}.${f.name}`)));

/** Does the subtree read feature `f` in any way (a test such as `typeof globalThis` or `Object.getOwnPropertyDescriptors ?`)? */
function mentions(tree: Node, f: Feature): boolean {
  let found = false;
  full(tree as AnyNode, (node, _state, type) => {
    if (type === "Identifier" && node.type === "Identifier" && f.kind === "global" && node.name === f.name) found = true;
    else if (propertyName(node) === f.name) found = true;
  });
  return found;
}

/** Is the use at the end of `ancestors` feature-tested? */
function guarded(ancestors: AnyNode[], f: Feature): boolean {
  const use = ancestors[ancestors.length - 1];
  const parent = ancestors[ancestors.length - 2];
  // `Object.hasOwn || function (o, k) { … }`: the built-in only where it exists.
  if (parent?.type === "LogicalExpression" && parent.operator === "||" && parent.left === use) return true;
  const called = parent?.type === "CallExpression" && parent.callee === use;
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const a = ancestors[i];
    const child = ancestors[i + 1];
    if (a.type === "UnaryExpression" && a.operator === "typeof") return true;
    // The test itself (`Object.getOwnPropertyDescriptors ? … : …`), as long as it only reads.
    if ((a.type === "ConditionalExpression" || a.type === "IfStatement") && child === a.test && !called) return true;
    if (a.type === "LogicalExpression" && a.operator === "&&" && child === a.left && !called) return true;
    if ((a.type === "ConditionalExpression" || a.type === "IfStatement") && child === a.consequent && mentions(a.test, f)) return true;
    if (a.type === "LogicalExpression" && child === a.right && mentions(a.left, f)) return true;
  }
  return false;
}

/** Scan a bundle. `ignorePolyfills` pretends the bundle installs nothing (to show what it relies on). */
export function scanEs2016(source: string, opts: { ignorePolyfills?: boolean } = {}): ScanResult {
  let ast: Node;
  try {
    ast = parse(source, { ecmaVersion: 2016, sourceType: "script", locations: true });
  } catch (e) {
    return { syntaxError: (e as Error).message, unpolyfilled: [], polyfilled: new Set(), used: new Set() };
  }
  const polyfilled = new Set<string>();
  const uses: { f: Feature; node: AnyNode; ancestors: AnyNode[] }[] = [];
  fullAncestor(ast as AnyNode, (node, _state, ancestors, type) => {
    if (!opts.ignorePolyfills) for (const x of installs(node)) polyfilled.add(x);
    const f = featureAt(node, ancestors[ancestors.length - 2], type);
    if (f) uses.push({ f, node, ancestors: ancestors.slice() });
  });
  const unpolyfilled: Finding[] = [];
  const used = new Set<string>();
  for (const { f, node, ancestors } of uses) {
    used.add(label(f));
    if (provides(polyfilled, f) || guarded(ancestors, f)) continue;
    const loc = node.loc!.start;
    unpolyfilled.push({ builtIn: label(f), es: f.es, line: loc.line, column: loc.column + 1, near: source.slice(Math.max(0, node.start - 30), node.end + 20) });
  }
  return { syntaxError: null, unpolyfilled, polyfilled, used };
}
