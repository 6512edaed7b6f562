// What a person reads when `run` is refused: the words the one map gives, in English unless asked.
import { vi } from 'vitest';
import { publicError, type PublicError } from '@/lib/http/errors';

export function refusalOf(run: () => unknown, locale = 'en'): PublicError {
  try {
    run();
  } catch (error) {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      return publicError(error, 'test', locale);
    } finally {
      warn.mockRestore();
    }
  }
  throw new Error('expected a refusal');
}
