// Playwright globalSetup: the S3 download flow needs the real S3 server on loopback.
import { ensureS3Server } from '../../tests/support/s3';

export default async function globalSetup() {
  return ensureS3Server();
}
