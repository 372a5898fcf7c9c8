// Errors the shell must never treat as a recoverable failure of one workbook.

/**
 * Google's six-minute limit. In Google the execution is killed and no catch block runs; code that
 * catches errors to keep going with other work must still let this one through, so that the
 * emulator (which can only throw) behaves like the kill.
 */
export function isTimeLimit(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes('Exceeded maximum execution time');
}

/** Google's answer when a file is gone or no longer shared with the user (not a passing failure). */
export function isNoAccess(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /permission to access|not found|does not exist/i.test(message);
}

/**
 * Google's answer to a write by a user who may only view the file (emulator/NOTES.md: the
 * wording is not documented, so only its telling part is matched).
 */
export function isNoEditAccess(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /permission to edit/i.test(message);
}

/**
 * Google's refusal to grow a spreadsheet past 10 million cells (emulator/NOTES.md: the wording is
 * reported, not documented, so only its telling part is matched).
 */
export function isCellLimit(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /number of cells in the workbook above the limit/i.test(message);
}

/**
 * For a catch block that goes on after an expected failure (a sheet renamed, a file gone, a bad
 * Settings row): Google's time limit is not one of those, and goes on ending the execution.
 */
export function rethrowTimeLimit(error: unknown): void {
  if (isTimeLimit(error)) throw error;
}
