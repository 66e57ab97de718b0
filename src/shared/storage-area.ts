/**
 * The slice of `storage.local` / `storage.session` fcs-guard uses, so logic that keeps state
 * can be tested with a plain in-memory object.
 */
export interface KeyValueArea {
  get(key: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}
