import { ApiFailure } from '../api-failure';

/** The ApiFailure that `run` throws; any other outcome fails the test. */
export function apiFailureOf(run: () => unknown): ApiFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected an ApiFailure');
}
