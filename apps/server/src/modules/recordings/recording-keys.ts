import { hkdfSync } from 'node:crypto';
import type { RecordingsConfig } from '../../config.js';
import { createKeyring, type Keyring } from '../../platform/storage/segmented-cipher.js';

/**
 * RECORDING_KEYS when set (first encrypts, all decrypt); otherwise one key
 * derived from the server secret under the id `sk`, so a fresh install
 * encrypts without extra configuration. Moving from `sk` to explicit keys:
 * keep `sk` decryptable by listing it (README, "Recording keys").
 */
export function recordingKeyring(config: RecordingsConfig, secretKey: string | undefined): Keyring {
  if (config.keys) return createKeyring(config.keys);
  if (!secretKey) throw new Error('recordings need RECORDING_KEYS or a resolved SECRET_KEY');
  return createKeyring([{ id: 'sk', key: derivedKey(secretKey) }]);
}

/** The key RECORDING_KEYS=sk:… must carry to keep reading objects written with the derived default. */
export function derivedKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'interviewselect', 'recording-encryption-key', 32));
}
