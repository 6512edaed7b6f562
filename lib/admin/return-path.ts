// Where the admin goes after logging in: back to the admin page asked for, never anywhere else.
export const ADMIN_LOGIN_PATH = '/admin/login';

/** A same-origin admin path (with its query), or `/admin`: `//evil.example`, `https://…` and `\\` tricks fall back. */
export function adminReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/admin';
  if (!/^\/admin(?:[/?][^\s\\]*)?$/.test(value) || value.includes('//')) return '/admin';
  return value === ADMIN_LOGIN_PATH || value.startsWith(`${ADMIN_LOGIN_PATH}?`) ? '/admin' : value;
}

/** The login page, carrying the page to return to. */
export const adminLoginUrl = (returnTo: string) => `${ADMIN_LOGIN_PATH}?next=${encodeURIComponent(adminReturnPath(returnTo))}`;
