// Secrets Herd keeps for people, encrypted at rest (AES-256-GCM), and where the key comes from.
export { createSecretBox, decodeSecretKey, generateSecretKey, SecretBoxError, type SecretBox, type SecretBoxFailure } from './secret-box.ts';
export { secretBoxFor, KEY_FILE_NAME, type SecretKeySettings } from './secret-key-source.ts';
