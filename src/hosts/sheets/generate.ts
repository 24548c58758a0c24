/**
 * Files generated for Google Sheets: the wrapper stubs with their `@customfunction` JSDoc.
 * The build (scripts/build-sheets.ts) puts them at the top of apps-script/build/Code.js;
 * the function-reference sidebar is rendered at run time from the bundled catalog instead.
 */
import { GENERATED_NOTICE, type GeneratedFile } from "../../catalog/generated";
import { CATALOG } from "../../catalog";
import { sheetsStubs } from "./stubs";

export const STUBS_PATH = "src/hosts/sheets/stubs.generated.js";

export function stubsFile(): string {
  return `// ${GENERATED_NOTICE}\n${sheetsStubs(CATALOG)}`;
}

export function generatedFiles(): GeneratedFile[] {
  return [{ path: STUBS_PATH, content: stubsFile() }];
}
