import { afterAll, afterEach, beforeAll } from 'vitest';
import { launch, type BrowserKind, type ExtensionSession, type LaunchOptions, type PageDriver } from './browsers';
import { serveFixtures, type FixtureServer } from './server';

export interface E2eSession {
  /** the fixture server on 127.0.0.1, up for the whole describe block */
  readonly server: FixtureServer;
  /** one browser with the built extension, for the whole describe block */
  readonly session: ExtensionSession;
  /** pages to close after each test: one or two tabs at a time keep two cores responsive */
  readonly tabs: PageDriver[];
}

/** The set-up every browser suite shares: a fixture server, one browser, tabs closed after each test. */
export function useExtensionSession(kind: BrowserKind, options?: LaunchOptions): E2eSession {
  let server: FixtureServer | undefined;
  let session: ExtensionSession | undefined;
  const tabs: PageDriver[] = [];
  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(kind, options);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(tabs.splice(0).map((tab) => tab.close().catch(() => undefined)));
  });
  return {
    get server() {
      if (!server) throw new Error('the fixture server is not up (beforeAll failed?)');
      return server;
    },
    get session() {
      if (!session) throw new Error('the browser is not up (beforeAll failed?)');
      return session;
    },
    tabs,
  };
}
