// What a refusal looks like from outside: its stable code and the status and message a client gets.
import { publicError } from '@/lib/http/errors';
import { SecurePayloadError } from '@/lib/secure-payload';

export async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof SecurePayloadError)) throw new Error(`expected a SecurePayloadError, got ${String(error)}`);
  const { status, message } = publicError(error, 'test');
  return { code: error.code, status, message };
}
