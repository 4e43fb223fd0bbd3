/**
 * A workbook part is not laid out as the zip-level editing in appendSheets and mergeStyles expects
 * (a Strict OOXML workbook, prefixed element names, a missing styles part). Not the user's
 * mistake: writeWorkbook catches it and loads the workbook whole instead.
 */
export class UnsupportedWorkbookError extends Error {}
