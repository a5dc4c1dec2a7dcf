/**
 * The writer that puts the PDF on disk while it is assembled (src/pdf/writer.ts): what one
 * attachment brings in is written at once and leaves the document; what remains is written at
 * the end with a cross-reference stream. The file must read in qpdf and poppler as any other.
 */
import { closeSync, openSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, type PDFContext, type PDFPage } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { StreamWriter } from '../../src/pdf/pdfobj/writer.js';
import { tempDir } from '../helpers/app.js';
import { expectValidPdf, flat, pageTexts } from './tools.js';

/** A page that says `text` in Helvetica. */
function say(ctx: PDFContext, page: PDFPage, text: string): void {
  const font = ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
  page.node.set(PDFName.of('Resources'), ctx.obj({ Font: ctx.obj({ F1: font }) }));
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(`BT /F1 14 Tf 72 720 Td (${text}) Tj ET`)));
}

/** Bytes that do not compress, as a scanned page's image. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('StreamWriter', () => {
  it('writes an attachment’s objects at once, drops them, and ends with a sound file', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const ctx = doc.context;
    const pages = [doc.addPage([595.28, 841.89]), doc.addPage([595.28, 841.89]), doc.addPage([841.89, 595.28])];
    say(ctx, pages[0]!, 'Sidan ett');
    const file = join(await tempDir(), 'skriven.pdf');
    const fd = openSync(file, 'w');
    const writer = new StreamWriter(fd, ctx);

    // Two "attachments", each bringing a large image and a page's drawing; written in turn.
    const images: Uint8Array[] = [];
    for (const [k, page] of [pages[1]!, pages[2]!].entries()) {
      const mark = ctx.largestObjectNumber;
      const data = noise(300_000, k + 1);
      images.push(data);
      const image = ctx.register(
        ctx.stream(data, { Type: 'XObject', Subtype: 'Image', Width: 500, Height: 200, BitsPerComponent: 8, ColorSpace: 'DeviceRGB' }),
      );
      const font = ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
      page.node.set(PDFName.of('Resources'), ctx.obj({ XObject: ctx.obj({ Im1: image }), Font: ctx.obj({ F1: ctx.register(font) }) }));
      const content = ctx.register(ctx.flateStream(`q 500 0 0 200 40 300 cm /Im1 Do Q BT /F1 14 Tf 72 560 Td (Bilaga ${k + 1}) Tj ET`));
      page.node.set(PDFName.of('Contents'), content);
      writer.flushAbove(mark);
      expect(ctx.lookup(image), 'the image has left the document').toBeUndefined();
      expect(ctx.lookup(content)).toBeUndefined();
    }
    writer.finish();
    closeSync(fd);

    await expectValidPdf(file);
    const texts = await pageTexts(file);
    expect(texts.map(flat)).toEqual(['Sidan ett', 'Bilaga 1', 'Bilaga 2']);
    const bytes = await readFile(file);
    for (const data of images) expect(bytes.includes(Buffer.from(data))).toBe(true);
    // The images were written in the order the attachments came.
    expect(bytes.indexOf(Buffer.from(images[0]!))).toBeLessThan(bytes.indexOf(Buffer.from(images[1]!)));
    const reread = await PDFDocument.load(bytes);
    expect(reread.getPageCount()).toBe(3);
    expect(reread.getPage(2).getSize()).toEqual({ width: 841.89, height: 595.28 });
  });

  it('copies a file into a stream in pieces, and refuses one that changed since it was measured', async () => {
    const dir = await tempDir();
    const data = Buffer.from(noise(3_000_000, 7));
    await writeFile(join(dir, 'bild.bin'), data);
    const doc = await PDFDocument.create({ updateMetadata: false });
    const ctx = doc.context;
    doc.addPage();
    const file = join(dir, 'ut.pdf');
    const fd = openSync(file, 'w');
    const writer = new StreamWriter(fd, ctx);
    const stream = PDFRawStream.of(
      ctx.obj({ Type: 'XObject', Subtype: 'Image', Width: 1000, Height: 1000, BitsPerComponent: 8, ColorSpace: 'DeviceRGB' }),
      new Uint8Array(0),
    );
    const a = ctx.register(stream);
    expect(() => writer.fileStream(a, stream.dict, join(dir, 'bild.bin'), data.subarray(0, 100), data.length - 1)).toThrow(
      'the file changed',
    );
    const b = ctx.register(PDFRawStream.of(stream.dict.clone(ctx), new Uint8Array(0)));
    const other = Buffer.from(data.subarray(0, 100)).fill(1, 0, 1);
    expect(() => writer.fileStream(b, stream.dict, join(dir, 'bild.bin'), other, data.length)).toThrow('the file changed');
    closeSync(fd);

    const fd2 = openSync(file, 'w');
    const doc2 = await PDFDocument.create({ updateMetadata: false });
    const page = doc2.addPage();
    const writer2 = new StreamWriter(fd2, doc2.context);
    const dict = doc2.context.obj({
      Type: 'XObject',
      Subtype: 'Image',
      Width: 1000,
      Height: 1000,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceRGB',
    });
    const ref = doc2.context.register(PDFRawStream.of(dict, new Uint8Array(0)));
    page.node.set(PDFName.of('Resources'), doc2.context.obj({ XObject: doc2.context.obj({ Im1: ref }) }));
    page.node.set(PDFName.of('Contents'), doc2.context.register(doc2.context.stream('q 200 0 0 200 50 50 cm /Im1 Do Q')));
    writer2.fileStream(ref, dict, join(dir, 'bild.bin'), data.subarray(0, 100), data.length);
    writer2.finish();
    closeSync(fd2);
    await expectValidPdf(file);
    const bytes = await readFile(file);
    expect(bytes.includes(data)).toBe(true);
    expect(bytes.indexOf(data)).toBe(bytes.lastIndexOf(data));
  });
});
