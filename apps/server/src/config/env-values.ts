import { z } from 'zod';

/** Value types of the environment variables that config.ts validates (shared by its schema). */
export const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A URL string whose scheme is one of `protocols` and that names a host. */
export function urlWithScheme(protocols: string[], expected: string) {
  return z.string().refine(
    (v) => {
      try {
        const u = new URL(v);
        return protocols.includes(u.protocol) && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: expected },
  );
}

export const postgresUrl = urlWithScheme(
  ['postgres:', 'postgresql:'],
  'expected a PostgreSQL URL such as postgres://user:password@host:5432/dbname',
);
export const redisUrl = urlWithScheme(['redis:', 'rediss:'], 'expected a Redis URL such as redis://127.0.0.1:6379');
export const smtpUrl = urlWithScheme(
  ['smtp:', 'smtps:'],
  'expected an SMTP URL such as smtp://user:pass@mail.example.com:587',
);

/** A comma-separated list of ICE server URLs (RFC 7064/7065: scheme:host[:port][?transport=udp|tcp]). */
export function iceUrlList(schemes: string[], example: string) {
  const pattern = new RegExp(
    `^(${schemes.join('|')}):(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?(\\?transport=(udp|tcp))?$`,
  );
  return z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(pattern, {
          error: `expected comma-separated ${schemes.join('/')} URLs such as ${example}`,
        }),
      ),
    )
    .optional();
}

/** Variables whose values an error message must not repeat. */
export const SECRET_VARIABLES = new Set(['RECORDING_KEYS', 'STORAGE_S3_SECRET_ACCESS_KEY']);

/** RECORDING_KEYS: `id:base64` pairs; ids are unique, keys decode to 32 bytes (AES-256). */
export const recordingKeys = z.string().transform((v, ctx) => {
  const keys: { id: string; key: Buffer }[] = [];
  for (const part of v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id = '', b64 = ''] = part.split(/:(.*)/s);
    const key = Buffer.from(b64, 'base64');
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32 || keys.some((k) => k.id === id)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected unique id:base64 pairs with 32-byte keys, e.g. k1:$(openssl rand -base64 32); "${id}" is not one`,
      });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'expected at least one id:base64 key' });
    return z.NEVER;
  }
  return keys;
});
