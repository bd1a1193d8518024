/** Errors shaped like the ones Office.js raises (name "RichApi.Error", a code from Excel.ErrorCodes). */
export class SimError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function notLoaded(prop: string): SimError {
  return new SimError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): SimError {
  return new SimError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
}

export function invalidArgument(what: string): SimError {
  return new SimError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${what})`);
}

export function accessDenied(what: string): SimError {
  return new SimError('AccessDenied', `You cannot perform the requested operation. (${what})`);
}

export function apiNotFound(api: string, version: string): SimError {
  return new SimError(
    'ApiNotFound',
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api}: ExcelApi ${version})`,
  );
}
