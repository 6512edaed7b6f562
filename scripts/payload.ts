// npm run payload -- encrypt|authenticate --format v1|v2 --key privatekey.pem --in payload.json
//                    [--store-jwks <url | JWKS file | public-key PEM file>] [--audience <store PUBLIC_URL>]
// Prints {"securePayload": …, "secureKey": …} for a merchant page to post.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { makeSecureRequest, storeKeyFrom, type ToolCommand } from '../lib/secure-payload/merchant-tool';
import { SecurePayloadError } from '../lib/secure-payload/errors';

const USAGE = 'usage: npm run payload -- encrypt|authenticate --format v1|v2 --key privatekey.pem --in payload.json [--store-jwks <url|file>] [--audience <url>]';

async function readStoreKey(source: string) {
  if (!/^https?:\/\//.test(source)) return storeKeyFrom(readFileSync(source, 'utf8'));
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return storeKeyFrom(await response.text());
}

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string', default: 'v1' }, key: { type: 'string' }, in: { type: 'string' }, 'store-jwks': { type: 'string' }, audience: { type: 'string' } },
  });
  const command = positionals[0] as ToolCommand;
  if (!['encrypt', 'authenticate'].includes(command) || !['v1', 'v2'].includes(values.format!) || !values.key || !values.in) throw new Error(USAGE);
  const jwksSource = values['store-jwks'];
  // The JWKS URL's origin is the store's PUBLIC_URL unless said otherwise.
  const audience = values.audience ?? (jwksSource && /^https?:\/\//.test(jwksSource) ? new URL(jwksSource).origin : undefined);
  const result = await makeSecureRequest({
    command, format: values.format as 'v1' | 'v2', now: new Date(),
    privateKeyPem: readFileSync(values.key, 'utf8'), payloadJson: readFileSync(values.in, 'utf8'),
    storeKey: jwksSource ? await readStoreKey(jwksSource) : undefined, audience,
  });
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  const message = error instanceof SecurePayloadError ? `the payload is not valid: ${error.publicDetail ?? error.message}` : (error as Error).message;
  console.error(message);
  process.exit(2);
}
