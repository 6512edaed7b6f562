// Typed refusals of a secure payload. `code` is stable (callers and clients branch on it);
// `message` is the detail for the server log; `publicDetail` (schema problems only) is safe to show.
import { ShopError, type SecurePayloadErrorCode } from '../errors';

export type { SecurePayloadErrorCode };

export class SecurePayloadError extends ShopError {
  constructor(readonly code: SecurePayloadErrorCode, detail: string, override readonly publicDetail?: string) {
    super(detail);
  }
}

export const refuse = (code: SecurePayloadErrorCode, detail: string, publicDetail?: string) =>
  new SecurePayloadError(code, detail, publicDetail);
