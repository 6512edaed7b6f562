// The HTTP edge of a secure request, shared by POST /checkout/secure and /account/authenticate:
// read the three fields from a form-encoded or JSON body of bounded size, open them, and turn
// every refusal into its 4xx. A route then only decides where a success goes.
import { jsonError } from '../http/errors';
import { MAX_PAYLOAD_CHARS, type SecureFields } from './decode';
import { refuse, SecurePayloadError } from './errors';

const MAX_BODY_BYTES = MAX_PAYLOAD_CHARS * 3 + 8_192; // percent-encoding may triple the payload

async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw refuse('PAYLOAD_TOO_LARGE', `body of ${declared} bytes declared`);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw refuse('PAYLOAD_TOO_LARGE', `body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const field = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The fields of a form-encoded or JSON body; other bodies are malformed. */
export async function readSecureFields(request: Request): Promise<SecureFields> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const body = await readBody(request);
  let values: Record<string, unknown>;
  if (type === 'application/json') {
    try {
      values = JSON.parse(body);
    } catch {
      throw refuse('PAYLOAD_MALFORMED', 'the JSON body does not parse');
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) throw refuse('PAYLOAD_MALFORMED', 'the JSON body is not an object');
  } else if (type === 'application/x-www-form-urlencoded') {
    values = Object.fromEntries(new URLSearchParams(body));
  } else {
    throw refuse('PAYLOAD_MALFORMED', `unsupported content type ${JSON.stringify(type.slice(0, 80))}`);
  }
  return { accessKey: field(values.accessKey) as string, securePayload: field(values.securePayload) as string, secureKey: field(values.secureKey) ?? '' };
}

export type Handled<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads and opens a secure request. Refusals become their JSON 4xx; anything unexpected is
 * logged and becomes a bare 500 (the fuzz test holds that this never happens).
 */
export async function handleSecureRequest<T>(request: Request, open: (fields: SecureFields) => Promise<T>, context: string): Promise<Handled<T>> {
  try {
    return { ok: true, value: await open(await readSecureFields(request)) };
  } catch (error) {
    if (!(error instanceof SecurePayloadError)) console.error(`[${context}] unexpected failure`, error);
    return { ok: false, response: jsonError(error, context) };
  }
}
