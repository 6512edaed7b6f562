// From the three request fields to an untrusted JSON value, whatever the format. Pure apart
// from the keys it is handed; the caller validates the value against a payload schema.
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { refuse } from './errors';
import { openV1 } from './v1';
import { openV2, type StoreDecryptionKey } from './v2';

export type PayloadFormat = 'v1' | 'v2' | 'plain';

export interface SecureFields { accessKey: string; securePayload: string; secureKey: string }

export const MAX_PAYLOAD_CHARS = 100_000;
const MAX_KEY_CHARS = 2_048;
const MAX_ACCESS_KEY_CHARS = 100;
const COMPACT_JWE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/;

const trimLines = (text: string) => text.replace(/^[\t\r\n]+|[\t\r\n]+$/g, '');

/** The fields as strings of sane length; anything else is malformed before any crypto runs. */
export function checkFields(fields: unknown): SecureFields {
  const { accessKey, securePayload, secureKey } = (fields ?? {}) as Record<string, unknown>;
  if (typeof accessKey !== 'string' || accessKey.trim() === '' || accessKey.length > MAX_ACCESS_KEY_CHARS) {
    throw refuse('UNKNOWN_ACCESS_KEY', 'accessKey is missing or too long');
  }
  if (typeof securePayload !== 'string' || securePayload.trim() === '') throw refuse('PAYLOAD_MALFORMED', 'securePayload is missing');
  if (securePayload.length > MAX_PAYLOAD_CHARS) throw refuse('PAYLOAD_TOO_LARGE', `securePayload has ${securePayload.length} characters`);
  if (secureKey !== undefined && secureKey !== null && typeof secureKey !== 'string') throw refuse('PAYLOAD_MALFORMED', 'secureKey is not text');
  if ((secureKey ?? '').length > MAX_KEY_CHARS) throw refuse('PAYLOAD_MALFORMED', 'secureKey is too long');
  // Spaces stay: in v1 base64 a space is a '+' that form encoding changed, even at either end.
  return { accessKey: accessKey.trim(), securePayload: trimLines(securePayload), secureKey: trimLines(secureKey ?? '') };
}

/** secureKey "v2" (or empty with a JWE payload) is v2; empty otherwise is plain JSON; anything else v1. */
export function formatOf({ securePayload, secureKey }: SecureFields): PayloadFormat {
  const key = secureKey.trim();
  if (key === 'v2') return 'v2';
  if (key === '') return COMPACT_JWE.test(securePayload.trim()) ? 'v2' : 'plain';
  return 'v1';
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw refuse('PAYLOAD_MALFORMED', 'the payload is not JSON');
  }
}

export interface DecodeContext {
  mode: 'live' | 'test';
  merchantKeys: readonly KeyObject[];
  /** Only needed for v2: loaded on demand. */
  storeKeys: () => Promise<readonly StoreDecryptionKey[]>;
  audience: string;
  now: Date;
}

export type Decoded = { format: PayloadFormat; body: unknown; jti?: { id: string; expiresAt: Date } };

export async function decodeFields(fields: SecureFields, context: DecodeContext): Promise<Decoded> {
  const format = formatOf(fields);
  if (format === 'plain') {
    if (context.mode !== 'test') throw refuse('PLAIN_NOT_ALLOWED', 'plain JSON sent to a live integration');
    return { format, body: parseJson(fields.securePayload) };
  }
  if (format === 'v1') return { format, body: parseJson(openV1(fields.securePayload, fields.secureKey, context.merchantKeys)) };
  const opened = await openV2(fields.securePayload.trim(), { ...context, storeKeys: await context.storeKeys() });
  return { format, body: opened.payload, jti: { id: opened.jti, expiresAt: opened.expiresAt } };
}

/** The value the schema makes of the body, or PAYLOAD_INVALID naming the first bad field. */
export function validatePayload<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : 'payload';
  const detail = `${where}: ${issue.message}`.slice(0, 200);
  throw refuse('PAYLOAD_INVALID', detail, detail);
}
