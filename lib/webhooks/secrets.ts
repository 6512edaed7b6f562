// Endpoint secrets are stored sealed (lib/signing/seal.ts) under APP_KEYS and tied to their
// endpoint's row: a copy of the database alone cannot sign webhooks a receiver would trust.
import { sealBytes, unsealBytes } from '../signing/seal';

const SEAL_PURPOSE = 'webhooks:endpoint-secret-seal:v1';
const rowOf = (endpointId: number) => `webhook-endpoint:${endpointId}`;

export const sealWebhookSecret = (secret: string, endpointId: number, appKeys: readonly string[]) =>
  sealBytes(Buffer.from(secret, 'utf8'), appKeys, SEAL_PURPOSE, rowOf(endpointId));

/** The secret, or null when no APP_KEYS entry opens it (the entry that sealed it was removed). */
export function openWebhookSecret(stored: string, endpointId: number, appKeys: readonly string[]): string | null {
  return unsealBytes(stored, appKeys, SEAL_PURPOSE, rowOf(endpointId))?.toString('utf8') ?? null;
}
