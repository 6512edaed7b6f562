// The Prisma CLI is used here only for `prisma generate`, which needs no native
// engine. Every other command would try to download one (unreachable offline), so
// it is pointed at a stub that fails loudly; migrations run on the WebAssembly
// engine instead (lib/db/migrate.ts, `npm run db:migrate`).
import path from 'node:path';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/db/no-native-engine.sh');

export default defineConfig({
  schema: 'prisma/sqlite/schema.prisma',
});
