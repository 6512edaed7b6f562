// What the admin may type about an integration; refusals are messages for the field.
import { z } from 'zod';
import { INTEGRATION_MODES } from './integrations';

export const DEFAULT_GRACE_HOURS = 24;
export const MAX_GRACE_HOURS = 24 * 30;

export const newIntegrationSchema = z.object({
  name: z.string().trim().min(1, 'Give the integration a name.').max(100, 'Keep the name under 100 characters.'),
  mode: z.enum(INTEGRATION_MODES, 'Choose live or test.'),
});

export const graceHoursSchema = z.string().trim()
  .transform((text) => (text === '' ? String(DEFAULT_GRACE_HOURS) : text))
  .pipe(z.string().regex(/^\d{1,9}$/, 'The grace period is a whole number of hours.'))
  .transform(Number)
  .pipe(z.number().max(MAX_GRACE_HOURS, `The grace period is at most ${MAX_GRACE_HOURS} hours (30 days).`));
