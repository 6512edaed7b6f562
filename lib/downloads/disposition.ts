import { create } from 'content-disposition';

/** `attachment; filename="…"` with an ASCII fallback and an RFC 5987 `filename*` for anything else. */
export function attachmentDisposition(fileName: string): string {
  return create(fileName, { type: 'attachment' });
}
