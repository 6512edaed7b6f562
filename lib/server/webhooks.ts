// Outgoing webhooks in the running server: the policy for endpoint URLs from the configuration,
// and the delivery worker, started once per process. Deliveries are never sent inside a request:
// the worker picks them up from the outbox, so a slow receiver never slows checkout.
import { startWebhookWorker, WORKER_DEFAULTS, type RunningWorker } from '../webhooks/worker';
import type { TargetPolicy } from '../webhooks/targets';
import type { EndpointSettings } from '../webhooks/admin';
import { db, shop } from './shop';

export const webhookTargetPolicy = (): TargetPolicy => shop().settings.webhookTargets;

/** What saving an endpoint needs: the target policy, and APP_KEYS to seal its secret. */
export const endpointSettings = (): EndpointSettings => ({ policy: webhookTargetPolicy(), appKeys: shop().settings.appKeys });

const globalForWebhooks = globalThis as unknown as { webhookWorker?: RunningWorker };

/** Called once at server start (instrumentation.ts). */
export function startWebhookWorkerOnce(): void {
  globalForWebhooks.webhookWorker ??= startWebhookWorker(db(), { ...WORKER_DEFAULTS, ...endpointSettings() });
}
