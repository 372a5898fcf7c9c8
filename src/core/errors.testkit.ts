// For core's tests: the ProzvonError an action refuses with (a test of a refusal reads its key).

import { ProzvonError } from './errors';

/** The ProzvonError the action throws; fails the test when it throws nothing or something else. */
export function errorOf(action: () => unknown): ProzvonError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProzvonError) return error;
    throw error;
  }
  throw new Error('expected a ProzvonError');
}
