// A TCP proxy a test puts between the app and Postgres, to take the database away and bring it back.
import net from "node:net";

/** Forwards to Postgres while up; when cut, drops every open connection and leaves new ones unanswered. */
export class CuttableProxy {
  private server = net.createServer((client) => this.accept(client));
  private sockets = new Set<net.Socket>();
  private up = true;
  constructor(private target: { host: string; port: number }) {}

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, "127.0.0.1", () => resolve((this.server.address() as net.AddressInfo).port)));
  }

  private track(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  }

  private accept(client: net.Socket) {
    this.track(client);
    if (!this.up) return; // a black hole: the client waits for its connect timeout
    const upstream = net.connect(this.target.port, this.target.host);
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  }

  cut() {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  restore() {
    for (const s of this.sockets) s.destroy();
    this.up = true;
  }

  close() {
    for (const s of this.sockets) s.destroy();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
