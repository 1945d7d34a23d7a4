import { test } from 'uvu';
import { tempDir } from '../../test/support/temp-dir.ts';
import { FileStore } from './file-store.ts';
import { MemoryStore } from './memory-store.ts';
import { queueStoreContract } from './store-contract.ts';

queueStoreContract('MemoryStore', async () => {
  const store = new MemoryStore();
  return { store, reopen: () => store, cleanup: async () => {} };
});

queueStoreContract('FileStore', async () => {
  const dir = await tempDir();
  return { store: new FileStore(dir.path), reopen: () => new FileStore(dir.path), cleanup: dir.remove };
});

test.run();
