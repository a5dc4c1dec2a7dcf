/**
 * Writing the PDF while it is assembled, so that memory does not grow with the attachments.
 *
 * pdf-lib's own `save` serialises a document that holds every attachment at once (and copies
 * every byte of it in JavaScript). Here each attachment's objects are written to the file as
 * soon as its pages are in, and dropped from the document; an image's data goes from its file to
 * the output in pieces. What is left at the end – the typeset document's own objects: pages,
 * fonts, outline, names – is written last, with a cross-reference stream built from the offsets
 * recorded on the way. Small objects are packed into compressed object streams, as pdf-lib's
 * `save({ useObjectStreams: true })` does.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import {
  PDFCatalog,
  PDFCrossRefStream,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObjectStream,
  PDFPageLeaf,
  PDFPageTree,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFTrailer,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { JobError } from '../plan.js';

type Entry = { type: 1; ref: PDFRef; offset: number } | { type: 2; ref: PDFRef; objectStreamRef: PDFRef; index: number };

/** The file of a stream changed since it was measured (its size or its first bytes differ). */
export class FileChangedError extends Error {
  constructor() {
    super('the file changed while the PDF was made');
    this.name = 'FileChangedError';
  }
}

/** Small objects per object stream (pdf-lib's default). */
const PER_OBJECT_STREAM = 50;
/** Small writes are gathered up to this size. */
const BUFFER = 256 << 10;
const enc = new TextEncoder();
const TYPE = PDFName.of('Type');
const XREF = PDFName.of('XRef');
const SIG = PDFName.of('Sig');

/** Objects that must stay outside object streams (as pdf-lib's writer decides). */
function uncompressible(ref: PDFRef, obj: PDFObject): boolean {
  return (
    obj instanceof PDFStream ||
    obj instanceof PDFInvalidObject ||
    obj instanceof PDFCatalog ||
    obj instanceof PDFPageTree ||
    obj instanceof PDFPageLeaf ||
    ref.generationNumber !== 0 ||
    (obj instanceof PDFDict && obj.lookup(TYPE) === SIG)
  );
}

export class StreamWriter {
  private offset = 0;
  private pending = Buffer.allocUnsafe(BUFFER);
  private used = 0;
  /** Cross-reference entries, gathered here (pdf-lib's stream inserts each in order: quadratic). */
  private readonly entries: Entry[] = [];

  constructor(
    private readonly fd: number,
    private readonly ctx: PDFContext,
  ) {
    const header = new Uint8Array(ctx.header.sizeInBytes());
    ctx.header.copyBytesInto(header, 0);
    this.bytes(header);
    this.text('\n\n');
  }

  /** Writes all of `b`; a refusal of the file system (full disk, size limit) is the output's failure. */
  private write(b: Uint8Array, length = b.length): void {
    try {
      for (let at = 0; at < length;) at += writeSync(this.fd, b, at, length - at);
    } catch (e) {
      throw new JobError('output-unwritable', { code: (e as NodeJS.ErrnoException).code ?? String((e as Error).message) });
    }
  }

  private flushPending(): void {
    this.write(this.pending, this.used);
    this.used = 0;
  }

  private bytes(b: Uint8Array): void {
    if (b.length > BUFFER / 4) {
      this.flushPending();
      this.write(b);
    } else {
      if (this.used + b.length > BUFFER) this.flushPending();
      this.pending.set(b, this.used);
      this.used += b.length;
    }
    this.offset += b.length;
  }

  private text(s: string): void {
    this.bytes(enc.encode(s));
  }

  /** One indirect object; a stream's data is written from where it is, not copied. */
  private object(ref: PDFRef, obj: PDFObject): void {
    this.entries.push({ type: 1, ref, offset: this.offset });
    this.text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    if (obj instanceof PDFRawStream) {
      this.streamHead(obj.dict, obj.contents.length);
      this.bytes(obj.contents);
      this.text('\nendstream');
    } else {
      const b = new Uint8Array(obj.sizeInBytes());
      obj.copyBytesInto(b, 0);
      this.bytes(b);
    }
    this.text('\nendobj\n\n');
  }

  /** A stream's dictionary (with its length) and the `stream` keyword. */
  private streamHead(dict: PDFDict, length: number): void {
    dict.set(PDFName.of('Length'), PDFNumber.of(length));
    const d = new Uint8Array(dict.sizeInBytes());
    dict.copyBytesInto(d, 0);
    this.bytes(d);
    this.text('\nstream\n');
  }

  /** Writes the objects given, packing the small ones into object streams. */
  private objects(list: [PDFRef, PDFObject][]): void {
    const small: [PDFRef, PDFObject][] = [];
    for (const [ref, obj] of list) {
      if (obj instanceof PDFRawStream && obj.dict.lookup(TYPE) === XREF) continue;
      if (uncompressible(ref, obj)) this.object(ref, obj);
      else small.push([ref, obj]);
    }
    for (let i = 0; i < small.length; i += PER_OBJECT_STREAM) {
      const chunk = small.slice(i, i + PER_OBJECT_STREAM);
      const ref = this.ctx.nextRef();
      chunk.forEach(([r], k) => this.entries.push({ type: 2, ref: r, objectStreamRef: ref, index: k }));
      // Compressed by zlib, several times faster than pdf-lib's own deflate.
      const stream = PDFObjectStream.withContextAndObjects(this.ctx, chunk, false);
      stream.dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
      this.object(ref, PDFRawStream.of(stream.dict, deflateSync(stream.getContents())));
    }
  }

  /**
   * Writes every object numbered above `after` (what one attachment brought in) and removes it
   * from the document: nothing refers to it any more but by number.
   */
  flushAbove(after: number): void {
    const list: [PDFRef, PDFObject][] = [];
    for (let n = after + 1; n <= this.ctx.largestObjectNumber; n++) {
      const ref = PDFRef.of(n);
      const obj = this.ctx.lookup(ref);
      if (obj) list.push([ref, obj]);
    }
    this.objects(list);
    for (const [ref] of list) this.ctx.delete(ref);
    // On disk before the next attachment is read.
    this.flushPending();
  }

  /**
   * Writes finished pages and drops them from the document (and from pdf-lib's own map of pages,
   * which would keep them): the page tree refers to them by number only.
   */
  flushPages(doc: { context: PDFContext }, pages: { ref: PDFRef; node: PDFPageLeaf }[]): void {
    for (const p of pages) this.object(p.ref, p.node);
    const map = (doc as unknown as { pageMap?: Map<unknown, unknown> }).pageMap;
    for (const p of pages) {
      this.ctx.delete(p.ref);
      map?.delete(p.node);
    }
    this.flushPending();
  }

  /**
   * Writes the object `ref` as a stream with the dictionary `dict` whose data is the file at
   * `path` (an image passed through as it is), read in pieces. The file's first bytes must be
   * `head` and its size `size`: what was measured before typesetting.
   */
  fileStream(ref: PDFRef, dict: PDFDict, path: string, head: Uint8Array, size: number): void {
    const changed = () => new FileChangedError();
    const fd = openSync(path, 'r');
    try {
      if (fstatSync(fd).size !== size) throw changed();
      const chunk = Buffer.allocUnsafe(Math.min(BUFFER, Math.max(size, 1)));
      let n = readSync(fd, chunk, 0, Math.min(chunk.length, size), 0);
      const seen = Math.min(n, head.length);
      if (n === 0 || !chunk.subarray(0, seen).equals(head.subarray(0, seen))) throw changed();
      this.entries.push({ type: 1, ref, offset: this.offset });
      this.text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      this.streamHead(dict, size);
      for (let at = 0; ;) {
        this.bytes(chunk.subarray(0, n));
        at += n;
        if (at >= size) break;
        n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
        if (n === 0) throw changed();
      }
      this.text('\nendstream\nendobj\n\n');
    } finally {
      closeSync(fd);
    }
    this.ctx.delete(ref);
  }

  /** Writes what is left of the document, the cross-reference stream and the trailer. */
  finish(): void {
    this.objects(this.ctx.enumerateIndirectObjects());
    const { Root, Info, ID } = this.ctx.trailerInfo;
    const ref = this.ctx.nextRef();
    const at = this.offset;
    this.entries.push({ type: 1, ref, offset: at });
    this.entries.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
    const dict = this.ctx.obj({ Size: this.ctx.largestObjectNumber + 1 });
    if (Root) dict.set(PDFName.of('Root'), Root);
    if (Info) dict.set(PDFName.of('Info'), Info);
    if (ID) dict.set(PDFName.of('ID'), ID);
    const free = { type: 0 as const, ref: PDFRef.of(0, 65535), nextFreeObjectNumber: 0 };
    const xref = PDFCrossRefStream.of(dict, [free, ...this.entries] as Parameters<typeof PDFCrossRefStream.of>[1], true);
    const b = new Uint8Array(xref.sizeInBytes());
    xref.copyBytesInto(b, 0);
    this.text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    this.bytes(b);
    this.text('\nendobj\n\n');
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(at);
    const t = new Uint8Array(trailer.sizeInBytes());
    trailer.copyBytesInto(t, 0);
    this.bytes(t);
    this.flushPending();
  }
}
