// npm run db:migrate: applies pending migrations to DATABASE_URL.
import { shop } from '../../lib/server/shop';
import { applyMigrations } from '../../lib/db/migrate';

const applied = await applyMigrations(shop().settings.databaseUrl);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
