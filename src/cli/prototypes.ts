/**
 * The shared built-in prototypes of a JavaScript realm, as they are and as they were: a file whose
 * reading changes one (prototype pollution) is caught after it, before a later file is checked in the
 * same realm (worker.ts).
 */

/** Each guarded prototype's own properties (names and symbols) with their values or accessors. */
export type Snapshot = Map<string, Map<PropertyKey, unknown>>;

/** Stands for the prototype's own prototype among its properties. */
const PROTO = Symbol('[[Prototype]]');

/** The built-ins whose prototypes a file must never change. */
const GUARDED: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
  Number: Number.prototype,
  Boolean: Boolean.prototype,
  RegExp: RegExp.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
  Promise: Promise.prototype,
  Error: Error.prototype,
};

/** Every own property (names and symbols) of each guarded prototype, with its value or accessor. */
export function snapshot(): Snapshot {
  const all = new Map<string, Map<PropertyKey, unknown>>();
  for (const [name, proto] of Object.entries(GUARDED)) {
    const props = new Map<PropertyKey, unknown>();
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      props.set(key, 'value' in d ? d.value : [d.get, d.set]);
    }
    props.set(PROTO, Object.getPrototypeOf(proto));
    all.set(name, props);
  }
  return all;
}

/** What changed since `before` ("Object.prototype.x"), or undefined. */
export function changedPrototype(before: Snapshot): string | undefined {
  const now = snapshot();
  for (const [name, props] of now) {
    const was = before.get(name)!;
    for (const [key, v] of props) {
      const old = was.get(key);
      const same = Array.isArray(v) && Array.isArray(old) ? v[0] === old[0] && v[1] === old[1] : v === old;
      if (!was.has(key) || !same) return `${name}.prototype.${String(key)}`;
    }
    for (const key of was.keys()) if (!props.has(key)) return `${name}.prototype.${String(key)}`;
  }
  return undefined;
}
