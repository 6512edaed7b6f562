// POST /api/licenses/validate (Lemon Squeezy's License API): license_key, optional instance_id → valid.
import { validateLicense } from '@/lib/licenses/activations';
import { licenseApiCall, licenseApiContext, refuseMethod } from '@/lib/server/license-api';

export const POST = (request: Request) => licenseApiCall(request, 'validate', (fields, now) =>
  validateLicense(licenseApiContext(now), { licenseKey: fields.license_key, instanceId: fields.instance_id, product: fields.product_id }));
export const OPTIONS = refuseMethod('validate');
