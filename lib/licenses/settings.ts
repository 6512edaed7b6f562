// A software product's key settings, saved by the admin: whether paid lines get keys, and how many
// activations each key has (empty: unlimited). A bad value is refused when saved, field by field.
import { z } from 'zod';
import type { Db } from '../db/client';
import { reason } from '../forms';

export const MAX_ACTIVATION_LIMIT = 1000;

export const licenseKeySettingsSchema = z.object({
  licenseKeys: z.string().optional().transform((v) => v === 'on'),
  activationLimit: z.string().trim().transform((v) => (v === '' ? null : v))
    .pipe(z.union([z.null(), z.string().regex(/^\d+$/, reason('wholeNumber')).transform(Number)
      .pipe(z.number().min(1, reason('atLeast')).max(MAX_ACTIVATION_LIMIT, reason('atMost')))])),
});

export type LicenseKeySettings = z.infer<typeof licenseKeySettingsSchema>;

/** Applies to licenses sold from now on; keys already issued keep their limit (an admin frees activations instead). */
export async function saveLicenseKeySettings(db: Db, productId: number, settings: LicenseKeySettings): Promise<void> {
  await db.product.update({ where: { id: productId }, data: settings });
}
