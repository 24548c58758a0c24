/**
 * Generator of the docs function reference (docs/functions.md), committed and checked for
 * staleness like every generated file (scripts/generated.ts, test/generated.test.ts).
 */
import { GENERATED_NOTICE, type GeneratedFile } from "../catalog/generated";
import { functionsMarkdown } from "./render";

export function generatedFiles(): GeneratedFile[] {
  return [{ path: "docs/functions.md", content: `<!-- ${GENERATED_NOTICE} -->\n\n${functionsMarkdown()}` }];
}
