/**
 * Every file generated from the function table, in one list. `npm run generate` writes
 * them; test/generated.test.ts fails when a committed one is stale. A generator is a
 * module `src/hosts/<host>/generate.ts` (or `src/docs/generate.ts`) exporting
 * `generatedFiles(): { path: string; content: string }[]` with repo-relative paths.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export interface GeneratedFile {
  path: string;
  content: string;
}

export const ROOT = resolve(__dirname, "..");

function generatorModules(): string[] {
  const hosts = join(ROOT, "src", "hosts");
  const found = existsSync(hosts)
    ? readdirSync(hosts)
        .map((h) => join(hosts, h, "generate.ts"))
        .filter((p) => existsSync(p))
    : [];
  const docs = join(ROOT, "src", "docs", "generate.ts");
  if (existsSync(docs)) found.push(docs);
  return found.sort();
}

export async function allGeneratedFiles(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const mod of generatorModules()) {
    const m = (await import(pathToFileURL(mod).href)) as { generatedFiles: () => GeneratedFile[] | Promise<GeneratedFile[]> };
    files.push(...(await m.generatedFiles()));
  }
  return files;
}

/** The header every generated file starts with (in that file's comment syntax). */
export const GENERATED_NOTICE = "GENERATED from the function table in src/catalog by `npm run generate`. Do not edit by hand.";
