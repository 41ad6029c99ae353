/**
 * Whether an instance runs in demo mode (demo data loaded on an empty database, demo accounts able to sign in).
 * The embedded database is the zero-setup trial, so it defaults to demo; a production database (DATABASE_URL)
 * never does unless told explicitly, so nothing demo-only reaches it by accident. An explicit "no" wins.
 */
export function isDemoMode(input: {
  embedded: boolean;
  /** `--demo` / `--no-demo` on the command line. */
  demoFlag: boolean;
  noDemoFlag: boolean;
  /** BINHDANG_DEMO: "1"/"true" on, "0"/"false" off, unset: the database decides. */
  env: string | undefined;
}): boolean {
  const env = input.env?.trim().toLowerCase();
  if (input.noDemoFlag || env === '0' || env === 'false') return false;
  if (input.demoFlag || env === '1' || env === 'true') return true;
  return input.embedded;
}
