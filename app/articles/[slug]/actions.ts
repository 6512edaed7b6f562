'use server';

import { after } from 'next/server';
import { z } from 'zod';
import { db } from '@/lib/server/shop';
import { InputInvalid } from '@/lib/errors';
import { fieldReason } from '@/lib/forms';
import { requestClientIp } from '@/lib/server/client-ip';
import { rateLimits } from '@/lib/server/rate-limits';
import { actionRefusal } from '@/lib/server/refusals';
import { sendFreshLinks } from '@/lib/content-links/fresh-link';
import { contentLinkKeys, contentLinkSigner } from '@/lib/server/content-links';
import { deliverMailSoon } from '@/lib/server/mail';

export interface FreshLinkState { sent?: boolean; error?: string }

const input = z.object({ email: z.email().max(254), link: z.string().min(1).max(4096) });

export async function requestFreshLinkAction(_prev: FreshLinkState, form: FormData): Promise<FreshLinkState> {
  try {
    const parsed = input.safeParse({ email: String(form.get('email') ?? '').trim(), link: form.get('link') });
    // One answer for any bad input: the form has one field, the link is the page's own.
    if (!parsed.success) throw new InputInvalid({ email: fieldReason('orderEmailMissing') });
    await rateLimits().consume('fresh-link-per-ip', await requestClientIp());
    const now = new Date();
    // After the response: a matching address (a write and a mail) takes no longer to answer than a wrong one.
    after(async () => {
      const queued = await sendFreshLinks({ db: db(), keys: contentLinkKeys(), signer: await contentLinkSigner(now), now }, parsed.data.link, parsed.data.email);
      if (queued) deliverMailSoon();
    });
    return { sent: true };
  } catch (error) {
    const { message, fields } = await actionRefusal(error, 'fresh-link');
    return { error: fields?.email ?? message };
  }
}
