import { describe, expect, it } from 'vitest';
import { readIdentityClaims } from './oidc-claims.js';
import { createOidcStateSealer, safeNextPath, type OidcState } from './oidc-state.js';

const KEY = 'unit-test-secret-key-that-is-long-enough-0123';
const now = new Date('2030-01-01T00:00:00Z');
const state: OidcState = {
  provider: 'google',
  state: 's',
  nonce: 'n',
  codeVerifier: 'v',
  next: '/x',
  expiresAt: now.getTime() + 60_000,
};

describe('OIDC state cookie', () => {
  it('round-trips and hides the code verifier', () => {
    const sealer = createOidcStateSealer(KEY);
    const sealed = sealer.seal({ ...state, codeVerifier: 'very-secret-verifier' });
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('very-secret-verifier');
    expect(sealer.unseal(sealed, now)).toEqual({ ...state, codeVerifier: 'very-secret-verifier' });
  });

  it('refuses tampered, foreign-key, expired, missing and garbage values', () => {
    const sealer = createOidcStateSealer(KEY);
    const sealed = sealer.seal(state);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(sealer.unseal(bytes.toString('base64url'), now)).toBeNull();
    expect(createOidcStateSealer(`${KEY}-other`).unseal(sealed, now)).toBeNull();
    expect(sealer.unseal(sealed, new Date(state.expiresAt))).toBeNull();
    expect(sealer.unseal(undefined, now)).toBeNull();
    expect(sealer.unseal('not-a-cookie', now)).toBeNull();
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/interviews?tab=1', '/interviews?tab=1'],
    [undefined, '/'],
    ['', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['/\t/evil.example', '/'],
    ['interviews', '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe('readIdentityClaims', () => {
  it('trusts only an explicit email_verified and merges userinfo under the ID token', () => {
    expect(readIdentityClaims({ sub: 'a', email: 'a@example.com' })).toMatchObject({ emailVerified: false });
    expect(
      readIdentityClaims({ sub: 'a' }, { sub: 'b', email: 'a@example.com', email_verified: 'true', name: 'A' }),
    ).toEqual({ subject: 'a', email: 'a@example.com', emailVerified: true, name: 'A' });
  });

  it('builds a name from given/family names or the e-mail, and rejects a token without sub', () => {
    const claims = { sub: 'a', email: 'ada@example.com', email_verified: true };
    expect(readIdentityClaims({ ...claims, given_name: 'Ada', family_name: 'L' })?.name).toBe('Ada L');
    expect(readIdentityClaims(claims)?.name).toBe('ada');
    expect(readIdentityClaims({ email: 'x@example.com' })).toBeNull();
    expect(readIdentityClaims({ sub: 'a', email: 'not an email', email_verified: true })).toMatchObject({
      email: null,
      emailVerified: false,
    });
  });
});
