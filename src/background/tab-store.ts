/** Tab states in a storage area (storage.session in the extension), one key per tab. */
import type { KeyValueArea } from '../shared/storage-area';
import type { TabState } from './tab-state';

import { tabStateKey as keyOf } from '../shared/storage-keys';

export class TabStore {
  /** operations on one tab run one after another; storage has no transactions */
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(private readonly area: KeyValueArea) {}

  async get(tabId: number): Promise<TabState | undefined> {
    const stored = await this.area.get(keyOf(tabId));
    const value = stored[keyOf(tabId)];
    return value && typeof value === 'object' ? (value as TabState) : undefined;
  }

  /** Read, change and write one tab's state with no other update for that tab in between. */
  update<T>(tabId: number, change: (state: TabState | undefined) => Promise<[TabState, T]> | [TabState, T]): Promise<T> {
    return this.enqueue(tabId, async () => {
      const [next, result] = await change(await this.get(tabId));
      await this.area.set({ [keyOf(tabId)]: next });
      return result;
    });
  }

  clear(tabId: number): Promise<void> {
    return this.enqueue(tabId, () => this.area.remove(keyOf(tabId)));
  }

  private enqueue<T>(tabId: number, run: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(tabId) ?? Promise.resolve();
    const current = previous.then(run, run);
    const settled = current.catch(() => undefined);
    this.queues.set(tabId, settled);
    void settled.then(() => {
      if (this.queues.get(tabId) === settled) this.queues.delete(tabId);
    });
    return current;
  }
}
