// Standard Webhooks signatures with the `standardwebhooks` library: `v1,<base64 HMAC-SHA256
// of id.timestamp.body>` under the endpoint's `whsec_` secret; during a rotation's overlap
// the previous secret signs too, the two signatures separated by a space.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const SECRET_PREFIX = 'whsec_';

/** 32 random bytes, base64, with the `whsec_` prefix receivers' libraries expect. */
export const newWebhookSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

/** The secrets that sign at `now`: the current one, and the previous one while its overlap lasts. */
export function secretsInForce(endpoint: SigningSecrets, now: Date): string[] {
  const overlap = endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now;
  return overlap ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers for one attempt: signed at `at` (seconds), with every secret in force. */
export function signedHeaders(messageId: string, body: string, secrets: readonly string[], at: Date): SignedHeaders {
  const timestamp = new Date(Math.floor(at.getTime() / 1000) * 1000);
  const signature = secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
  return { 'webhook-id': messageId, 'webhook-timestamp': String(timestamp.getTime() / 1000), 'webhook-signature': signature };
}
