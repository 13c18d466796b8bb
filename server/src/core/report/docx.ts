import { Document, HeadingLevel, Packer, Paragraph, Table as DocxTable, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { ReportDocument, Table } from "./layout";

/**
 * Renders a laid-out report as a Word document (.docx) with the `docx` library: the title, the
 * summary as a list, then each table under its caption with its notes (or its `empty` text).
 * Workspace strings are written as text runs, never as fields or hyperlinks. Pure (no file
 * access); resolves to the bytes of the file.
 *
 * Not exported from the report index on purpose: the library stays out of the language server's
 * bundle, and the CLI imports this module itself.
 */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const children: (Paragraph | DocxTable)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
    new Paragraph({ text: doc.summaryTitle, heading: HeadingLevel.HEADING_1 }),
    ...doc.summary.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${item.label}: `, bold: true }), new TextRun(item.value)] })),
  ];
  for (const table of doc.tables) children.push(...tableBlocks(table));
  const document = new Document({
    title: doc.pageTitle,
    creator: "ISMS Workbench",
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function tableBlocks(table: Table): (Paragraph | DocxTable)[] {
  const blocks: (Paragraph | DocxTable)[] = [new Paragraph({ text: table.caption, heading: HeadingLevel.HEADING_2 })];
  for (const note of table.notes ?? []) blocks.push(new Paragraph({ children: [new TextRun({ text: note, italics: true })] }));
  if (table.rows.length === 0) {
    blocks.push(new Paragraph({ children: [new TextRun({ text: table.empty, italics: true })] }));
    return blocks;
  }
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  blocks.push(
    new DocxTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c.label, true)) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((c) => cell(c.list && c.list.length > 1 ? c.list.join("; ") : c.text)) })),
      ],
    }),
  );
  return blocks;
}
