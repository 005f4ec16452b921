import type { Redis } from "ioredis";

// Check-and-count in one step for every domain of a message: either all domains are under their limit and
// all are counted, or none is counted and the caller learns how long until the fullest window ends.
// Fixed one-minute windows (a key per domain per minute) keep it to one INCR per domain.
const ADMIT = `
local limit = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local used = tonumber(redis.call('GET', key) or '0')
  if used >= limit then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then ttl = 60000 end
    return ttl
  end
end
for i, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('PEXPIRE', key, 120000)
end
return 0
`;

export type DomainThrottle = (domains: string[]) => Promise<number>;

/**
 * At most `perMinute` messages per recipient domain per minute, across all workers (shared Redis), so one
 * large provider is not flooded. Returns 0 when a message may go now (and counts it), else the ms to wait.
 * `perMinute` 0 turns it off.
 */
export function createDomainThrottle(redis: Redis, prefix: string, perMinute: number): DomainThrottle {
  if (perMinute <= 0) return async () => 0;
  return async (domains) => {
    if (domains.length === 0) return 0;
    const minute = Math.floor(Date.now() / 60_000);
    const keys = domains.map((d) => `${prefix}:throttle:domain:${d}:${minute}`);
    const wait = Number(await redis.eval(ADMIT, keys.length, ...keys, perMinute));
    // The window ends within `wait` ms; spread the waiting jobs a little so they do not all wake at once.
    return wait > 0 ? wait + Math.floor(Math.random() * 1000) : 0;
  };
}
