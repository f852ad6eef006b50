/**
 * A loopback HTTP proxy that sends CONNECT tunnels for chosen host names to the local X stand-in
 * and refuses everything else. Firefox uses it to reach "https://x.com" (see firefox.ts); what it
 * refuses is recorded, so a test can also see what the browser tried to reach elsewhere.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface ConnectProxyOptions {
  /** Port of the HTTPS server on 127.0.0.1 that allowed tunnels lead to. */
  targetPort: number;
  /** Which CONNECT host names (port 443) go to the target. */
  allowHost(host: string): boolean;
}

export interface ConnectProxy {
  port: number;
  /** `host:port` of every refused request, in order (the browser's own background traffic included). */
  refused(): string[];
  close(): Promise<void>;
}

const HEADER_END = '\r\n\r\n';
/** A request head larger than this is not a browser talking to a proxy. */
const MAX_HEAD_BYTES = 16 * 1024;

export async function startConnectProxy({ targetPort, allowHost }: ConnectProxyOptions): Promise<ConnectProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf(HEADER_END);
      if (end === -1) {
        if (head.length > MAX_HEAD_BYTES) client.destroy();
        return;
      }
      client.off('data', onData);
      const requestLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const rest = head.subarray(end + HEADER_END.length);
      const [method = '', target = ''] = requestLine.split(' ');
      if (method !== 'CONNECT') {
        // Plain http:// through the proxy: X itself only answers https, so send the browser there.
        const url = URL.canParse(target) ? new URL(target) : null;
        if (url !== null && allowHost(url.hostname)) {
          url.protocol = 'https:';
          client.end(`HTTP/1.1 301 Moved Permanently\r\nLocation: ${url.href}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        } else {
          refused.push(url === null ? target : url.host);
          client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        }
        return;
      }
      const separator = target.lastIndexOf(':');
      const host = target.slice(0, separator).replace(/^\[|\]$/g, '');
      const port = target.slice(separator + 1);
      if (port !== '443' || !allowHost(host)) {
        refused.push(target);
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');

  return {
    port: address.port,
    refused: () => [...refused],
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveClose());
      }),
  };
}
