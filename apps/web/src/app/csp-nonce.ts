import { setNonce } from 'get-nonce';

/**
 * The server puts a fresh CSP nonce in <meta name="csp-nonce"> of each page and
 * allows `style-src 'nonce-…'`. Libraries that inject <style> elements (Radix's
 * scroll lock, via react-style-singleton) read it through get-nonce, so they
 * work under a CSP without 'unsafe-inline'. Must run before anything renders.
 */
export function applyCspNonce(doc: Document = document): string | undefined {
  const nonce = doc.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  if (nonce && nonce !== '__CSP_NONCE__') {
    setNonce(nonce);
    return nonce;
  }
  return undefined;
}
