/**
 * Where the CHAIN input block sits on the model sheet: names in column A, values in column B,
 * from row 5, one row per CHAIN input. A constant of its own (no imports), so that the function
 * table can write CHAIN's example on the very block a user sees without importing the model sheet.
 */
export const INPUT_BLOCK = { nameColumn: "A", valueColumn: "B", firstRow: 5 } as const;

/** `A5:B26` for 22 inputs. */
export function inputBlockRange(inputs: number): string {
  const { nameColumn, valueColumn, firstRow } = INPUT_BLOCK;
  return `${nameColumn}${firstRow}:${valueColumn}${firstRow + inputs - 1}`;
}
