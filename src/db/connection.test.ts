import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  checkedSharedBuffers,
  databaseConfigFromEnv,
  describeUrl,
  isDatabaseUnavailable,
  sqlState,
} from './connection.js';

/** Errors as node-postgres raises them, and as Drizzle wraps them (`cause`). */
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a session terminated by an administrator',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server shutting down', pgError('57P02')],
    ['a server starting', pgError('57P03', 'the database system is starting up')],
    ['a connection failure (class 08)', pgError('08006')],
    ['a refused connection', pgError('ECONNREFUSED')],
    ['a reset connection', pgError('ECONNRESET')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    [
      'a client that lost its connection',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'a database refusing connections',
      pgError('55000', 'database "x" is not currently accepting connections'),
    ],
    [
      'several addresses refused',
      Object.assign(new AggregateError([pgError('ECONNREFUSED')]), { code: undefined }),
    ],
  ])('recognizes %s, also wrapped by Drizzle', (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(err))).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a syntax error', pgError('42601')],
    ['a deadlock', pgError('40P01')],
    ['an ordinary bug', new TypeError('cannot read properties of undefined')],
    ['a refused file write', pgError('EACCES')],
  ])('does not take %s for an outage', (_, err) => {
    expect(isDatabaseUnavailable(wrapped(err))).toBe(false);
  });
});

describe('sqlState and describeUrl', () => {
  it('finds the SQLSTATE under a wrapper and masks the password of a connection string', () => {
    expect(sqlState(wrapped(pgError('40001')))).toBe('40001');
    expect(sqlState(wrapped(pgError('ECONNREFUSED')))).toBeNull();
    expect(describeUrl('postgres://app:s3cret@db:5432/binhdang')).toBe('postgres://app:***@db:5432/binhdang');
  });
});

describe('databaseConfigFromEnv', () => {
  it('takes PostgreSQL from DATABASE_URL, else the embedded database in BINHDANG_DATA_DIR', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://db/x' })).toEqual({
      kind: 'postgres',
      url: 'postgres://db/x',
    });
    expect(databaseConfigFromEnv({ BINHDANG_DATA_DIR: 'somewhere' })).toEqual({
      kind: 'pglite',
      dataDir: path.resolve('somewhere'),
    });
  });

  it('reads the embedded database’s shared buffers and refuses a size PostgreSQL would not take', () => {
    expect(databaseConfigFromEnv({ BINHDANG_PGLITE_SHARED_BUFFERS: ' 64MB ' })).toMatchObject({
      kind: 'pglite',
      sharedBuffers: '64MB',
    });
    expect(checkedSharedBuffers('1GB')).toBe('1GB');
    expect(checkedSharedBuffers('2048kB')).toBe('2048kB');
    for (const bad of ['64', '64mb', '512kB', '2GB', '-1MB', 'lots'])
      expect(() => checkedSharedBuffers(bad), bad).toThrow(/BINHDANG_PGLITE_SHARED_BUFFERS=.*1MB đến 1GB/);
  });
});
