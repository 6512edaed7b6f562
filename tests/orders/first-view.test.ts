// What the shopper meets first: the thank-you marker on the order link, the words of a download
// that cannot be had, and the confirmation email of an order with nothing to post.
import { describe, expect, it } from 'vitest';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { ORDER_LINK_PURPOSE, orderPath } from '@/lib/order-access/links';
import { orderAccess } from '@/lib/order-access/tier';
import { asksForThanks, thanksOrderPath } from '@/lib/orders/first-view';
import { downloadStateOf } from '@/lib/orders/view';
import { awaitingTransferMail, confirmationMail } from '@/lib/orders/emails';

const ring = deriveKeyRing(['first-view-test-key-0123456789abcdefghij'], ORDER_LINK_PURPOSE);
const now = new Date('2026-12-06T10:00:00Z');

describe('the thank-you marker', () => {
  it('is part of a signed link that opens FULL only in the browser holding the order, signature first', () => {
    const path = thanksOrderPath('48213377', ring);
    expect(path).toMatch(/^\/orders\/48213377\?signature=[A-Za-z0-9_-]{43}&thanks=1$/);
    const query = queryPairs(path.split('?')[1]);
    expect(asksForThanks(query)).toBe(true);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    expect(orderAccess({ number: '48213377', query, sessionOrders: ['48213377'] }, ring, nowSeconds).tier).toBe('FULL');
    expect(orderAccess({ number: '48213377', query, sessionOrders: [] }, ring, nowSeconds).tier).toBe('MINIMAL');
    // Added by hand to another link, it breaks the signature: nobody is thanked by a forged marker.
    const forged = queryPairs(`${path.split('?')[1].replace('thanks=1', 'thanks=2')}`);
    expect(orderAccess({ number: '48213377', query: forged, sessionOrders: ['48213377'] }, ring, nowSeconds).tier).toBe('EXISTS');
    expect(asksForThanks(queryPairs('signature=abc'))).toBe(false);
    expect(path.startsWith(orderPath('48213377'))).toBe(true);
  });
});

describe('a download that cannot be had says why, in the order the endpoint checks', () => {
  const ready = { status: 'active', expiresAt: new Date('2027-01-01T00:00:00Z'), downloadsLeft: 2, available: true };
  it.each([
    [ready, 'ready'],
    [{ ...ready, downloadsLeft: null }, 'ready'],
    [{ ...ready, status: 'revoked', downloadsLeft: 0 }, 'revoked'],
    [{ ...ready, expiresAt: new Date('2026-12-01T00:00:00Z'), downloadsLeft: 0 }, 'expired'],
    [{ ...ready, downloadsLeft: 0 }, 'used-up'],
    [{ ...ready, available: false }, 'no-file'],
  ] as const)('%o is %s', (download, state) => {
    expect(downloadStateOf(download, now)).toBe(state);
  });
});

const digitalOrder = {
  id: 1, number: '48213377', email: 'ada@example.com', fullName: 'Ada Lovelace', currency: 'EUR', totalCents: 1200, language: 'de',
  testMode: false, recipientName: null, recipientEmail: null, giftMessage: null,
  addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '', payBy: new Date('2026-12-20T09:30:00Z'),
  items: [
    { productName: 'Printable Pop-up Templates (PDF)', quantity: 1, unitPriceCents: 900, product: { kind: 'download' as const, downloadLimit: 5, licenseDays: 365 } },
    { productName: 'Article: How Pop-ups Really Work', quantity: 1, unitPriceCents: 300, product: { kind: 'article' as const, downloadLimit: null, licenseDays: null } },
  ],
};
const reading = [{ title: 'How Pop-ups Really Work', url: 'https://shop.example/articles/how?sp=x', kind: 'article' as const, expiresAt: new Date('2027-01-05T10:00:00Z') }];

describe('the confirmation of an order with nothing to post', () => {
  it('lists the downloads and the reading links, with dates in the order\'s language, and no delivery', () => {
    const mail = confirmationMail(digitalOrder, 'https://shop.example/orders/48213377?signature=s', reading);
    expect(mail.subject).toBe('Ihre Bestellung Nr. 48213377 ist bestätigt');
    expect(mail.text).toContain('Ihre Downloads warten auf Ihrer Bestellseite (Link unten):\n  Printable Pop-up Templates (PDF) (5 Downloads, für 365 Tage)');
    expect(mail.text).toContain('How Pop-ups Really Work (bis 5. Januar 2027):');
    expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(mail.text).not.toContain('Wir liefern an');
    const downloads = mail.text.split('Ihre Downloads')[1].split('\n\n')[0];
    expect(downloads).not.toContain('Article');
  });

  it('in English too; a download without limits says so', () => {
    const english = { ...digitalOrder, language: 'en', items: [{ ...digitalOrder.items[0], product: { kind: 'download' as const, downloadLimit: null, licenseDays: null } }] };
    const mail = confirmationMail(english, 'https://shop.example/orders/48213377?signature=s');
    expect(mail.text).toContain('Your downloads are waiting on your order page (link below):\n  Printable Pop-up Templates (PDF) (unlimited downloads)');
  });

  it('a transfer order is told until when to pay, in words', () => {
    const mail = awaitingTransferMail({ ...digitalOrder, language: 'en' }, 'https://shop.example/orders/48213377?signature=s');
    expect(mail.text).toContain('Please pay by 20 December 2026');
  });
});
