// What an admin may configure for a digital product. Out-of-range values are
// refused with a message, never clamped.
import { z } from 'zod';
import type { Db } from '../db/client';
import { reason } from '../forms';
import { S3_EXPIRY } from './sources/s3';

const optionalCount = (max: number) =>
  z.string().trim().transform((v) => (v === '' ? null : v))
    .pipe(z.union([z.null(), z.string().regex(/^\d+$/, reason('wholeNumber')).transform(Number)
      .pipe(z.number().min(1, reason('atLeast')).max(max, reason('atMost')))]));

const fileName = z.string().trim().min(1, reason('required')).max(200, reason('tooLong'))
  .refine((name) => !/[\\/\x00-\x1f]/.test(name), reason('fileNameUnsafe'));

export const productDownloadSchema = z.object({
  downloadLimit: optionalCount(1000),
  licenseDays: optionalCount(3650),
});

export const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('local') }),
  z.object({
    kind: z.literal('external'),
    fileName,
    // Stored as the parsed href: percent-encoded, so it is always a valid Location header.
    externalUrl: z.string().trim().pipe(z.url({ protocol: /^https?$/, error: reason('urlInvalid') }))
      .transform((url) => new URL(url).href),
  }),
  z.object({
    kind: z.literal('s3'),
    fileName,
    s3Bucket: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, reason('bucketInvalid')),
    s3Key: z.string().trim().min(1, reason('required')).max(1024, reason('tooLong')),
    s3ExpirySeconds: z.string().trim().regex(/^\d+$/, reason('secondsWhole')).transform(Number)
      .pipe(z.number().min(S3_EXPIRY.min, reason('secondsAtLeast')).max(S3_EXPIRY.max, reason('secondsAtMost'))),
  }),
], { error: reason('sourceMissing') });

export type SourceSettings = z.infer<typeof sourceSchema>;

export async function saveProductDownloadSettings(
  db: Db, productId: number, limits: z.infer<typeof productDownloadSchema>, source: SourceSettings, now: Date,
) {
  await db.$transaction(async (tx) => {
    await tx.product.update({ where: { id: productId }, data: limits });
    const existing = await tx.fileSource.findUnique({ where: { productId } });
    if (source.kind === 'none') {
      // Kept, not deleted: the row remembers an uploaded file for switching back.
      if (existing) await tx.fileSource.update({ where: { productId }, data: { kind: 'none', versionId: null, updatedAt: now } });
      return;
    }
    if (source.kind === 'local') {
      // Back to the uploaded file, under its own name; a new file comes through the upload form.
      if (existing?.storedName && existing.kind !== 'local') {
        await tx.fileSource.update({
          where: { productId },
          data: { kind: 'local', fileName: existing.uploadedName ?? existing.fileName, contentType: existing.uploadedType ?? existing.contentType, versionId: null, updatedAt: now },
        });
      }
      return;
    }
    // A source set here is not a published version (lib/versions publishes those): it is served without a digest.
    const unchanged = existing && Object.entries(source).every(([key, value]) => existing[key as keyof typeof existing] === value);
    const data = { ...source, contentType: 'application/octet-stream', updatedAt: now, ...(unchanged ? {} : { versionId: null }) };
    await tx.fileSource.upsert({ where: { productId }, create: { productId, ...data }, update: data });
  });
}

export async function saveUploadedFile(db: Db, productId: number, file: { storedName: string; fileName: string; contentType: string }, now: Date) {
  // Replaces the file outside the versions: served without a version or a digest until one is published.
  const data = { kind: 'local', ...file, uploadedName: file.fileName, uploadedType: file.contentType, versionId: null, updatedAt: now };
  await db.fileSource.upsert({ where: { productId }, create: { productId, ...data }, update: data });
}

/** YYYY-MM-DD naming a day that exists (not 2025-02-30). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An admin's per-license override: empty means unlimited / never expires. */
export const licenseOverrideSchema = z.object({
  downloadLimit: optionalCount(1000),
  expiresOn: z.string().trim().refine((v) => v === '' || isCalendarDate(v), reason('expiryInvalid')),
}).transform(({ downloadLimit, expiresOn }) => ({
  downloadLimit,
  expiresAt: expiresOn === '' ? null : new Date(`${expiresOn}T23:59:59Z`),
}));
