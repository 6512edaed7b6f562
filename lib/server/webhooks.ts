// Outgoing webhooks in the running server: the policy for endpoint URLs from the configuration,
// and the delivery worker, started once per process. Deliveries are never sent inside a request:
// the worker picks them up from the outbox, so a slow receiver never slows checkout.
import { startWebhookWorker, WORKER_DEFAULTS, type RunningWorker } from '../webhooks/worker';
import type { TargetPolicy } from '../webhooks/targets';
import { db, shop } from './shop';

export const webhookTargetPolicy = (): TargetPolicy => shop().settings.webhookTargets;

const globalForWebhooks = globalThis as unknown as { webhookWorker?: RunningWorker };

/** Called once at server start (instrumentation.ts). */
export function startWebhookWorkerOnce(): void {
  globalForWebhooks.webhookWorker ??= startWebhookWorker(db(), { ...WORKER_DEFAULTS, policy: webhookTargetPolicy() });
}
