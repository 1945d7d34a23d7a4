import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DocumentStore } from './document-store.ts';

export interface DocumentStoreUnderTest {
  store: DocumentStore;
  /** A second store over the same data, as after a restart. */
  reopen: () => DocumentStore;
  cleanup: () => Promise<void>;
}

/** What every DocumentStore must do, run by each implementation (as queueStoreContract is). */
export function documentStoreContract(name: string, open: () => Promise<DocumentStoreUnderTest>): void {
  test(`${name}: a new document reads as null`, async () => {
    const { store, cleanup } = await open();
    assert.is(await store.read(), null);
    await cleanup();
  });

  test(`${name}: the last text written is what a reopened store reads, Czech letters and all`, async () => {
    const { store, reopen, cleanup } = await open();
    await store.write('{"a":1}');
    const text = JSON.stringify({ name: 'Příliš žluťoučký kůň', bookings: Array.from({ length: 2000 }, (_, k) => ({ id: k, code: String(k).padStart(8, '0') })) });
    await store.write(text);
    assert.is(await reopen().read(), text);
    await cleanup();
  });

  test(`${name}: an empty text is a document, not a missing one`, async () => {
    const { store, reopen, cleanup } = await open();
    await store.write('');
    assert.is(await reopen().read(), '');
    await cleanup();
  });
}
