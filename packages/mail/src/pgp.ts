import type * as OpenPgp from "openpgp";

export type SigningKey = OpenPgp.PrivateKey;
export type EncryptionKey = OpenPgp.PublicKey;

// Loaded on first use: most deployments sign nothing and few contacts register keys, and openpgp is
// ~13 MB of resident code in every api and worker process otherwise.
let loaded: Promise<typeof OpenPgp> | undefined;
const pgp = () => (loaded ??= import("openpgp"));

const signingKeys = new Map<string, Promise<SigningKey>>();

/** The CERT's signing key from PGP_SIGNING_KEY (armored), unlocked once per process. */
export function loadSigningKey(armoredKey: string, passphrase?: string): Promise<SigningKey> {
  let key = signingKeys.get(armoredKey);
  if (!key) {
    key = pgp().then(async (openpgp) => {
      const k = await openpgp.readPrivateKey({ armoredKey });
      return k.isDecrypted() || !passphrase ? k : openpgp.decryptKey({ privateKey: k, passphrase });
    });
    // A bad key must be reported on every use, not cached as a rejected promise forever.
    key.catch(() => signingKeys.delete(armoredKey));
    signingKeys.set(armoredKey, key);
  }
  return key;
}

/**
 * A contact's registered public key, or null when it cannot encrypt now (unreadable, revoked, expired):
 * such a contact is treated as having no key, and staff see the key problem in the registry.
 */
export async function readEncryptionKey(armoredKey: string): Promise<EncryptionKey | null> {
  try {
    const openpgp = await pgp();
    const key = await openpgp.readKey({ armoredKey });
    await key.getEncryptionKey();
    return key;
  } catch {
    return null;
  }
}

/** A detached signature of exact bytes, and the micalg parameter RFC 3156 wants for it. */
export async function detachedSignature(
  data: Uint8Array,
  key: SigningKey,
): Promise<{ armored: string; micalg: string }> {
  const openpgp = await pgp();
  const armored = await openpgp.sign({
    message: await openpgp.createMessage({ binary: data }),
    signingKeys: key,
    detached: true,
    format: "armored",
  });
  const signature = await openpgp.readSignature({ armoredSignature: armored });
  const packet = signature.packets[0] as unknown as { hashAlgorithm: number };
  const hash = openpgp.enums.read(openpgp.enums.hash, packet.hashAlgorithm) as string;
  return { armored, micalg: `pgp-${hash.toLowerCase()}` };
}

/** The bytes encrypted to every key, and signed inside when a signing key is given. */
export async function encryptTo(data: Uint8Array, keys: EncryptionKey[], signingKey?: SigningKey): Promise<string> {
  const openpgp = await pgp();
  return openpgp.encrypt({
    message: await openpgp.createMessage({ binary: data }),
    encryptionKeys: keys,
    signingKeys: signingKey,
    format: "armored",
  });
}
