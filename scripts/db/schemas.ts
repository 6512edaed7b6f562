// Composes the per-provider Prisma schemas from prisma/models.prisma.
// `--check` exits 1 when a committed schema differs from what it would write.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { composeSchema, PROVIDERS, schemaPath } from '../../lib/db/schema-files';

const check = process.argv.includes('--check');
const models = readFileSync('prisma/models.prisma', 'utf8');
let drifted = false;
for (const provider of PROVIDERS) {
  const wanted = composeSchema(provider, models);
  const file = schemaPath(provider);
  let current = '';
  try { current = readFileSync(file, 'utf8'); } catch { /* first run */ }
  if (current === wanted) continue;
  if (check) {
    console.error(`${file} is out of date with prisma/models.prisma: run npm run db:schemas`);
    drifted = true;
  } else {
    mkdirSync(file.replace(/\/[^/]+$/, ''), { recursive: true });
    writeFileSync(file, wanted);
    console.log(`wrote ${file}`);
  }
}
process.exit(drifted ? 1 : 0);
