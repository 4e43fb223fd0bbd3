import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { crc32, encodePng, readPngSize } from '../../src/build/encodePng';
import { drawSegmentIcon, ICON_SIZES, iconFileName } from '../../src/build/drawIcons';

describe('encodePng', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes a PNG whose IHDR, IDAT and CRCs decode back to the pixels', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9]);
    const png = encodePng(2, 2, rgba);
    expect(readPngSize(png)).toEqual({ width: 2, height: 2 });
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(6);
    let offset = 8;
    const types: string[] = [];
    let idat: Buffer = Buffer.alloc(0);
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('latin1', offset + 4, offset + 8);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
      if (type === 'IDAT') idat = png.subarray(offset + 8, offset + 8 + length);
      types.push(type);
      offset += 12 + length;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([...inflateSync(idat)]).toEqual([0, ...rgba.subarray(0, 8), 0, ...rgba.subarray(8)]);
  });

  it('rejects a pixel buffer of the wrong length', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(expect.objectContaining({ code: 'E_PNG_PIXELS', message: 'A 2×2 RGBA image needs 16 bytes, got 15. Pass 4 bytes (red, green, blue, alpha) for every pixel.' }));
  });

  it('returns null for bytes that are not a PNG', () => {
    expect(readPngSize(Buffer.from('GIF89a and then some more bytes'))).toBeNull();
  });
});

describe('the committed icons', () => {
  it.each(ICON_SIZES.map((s) => [s]))('assets/icon-%i.png is what drawIcons draws today', (size) => {
    const committed = readFileSync(join(resolve(__dirname, '../../assets'), iconFileName(size)));
    expect(committed.equals(encodePng(size, size, drawSegmentIcon(size)))).toBe(true);
  });

  it('has transparent corners and an opaque amber segment', () => {
    const px = drawSegmentIcon(64);
    expect(px[3]).toBe(0);
    const at = (x: number, y: number) => [...px.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4)];
    expect(at(44, 20)).toEqual([0xf2, 0xa9, 0x3b, 255]);
  });
});
