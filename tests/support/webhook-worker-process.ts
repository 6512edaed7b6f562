// A shop's webhook worker in a process of its own, so a test can kill it (SIGKILL, no goodbye)
// in the middle of a run and start another, as a restarted shop would.
// Usage: tsx tests/support/webhook-worker-process.ts <database url> <worker id> <settings json>
import { createDb } from '../../lib/db/client';
import { startWebhookWorker, WORKER_DEFAULTS, type WorkerSettings } from '../../lib/webhooks/worker';

const [url, id, json] = process.argv.slice(2);
const settings: WorkerSettings = { ...WORKER_DEFAULTS, ...(JSON.parse(json) as Partial<WorkerSettings>) } as WorkerSettings;
const worker = startWebhookWorker(createDb(url), settings, id);
process.stdout.write('started\n');
process.on('SIGTERM', () => { void worker.stop().then(() => process.exit(0)); });
