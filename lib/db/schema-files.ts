// Where each provider's schema, migrations and generated client live, and how
// a provider schema is composed from the shared models. Pure: no I/O.
export const PROVIDERS = ['sqlite', 'postgresql'] as const;
export type Provider = (typeof PROVIDERS)[number];

const folder: Record<Provider, string> = { sqlite: 'sqlite', postgresql: 'postgres' };

export const schemaPath = (provider: Provider) => `prisma/${folder[provider]}/schema.prisma`;
export const migrationsDir = (provider: Provider) => `prisma/${folder[provider]}/migrations`;

export function composeSchema(provider: Provider, models: string): string {
  const header = [
    '// GENERATED from prisma/models.prisma by `npm run db:schemas`. Do not edit.',
    '',
    'generator client {',
    '  provider     = "prisma-client"',
    `  output       = "../../lib/db/generated/${folder[provider]}"`,
    '  runtime      = "nodejs"',
    '  moduleFormat = "esm"',
    '}',
    '',
    'datasource db {',
    `  provider = "${provider}"`,
    '}',
    '',
  ].join('\n');
  return `${header}\n${models.trimEnd()}\n`;
}

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${databaseUrl.split(':')[0]}:")`);
}

/** Largest id an autoincrement column holds on every provider (PostgreSQL int4). */
export const MAX_DB_ID = 2_147_483_647;

export function parseDbId(value: unknown): number | null {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_DB_ID ? id : null;
}
