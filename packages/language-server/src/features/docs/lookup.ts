/** Reading the documentation tables: a key that is not the table's own (`constructor`, `toString`) has no doc. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
