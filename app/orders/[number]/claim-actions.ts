'use server';

import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { requestClientIp } from '@/lib/server/client-ip';
import { db, shop } from '@/lib/server/shop';
import { refusal, RequestRefused } from '@/lib/errors';
import { deliverMailSoon } from '@/lib/server/mail';
import { redeemOrderClaim, requestOrderClaim } from '@/lib/order-claims/claims';
import { signedOrderPath } from '@/lib/order-access/links';
import { rateLimits } from '@/lib/server/rate-limits';
import { queryPairs } from '@/lib/signing';
import { rememberOrder } from '@/lib/session/session';
import { getShopSession } from '@/lib/server/session';
import { actionRefusal } from '@/lib/server/refusals';

export interface ClaimState { sent?: boolean; error?: string }

/** The same answer whether or not the email matched; only the rate limit answers differently. */
export async function requestClaimAction(_prev: ClaimState, form: FormData): Promise<ClaimState> {
  const number = String(form.get('number') ?? '');
  const email = String(form.get('email') ?? '');
  try {
    await rateLimits().consume('claim-per-ip', await requestClientIp());
    await rateLimits().consume('claim-per-order', number);
  } catch (error) {
    return { error: (await actionRefusal(error instanceof RequestRefused ? refusal('ORDER_CLAIM_THROTTLED') : error, 'order-claim')).message };
  }
  const { settings: { publicUrl }, rings } = shop();
  const now = new Date();
  // After the response: a matching email (a write and a mail) takes no longer to answer than a wrong one.
  after(async () => {
    await requestOrderClaim(db(), number, email, { ring: rings.claims, publicUrl, now });
    deliverMailSoon();
  });
  return { sent: true };
}

export async function claimOrderAction(_prev: ClaimState, form: FormData): Promise<ClaimState> {
  const number = String(form.get('number') ?? '');
  const { rings } = shop();
  try {
    await redeemOrderClaim(db(), number, queryPairs(String(form.get('link') ?? '')), rings.claims, new Date());
  } catch (error) {
    return { error: (await actionRefusal(error, 'order-claim')).message };
  }
  const session = await getShopSession();
  session.orders = rememberOrder(session.orders, number);
  await session.save();
  redirect(signedOrderPath(number, rings.orders));
}
