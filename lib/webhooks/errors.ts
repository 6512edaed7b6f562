// Why an endpoint URL is refused: said next to the URL field when saving (lib/webhooks/admin.ts
// turns it into an InputInvalid), and logged as the attempt's error when a send is refused.
export type TargetRefusal = 'url-invalid' | 'url-too-long' | 'url-credentials' | 'https-required' | 'host-unresolvable' | 'address-private';

export class WebhookTargetRefused extends Error {
  constructor(readonly refusal: TargetRefusal) {
    super(`webhook target refused: ${refusal}`);
    this.name = 'WebhookTargetRefused';
  }
}
