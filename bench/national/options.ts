/** The flags of `npm run bench -- --scale national`. */
export interface NationalOptions {
  /** Which databases to run on; PostgreSQL only with DATABASE_URL. */
  databases: ('pglite' | 'postgres')[];
  /** Years of figures, from the first year the plans accept (five baseline years before 2026). */
  years: number;
  /** How many provinces to load (all 34 by default); `--fraction` gives it as a share. */
  provinces: number | null;
  fraction: number;
  /** Rows per recordObservations call; default a province's whole year in one call. */
  batch: number | null;
  /** Seconds of the public-progress load test, and its concurrent clients. */
  loadSeconds: number;
  clients: number;
  /** Timed runs of each read after a warm-up. */
  runs: number;
}

const USAGE = `npm run bench -- --scale national [--db pglite|postgres|both] [--years 5|10]
  [--fraction 0.1 | --provinces N] [--batch ROWS] [--load-seconds 15] [--clients 40] [--runs 20]`;

function value(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i === -1) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
  return v;
}

function positive(argv: readonly string[], flag: string, fallback: number, max = Infinity): number {
  const raw = value(argv, flag);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw new Error(`${flag} ${raw}: expected a number in (0, ${max}]`);
  return n;
}

export function parseNationalOptions(
  argv: readonly string[],
  databaseUrl: string | undefined,
): NationalOptions {
  const db = value(argv, '--db') ?? (databaseUrl ? 'both' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error(`--db ${db}\n${USAGE}`);
  const years = positive(argv, '--years', 5, 10);
  if (!Number.isInteger(years)) throw new Error('--years: a whole number from 1 to 10');
  const provinces = value(argv, '--provinces') === undefined ? null : positive(argv, '--provinces', 34, 34);
  const batch = value(argv, '--batch') === undefined ? null : positive(argv, '--batch', 5000);
  return {
    databases: db === 'both' ? ['pglite', 'postgres'] : [db as 'pglite' | 'postgres'],
    years,
    provinces: provinces === null ? null : Math.floor(provinces),
    fraction: positive(argv, '--fraction', 1, 1),
    batch: batch === null ? null : Math.floor(batch),
    loadSeconds: positive(argv, '--load-seconds', 15),
    clients: Math.floor(positive(argv, '--clients', 40)),
    runs: Math.floor(positive(argv, '--runs', 20)),
  };
}
