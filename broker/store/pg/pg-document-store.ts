import type pg from 'pg';
import type { DocumentStore } from '../document-store.ts';

/** A named JSON document in PostgreSQL (`documents`), replaced whole in one statement: committed, so durable, when it resolves. */
export class PgDocumentStore implements DocumentStore {
  constructor(
    private readonly pool: pg.Pool,
    readonly name: string,
  ) {}

  async read(): Promise<string | null> {
    const { rows } = await this.pool.query<{ body: string }>('SELECT body FROM documents WHERE name = $1', [this.name]);
    return rows[0]?.body ?? null;
  }

  async write(text: string): Promise<void> {
    await this.pool.query('INSERT INTO documents (name, body) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body, updated_at = now()', [this.name, text]);
  }
}
