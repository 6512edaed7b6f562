// Typed refusals of a secure payload. `code` is stable (callers and clients branch on it);
// `message` is the detail for the server log; `publicDetail` (schema problems only) is safe to show.
export type SecurePayloadErrorCode =
  | 'UNKNOWN_ACCESS_KEY'
  | 'INTEGRATION_DISABLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'PAYLOAD_MALFORMED'
  | 'KEY_MISMATCH'
  | 'DECRYPTION_FAILED'
  | 'ALGORITHM_REFUSED'
  | 'WRONG_AUDIENCE'
  | 'PAYLOAD_EXPIRED'
  | 'LIFETIME_TOO_LONG'
  | 'TIMESTAMP_STALE'
  | 'TIMESTAMP_IN_FUTURE'
  | 'REPLAYED'
  | 'PLAIN_NOT_ALLOWED'
  | 'PAYLOAD_INVALID';

export class SecurePayloadError extends Error {
  constructor(readonly code: SecurePayloadErrorCode, detail: string, readonly publicDetail?: string) {
    super(detail);
    this.name = 'SecurePayloadError';
  }
}

export const refuse = (code: SecurePayloadErrorCode, detail: string, publicDetail?: string) =>
  new SecurePayloadError(code, detail, publicDetail);
