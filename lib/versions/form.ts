// The admin's "publish a version" form, read from its multipart fields (pure: no request, no db).
// Every refusal names the one thing to fix, as a key of the Versions words.
import { z } from 'zod';
import { isVersionString } from './compare';

export const VERSION_FORM_FIELDS = ['version', 'notes', 'kind', 'fileName', 'externalUrl', 's3Bucket', 's3Key'] as const;
export const MAX_NOTES_CHARS = 20_000;
/** Field bytes busboy keeps: the notes' characters may take up to 4 bytes each in UTF-8. */
export const MAX_FIELD_BYTES = MAX_NOTES_CHARS * 4;

export type VersionFormError = 'errVersion' | 'errTaken' | 'errFile' | 'errFileName' | 'errUrl' | 'errHttps' | 'errS3' | 'errNotes' | 'errFailed';
export const VERSION_FORM_ERRORS: readonly VersionFormError[] = ['errVersion', 'errTaken', 'errFile', 'errFileName', 'errUrl', 'errHttps', 'errS3', 'errNotes', 'errFailed'];

export type FormSource =
  | { kind: 'local' }
  | { kind: 'external'; fileName: string; externalUrl: string }
  | { kind: 's3'; fileName: string; s3Bucket: string; s3Key: string };

export interface VersionForm { version: string; notes: string; source: FormSource }

const fileName = z.string().trim().min(1).max(200).refine((name) => !/[\\/\x00-\x1f]/.test(name));
const httpUrl = z.string().trim().pipe(z.url({ protocol: /^https?$/ })).transform((url) => new URL(url).href);
const bucket = z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
const key = z.string().trim().min(1).max(1024);

export type FormResult = { ok: VersionForm } | { error: VersionFormError };

export function readVersionForm(fields: Record<string, string>, hasFile: boolean, httpsOnly: boolean): FormResult {
  const version = (fields.version ?? '').trim();
  if (!isVersionString(version)) return { error: 'errVersion' };
  const notes = (fields.notes ?? '').replace(/\r\n/g, '\n');
  if (notes.length > MAX_NOTES_CHARS) return { error: 'errNotes' };
  const kind = fields.kind ?? 'local';
  if (kind === 'local') return hasFile ? { ok: { version, notes, source: { kind } } } : { error: 'errFile' };
  const name = fileName.safeParse(fields.fileName ?? '');
  if (!name.success) return { error: 'errFileName' };
  if (kind === 'external') {
    const url = httpUrl.safeParse(fields.externalUrl ?? '');
    if (!url.success) return { error: 'errUrl' };
    if (httpsOnly && !url.data.startsWith('https://')) return { error: 'errHttps' };
    return { ok: { version, notes, source: { kind, fileName: name.data, externalUrl: url.data } } };
  }
  if (kind === 's3') {
    const b = bucket.safeParse(fields.s3Bucket ?? ''), k = key.safeParse(fields.s3Key ?? '');
    if (!b.success || !k.success) return { error: 'errS3' };
    return { ok: { version, notes, source: { kind, fileName: name.data, s3Bucket: b.data, s3Key: k.data } } };
  }
  return { error: 'errFile' };
}
