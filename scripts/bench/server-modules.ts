// The benchmark imports the app's route handlers straight into Node, with the react-server condition
// (so `server-only` is satisfied, as in Next's server bundle). Next's bundler also swaps next/navigation
// for its server build there; plain Node resolution would load the client one, which needs React's
// client API and throws. This does the same swap for the benchmark process.
import Module from "node:module";

type Resolve = (request: string, ...rest: unknown[]) => string;

export function loadServerBuildOfNextNavigation(): void {
  const mod = Module as unknown as { _resolveFilename: Resolve };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    const target = request === "next/navigation" ? "next/dist/api/navigation.react-server.js" : request;
    return original.call(this, target, ...rest);
  };
}
