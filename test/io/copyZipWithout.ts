import { readFileSync } from 'node:fs';
import { ZipArchive } from '../../src/io/ZipArchive';
import { ZipWriter } from '../../src/io/ZipWriter';

/** `bytes` (a zip) written to `file` without the entry `part`, the rest copied as stored; returns the new bytes. */
export function copyZipWithout(bytes: Buffer, part: string, file: string): Buffer {
  const zip = ZipArchive.open(bytes);
  const out = ZipWriter.create(file);
  for (const name of zip.names()) if (name !== part) out.addRaw(name, zip.raw(name));
  out.close();
  return readFileSync(file);
}
