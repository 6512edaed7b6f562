// What the admin types about integrations: names, modes and grace periods, refused with a message.
import { describe, expect, it } from 'vitest';
import { graceHoursSchema, newIntegrationSchema } from '@/lib/integrations';

describe('integration admin input', () => {
  it('takes a grace period in whole hours, 24 when left empty, at most 30 days', () => {
    expect(graceHoursSchema.parse('')).toBe(24);
    expect(graceHoursSchema.parse(' 0 ')).toBe(0);
    expect(graceHoursSchema.parse('720')).toBe(720);
    expect(graceHoursSchema.safeParse('721').error?.issues[0].message).toMatch(/at most 720 hours/);
    expect(graceHoursSchema.safeParse('99999').error?.issues[0].message).toMatch(/at most 720 hours/);
    for (const bad of ['-1', '1.5', 'soon', '1e3', '0x10']) expect(graceHoursSchema.safeParse(bad).error?.issues[0].message).toMatch(/whole number/);
  });

  it('needs a name and a mode of live or test', () => {
    expect(newIntegrationSchema.parse({ name: '  Partner  ', mode: 'live' })).toEqual({ name: 'Partner', mode: 'live' });
    expect(newIntegrationSchema.safeParse({ name: ' ', mode: 'test' }).error?.issues[0].message).toBe('Give the integration a name.');
    expect(newIntegrationSchema.safeParse({ name: 'x'.repeat(101), mode: 'test' }).success).toBe(false);
    expect(newIntegrationSchema.safeParse({ name: 'P', mode: 'sandbox' }).error?.issues[0].message).toBe('Choose live or test.');
  });
});
