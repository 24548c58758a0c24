/**
 * Generator of the docs function reference (docs/functions.md) and of the note's summary
 * (docs/note.md, from ./note.ts), committed and checked for staleness like every generated
 * file (scripts/generated.ts, test/generated.test.ts).
 */
import { GENERATED_NOTICE, type GeneratedFile } from "../catalog/generated";
import { functionsMarkdown, noteMarkdown } from "./render";

export function generatedFiles(): GeneratedFile[] {
  return [
    { path: "docs/functions.md", content: `<!-- ${GENERATED_NOTICE} -->\n\n${functionsMarkdown()}` },
    { path: "docs/note.md", content: `<!-- ${GENERATED_NOTICE} (text: src/docs/note.ts) -->\n\n${noteMarkdown()}` },
  ];
}
