// The real S3-compatible server (Swift + s3api, scripts/s3-local.sh) the S3
// tests run against: started when it is not already up, stopped again only by
// whoever started it.
import { execFileSync } from 'node:child_process';
import { S3Client, CreateBucketCommand, PutObjectCommand, HeadBucketCommand } from '@aws-sdk/client-s3';

export const S3_PORT = Number(process.env.S3_PORT ?? 8080);
export const S3_TEST_SETTINGS = {
  endpoint: `http://127.0.0.1:${S3_PORT}`,
  region: 'us-east-1',
  accessKeyId: 'test:tester',
  secretAccessKey: 'testing',
  forcePathStyle: true,
};

async function isUp(): Promise<boolean> {
  try {
    return (await fetch(`${S3_TEST_SETTINGS.endpoint}/healthcheck`)).ok;
  } catch {
    return false;
  }
}

/** Returns a function that stops the server if this call started it. */
export async function ensureS3Server(): Promise<() => void> {
  if (await isUp()) return () => {};
  execFileSync('bash', ['scripts/s3-local.sh', 'start'], { stdio: 'inherit', env: { ...process.env, S3_PORT: String(S3_PORT) } });
  return () => execFileSync('bash', ['scripts/s3-local.sh', 'stop'], { stdio: 'inherit' });
}

export async function putTestObject(client: S3Client, bucket: string, key: string, body: Buffer) {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}
