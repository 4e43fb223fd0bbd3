import packageJson from '../../package.json';

// custom-functions-metadata-plugin turns the JSDoc below into functions.json (the text is what
// Excel shows in its formula tooltip) and appends the CustomFunctions.associate call when
// webpack bundles this file.

/**
 * Returns the SegmentKit version running in this workbook.
 * @customfunction VERSION
 * @returns The add-in version, e.g. "0.1.0".
 */
export function version(): string {
  return packageJson.version;
}
