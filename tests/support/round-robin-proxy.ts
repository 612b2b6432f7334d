// A load balancer for tests that run several app instances: an HTTP proxy on 127.0.0.1 that sends each
// request to the next upstream in turn (round robin, per request, whatever the connection), appends the
// client's address to X-Forwarded-For as a real proxy does (the app trusts it with TRUSTED_PROXY_HOPS=1),
// and records which upstream served what, so a test can tell that every instance took part.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Served = { upstream: number; method: string; path: string; status: number; session: boolean };

export type RoundRobinProxy = {
  url: string;
  /** Every request answered so far, in the order they were sent on. */
  served: Served[];
  /** Set once the app instances are listening (the proxy is started first, so that they know its URL). */
  setUpstreams: (ports: number[]) => void;
  close: () => Promise<void>;
};

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let upstreams: number[] = [];
  let next = 0;
  const served: Served[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    if (upstreams.length === 0) return void res.writeHead(503).end("no upstreams yet");
    const upstream = next++ % upstreams.length;
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const out = http.request(
      {
        host: "127.0.0.1",
        port: upstreams[upstream],
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwardedFor },
        agent,
      },
      (answer) => {
        served.push({
          upstream,
          method: req.method ?? "GET",
          path: req.url ?? "/",
          status: answer.statusCode ?? 0,
          session: /next-auth\.session-token=/.test(req.headers.cookie ?? ""),
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end("upstream unreachable");
      else res.destroy();
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    setUpstreams: (ports) => {
      upstreams = ports;
    },
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
