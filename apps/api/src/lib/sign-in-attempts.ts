import type { Redis } from "ioredis";

// Reserve, then check: the attempt is counted before the password is, in one step, so parallel guesses cannot
// all read "under the limit" and all get a full scrypt check (45 did against a limit of 10). A refused
// reservation is not counted, so the lock ends `windowSeconds` after the last attempt that was checked.
const RESERVE = `
local n = redis.call('INCR', KEYS[1])
if n > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return 0
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`;

// Never below zero, and never a key without its expiry: an expired count is not brought back.
const RELEASE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0
`;

export type SignInAttempts = {
  /** Counts an attempt on this account; false (counting nothing) once `limit` are counted in the window. */
  reserve(email: string): Promise<boolean>;
  /** Gives back a reservation whose check never happened (the database failed): it was no failed sign-in. */
  release(email: string): Promise<void>;
  /** A successful sign-in forgets the account's failures. */
  clear(email: string): Promise<void>;
};

/**
 * Failed sign-ins per account, across addresses and api processes (Redis). Without Redis it lets attempts
 * through, like the per-address limit: sign-in keeps working, only this guard is off until Redis is back.
 */
export function signInAttempts(redis: Redis, prefix: string, limit: number, windowSeconds: number): SignInAttempts {
  const key = (email: string) => `${prefix}:login-failures:${email.trim().toLowerCase()}`;
  return {
    async reserve(email) {
      const allowed = await redis.eval(RESERVE, 1, key(email), limit, windowSeconds).catch(() => 1);
      return Number(allowed) === 1;
    },
    async release(email) {
      await redis.eval(RELEASE, 1, key(email)).catch(() => {});
    },
    async clear(email) {
      await redis.del(key(email)).catch(() => {});
    },
  };
}
