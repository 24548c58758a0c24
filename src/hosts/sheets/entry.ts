/**
 * The bundle's entry: what `MarginalBid_()` returns inside Apps Script. Webpack builds
 * this into a library that scripts/build-sheets.ts wraps in a function, so the core is
 * only evaluated when a custom function or a menu item first runs.
 */
export { call } from "./adapter";
export { insertLiveModelSheet, insertModelSheet, onOpen, showFunctionReference } from "./menu";
export { setFredApiKey } from "./fredKey";
export { refreshLiveData } from "./refresh";
export { copyModelAsValues } from "./snapshot";
