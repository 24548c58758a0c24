/**
 * Babel plugin for dist/functions.js only: drops the reader-facing text of the function table
 * (`description`, `source`, `returns`, `example`, and each parameter's `help`) from the modules
 * in src/catalog. Excel reads that text from functions.json and the help pages, both generated
 * at build time from the full table; the custom-functions runtime, which downloads and compiles
 * functions.js for every workbook, needs only names, kinds, bounds and the core. The task pane
 * keeps the text (its model sheet lists each function with its description).
 */
const TEXT_KEYS = new Set(["description", "source", "returns", "example", "help"]);

module.exports = function stripReferenceText({ types: t }) {
  const isText = (node) => t.isStringLiteral(node) || t.isTemplateLiteral(node) || t.isObjectExpression(node);
  return {
    name: "strip-reference-text",
    visitor: {
      ObjectProperty(path) {
        const key = path.node.key;
        const name = t.isIdentifier(key) ? key.name : t.isStringLiteral(key) ? key.value : undefined;
        if (name !== undefined && TEXT_KEYS.has(name) && !path.node.computed && isText(path.node.value)) path.remove();
      },
    },
  };
};
