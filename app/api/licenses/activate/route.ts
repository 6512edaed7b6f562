// POST /api/licenses/activate (Lemon Squeezy's License API): license_key, instance_name → instance.id and a signed certificate.
import { activateLicense } from '@/lib/licenses/activations';
import { certificateSigner, licenseApiCall, licenseApiContext, refuseMethod } from '@/lib/server/license-api';

export const POST = (request: Request) => licenseApiCall(request, 'activate', (fields, now) =>
  activateLicense(licenseApiContext(now), { licenseKey: fields.license_key, instanceName: fields.instance_name, product: fields.product_id }, certificateSigner(now)));
export const OPTIONS = refuseMethod('activate');
