// npm run db:migrate: applies pending migrations to DATABASE_URL.
import { config } from '../../lib/config';
import { applyMigrations } from '../../lib/db/migrate';

const applied = await applyMigrations(config().databaseUrl);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
