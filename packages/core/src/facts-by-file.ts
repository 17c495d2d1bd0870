/**
 * Facts about nodes, kept in one small map per file. The checker records a fact for most names and
 * expressions; in one workspace-wide map, a large site's hundred thousand entries missed the
 * processor's cache on nearly every insert and lookup, and checking grew faster than the site.
 * A file's map holds a few dozen, and every reader knows the file a node is written in.
 */
export interface FactsByFile<K extends object, V> {
  /** The fact about `node`, written in `file`. */
  get(file: string, node: K): V | undefined;
  /** Every fact about the nodes of `file`. */
  inFile(file: string): ReadonlyMap<K, V>;
}

const noFacts: ReadonlyMap<object, unknown> = new Map();

export class FactTable<K extends object, V> implements FactsByFile<K, V> {
  private readonly files = new Map<string, Map<K, V>>();
  /**
   * The file used last and its map: the checker records a file's nodes one after another, and
   * elaboration reads an entry's or a menu's nodes one after another.
   */
  private lastFile: string | undefined;
  private lastFacts: Map<K, V> | undefined;

  set(file: string, node: K, fact: V): void {
    let facts = this.factsIn(file);
    if (facts === undefined) {
      facts = new Map();
      this.files.set(file, facts);
      this.lastFile = file;
      this.lastFacts = facts;
    }
    facts.set(node, fact);
  }

  delete(file: string, node: K): void {
    this.factsIn(file)?.delete(node);
  }

  get(file: string, node: K): V | undefined {
    return this.factsIn(file)?.get(node);
  }

  inFile(file: string): ReadonlyMap<K, V> {
    return this.factsIn(file) ?? (noFacts as ReadonlyMap<K, V>);
  }

  private factsIn(file: string): Map<K, V> | undefined {
    if (file === this.lastFile) return this.lastFacts;
    const facts = this.files.get(file);
    if (facts !== undefined) {
      this.lastFile = file;
      this.lastFacts = facts;
    }
    return facts;
  }
}
