// A token bucket for the whole server process: the consent log accepts at most `rate` events a second on
// average, `burst` at once. Per instance by design: the log keeps no IP address, and a header naming the
// client (X-Forwarded-For) is the client's to forge.

export interface RateLimiter {
  /** Takes `n` tokens; false (and nothing taken) when there are not enough. */
  take(n: number): boolean;
  /** Seconds until `n` tokens are there. */
  retryAfter(n: number): number;
}

export function createRateLimiter(rate: number, burst: number, now: () => number = Date.now): RateLimiter {
  let tokens = burst;
  let at = now();
  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - at) / 1000) * rate);
    at = t;
  };
  return {
    take(n) {
      if (rate <= 0) return true;
      refill();
      if (tokens < n) return false;
      tokens -= n;
      return true;
    },
    retryAfter(n) {
      if (rate <= 0) return 0;
      refill();
      return Math.max(1, Math.ceil((Math.min(n, burst) - tokens) / rate));
    },
  };
}

const DEFAULT_RATE = 100;

/** CONSENT_RATE_LIMIT: events a second this instance accepts (0 turns the limit off); burst is 5 s worth. */
export function rateFromEnv(env: Record<string, string | undefined> = process.env): { rate: number; burst: number } {
  const raw = env.CONSENT_RATE_LIMIT?.trim();
  if (raw && !/^\d{1,7}$/.test(raw))
    throw new Error(
      `CONSENT_RATE_LIMIT must be a whole number of events a second, or 0 for no limit (it is "${raw}").`,
    );
  const rate = raw ? Number(raw) : DEFAULT_RATE;
  return { rate, burst: rate * 5 };
}
