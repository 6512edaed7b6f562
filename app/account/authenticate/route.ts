// POST /account/authenticate: a merchant vouches for its customer with an encrypted
// { account | accountCustomKey, timestamp }; the browser is signed into /account for that customer.
import { db, securePayloadOptions } from '@/lib/server/shop';
import { openAccountRequest, readSecureFields } from '@/lib/secure-payload';
import { resolveAccount } from '@/lib/accounts/accounts';
import { refusalResponse, seeOther } from '@/lib/http/errors';
import { getShopSession } from '@/lib/server/session';
import { requestLocale } from '@/lib/server/i18n-request';

export async function POST(request: Request) {
  const now = new Date();
  try {
    const opened = await openAccountRequest(db(), await readSecureFields(request), now, securePayloadOptions());
    const account = await resolveAccount(db(), opened.integration.id, opened.payload, now);
    const session = await getShopSession();
    session.accountId = account.id;
    await session.save();
    return seeOther('/account');
  } catch (error) {
    return refusalResponse(error, 'account/authenticate', request, 'signIn', await requestLocale());
  }
}
