// Tables keyed by what a person types (names, fields, virtual file paths)
// are plain records, and a plain record answers for keys it never stored:
// `table["__proto__"]` is Object.prototype, `table.toString` a function. Read
// them with `own`, and build them with `withKey`, so such keys are ordinary
// missing names, and a name like "__proto__" can never re-prototype a table.

/** `table[key]` if the table itself holds the key, else undefined (never an inherited property). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A new table without a prototype: `table` with `key` set to `value` (an own property, whatever the key). */
export function withKey<T>(table: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const next = Object.assign(Object.create(null) as Record<string, T>, table);
  Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

/** An empty table without a prototype. */
export const emptyTable = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
