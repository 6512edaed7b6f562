// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerHeader } = await import('./lib/http/peer-header');
  installPeerHeader();
  const { startMailSweeper } = await import('./lib/server/mail');
  try {
    startMailSweeper();
  } catch (error) {
    console.error('[mail] the retry sweeper did not start:', error);
  }
}
