// vitest globalSetup: the S3 tests need the real S3 server on loopback.
import { ensureS3Server } from './s3';

export default async function setup() {
  return ensureS3Server();
}
