import { decodeText } from '../../src/io/decodeText';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  it('reads UTF-8 letters as UTF-8 and stray bytes as Windows-1252 when a file mixes them', () => {
    const d = decodeText(bytes('a,Köln\n', 'b,M', [0xfc], 'nchen ', [0x80], '\n'), 'x.csv');
    expect(d).toEqual({ text: 'a,Köln\nb,München €\n', encoding: 'mixed', legacy: { bytes: 2, firstLine: 2 } });
  });

  it('does not take overlong forms, surrogates or lone continuation bytes for UTF-8 letters', () => {
    // C0 AF is an overlong "/", ED A0 80 a surrogate, A9 a lone continuation byte: all Windows-1252.
    expect(decodeText(bytes([0xc0, 0xaf, 0x2c, 0xed, 0xa0, 0x80, 0x2c, 0xa9]), 'x.csv')).toEqual({ text: 'À¯,í\u00a0€,©', encoding: 'windows-1252' });
  });

  it('keeps a file without a single UTF-8 letter as Windows-1252, and valid UTF-8 as UTF-8', () => {
    expect(decodeText(bytes('M', [0xfc], 'nchen'), 'x.csv')).toEqual({ text: 'München', encoding: 'windows-1252' });
    expect(decodeText(bytes('München'), 'x.csv')).toEqual({ text: 'München', encoding: 'utf-8' });
  });
});

describe('decodeText on legacy Windows files', () => {
  it('reads 0x80–0x9F as Windows-1252 (€, curly quotes, dashes), not as Latin-1 control characters', () => {
    expect(decodeText(bytes([0x80, 0x20, 0x93, 0x4f, 0x4b, 0x94, 0x20, 0x96, 0x20, 0x99, 0x20, 0xe9]), 'x.csv').text).toBe('€ “OK” – ™ é');
  });
});
