/* eslint-disable */
/**
 * The Excel add-in build: dist/functions.js + functions.html + functions.json (custom
 * functions, JavaScript-only runtime), dist/taskpane.js + taskpane.html, dist/help/*.html
 * (one page per catalog function), dist/assets/icon-*.png and dist/manifest.xml.
 *
 * The add-in's host is one setting: ADDIN_URL (default https://localhost:3000). Committed
 * files (manifest.xml, the generated @helpurl tags) name the development host; this build
 * rewrites every occurrence in dist/manifest.xml and dist/functions.json.
 *
 *   npm run build:excel                          production, https://localhost:3000
 *   ADDIN_URL=https://addin.example.com npm run build
 *   npm run dev-server                           https on localhost:3000 (scripts/dev-server.ts)
 */
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const tsx = require("tsx/cjs/api");

const ROOT = __dirname;
const FUNCTIONS_SOURCE = "./src/hosts/excel/functions.generated.ts";

/**
 * Custom functions without a shared runtime run, on Windows, in Microsoft's JavaScript-only
 * runtime, documented at ECMAScript 2016 on builds our manifest admits (CustomFunctionsRuntime
 * 1.3, Office 2021 LTSC); the task pane may run in an old webview too. So both bundles are
 * ES2016 at most: Babel compiles the TypeScript for an ES2016 engine (async functions become
 * generators), and every built-in newer than ES2016 that our code may touch gets its core-js
 * polyfill inside the bundle. webpack's `target` says ES2016 as well, or its runtime code and
 * terser would use newer syntax. test/hosts/excel/es2016.test.ts checks the bundles with acorn.
 */
/**
 * The language level as Babel's targets: Chrome 52 is the first engine with all of ES2016 and
 * nothing of ES2017 (no async functions, no Object.entries, no padStart).
 */
const ES2016_ENGINE = { chrome: "52" };

/**
 * The core-js modules for built-ins newer than ES2016, up to ES2022 (TypeScript checks our code
 * against `lib: ES2022`, so nothing newer can be called). An ES2016 runtime has every ES2015 and
 * ES2016 built-in by definition: core-js's replacements of those for corner-case bugs of old
 * engines are left out (stable sort and well-formed JSON.stringify stay: ES2019 made them rules).
 */
const NEWER_THAN_ES2016 = new RegExp(
  `^es\\.(${[
    "object\\.(entries|values|get-own-property-descriptors)|string\\.(pad-start|pad-end)", // ES2017
    "promise\\.finally", // ES2018
    "array\\.(flat|flat-map|sort)|array\\.unscopables\\.flat(-map)?|object\\.from-entries|string\\.(trim-start|trim-end|trim-left|trim-right)|symbol\\.description|json\\.stringify", // ES2019
    "string\\.match-all|promise\\.all-settled|global-this", // ES2020
    "string\\.replace-all|promise\\.any|aggregate-error(\\..*)?", // ES2021
    "array\\.at|string\\.at-alternative|typed-array\\.at|object\\.has-own|error\\.cause", // ES2022
  ].join("|")})$`,
);

/**
 * Two Babel passes, as webpack loaders run last to first: the types go first, so that the
 * polyfill pass sees plain JavaScript (it misses a built-in inside a TypeScript cast such as
 * `(globalThis as T).x`); then the ES2016 pass compiles the syntax and adds the polyfills.
 */
const STRIP_TYPES = { babelrc: false, configFile: false, presets: ["@babel/preset-typescript"] };
const TO_ES2016 = {
  babelrc: false,
  configFile: false,
  targets: ES2016_ENGINE,
  presets: [["@babel/preset-env", { bugfixes: true, modules: false }]],
  plugins: [
    [
      "babel-plugin-polyfill-corejs3",
      {
        method: "usage-global",
        version: require("core-js/package.json").version,
        // Babel guesses by name (any `.finally(` may be a Promise's); of its guesses, the built-ins newer than ES2016.
        shouldInjectPolyfill: (name, needed) => needed && NEWER_THAN_ES2016.test(name),
      },
    ],
  ],
};

/** Load one of our TypeScript modules (the catalog, the help renderer) into this config. */
const load = (file) => tsx.require(path.join(ROOT, file), __filename);

/** The host written in committed files, from the one place that defines it. */
const { DEV_ADDIN_URL, builtManifest } = load("src/hosts/excel/urls.ts");

/** ADDIN_URL without a trailing slash; refuses anything but an https origin (with an optional path). */
function addinUrl() {
  const raw = (process.env.ADDIN_URL || DEV_ADDIN_URL).trim().replace(/\/+$/, "");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL = ${JSON.stringify(raw)} is not a URL (expected e.g. https://addin.example.com)`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL = ${raw}: Office add-ins must be served over https`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL = ${raw}: no query or fragment, just the origin and an optional path`);
  return raw;
}

/** Every occurrence of the development host → ADDIN_URL. */
const rewriteHost = (text, base) => text.split(DEV_ADDIN_URL).join(base);

/**
 * A parameter named after a reserved word is declared `yield_` in the generated TypeScript
 * (src/hosts/excel/generate.ts); Excel should show the function table's name `yield`.
 */
const specParameterName = (name) => name.replace(/_$/, "");

/** functions.json as the metadata plugin wrote it, with the help URLs on ADDIN_URL and the function table's parameter names. */
function finishMetadata(json, base) {
  const meta = JSON.parse(json);
  for (const f of meta.functions) {
    if (f.helpUrl) f.helpUrl = rewriteHost(f.helpUrl, base);
    for (const p of f.parameters) p.name = specParameterName(p.name);
  }
  return JSON.stringify(meta, null, 4);
}

/** Emits the manifest, the icons and the help pages, and finishes functions.json. */
class AddinFilesPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const { RawSource } = webpack.sources;
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AddinFilesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const manifest = path.join(ROOT, "manifest.xml");
        compilation.fileDependencies.add(manifest);
        compilation.emitAsset("manifest.xml", new RawSource(builtManifest(fs.readFileSync(manifest, "utf8"), this.base)), { minimized: true });

        const assets = path.join(ROOT, "assets");
        compilation.contextDependencies.add(assets);
        for (const file of fs.readdirSync(assets).filter((f) => f.endsWith(".png"))) {
          compilation.emitAsset(`assets/${file}`, new RawSource(fs.readFileSync(path.join(assets, file))));
        }

        for (const page of load("src/docs/render.ts").helpPages()) {
          // Served as rendered: readable, and what test/hosts/excel/help.test.ts compares with.
          compilation.emitAsset(page.path, new RawSource(page.content), { minimized: true });
        }
      });
      compilation.hooks.processAssets.tap({ name: "AddinFilesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const meta = compilation.getAsset("functions.json");
        if (!meta) {
          compilation.errors.push(new webpack.WebpackError("functions.json was not generated (see the custom-functions-metadata errors above)"));
          return;
        }
        compilation.updateAsset("functions.json", new RawSource(finishMetadata(meta.source.source().toString(), this.base)));
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const base = addinUrl();
  const config = {
    context: ROOT,
    mode: dev ? "development" : "production",
    target: ["web", "es2016"],
    devtool: dev ? "source-map" : false,
    entry: {
      // The functions runtime gets its own layer: there the function table loses its reader-facing text.
      functions: { import: FUNCTIONS_SOURCE, layer: "functions" },
      taskpane: "./src/hosts/excel/taskpane/taskpane.ts",
    },
    experiments: { layers: true },
    output: {
      path: path.join(ROOT, "dist"),
      filename: "[name].js",
      // dist/ is shared with the other builds (npm run build writes the workbooks after this one).
      clean: { keep: /\.xlsx$/ },
      // Always write, so that file times tell when dist/ was built (test/hosts/excel/dist.ts relies on it).
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [
            { loader: "babel-loader", options: TO_ES2016 },
            { loader: "babel-loader", options: STRIP_TYPES },
          ],
        },
        {
          test: /[\\/]src[\\/]catalog[\\/].*\.ts$/,
          issuerLayer: "functions",
          use: [{ loader: "babel-loader", options: { ...STRIP_TYPES, plugins: [require("./scripts/stripReferenceText")] } }],
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/hosts/excel/functions.html", chunks: ["functions"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/hosts/excel/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new AddinFilesPlugin(base),
    ],
    performance: { hints: false },
  };
  if (env && env.WEBPACK_SERVE) {
    // Made without installing the CA (no root needed); `npm run dev-server` checks the port first.
    const https = await load("scripts/devCerts.ts").devCertificates();
    config.devServer = {
      host: "localhost",
      port: Number(process.env.DEV_SERVER_PORT || process.env.npm_package_config_dev_server_port || 3000),
      server: { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: false,
      client: false,
    };
  }
  return config;
};

module.exports.finishMetadata = finishMetadata;
module.exports.addinUrl = addinUrl;
