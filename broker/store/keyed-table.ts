/** The rows a table changed since they were last taken: the new row, or null for one deleted. */
export type TableChanges<T> = Record<string, T | null>;

/**
 * Records by key, kept so that a write costs the size of what changed: the table remembers which
 * keys changed since the journal last took them (`takeChanges`). A row is never changed in place:
 * `update` puts a changed copy, so a row read before a change still says what it said, and nothing
 * outside the table can change a row behind the journal's back (rows are handed out read-only).
 */
export class KeyedTable<T extends object> {
  private readonly rows = new Map<string, Readonly<T>>();
  private readonly changed = new Set<string>();
  /** The rows as they were before the current change touched them (see `touches`). */
  private before: Map<string, Readonly<T> | undefined> | undefined;

  /** The rows of a snapshot, put in without counting as changes. */
  fill(rows: Record<string, T> = {}): this {
    for (const [key, row] of Object.entries(rows)) this.put(key, row);
    return this;
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: string): Readonly<T> | undefined {
    return this.rows.get(key);
  }

  values(): IterableIterator<Readonly<T>> {
    return this.rows.values();
  }

  entries(): IterableIterator<[string, Readonly<T>]> {
    return this.rows.entries();
  }

  set(key: string, row: T): Readonly<T> {
    this.touch(key);
    this.put(key, row);
    return row;
  }

  delete(key: string): boolean {
    const row = this.rows.get(key);
    if (!row) return false;
    this.touch(key);
    this.unindex(key, row);
    this.rows.delete(key);
    return true;
  }

  /** The row changed by `change` on a copy; undefined when there is none. */
  update(key: string, change: (row: T) => void): Readonly<T> | undefined {
    const row = this.rows.get(key);
    if (!row) return undefined;
    const next = { ...row } as T;
    change(next);
    return this.set(key, next);
  }

  /** The rows changed since the last call, for the journal; undefined when none did. */
  takeChanges(): TableChanges<T> | undefined {
    if (this.changed.size === 0) return undefined;
    const changes: TableChanges<T> = {};
    for (const key of this.changed) changes[key] = this.rows.get(key) ?? null;
    this.changed.clear();
    return changes;
  }

  /** A journal's changes, applied on load: they are durable already, so they are not taken again. */
  replay(changes: TableChanges<T>): void {
    for (const [key, row] of Object.entries(changes)) {
      const old = this.rows.get(key);
      if (row !== null) this.put(key, row);
      else if (old) {
        this.unindex(key, old);
        this.rows.delete(key);
      }
    }
  }

  /**
   * Runs `apply`, and answers its result and, for each key it touched, the row from before
   * (undefined: it was new). The ledger uses it to see which bookings a change took personal data from.
   */
  touches<R>(apply: () => R): { result: R; before: Map<string, Readonly<T> | undefined> } {
    const before = new Map<string, Readonly<T> | undefined>();
    this.before = before;
    try {
      return { result: apply(), before };
    } finally {
      this.before = undefined;
    }
  }

  /** The snapshot's form: a plain object by key, as JSON.stringify writes it. */
  toJSON(): Record<string, Readonly<T>> {
    return Object.fromEntries(this.rows);
  }

  /** Indexes of subclasses follow every row put in and taken out. */
  protected index(_key: string, _row: Readonly<T>): void {}
  protected unindex(_key: string, _row: Readonly<T>): void {}

  private touch(key: string): void {
    this.changed.add(key);
    if (this.before && !this.before.has(key)) this.before.set(key, this.rows.get(key));
  }

  private put(key: string, row: Readonly<T>): void {
    const old = this.rows.get(key);
    if (old) this.unindex(key, old);
    this.rows.set(key, row);
    this.index(key, row);
  }
}

/** Keys grouped under a value, for the indexes of a table. */
export class MultiIndex {
  private readonly groups = new Map<string, Set<string>>();

  add(value: string | undefined, key: string): void {
    if (value === undefined) return;
    let group = this.groups.get(value);
    if (!group) this.groups.set(value, (group = new Set()));
    group.add(key);
  }

  remove(value: string | undefined, key: string): void {
    if (value === undefined) return;
    const group = this.groups.get(value);
    group?.delete(key);
    if (group?.size === 0) this.groups.delete(value);
  }

  keys(value: string): ReadonlySet<string> {
    return this.groups.get(value) ?? noKeys;
  }
}

const noKeys: ReadonlySet<string> = new Set();
