/**
 * The add-in's host URL as it is written in committed files (manifest.xml, the generated
 * `@helpurl` tags). The build rewrites every occurrence to `ADDIN_URL`
 * (webpack.config.js keeps the same constant; test/hosts/excel checks that they agree).
 */
export const DEV_ADDIN_URL = "https://localhost:3000";

/** Where the help page of a function is served: `<ADDIN_URL>/help/<name lower>.html`. */
export const helpUrl = (file: string, base = DEV_ADDIN_URL) => `${base}/help/${file}`;

/**
 * dist/manifest.xml for the host `base`: every URL on `base`, and the leading comment, which
 * in manifest.xml describes the development file, replaced by one that says what this file is.
 */
export function builtManifest(xml: string, base: string): string {
  const comment = [
    "<!--",
    `  marginal-bid Excel add-in, built for ${base} by \`npm run build\` (ADDIN_URL) from manifest.xml:`,
    `  every URL below is on that host. Give this file to users, or upload it in the Microsoft 365`,
    "  admin centre; the files it names are the rest of the build (dist/).",
    "-->",
  ].join("\n");
  const withComment = xml.replace(/<!--[\s\S]*?-->/, () => comment);
  if (withComment === xml) throw new Error("manifest.xml has lost its leading comment");
  return withComment.split(DEV_ADDIN_URL).join(base);
}
