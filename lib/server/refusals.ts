// Server actions answer a refusal in the request's language (the session's, else the browser's),
// through the one map in lib/http/errors.ts.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { publicError, type PublicError } from '../http/errors';
import { ShopError } from '../errors';
import { requestLocale } from './i18n-request';

/**
 * A refusal's words for a server action; anything that is not a refusal (a 5xx) is thrown on, to
 * the error page, except a refusal that asks to try again (a payment provider that did not answer).
 */
export async function actionRefusal(error: unknown, context: string): Promise<PublicError> {
  unstable_rethrow(error);
  const refusal = publicError(error, context, await requestLocale());
  const tryAgain = error instanceof ShopError && refusal.status === 503;
  if (refusal.status >= 500 && !tryAgain) throw error;
  return refusal;
}

/** A form with one line for its errors: the refused fields' words, else the refusal's. */
export const oneLine = ({ message, fields }: PublicError) => (fields ? Object.values(fields).join(' ') : message);

/** Runs a one-line form's work; a refusal becomes its `error`. */
export async function oneLineFormAction<S extends object>(context: string, work: () => Promise<S>): Promise<S | { error: string }> {
  try {
    return await work();
  } catch (error) {
    return { error: oneLine(await actionRefusal(error, context)) };
  }
}
