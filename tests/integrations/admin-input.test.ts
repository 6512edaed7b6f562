// What the admin types about integrations: names, modes and grace periods, refused with a message.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from '@/lib/forms';
import { graceHoursSchema, newIntegrationSchema } from '@/lib/integrations';
import { refusalOf } from '../support/words';

const graceWords = (graceHours: string) => refusalOf(() => parseInput(z.object({ graceHours: graceHoursSchema }), { graceHours })).fields?.graceHours;
const integrationWords = (input: object) => refusalOf(() => parseInput(newIntegrationSchema, input)).fields;

describe('integration admin input', () => {
  it('takes a grace period in whole hours, 24 when left empty, at most 30 days', () => {
    expect(graceHoursSchema.parse('')).toBe(24);
    expect(graceHoursSchema.parse(' 0 ')).toBe(0);
    expect(graceHoursSchema.parse('720')).toBe(720);
    expect(graceWords('721')).toMatch(/at most 720 hours/);
    expect(graceWords('99999')).toMatch(/at most 720 hours/);
    for (const bad of ['-1', '1.5', 'soon', '1e3', '0x10']) expect(graceWords(bad)).toMatch(/whole number/);
  });

  it('needs a name and a mode of live or test', () => {
    expect(newIntegrationSchema.parse({ name: '  Partner  ', mode: 'live' })).toEqual({ name: 'Partner', mode: 'live' });
    expect(integrationWords({ name: ' ', mode: 'test' })).toEqual({ name: 'Give the integration a name.' });
    expect(newIntegrationSchema.safeParse({ name: 'x'.repeat(101), mode: 'test' }).success).toBe(false);
    expect(integrationWords({ name: 'P', mode: 'sandbox' })).toEqual({ mode: 'Choose live or test.' });
  });
});
