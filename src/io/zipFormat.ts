// Record signatures and compression methods of the zip format (APPNOTE.TXT), shared by the
// reader (ZipArchive) and the writer (ZipWriter).
export const LOCAL_HEADER = 0x04034b50;
export const DIRECTORY_ENTRY = 0x02014b50;
export const END_OF_DIRECTORY = 0x06054b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const ZIP64_END = 0x06064b50;
export const STORED = 0;
export const DEFLATED = 8;
