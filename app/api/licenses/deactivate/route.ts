// POST /api/licenses/deactivate (Lemon Squeezy's License API): license_key, instance_id → deactivated.
import { deactivateLicense } from '@/lib/licenses/activations';
import { licenseApiCall, licenseApiContext, refuseMethod } from '@/lib/server/license-api';

export const POST = (request: Request) => licenseApiCall(request, 'deactivate', (fields, now) =>
  deactivateLicense(licenseApiContext(now), { licenseKey: fields.license_key, instanceId: fields.instance_id, product: fields.product_id }));
export const OPTIONS = refuseMethod('deactivate');
