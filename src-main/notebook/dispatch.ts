/**
 * The API boundary on the trusted side: every call from IPC or HTTP comes through
 * here, is checked against the contract's schema and answered with a Result.
 * Nothing thrown inside a handler crosses the boundary as an exception.
 */
import { contract, isCallName, type ApiError, type ApiHandlers, type CallName, type Result } from '../shared/api';
import { ApiFailure } from './api-failure';

export async function dispatch(handlers: ApiHandlers, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return failure({ code: 'invalid-input', message: `Leadline has no call named "${typeof name === 'string' ? name.slice(0, 60) : typeof name}"; nothing was changed.` });
  }
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) {
    return failure({
      code: 'invalid-input',
      message: `Leadline refused a malformed "${name}" request; nothing was changed.`,
      details: parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`),
    });
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return failure(toApiError(name, error));
  }
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

/** Errors with a user-facing message keep it; anything unexpected becomes a generic internal error. */
export function toApiError(name: CallName, error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.toApiError();
  console.error(`[leadline] ${name} failed:`, error);
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Leadline hit an unexpected error in "${name}"; nothing was changed. Details: ${detail.slice(0, 300)}` };
}
