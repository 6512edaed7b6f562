// How "Find my orders" compares addresses: as people type them, case and surrounding spaces
// aside. Nothing else is guessed (no dots or +tags dropped): another spelling is another address.
import { z } from 'zod';

export const MAX_EMAIL_LENGTH = 254;

/** The address as compared and as kept with a sign-in link. */
export const emailKey = (email: string) => email.trim().toLowerCase();

const typedEmail = z.string().trim().min(1).max(MAX_EMAIL_LENGTH).pipe(z.email());

/** The typed address, trimmed, or null when it is not an address at all. */
export function parseTypedEmail(value: unknown): string | null {
  const parsed = typedEmail.safeParse(value);
  return parsed.success ? parsed.data : null;
}
