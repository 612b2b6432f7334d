/** A proxy's own id (nginx's $request_id, a load balancer's trace id) is kept when it is a plain token. */
const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the one a proxy in front sent in X-Request-Id, or a new one. No Node imports: proxy.ts uses it too. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given !== null && acceptable.test(given) ? given : crypto.randomUUID();
}
