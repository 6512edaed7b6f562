// Content-link helpers for the browser tests: buying content (no address asked), finding the
// links in mail, and signing a link with the shop's own stored key (to move past `se`).
import { expect, type Page } from '@playwright/test';
import { unsealPrivateKey } from '../../lib/key-store/seal';
import { signContentLink } from '../../lib/content-links/link';
import { addToCart, fillCheckout, payOnTestPage, readE2eDb, type Customer } from './shop';
import { CURRENT_KEY, PREVIOUS_KEY } from './env';

export const BODY_ONLY = {
  'how-pop-ups-work': 'every fold must be parallel to the spine',
  'v-fold-tutorial': 'Cut the tree with two tabs at 60°',
};

/** Buys content-only items and pays on the test payment page; the checkout asks only for contact details. */
export async function buyContent(page: Page, customer: Customer, slugs: string[]) {
  for (const slug of slugs) await addToCart(page, slug);
  await page.goto('/checkout');
  await expect(page.getByText('no delivery address is needed')).toBeVisible();
  await expect(page.getByLabel('Address line 1')).toHaveCount(0);
  await fillCheckout(page, customer);
  await page.getByRole('button', { name: 'Place order' }).click();
  await payOnTestPage(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

export function contentLinksIn(text: string): string[] {
  return text.match(/https?:\/\/\S+\/(articles|passes)\/[a-z0-9-]+\?\S+/g) ?? [];
}

/** Re-signs a link's fields with a new `se`, using the shop's active content-signing key. */
export function resignWithExpiry(link: string, se: number): string {
  const row = readE2eDb((db) => db.prepare(`SELECT kid, sealedPrivateKey FROM "StoreKey" WHERE purpose = 'content-signing'
    ORDER BY generation DESC LIMIT 1`).get() as { kid: string; sealedPrivateKey: string });
  const url = new URL(link);
  const q = url.searchParams;
  return signContentLink(url.origin, url.pathname, { sp: q.get('sp') ?? undefined, se, si: q.get('si')!, sg: q.get('sg') ?? undefined },
    { kid: row.kid, privateKey: unsealPrivateKey(row.sealedPrivateKey, [CURRENT_KEY, PREVIOUS_KEY], row.kid) });
}

/** One character of the signature changed. */
export const tamper = (link: string) => link.replace(/ss=(.)/, (_m, c: string) => `ss=${c === 'A' ? 'B' : 'A'}`);
