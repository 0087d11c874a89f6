/** Test helper: the ImportError a call throws (the test fails when it throws nothing or something else). */
import { ImportError } from '../import-error';

export function importFailure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}
