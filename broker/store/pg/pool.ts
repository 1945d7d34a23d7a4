import pg from 'pg';

/**
 * A pool of pipelined clients (node-postgres's `pipeline`): the statements a transaction queues
 * together (transaction.ts) go to the server at once and run there one after the other, instead of
 * each waiting for this process to read the answer before it and send the next. Under a lock, each
 * such wait is a wait for a busy process's event loop.
 */
export const pgPool = (config: pg.PoolConfig = {}): pg.Pool => new pg.Pool({ ...config, pipeline: true });
