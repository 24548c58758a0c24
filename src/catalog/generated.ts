/**
 * What every generator of files from the function table shares (src/hosts/excel/generate.ts,
 * src/hosts/sheets/generate.ts, src/docs/generate.ts). scripts/generated.ts collects their
 * files; the generators never import the scripts.
 */

/** A file generated from the table, at a repo-relative path. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** The header every generated file starts with (in that file's comment syntax). */
export const GENERATED_NOTICE = "GENERATED from the function table in src/catalog by `npm run generate`. Do not edit by hand.";
