'use server';

import { z } from 'zod';
import { db } from '@/lib/db/client';
import { sendFreshLinks } from '@/lib/content-links/fresh-link';
import { contentLinkKeys, contentLinkSigner } from '@/lib/content-links/server';
import { deliverMailSoon } from '@/lib/mail/deliver';

export interface FreshLinkState { sent?: boolean; error?: string }

const input = z.object({ email: z.email().max(254), link: z.string().min(1).max(4096) });

export async function requestFreshLinkAction(_prev: FreshLinkState, form: FormData): Promise<FreshLinkState> {
  const parsed = input.safeParse({ email: String(form.get('email') ?? '').trim(), link: form.get('link') });
  if (!parsed.success) return { error: 'Enter the email address you ordered with.' };
  const now = new Date();
  const queued = await sendFreshLinks({ db: db(), keys: contentLinkKeys(), signer: await contentLinkSigner(now), now }, parsed.data.link, parsed.data.email);
  if (queued) deliverMailSoon();
  return { sent: true };
}
