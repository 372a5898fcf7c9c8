// Google's wording for the errors the spreadsheet backend throws, in one place, so tests and
// the notes can point at a single source. Sources are in ../NOTES.md, "Spreadsheets", by topic.

/** Apps Script shows these as `Exception: <message>`; the thrown Error's message is the bare text. */
export const SHEETS_ERRORS = {
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  rowMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  rangeNotFound: 'Range not found',
  duplicateSheet: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  noAccess: 'You do not have permission to access the requested document.',
  noEditAccess: 'You do not have permission to edit this document.',
  limitedAuth: (method: string) =>
    `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
  /** The same refusal for a member of another class, e.g. `Spreadsheet.copy` [unsure]. */
  limitedAuthOn: (member: string) =>
    `You do not have permission to call ${member}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
  templateElsewhere: 'The template sheet must be in the same spreadsheet as the new sheet.',
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  /** A user who may not edit a protected area reads or changes its protection [unsure wording]. */
  protectionDenied: 'You do not have permission to perform that action.',
  /** setUnprotectedRanges on a range protection [unsure wording; the throw is documented]. */
  unprotectedOnRange: 'Unprotected ranges can only be set on a sheet protection.',
  /** setUnprotectedRanges with a range of another sheet [unsure wording; the throw is documented]. */
  unprotectedElsewhere: 'The unprotected ranges must be on the protected sheet.',
  listTooLong:
    'The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.',
  invalidEntry: (a1: string) =>
    `There was a problem. The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  tooManyCells:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  invalidSheetName: (name: string) => `Invalid sheet name: ${name}`,
  deletedObject: 'This object has been deleted.',
  conditionalRuleNeedsRange: 'A conditional format rule must have at least one range.',
  frozenTooMany: "Sorry, it's not possible to freeze all the rows or columns in a sheet.",
} as const;

/** Google's wording for a call whose arguments fit no overload of the method. */
export function signatureError(args: readonly unknown[], className: string, method: string): Error {
  return new Error(
    `The parameters (${args.map(describeType).join(',')}) don't match the method signature for SpreadsheetApp.${className}.${method}.`,
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `${value.length > 0 ? describeType(value[0]) : 'Object'}[]`;
  if (value instanceof Date) return 'Date';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return 'undefined';
    default:
      return 'Object';
  }
}
