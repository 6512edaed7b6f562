// The one place the environment is read. Parsed and validated once; a bad value
// stops start-up with a message that names the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ShopError } from './errors';
import { parseAppKeys } from './signing/key-ring';
import { parseTrustProxy, TRUST_PROXY_FORMAT, type TrustProxy } from './http/client-address';
import { parseRateLimits, type RateLimitPolicies } from './rate-limit/policies';
import type { S3Settings } from './downloads/sources/s3';
import { parseAllowedOrigins } from './content-links/cors';
import type { StripeSettings } from './payments/providers/stripe';

export const MIN_SECRET_LENGTH = 32;
const DEV_SECRETS_DIR = 'data';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: or postgresql://').default('file:./data/shop.db'),
  APP_KEYS: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Pop-up Card Shop <orders@popup-cards.test>'),
  STORAGE_DIR: z.string().default('data/files'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
  TRUST_PROXY: z.string().regex(TRUST_PROXY_FORMAT, 'must be false, true, a number of proxies or their comma-separated addresses').default('false'),
  ALLOW_INSECURE_HTTP: z.enum(['true', 'false', '1', '0']).default('false'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).max(2 ** 50).default(2 * 1024 ** 3),
  RATE_LIMITS: z.string().optional(),
  CONTENT_LINK_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  CONTENT_ALLOWED_ORIGINS: z.string().optional(),
  DOWNLOAD_OFFLOAD: z.enum(['none', 'nginx']).default('none'),
  PAYMENT_PROVIDER: z.enum(['stripe', 'manual', 'test']).optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\S+$/, 'must be a Stripe secret key (sk_test_…, sk_live_… or a restricted rk_… key)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\S+$/, 'must be the endpoint signing secret Stripe shows (whsec_…)').optional(),
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  UNPAID_ORDER_HOURS: z.coerce.number().min(0.01).max(24 * 90).optional(),
  PSEUDO_LOCALE: z.enum(['true', 'false', '1', '0']).default('false'),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false', '1', '0']).default('false'),
});

export interface PaymentSettings {
  provider: 'stripe' | 'manual' | 'test';
  stripe?: StripeSettings;
  /** An unpaid order expires after this long. */
  payWithinMs: number;
}

export interface AppConfig {
  production: boolean;
  databaseUrl: string;
  appKeys: string[];
  adminPassword: string;
  port: number;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  storageDir: string;
  s3: S3Settings;
  /** Which X-Forwarded-For hops are our own proxies; the client is the right-most hop that is not. */
  trustProxy: TrustProxy;
  /** Rate-limit counters shared by several instances; unset: in this process's memory. */
  redisUrl?: string;
  maxUploadBytes: number;
  rateLimits: RateLimitPolicies;
  /** An external issuer of signed content links (a JWKS or a bare JWK). */
  contentLinkJwksUrl?: string;
  /** Origins allowed to call the content access API from a browser. */
  contentAllowedOrigins: string[];
  /** `nginx`: local files are sent by nginx (X-Accel-Redirect) after the shop authorises and counts. */
  downloadOffload: 'none' | 'nginx';
  payments: PaymentSettings;
  /** Tests only: requests may ask for the pseudo-locale `xx` (?lang=xx, the language cookie, Accept-Language). */
  pseudoLocale: boolean;
  /** Where outgoing webhooks may go (lib/webhooks/targets.ts). */
  webhookTargets: { httpsOnly: boolean; allowPrivate: boolean };
}

export class ConfigError extends ShopError {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) { super(`Configuration error: ${message}`); }
}

/** A development secret generated once and kept under data/, so restarts keep links and sessions valid. */
export function devSecret(name: string, dir = DEV_SECRETS_DIR): string {
  // Not a build input: turbopackIgnore keeps Next from tracing the whole project.
  const file = path.resolve(dir, name);
  if (existsSync(/*turbopackIgnore: true*/ file)) return readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim();
  mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(/*turbopackIgnore: true*/ file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function requireSecret(name: string, value: string | undefined, production: boolean, devFile: string, dir: string): string {
  if (value === undefined || value === '') {
    if (production) throw new ConfigError(`${name} must be set when NODE_ENV=production`);
    return devSecret(devFile, dir);
  }
  if (production && value.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters when NODE_ENV=production`);
  }
  return value;
}

/** Fewer distinct characters than this is a word or a pattern, not a random key. */
export const MIN_KEY_DISTINCT_CHARACTERS = 16;

function checkAppKeys(value: string, production: boolean): string[] {
  const entries = value.split(',').map((key) => key.trim());
  if (entries.some((key) => key === '')) throw new ConfigError('APP_KEYS has an empty entry (look for a doubled or trailing comma)');
  const keys = parseAppKeys(value);
  if (new Set(keys).size !== keys.length) throw new ConfigError('APP_KEYS lists the same key twice');
  if (!production) return keys;
  if (keys.some((key) => key.length < MIN_SECRET_LENGTH)) {
    throw new ConfigError(`every APP_KEYS entry must be at least ${MIN_SECRET_LENGTH} characters when NODE_ENV=production`);
  }
  if (keys.some((key) => new Set(key).size < MIN_KEY_DISTINCT_CHARACTERS)) {
    throw new ConfigError(`every APP_KEYS entry needs at least ${MIN_KEY_DISTINCT_CHARACTERS} different characters when NODE_ENV=production (generate one with: openssl rand -base64 32)`);
  }
  return keys;
}

// A bank transfer takes days; a card payment is done in minutes (Stripe's sessions last at most 24 h).
const DEFAULT_PAY_WITHIN_HOURS = { stripe: 24, test: 24, manual: 24 * 14 } as const;

function paymentSettings(e: z.infer<typeof schema>, production: boolean): PaymentSettings {
  const provider = e.PAYMENT_PROVIDER ?? (production ? undefined : 'test');
  if (!provider) {
    throw new ConfigError('PAYMENT_PROVIDER must be set when NODE_ENV=production: stripe, manual (bank transfer), or test (the test payment page, for a trial only)');
  }
  const payWithinMs = (e.UNPAID_ORDER_HOURS ?? DEFAULT_PAY_WITHIN_HOURS[provider]) * 3_600_000;
  if (provider !== 'stripe') return { provider, payWithinMs };
  if (!e.STRIPE_SECRET_KEY) throw new ConfigError('STRIPE_SECRET_KEY must be set when PAYMENT_PROVIDER=stripe');
  if (!e.STRIPE_WEBHOOK_SECRET) throw new ConfigError('STRIPE_WEBHOOK_SECRET must be set when PAYMENT_PROVIDER=stripe (the signing secret of the webhook endpoint /api/payments/stripe/webhook)');
  if (e.UNPAID_ORDER_HOURS !== undefined && e.UNPAID_ORDER_HOURS > 24) {
    throw new ConfigError('UNPAID_ORDER_HOURS must be at most 24 with Stripe Checkout (its sessions expire within 24 hours)');
  }
  return { provider, payWithinMs, stripe: { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiUrl: e.STRIPE_API_URL } };
}

export function parseConfig(env: Record<string, string | undefined>, secretsDir = DEV_SECRETS_DIR): AppConfig {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const appKeys = checkAppKeys(requireSecret('APP_KEYS', e.APP_KEYS, production, 'app-key', secretsDir), production);
  const insecureAllowed = ['true', '1'].includes(e.ALLOW_INSECURE_HTTP);
  if (production && !insecureAllowed && !e.PUBLIC_URL?.startsWith('https://')) {
    throw new ConfigError('PUBLIC_URL must be set to an https:// address when NODE_ENV=production (session cookies are Secure, mail links correct); set ALLOW_INSECURE_HTTP=true only for a local trial');
  }
  let rateLimits: RateLimitPolicies;
  try {
    rateLimits = parseRateLimits(e.RATE_LIMITS);
  } catch (error) {
    throw new ConfigError(`RATE_LIMITS ${(error as Error).message}`);
  }
  let contentAllowedOrigins: string[];
  try {
    contentAllowedOrigins = parseAllowedOrigins(e.CONTENT_ALLOWED_ORIGINS);
  } catch (error) {
    throw new ConfigError(`CONTENT_ALLOWED_ORIGINS: ${(error as Error).message}`);
  }
  return {
    production,
    databaseUrl: e.DATABASE_URL,
    appKeys,
    adminPassword: requireSecret('ADMIN_PASSWORD', e.ADMIN_PASSWORD, production, 'admin-password', secretsDir),
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    storageDir: e.STORAGE_DIR,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    redisUrl: e.REDIS_URL,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    rateLimits,
    contentLinkJwksUrl: e.CONTENT_LINK_JWKS_URL,
    contentAllowedOrigins,
    downloadOffload: e.DOWNLOAD_OFFLOAD,
    payments: paymentSettings(e, production),
    pseudoLocale: ['true', '1'].includes(e.PSEUDO_LOCALE),
    // https only in production (ALLOW_INSECURE_HTTP is a local trial); private addresses only when asked for.
    webhookTargets: { httpsOnly: production && !insecureAllowed, allowPrivate: ['true', '1'].includes(e.WEBHOOK_ALLOW_PRIVATE_TARGETS) },
    s3: {
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      // A custom endpoint is usually a self-hosted store, which wants path-style URLs.
      forcePathStyle: e.S3_FORCE_PATH_STYLE ? ['true', '1'].includes(e.S3_FORCE_PATH_STYLE) : Boolean(e.S3_ENDPOINT),
    },
  };
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
