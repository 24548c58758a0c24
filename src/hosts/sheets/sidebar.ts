/**
 * The "Function reference" sidebar, rendered from the catalog when it opens (so it is
 * never stale and Code.js carries no second copy of the help text).
 */
import { CATALOG } from "../../catalog";
import { paramHelp, signature } from "../../catalog/describe";
import { DOMAIN_TITLES, type Domain, type FunctionSpec } from "../../catalog/spec";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STYLE = [
  "body{font:13px/1.4 Arial,sans-serif;margin:8px;color:#202124}",
  "h2{font-size:14px;margin:16px 0 4px;border-bottom:1px solid #dadce0}",
  "details{margin:4px 0}",
  "summary{cursor:pointer;font-family:'Roboto Mono',monospace;font-size:12px}",
  "p{margin:4px 0 4px 12px}",
  "ul{margin:2px 0 6px 0;padding-left:24px}",
  "code{font-family:'Roboto Mono',monospace;font-size:12px;background:#f1f3f4}",
].join("");

function entry(f: FunctionSpec): string {
  const params = f.params.length
    ? `<ul>${f.params.map((p) => `<li><code>${esc(p.name)}</code>: ${esc(paramHelp(p))}</li>`).join("")}</ul>`
    : "<p>No arguments.</p>";
  return [
    `<details><summary>${esc(signature(f))}</summary>`,
    `<p>${esc(f.description)}</p>`,
    params,
    `<p>Returns ${esc(f.returns)}. Example: <code>${esc(f.example.formula)}</code> → ${esc(f.example.result)}. Source: ${esc(f.source)}.</p>`,
    "</details>",
  ].join("");
}

/** The sidebar page: every catalog function, grouped by the note's domains. */
export function referenceHtml(catalog: readonly FunctionSpec[] = CATALOG): string {
  const domains = [...new Set(catalog.map((f) => f.domain))] as Domain[];
  const body = domains
    .map((d) => `<h2>${esc(DOMAIN_TITLES[d] ?? d)}</h2>${catalog.filter((f) => f.domain === d).map(entry).join("")}`)
    .join("");
  const intro =
    "<p>Rates are decimals (type 4.3% or 0.043). Give whole columns to one formula, e.g. " +
    "<code>=HEDGED_UST(B2:B500, C2:C500, D2:D500)</code>: each formula cell is a separate call to Google's servers.</p>";
  return `<!DOCTYPE html><html><head><base target="_top"><style>${STYLE}</style></head><body>${intro}${body}</body></html>`;
}
