// npm run keys -- list | rotate <purpose> | reseal
// The store's own keys (lib/key-store), in the database DATABASE_URL names.
import { shop } from '../lib/server/shop';
import { createDb } from '../lib/db/client';
import { isKeyPurpose, KEY_PURPOSES, listKeys, resealKeys, rotateKey } from '../lib/key-store';

const [command, purpose] = process.argv.slice(2);
const purposes = Object.keys(KEY_PURPOSES).join(' | ');
if (!(command === 'list' || command === 'reseal' || (command === 'rotate' && purpose && isKeyPurpose(purpose)))) {
  console.error(`usage: npm run keys -- list | rotate <${purposes}> | reseal`);
  process.exit(2);
}
const { databaseUrl, appKeys } = shop().settings;
const db = createDb(databaseUrl);
try {
  if (command === 'rotate' && isKeyPurpose(purpose)) {
    const key = await rotateKey(db, purpose, new Date(), appKeys);
    console.log(`${purpose}: generation ${key.generation}, kid ${key.kid} is active; the previous key stays published for its grace period`);
  }
  if (command === 'reseal') console.log(`${await resealKeys(db, appKeys)} private keys now sealed under the first APP_KEYS entry`);
  for (const key of await listKeys(db)) {
    console.log(`${key.purpose}\t${key.generation}\t${key.kid}\t${key.alg}\t${key.createdAt.toISOString()}\t${key.retiredAt ? `retired ${key.retiredAt.toISOString()}` : 'active'}`);
  }
} finally {
  await db.$disconnect();
}
