/**
 * Turns the array formulas exceljs writes into Excel 365 dynamic arrays, in the form Excel
 * itself saves them ([MS-XLSX] dynamic-array cell metadata, see docs/demo.md):
 *
 * - `xl/metadata.xml` declares the `XLDAPR` metadata type and one future-metadata block whose
 *   extension `{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}` holds
 *   `<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>`, and one cell-metadata record
 *   pointing at it (`<rc t="1" v="0"/>`: type 1 = XLDAPR, block 0);
 * - the anchor cell of each spill carries `cm="1"` (the first cell-metadata record) on its
 *   `<c>`, keeping `<f t="array" ref="…">` over the block it spilled into, with the cached
 *   value of every covered cell as ordinary cells;
 * - the part is registered in `[Content_Types].xml` and in the workbook's relationships;
 * - `calcId` is that of current Excel, so Excel shows the cached values instead of
 *   recalculating everything on open.
 *
 * exceljs cannot write any of this itself; we edit its output, whose shape is fixed by the
 * exceljs version in package-lock.json and checked by test/hosts/hyperformula/xlsx.test.ts.
 */
import JSZip from "jszip";

/** The calculation engine of Excel 2019 / Microsoft 365, as their files record it. */
export const CURRENT_CALC_ID = 191029;

export const METADATA_PART = "xl/metadata.xml";
const METADATA_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";
export const DYNAMIC_ARRAY_EXTENSION = "{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}";
const XDA_NAMESPACE = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray";

/** The one cell-metadata record (1-based) that marks a cell as a dynamic-array anchor. */
export const DYNAMIC_ARRAY_CM = 1;

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="${XDA_NAMESPACE}">` +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="${DYNAMIC_ARRAY_EXTENSION}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>` +
  "</metadata>";

async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the workbook has no ${path}`);
  return file.async("string");
}

/** Replace exactly one match of `pattern` (a check that the exceljs output still has the shape we edit). */
function replaceOnce(text: string, pattern: RegExp, replacement: (m: string) => string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`));
  if (matches?.length !== 1) throw new Error(`dynamic arrays: expected one ${what}, found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

/**
 * Mark the array formulas anchored at `anchors` (per worksheet part, e.g.
 * `{ "xl/worksheets/sheet1.xml": ["E5", "E21"] }`) as dynamic arrays and set the current calcId.
 */
export async function withDynamicArrays(xlsx: Buffer, anchors: Record<string, readonly string[]>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let marked = 0;
  for (const [part, refs] of Object.entries(anchors)) {
    let sheet = await readPart(zip, part);
    for (const ref of refs) {
      // `<c r="E5" s="5" t="str"><f t="array" ref="E5:H18">` → `<c r="E5" s="5" t="str" cm="1"><f t="array" …`
      sheet = replaceOnce(sheet, new RegExp(`<c r="${ref}"([^>]*)>(?=<f t="array" ref="${ref}:)`), (m) => `${m.slice(0, -1)} cm="${DYNAMIC_ARRAY_CM}">`, `array formula anchored at ${ref} in ${part}`);
      marked++;
    }
    zip.file(part, sheet);
  }

  const workbook = await readPart(zip, "xl/workbook.xml");
  zip.file("xl/workbook.xml", replaceOnce(workbook, /<calcPr calcId="\d+"/, () => `<calcPr calcId="${CURRENT_CALC_ID}"`, "calcPr"));
  if (!marked) return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

  zip.file(METADATA_PART, METADATA_XML);
  const types = await readPart(zip, "[Content_Types].xml");
  zip.file("[Content_Types].xml", replaceOnce(types, /<\/Types>/, (m) => `<Override PartName="/${METADATA_PART}" ContentType="${METADATA_CONTENT_TYPE}"/>${m}`, "</Types>"));
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await readPart(zip, relsPath);
  let n = 1;
  while (rels.includes(`Id="rId${n}"`)) n++;
  zip.file(relsPath, replaceOnce(rels, /<\/Relationships>/, (m) => `<Relationship Id="rId${n}" Type="${METADATA_RELATIONSHIP}" Target="metadata.xml"/>${m}`, "</Relationships>"));
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
