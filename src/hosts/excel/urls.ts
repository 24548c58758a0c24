/**
 * The add-in's host URL as it is written in committed files (manifest.xml, the generated
 * `@helpurl` tags). The build rewrites every occurrence to `ADDIN_URL`
 * (webpack.config.js keeps the same constant; test/excel checks that they agree).
 */
export const DEV_ADDIN_URL = "https://localhost:3000";

/** Where the help page of a function is served: `<ADDIN_URL>/help/<name lower>.html`. */
export const helpUrl = (file: string, base = DEV_ADDIN_URL) => `${base}/help/${file}`;
