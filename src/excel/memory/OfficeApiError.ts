/**
 * The error shape the Office JS runtime throws (`OfficeExtension.Error`): a stable `code` from
 * `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`, a message, and `debugInfo` saying which
 * statement failed. Callers switch on `code`, exactly as they do with the real API.
 */
export class OfficeApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** The codes the in-memory workbook throws, spelled as Excel spells them. */
export const ApiErrorCode = {
  propertyNotLoaded: 'PropertyNotLoaded',
  itemNotFound: 'ItemNotFound',
  itemAlreadyExists: 'ItemAlreadyExists',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidSelection: 'InvalidSelection',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;
