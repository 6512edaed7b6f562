// What the admin may type about an integration; refusals are messages for the field.
import { z } from 'zod';
import { reason } from '../forms';
import { INTEGRATION_MODES } from './integrations';

export const DEFAULT_GRACE_HOURS = 24;
export const MAX_GRACE_HOURS = 24 * 30;

export const newIntegrationSchema = z.object({
  name: z.string().trim().min(1, reason('integrationNameMissing')).max(100, reason('integrationNameTooLong')),
  mode: z.enum(INTEGRATION_MODES, reason('modeMissing')),
});

export const graceHoursSchema = z.string().trim()
  .transform((text) => (text === '' ? String(DEFAULT_GRACE_HOURS) : text))
  .pipe(z.string().regex(/^\d{1,9}$/, reason('graceHoursWhole')))
  .transform(Number)
  .pipe(z.number().max(MAX_GRACE_HOURS, reason('graceHoursAtMost')));
