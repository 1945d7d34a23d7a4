/** The proxies whose X-Forwarded-For the server believes, by address or range. */
export type TrustProxy = string[];

/**
 * `FRONTA_TRUST_PROXY`: `127.0.0.1` (the proxy on the server itself), `10.0.0.5,10.0.0.6` or
 * `10.0.0.0/29`: exactly those proxies, never a hop count that would believe whoever connects.
 * Anything else is a configuration error, refused at start.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const entries = value.split(',').map((entry) => entry.trim());
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]*)(\/\d{1,3})?$/i;
  const wrong = entries.filter((entry) => !address.test(entry));
  if (wrong.length > 0) throw new Error(`FRONTA_TRUST_PROXY: not an address or range: ${wrong.join(', ')}`);
  return entries;
}
