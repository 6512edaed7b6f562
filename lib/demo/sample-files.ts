// Small real files attached to the demo's digital products by `npm run db:setup`,
// so a new user can buy one and download it at once. Generated, not committed:
// a one-page PDF and ZIPs with a readme and a cut file.
import { publishVersion } from '../versions/publish';
import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Db } from '../db/client';
import { saveUploadedFile } from '../downloads/settings';
import { saveUpload } from '../downloads/storage';

// A fixed date keeps the generated files identical from run to run.
const MADE_AT = new Date('2026-01-01T00:00:00Z');

async function templatesPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Printable Pop-up Templates (sample)');
  pdf.setCreationDate(MADE_AT);
  pdf.setModificationDate(MADE_AT);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Printable Pop-up Templates', { x: 60, y: 760, size: 24, font });
  page.drawText('Demo sample: cut along solid lines, fold along dashed lines.', { x: 60, y: 730, size: 12, font });
  page.drawRectangle({ x: 147, y: 300, width: 300, height: 300, borderColor: rgb(0, 0, 0), borderWidth: 1 });
  page.drawLine({ start: { x: 297, y: 300 }, end: { x: 297, y: 600 }, dashArray: [6, 4], thickness: 1 });
  return pdf.save();
}

const cutFileSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="100mm" viewBox="0 0 100 100">'
  + '<path d="M10 90 L50 10 L90 90 Z" fill="none" stroke="red"/><path d="M30 50 H70" stroke="blue" stroke-dasharray="3 2"/></svg>\n';

function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime: MADE_AT }]])));
}

export interface SampleFile { slug: string; fileName: string; contentType: string; bytes: () => Promise<Uint8Array> }

export const SAMPLE_FILES: readonly SampleFile[] = [
  { slug: 'printable-card-templates', fileName: 'pop-up-templates-sample.pdf', contentType: 'application/pdf', bytes: templatesPdf },
  {
    slug: 'paper-engineering-plugin', fileName: 'paper-engineering-plugin-sample.zip', contentType: 'application/zip',
    bytes: async () => zipOf({ 'README.txt': 'Paper Engineering Plugin (demo sample).\nThis archive stands in for the real plugin.\n', 'examples/v-fold.svg': cutFileSvg }),
  },
  {
    slug: 'svg-cut-files', fileName: 'pop-up-svg-cut-files-sample.zip', contentType: 'application/zip',
    bytes: async () => zipOf({ 'README.txt': 'Pop-up SVG cut files (demo sample).\n', 'triangle-card.svg': cutFileSvg }),
  },
];

/**
 * Attaches each sample to its product when the product has no file source yet;
 * a source an admin chose (or a sample attached before) is left alone. Returns the slugs attached now.
 */
export async function attachSampleFiles(db: Db, storageDir: string, now: Date): Promise<string[]> {
  const attached: string[] = [];
  for (const sample of SAMPLE_FILES) {
    const product = await db.product.findUnique({ where: { slug: sample.slug }, include: { fileSource: true } });
    if (!product || product.fileSource) continue;
    const { storedName, sha256, bytes } = await saveUpload(storageDir, Readable.from([Buffer.from(await sample.bytes())]), sample.fileName);
    await saveUploadedFile(db, product.id, { storedName, fileName: sample.fileName, contentType: sample.contentType }, now);
    // Published as version 1.0 (lib/versions), so buyers see its digest; nobody has bought it yet to be told.
    await publishVersion(db, { productId: product.id, version: '1.0', notes: '', file: {
      kind: 'local', storedName, fileName: sample.fileName, contentType: sample.contentType, sha256, sizeBytes: bytes,
    } }, null, now);
    attached.push(sample.slug);
  }
  return attached;
}
