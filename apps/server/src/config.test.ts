import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to PGlite under ./data and port 3000', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/app/data/pglite' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.isHttps).toBe(false);
    expect(config.redisUrl).toBeUndefined();
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/test', DATABASE_POOL_MAX: '4' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@127.0.0.1:5432/test', poolMax: 4 });
  });

  it('keeps warm sandboxes unless RUNNER_WARM_POOL turns them off', () => {
    expect(loadConfig({}, '/srv/app').runner.warmPool).toBe(true);
    expect(loadConfig({ RUNNER_WARM_POOL: 'false' }, '/srv/app').runner.warmPool).toBe(false);
    expect(problemsOf({ RUNNER_WARM_POOL: 'sometimes' })).toEqual([
      'RUNNER_WARM_POOL: expected true or false (got "sometimes")',
    ]);
  });

  it('names the variable, the value and what is expected', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT: expected a port number between 0 and 65535 (got "abc")']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: expected a port number between 0 and 65535 (got "70000")']);
    expect(problemsOf({ DATABASE_URL: 'mysql://x@h/db' })[0]).toMatch(/^DATABASE_URL: expected a PostgreSQL URL/);
  });

  it('lists every problem at once and never prints a password', () => {
    const problems = problemsOf({ PORT: '-1', REDIS_URL: 'http://user:secret@h', TRUST_PROXY: 'maybe' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toContain('secret');
    expect(problems.join('\n')).toContain('TRUST_PROXY: expected true or false');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('pglite');
  });

  it('turns on HSTS-relevant https when PUBLIC_URL is https', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://interviews.example.com/' });
    expect(config.isHttps).toBe(true);
    expect(config.publicUrl).toBe('https://interviews.example.com');
  });
});

describe('OIDC providers from OIDC_<NAME>_*', () => {
  it('reads presets and custom issuers', () => {
    const config = loadConfig({
      OIDC_GOOGLE_CLIENT_ID: 'g-id',
      OIDC_GOOGLE_CLIENT_SECRET: 'g-secret',
      OIDC_ACME_SSO_ISSUER: 'https://sso.acme.test',
      OIDC_ACME_SSO_CLIENT_ID: 'a-id',
      OIDC_ACME_SSO_CLIENT_SECRET: 'a-secret',
      OIDC_ACME_SSO_LABEL: 'Acme SSO',
    });
    expect(config.oidcProviders).toEqual([
      {
        id: 'acme_sso',
        label: 'Acme SSO',
        issuer: 'https://sso.acme.test',
        clientId: 'a-id',
        clientSecret: 'a-secret',
      },
      {
        id: 'google',
        label: 'Google',
        issuer: 'https://accounts.google.com',
        clientId: 'g-id',
        clientSecret: 'g-secret',
      },
    ]);
  });

  it('names the missing parts of an incomplete provider', () => {
    expect(problemsOf({ OIDC_OKTA_ISSUER: 'https://okta.test' })).toEqual([
      'OIDC_OKTA_CLIENT_ID, OIDC_OKTA_CLIENT_SECRET: required to enable the OKTA sign-in provider',
    ]);
  });
});

const key = () => randomBytes(32).toString('base64');

describe('recording storage configuration', () => {
  it('defaults to a directory under DATA_DIR, keys derived from the secret, 30-minute links', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.storage).toEqual({ driver: 'local', dir: '/srv/app/data/storage' });
    expect(config.recordings).toEqual({ keys: null, urlTtlMs: 1_800_000 });
  });

  it('reads an S3-compatible bucket and names every missing part', () => {
    const config = loadConfig({
      STORAGE_DRIVER: 's3',
      STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9000/',
      STORAGE_S3_BUCKET: 'recordings',
      STORAGE_S3_ACCESS_KEY_ID: 'id',
      STORAGE_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.storage).toEqual({
      driver: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'recordings',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
    });
    expect(problemsOf({ STORAGE_DRIVER: 's3', STORAGE_S3_BUCKET: 'recordings' })).toEqual([
      'STORAGE_S3_ENDPOINT: required when STORAGE_DRIVER is s3',
      'STORAGE_S3_ACCESS_KEY_ID: required when STORAGE_DRIVER is s3',
      'STORAGE_S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER is s3',
    ]);
    expect(problemsOf({ STORAGE_DRIVER: 'gcs' })).toEqual(['STORAGE_DRIVER: expected local or s3 (got "gcs")']);
    expect(problemsOf({ STORAGE_S3_BUCKET: 'Not_A_Bucket' })[0]).toMatch(
      /^STORAGE_S3_BUCKET: expected an S3 bucket name/,
    );
  });

  it('parses RECORDING_KEYS in order (first encrypts) and never echoes a key in an error', () => {
    const [a, b] = [key(), key()];
    const config = loadConfig({ RECORDING_KEYS: `k2:${a}, k1:${b}` });
    expect(config.recordings.keys?.map((k) => [k.id, k.key.toString('base64')])).toEqual([
      ['k2', a],
      ['k1', b],
    ]);
    const short = randomBytes(16).toString('base64');
    const problems = problemsOf({ RECORDING_KEYS: `k1:${short}` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^RECORDING_KEYS: expected unique id:base64 pairs with 32-byte keys/);
    expect(problems[0]).not.toContain(short);
    expect(problemsOf({ RECORDING_KEYS: `k1:${a},k1:${b}` })[0]).toMatch(/"k1" is not one/);
  });
});
