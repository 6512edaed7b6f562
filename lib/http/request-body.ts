// The fields of a form-encoded or JSON request body, read with a size limit so a huge
// body is refused before it is buffered.
import { refuse } from '../secure-payload/errors';

export const MAX_SECURE_BODY_BYTES = 256 * 1024;

async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw refuse('PAYLOAD_TOO_LARGE', `content-length ${declared} > ${limit}`);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw refuse('PAYLOAD_TOO_LARGE', `body over ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const wantsJson = (request: Request) =>
  (request.headers.get('content-type') ?? '').includes('application/json') || (request.headers.get('accept') ?? '').startsWith('application/json');

/** An untrusted object of the body's fields; the caller validates it. */
export async function readBodyFields(request: Request, limit = MAX_SECURE_BODY_BYTES): Promise<unknown> {
  const text = await readLimited(request, limit);
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw refuse('PAYLOAD_MALFORMED', 'request body is not JSON');
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
