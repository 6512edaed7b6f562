// Run before `next start`: a bad or missing production setting stops start-up
// here with a clear message instead of failing on the first request.
import { ConfigError, parseConfig } from '../lib/config';

try {
  const config = parseConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' });
  console.log(`config ok: database ${config.databaseUrl.split(':')[0]}, public URL ${config.publicUrl}, mail ${config.smtpUrl ? 'SMTP' : 'outbox only'}`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
