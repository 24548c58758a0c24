/**
 * THE look of the model sheet's cells, in every host: the Excel task pane, the Sheets menu and
 * the .xlsx workbooks all paint a style with these colours (each in its own API). Colours are
 * `#RRGGBB`.
 */
export type CellStyle = "title" | "note" | "header" | "label" | "input" | "output" | "reference";

export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
}

export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, size: 14, fontColor: "#1F3864" },
  note: { italic: true, fontColor: "#595959" },
  header: { bold: true, fill: "#D9E1F2" },
  label: {},
  // The modelling convention: inputs in blue type on a light yellow fill.
  input: { fontColor: "#0000FF", fill: "#FFF2CC" },
  output: { bold: true },
  reference: { fontColor: "#1F3864" },
};

/** How the docs and the task pane name the input cells' look: the words for CELL_LOOKS.input. */
export const INPUT_LOOK_NAME = "blue on light yellow";
