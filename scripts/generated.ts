/**
 * Every file generated from the function table, in one list. `npm run generate` writes
 * them; test/generated.test.ts fails when a committed one is stale. A generator is a
 * module `src/hosts/<host>/generate.ts` (or `src/docs/generate.ts`) exporting
 * `generatedFiles(): GeneratedFile[]` (src/catalog/generated.ts) with repo-relative paths;
 * generators import nothing from here, so the dependency runs one way.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { GeneratedFile } from "../src/catalog/generated";

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
