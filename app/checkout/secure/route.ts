// POST /checkout/secure: a merchant's page sends the shopper here with a secure payload
// (form-encoded or JSON: accessKey, securePayload, secureKey). The verified payload becomes a
// server-side checkout draft; the browser only gets its id in the session cookie.
import { db, securePayloadOptions } from '@/lib/server/shop';
import { openCheckoutRequest, readSecureFields } from '@/lib/secure-payload';
import { createCheckoutDraft, draftCountry } from '@/lib/checkout/draft';
import { refusalResponse, seeOther } from '@/lib/http/errors';
import { getShopSession } from '@/lib/server/session';
import { requestLocale } from '@/lib/server/i18n-request';

export async function POST(request: Request) {
  const now = new Date();
  try {
    const opened = await openCheckoutRequest(db(), await readSecureFields(request), now, securePayloadOptions());
    const draft = await createCheckoutDraft(db(), opened, now);
    const session = await getShopSession();
    session.checkoutDraftId = draft.id;
    session.locale = draft.locale;
    // The header's "Ship to" then shows the draft's currency too.
    session.country = draftCountry(draft.payload) ?? session.country;
    await session.save();
    return seeOther('/checkout');
  } catch (error) {
    return refusalResponse(error, 'checkout/secure', request, 'checkout', await requestLocale());
  }
}
