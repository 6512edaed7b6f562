// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerHeader } = await import('./lib/http/peer-header');
  installPeerHeader();
  const { startMailSweeper } = await import('./lib/server/mail');
  const { startExpirySweeper } = await import('./lib/server/payments');
  const { startWebhookWorkerOnce } = await import('./lib/server/webhooks');
  try {
    startMailSweeper();
    startExpirySweeper();
    startWebhookWorkerOnce();
  } catch (error) {
    console.error('[server] a background sweeper did not start:', error);
  }
}
