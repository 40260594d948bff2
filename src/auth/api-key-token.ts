import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `duban_<prefix>_<secret>`: the prefix (8 hex digits) is
 * public and finds the key's row; the secret (32 random bytes, base64url)
 * is shown once and stored only as its SHA-256. The `duban_` mark lets
 * secret scanners and people recognise a leaked key.
 */
const TOKEN = /^duban_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  token: string;
  prefix: string;
  secretHash: Buffer;
}

export function newApiKey(): NewApiKey {
  const prefix = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `duban_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/** The prefix and secret of a well-formed token, else null. */
export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Constant-time comparison, so the time a wrong secret takes says nothing of the right one. */
export function secretMatches(secret: string, hash: Buffer): boolean {
  const given = hashSecret(secret);
  return given.length === hash.length && timingSafeEqual(given, hash);
}

/** Looks like a key of ours (for a clearer error than "malformed token"). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('duban_');
}
