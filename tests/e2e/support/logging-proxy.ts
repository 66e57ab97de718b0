import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A logging HTTP proxy on 127.0.0.1 for a browser told to send everything through it (Firefox:
 * `network.proxy.*` prefs). It records every request it is asked for, absolute-URI requests
 * and CONNECT tunnels alike, and forwards only those to `allowedHost` (host:port, the fixture
 * server); anything else is answered 403 without leaving the machine.
 */

export interface ProxiedRequest {
  method: string;
  /** the absolute URL, or host:port for a CONNECT */
  target: string;
}

export interface LoggingProxy {
  /** 127.0.0.1 */
  host: string;
  port: number;
  readonly seen: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startLoggingProxy(allowedHost: string): Promise<LoggingProxy> {
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request: IncomingMessage, response) => {
    const target = request.url ?? '';
    seen.push({ method: request.method ?? '', target });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (url.host !== allowedHost) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers: request.headers },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // HTTPS (and WebSocket over TLS) arrive as CONNECT host:port; none is ever allowed
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    seen.push({ method: 'CONNECT', target: request.url ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * How to launch Firefox so every request goes through the proxy, localhost included, and
 * Firefox's own Remote Settings (firefox.settings.services.mozilla.com: blocklists, search
 * config, permissions, fetched at start-up and on a timer) asks nothing: its server is pointed
 * at a data: URL, which release builds honour only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1. What is
 * left in the log is what pages and the extension asked for.
 */
export function firefoxThroughProxy(proxy: LoggingProxy): {
  firefoxPrefs: Record<string, string | number | boolean>;
  firefoxEnv: Record<string, string>;
} {
  return {
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': proxy.host,
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': proxy.host,
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
    firefoxEnv: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  };
}
