// The License API's requests: JSON or an HTML form body (Lemon Squeezy's clients send forms), the
// same fields either way. Pure: the route hands in the Content-Type and the body it read.
import { z } from 'zod';
import { MAX_TYPED_KEY_LENGTH } from './key';
import { LicenseMediaType, LicenseRequestInvalid } from './errors';

const text = (max: number) => z.string().trim().min(1).max(max);
const instanceId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const FIELDS = {
  license_key: z.string().min(1).max(MAX_TYPED_KEY_LENGTH),
  instance_name: text(200),
  instance_id: instanceId,
  product_id: text(200),
  version: text(40),
};
type Field = keyof typeof FIELDS;

export const VERB_FIELDS = {
  activate: { required: ['license_key', 'instance_name'], optional: ['product_id'] },
  validate: { required: ['license_key'], optional: ['instance_id', 'product_id'] },
  deactivate: { required: ['license_key', 'instance_id'], optional: ['product_id'] },
  update: { required: ['license_key', 'instance_id', 'version'], optional: ['product_id'] },
} as const satisfies Record<string, { required: readonly Field[]; optional: readonly Field[] }>;

export type LicenseApiVerb = keyof typeof VERB_FIELDS;
type FieldsOf<V extends LicenseApiVerb> =
  { [F in (typeof VERB_FIELDS)[V]['required'][number]]: string } & { [F in (typeof VERB_FIELDS)[V]['optional'][number]]?: string };

function bodyPairs(contentType: string | null, body: string): Map<string, unknown> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    let json: unknown;
    try { json = JSON.parse(body); } catch { throw new LicenseRequestInvalid('body'); }
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new LicenseRequestInvalid('body');
    return new Map(Object.entries(json));
  }
  if (type === 'application/x-www-form-urlencoded') {
    const pairs = new Map<string, unknown>();
    for (const [name, value] of new URLSearchParams(body)) {
      if (pairs.has(name)) throw new LicenseRequestInvalid(name); // one value per field
      pairs.set(name, value);
    }
    return pairs;
  }
  throw new LicenseMediaType();
}

/** The verb's fields, each checked; the first missing or invalid one is named. Unknown fields are ignored, as Lemon Squeezy does. */
export function parseLicenseRequest<V extends LicenseApiVerb>(verb: V, contentType: string | null, body: string): FieldsOf<V> {
  const pairs = bodyPairs(contentType, body);
  const out: Record<string, string> = {};
  const { required, optional } = VERB_FIELDS[verb];
  for (const field of [...required, ...optional] as Field[]) {
    const raw = pairs.get(field);
    if ((raw === undefined || raw === null || raw === '') && !(required as readonly Field[]).includes(field)) continue;
    const value = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
    const parsed = FIELDS[field].safeParse(value);
    if (!parsed.success) throw new LicenseRequestInvalid(field);
    out[field] = parsed.data;
  }
  return out as FieldsOf<V>;
}
