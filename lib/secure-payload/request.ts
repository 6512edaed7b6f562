// The HTTP edge of a secure request, shared by POST /checkout/secure and /account/authenticate:
// read the three fields from a form-encoded or JSON body of bounded size, open them, and turn
// every refusal into its 4xx. A route then only decides where a success goes.
import { jsonError, requestLanguage } from '../http/errors';
import { readBoundedBody } from '../http/request-guard';
import { MAX_PAYLOAD_CHARS, type SecureFields } from './decode';
import { refuse } from './errors';

/** A body holding the largest payload the spec allows: percent-encoding may triple it. */
export const SECURE_REQUEST_MAX_BYTES = MAX_PAYLOAD_CHARS * 3 + 8_192;

const readBody = (request: Request) =>
  readBoundedBody(request, SECURE_REQUEST_MAX_BYTES, () => refuse('PAYLOAD_TOO_LARGE', `body over ${SECURE_REQUEST_MAX_BYTES} bytes`));

async function multipartValues(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    return Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
  } catch {
    throw refuse('PAYLOAD_MALFORMED', 'the multipart body does not parse');
  }
}

const field = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The fields of a form (urlencoded or multipart) or JSON body; other bodies are malformed. */
export async function readSecureFields(request: Request): Promise<SecureFields> {
  const contentType = request.headers.get('content-type') ?? '';
  const type = contentType.split(';')[0].trim().toLowerCase();
  const body = await readBody(request);
  let values: Record<string, unknown>;
  if (type === 'application/json') {
    try {
      values = JSON.parse(body.toString('utf8'));
    } catch {
      throw refuse('PAYLOAD_MALFORMED', 'the JSON body does not parse');
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) throw refuse('PAYLOAD_MALFORMED', 'the JSON body is not an object');
  } else if (type === 'application/x-www-form-urlencoded') {
    values = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  } else if (type === 'multipart/form-data') {
    values = await multipartValues(body, contentType);
  } else {
    throw refuse('PAYLOAD_MALFORMED', `unsupported content type ${JSON.stringify(type.slice(0, 80))}`);
  }
  return { accessKey: field(values.accessKey) as string, securePayload: field(values.securePayload) as string, secureKey: field(values.secureKey) ?? '' };
}

export type Handled<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads and opens a secure request. Refusals become their JSON 4xx; anything unexpected is
 * logged by publicError and becomes a bare 500 (the fuzz test holds that this never happens).
 */
export async function handleSecureRequest<T>(request: Request, open: (fields: SecureFields) => Promise<T>, context: string): Promise<Handled<T>> {
  try {
    return { ok: true, value: await open(await readSecureFields(request)) };
  } catch (error) {
    return { ok: false, response: jsonError(error, context, requestLanguage(request)) };
  }
}
