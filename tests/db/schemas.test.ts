import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSchema, PROVIDERS, schemaPath } from '@/lib/db/schema-files';
import { migrationDrift } from '@/lib/db/migration-drift';
import { applyMigrations } from '@/lib/db/migrate';
import { openTestDatabase } from '../support/databases';

const models = readFileSync('prisma/models.prisma', 'utf8');

describe.each(PROVIDERS)('%s schema', (provider) => {
  it('is composed from prisma/models.prisma (the providers cannot drift apart)', () => {
    expect(readFileSync(schemaPath(provider), 'utf8')).toBe(composeSchema(provider, models));
  });

  it('matches its committed migrations', async () => {
    expect(await migrationDrift(provider)).toBe('');
  });

  it('applies migrations once; a second run changes nothing', async () => {
    const test = await openTestDatabase(provider, { seed: false });
    try {
      expect(await applyMigrations(test.url)).toEqual([]);
    } finally {
      await test.close();
    }
  });
});
