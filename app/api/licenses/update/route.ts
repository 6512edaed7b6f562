// POST /api/licenses/update: license_key, instance_id, version → the newest version in Easy Digital
// Downloads' get_version shape, with a short-lived package URL when it is newer.
import { updateAnswer } from '@/lib/licenses/update';
import { licenseApiCall, licenseApiContext, refuseMethod } from '@/lib/server/license-api';

export const POST = (request: Request) => licenseApiCall(request, 'update', (fields, now) =>
  updateAnswer(licenseApiContext(now), { licenseKey: fields.license_key, instanceId: fields.instance_id, version: fields.version, product: fields.product_id }));
export const OPTIONS = refuseMethod('update');
