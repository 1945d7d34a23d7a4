import { join } from 'node:path';
import { test } from 'uvu';
import { tempDir } from '../../test/support/temp-dir.ts';
import { FileDocumentStore, MemoryDocumentStore } from './document-store.ts';
import { documentStoreContract } from './document-store-contract.ts';

documentStoreContract('MemoryDocumentStore', async () => {
  const store = new MemoryDocumentStore();
  return { store, reopen: () => store, cleanup: async () => {} };
});

documentStoreContract('FileDocumentStore', async () => {
  const dir = await tempDir();
  const path = join(dir.path, 'bookings.json');
  return { store: new FileDocumentStore(path), reopen: () => new FileDocumentStore(path), cleanup: dir.remove };
});

test.run();
