// Driver adapter for a DATABASE_URL: SQLite file (embedded default) or PostgreSQL.
import { PrismaPg } from '@prisma/adapter-pg';
import { providerOf } from './schema-files';
import { sqliteAdapterFactory } from './sqlite';

export { sqliteFilePath } from './sqlite';

export function adapterFor(databaseUrl: string) {
  if (providerOf(databaseUrl) === 'postgresql') {
    return new PrismaPg({ connectionString: databaseUrl, max: 10 });
  }
  return sqliteAdapterFactory(databaseUrl);
}
