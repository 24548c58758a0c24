/**
 * The Excel namespace of the add-in: `=JPUST.HEDGED_UST(...)`. Stored in users' workbooks
 * (as `_xldudf_JPUST_…` in the file), so never changed. `npm run check:manifest` asserts that
 * the manifest's `Functions.Namespace` string is this value.
 */
export const EXCEL_NAMESPACE = "JPUST";

/** How a function reads in Excel's formula bar: `JPUST.` + name. */
export const EXCEL_PREFIX = `${EXCEL_NAMESPACE}.`;
