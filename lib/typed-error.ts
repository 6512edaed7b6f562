/** A refusal with a stable `code` that callers branch on and lib/http/errors.ts maps to a status. */
export abstract class TypedError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
