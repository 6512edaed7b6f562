// "A new version is out": one email per buyer (lower-cased address) per version, to each buyer
// holding an active license of the product, in the order's language, with the signed order link
// (never a download link) and a signed one-click opt-out link. Written to the outbox in the
// publishing transaction, so a version is never published without its notices, nor twice noticed.
import type { Tx } from '../db/client';
import { enqueueMail, type OutgoingMail } from '../mail/outbox';
import { translatorFor } from '../i18n/messages';
import { formatDate } from '../i18n/intl';
import { absoluteLink, signedOrderPath } from '../order-access/links';
import { deriveKeyRing, signedPath, type KeyRing } from '../signing';

export const UPDATE_NOTICE_OPT_OUT_PURPOSE = 'signed-url:update-notices';
export const updateNoticeRing = (appKeys: readonly string[]) => deriveKeyRing(appKeys, UPDATE_NOTICE_OPT_OUT_PURPOSE);

/** Where a buyer turns the notices of one order off (GET shows a button, its POST turns them off). */
export const optOutPath = (number: string) => `/orders/${number}/update-notices`;

export interface NoticeContext {
  publicUrl: string;
  /** Signs order links (lib/order-access/links.ts). */
  orderRing: KeyRing;
  /** Signs opt-out links (updateNoticeRing). */
  optOutRing: KeyRing;
}

export interface NoticedVersion { id: number; productId: number; version: string; notes: string; publishedAt: Date }

interface Recipient { orderId: number; number: string; email: string; fullName: string; language: string; testMode: boolean; productName: string }

/** Release notes in the email: the Markdown source reads as text; a long one is cut (the order page has it all). */
const NOTES_IN_MAIL = 2000;

export function updateNoticeMail(recipient: Recipient, version: NoticedVersion, ctx: NoticeContext): OutgoingMail {
  const t = translatorFor(recipient.language, 'Versions');
  const notes = version.notes.trim();
  const shownNotes = notes.length > NOTES_IN_MAIL ? `${notes.slice(0, NOTES_IN_MAIL)}…` : notes;
  const lines = [
    ...(recipient.testMode ? [translatorFor(recipient.language, 'Email')('testNote'), ''] : []),
    translatorFor(recipient.language, 'Email')('hello', { name: recipient.fullName }), '',
    t('mailIntro', { product: recipient.productName, version: version.version, date: formatDate(version.publishedAt, recipient.language) }), '',
    ...(shownNotes ? [t('mailNotes'), shownNotes, ''] : []),
    t('mailOrderPage', { number: recipient.number }),
    absoluteLink(ctx.publicUrl, signedOrderPath(recipient.number, ctx.orderRing)), '',
    t('mailWhy', { product: recipient.productName }),
    t('mailOptOut'),
    absoluteLink(ctx.publicUrl, signedPath(optOutPath(recipient.number), ctx.optOutRing)),
  ];
  return {
    kind: 'update-notice',
    orderId: recipient.orderId,
    recipient: recipient.email,
    subject: t('mailSubject', { product: recipient.productName, version: version.version }),
    text: lines.join('\n'),
  };
}

/**
 * Queues the notices of a version just published. Buyers are told once per version whatever the
 * number of their orders (the newest order that has not opted out carries the link); a buyer
 * who opted out on every order holding the product gets nothing. Returns how many were queued.
 */
export async function queueUpdateNotices(tx: Tx, version: NoticedVersion, ctx: NoticeContext, now: Date): Promise<number> {
  const licenses = await tx.license.findMany({
    where: { productId: version.productId, status: 'active', OR: [{ expiresAt: null }, { expiresAt: { gte: now } }], order: { updateNoticesOff: false } },
    orderBy: { orderId: 'desc' },
    select: {
      order: { select: { id: true, number: true, email: true, fullName: true, language: true, testMode: true } },
      orderItem: { select: { productName: true } },
    },
  });
  const already = new Set((await tx.updateNotice.findMany({ where: { versionId: version.id }, select: { recipient: true } })).map((n) => n.recipient));
  let queued = 0;
  for (const { order, orderItem } of licenses) {
    const recipientKey = order.email.trim().toLowerCase();
    if (already.has(recipientKey)) continue;
    already.add(recipientKey);
    // The unique (version, recipient) keeps a buyer from being told twice even by two publishers at once.
    await tx.updateNotice.create({ data: { versionId: version.id, recipient: recipientKey, orderId: order.id, createdAt: now } });
    await enqueueMail(tx, updateNoticeMail({ ...order, orderId: order.id, productName: orderItem.productName }, version, ctx), now);
    queued += 1;
  }
  return queued;
}

/** The buyer's "no more update emails" for one order (idempotent). */
export async function setUpdateNotices(db: Pick<Tx, 'order'>, number: string, on: boolean): Promise<boolean> {
  const { count } = await db.order.updateMany({ where: { number }, data: { updateNoticesOff: !on } });
  return count === 1;
}
