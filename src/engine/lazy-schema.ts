/**
 * A schema built on first use. Every part of the extension imports the message and rule
 * schemas, and zod builds each schema object when its module loads: in a content script, which
 * starts in every frame of every page, that was half of the start-up time, for schemas most
 * frames never use. The proxy stands in for the schema and builds it when first touched.
 */
// creating one has no effect until it is used: bundles drop the schemas a context never uses
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T extends object>(make: () => T): T {
  let real: T | undefined;
  const schema = () => (real ??= make());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
