/** The proxies whose X-Forwarded-For the server believes: a number of hops, or their addresses and ranges. */
export type TrustProxy = number | string[];

/**
 * `FRONTA_TRUST_PROXY`: `1` trusts one hop (the proxy on the server itself), `127.0.0.1,10.0.0.5`
 * or `10.0.0.0/24` trust exactly those proxies. Anything else is a configuration error, refused at start.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;
  const wrong = entries.filter((entry) => !address.test(entry));
  if (wrong.length > 0) throw new Error(`FRONTA_TRUST_PROXY: not a hop count or an address: ${wrong.join(', ')}`);
  return entries;
}
