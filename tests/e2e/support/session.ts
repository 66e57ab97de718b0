import { afterAll, afterEach, beforeAll } from 'vitest';
import { launch, pollFor, type BrowserKind, type ExtensionSession, type LaunchOptions, type PageDriver } from './browsers';
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

/**
 * The options page, opened by the popup's link (Firefox drives extension pages only when the
 * extension opened them), closed after the test, returned once its controls are there.
 */
export async function openOptionsFrom(e2e: E2eSession, popup: PageDriver): Promise<PageDriver> {
  const options = await e2e.session.openFrom(popup, '[data-testid="open-options"]');
  e2e.tabs.push(options);
  await pollFor('the options page', 10_000, async () =>
    (await options.evaluate<number>(`document.querySelectorAll('[data-testid="threshold-40"]').length`)) > 0 ? true : undefined,
  );
  return options;
}
