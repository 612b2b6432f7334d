import dns from "node:dns/promises";
import net from "node:net";

/**
 * Where a webhook may not go: loopback, private, link-local, carrier-grade NAT, unspecified and
 * unique-local addresses (the app's own host, its database, a cloud metadata endpoint). Tests and
 * home setups that post to their own network set WEBHOOKS_ALLOW_PRIVATE=true.
 */
const BLOCKED = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const)
  BLOCKED.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  BLOCKED.addSubnet(network, prefix, "ipv6");

export const privateAllowed = () => process.env.WEBHOOKS_ALLOW_PRIVATE === "true";

export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return BLOCKED.check(mapped[1]!, "ipv4");
  const family = net.isIP(ip);
  if (family === 0) return true;
  return BLOCKED.check(ip, family === 4 ? "ipv4" : "ipv6");
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/** At registration, without a lookup: a literal private address or a local name is refused at once. */
export function obviouslyPrivate(url: URL): boolean {
  const host = hostOf(url).toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return true;
  return net.isIP(host) !== 0 && isPrivateAddress(host);
}

/** Before each attempt: every address the name resolves to must be public (unless private ones are allowed). */
export async function refusedDestination(url: URL): Promise<string | null> {
  if (privateAllowed()) return null;
  if (obviouslyPrivate(url)) return "The address is private or local.";
  const host = hostOf(url);
  try {
    const addresses = net.isIP(host) ? [{ address: host }] : await dns.lookup(host, { all: true });
    return addresses.some((a) => isPrivateAddress(a.address)) ? "The name resolves to a private or local address." : null;
  } catch {
    return "The name does not resolve.";
  }
}
