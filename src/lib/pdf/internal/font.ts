/**
 * Embeds a subset of DejaVu Sans (full Vietnamese coverage; Bitstream Vera licence, fonts/) as a Type 0
 * font with a CIDFontType2 descendant, Identity-H encoding and a ToUnicode CMap (ISO 32000-2 §9.7, §9.10.3),
 * so text with diacritics renders and can be copied. Glyphs are mapped from NFC text, one per code point.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { DocumentEdit } from './edit.ts';
import { dict, name, type PdfObject, type PdfRef, PdfStream, PdfString } from './objects.ts';

type Font = ReturnType<typeof fontkit.create>;
type Glyph = ReturnType<Font['glyphsForString']>[number];

let cached: Font | undefined;

function dejaVuSans(): Font {
  cached ??= fontkit.create(readFileSync(new URL('../fonts/DejaVuSans.ttf', import.meta.url)));
  return cached;
}

export class SubsetFont {
  private readonly font = dejaVuSans();
  private readonly subset = this.font.createSubset();
  /** original glyph id → [subset id, advance, code points] */
  private readonly used = new Map<number, { id: number; advance: number; text: string }>();

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }

  /** Width of `text` in points at `size`. */
  measure(text: string, size: number): number {
    const glyphs = this.font.glyphsForString(text.normalize('NFC'));
    const units = glyphs.reduce((sum: number, g: Glyph) => sum + g.advanceWidth, 0);
    return (units * size) / this.font.unitsPerEm;
  }

  /** The hex string operand for `Tj`: two bytes (the subset glyph id) per glyph. */
  encode(text: string): string {
    const glyphs = this.font.glyphsForString(text.normalize('NFC'));
    let hex = '';
    for (const glyph of glyphs) {
      let entry = this.used.get(glyph.id);
      if (!entry) {
        entry = {
          id: this.subset.includeGlyph(glyph),
          advance: glyph.advanceWidth,
          text: String.fromCodePoint(...glyph.codePoints),
        };
        this.used.set(glyph.id, entry);
      }
      hex += entry.id.toString(16).padStart(4, '0');
    }
    return `<${hex}>`;
  }

  /** Writes the font objects; returns the Type 0 font dictionary's reference. */
  async embed(edit: DocumentEdit): Promise<PdfRef> {
    const fontFile = await encodeSubset(this.subset);
    const f = this.font;
    const scale = 1000 / f.unitsPerEm;
    const tag = subsetTag([...this.used.keys()]);
    const baseFont = `${tag}+${f.postscriptName ?? 'DejaVuSans'}`;
    const entries = [...this.used.values()].sort((a, b) => a.id - b.id);
    const widths: PdfObject[] = [];
    for (const e of entries) {
      widths.push(e.id, [Math.round(e.advance * scale)]);
    }
    const fontFileRef = edit.add(
      new PdfStream(dict({ Length1: fontFile.length, Filter: name('FlateDecode') }), deflateSync(fontFile)),
    );
    const descriptor = edit.add(
      dict({
        Type: name('FontDescriptor'),
        FontName: name(baseFont),
        Flags: 32,
        FontBBox: [f.bbox.minX, f.bbox.minY, f.bbox.maxX, f.bbox.maxY].map((v) => Math.round(v * scale)),
        ItalicAngle: f.italicAngle,
        Ascent: Math.round(f.ascent * scale),
        Descent: Math.round(f.descent * scale),
        CapHeight: Math.round((f.capHeight || f.ascent * 0.7) * scale),
        StemV: 80,
        FontFile2: fontFileRef,
      }),
    );
    const cidFont = edit.add(
      dict({
        Type: name('Font'),
        Subtype: name('CIDFontType2'),
        BaseFont: name(baseFont),
        CIDSystemInfo: dict({
          Registry: pdfText('Adobe'),
          Ordering: pdfText('Identity'),
          Supplement: 0,
        }),
        FontDescriptor: descriptor,
        DW: 1000,
        W: widths,
        CIDToGIDMap: name('Identity'),
      }),
    );
    const toUnicode = edit.add(
      new PdfStream(
        dict({ Filter: name('FlateDecode') }),
        deflateSync(Buffer.from(toUnicodeCMap(entries), 'latin1')),
      ),
    );
    return edit.add(
      dict({
        Type: name('Font'),
        Subtype: name('Type0'),
        BaseFont: name(baseFont),
        Encoding: name('Identity-H'),
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}

function pdfText(value: string): PdfString {
  return PdfString.text(value);
}

function encodeSubset(subset: ReturnType<Font['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (bytes: Uint8Array) => parts.push(bytes))
      .on('end', () => resolve(Buffer.concat(parts)));
  });
}

/** §9.9.2: six upper-case letters naming the subset, here derived from the glyphs it holds. */
function subsetTag(ids: number[]): string {
  let h = 2166136261;
  for (const id of ids.sort((a, b) => a - b)) {
    h = Math.imul(h ^ id, 16777619) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

/** §9.10.3 ToUnicode CMap: one bfchar per glyph, UTF-16BE destinations. */
function toUnicodeCMap(entries: Array<{ id: number; text: string }>): string {
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const e of chunk) {
      const utf16 = Buffer.from(e.text, 'utf16le').swap16().toString('hex');
      lines.push(`<${e.id.toString(16).padStart(4, '0')}> <${utf16 || '0000'}>`);
    }
    lines.push('endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...lines,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
