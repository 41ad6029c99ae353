import { z } from 'zod';

/** The archive's format name; a reader refuses any other. */
export const BACKUP_FORMAT = 'binhdang.backup/1';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * `manifest.json` at the root of a backup archive (docs/OPERATIONS.md, "Backup archive"): what the archive holds
 * and how to check it. Every table file and every stored file carries its byte checksum; every table its rows.
 */
export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  app: z.object({ name: z.literal('binhdang'), version: z.string() }),
  createdAt: z.iso.datetime(),
  /** The database it was taken from. */
  source: z.enum(['pglite', 'postgres']),
  /** The migrations applied to that database, oldest first: a restore needs the same set. */
  migrations: z.array(z.object({ tag: z.string(), when: z.number().int() })),
  /** The count of committed audited writes at the time of the backup (public answers are kept by it). */
  dataVersion: z.number().int().nonnegative(),
  /** In load order, each after the tables it refers to. */
  tables: z.array(
    z.object({
      name: z.string(),
      /** Path inside the archive: PostgreSQL COPY text format, one row per line. */
      file: z.string(),
      columns: z.array(z.string()).min(1),
      rows: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  /** Tables rebuilt on restore rather than copied, with their row count at the time, checked after a restore. */
  derived: z.record(z.string(), z.number().int().nonnegative()),
  /** The uploaded files (attachments, signed PDFs), paths inside the archive under files/. */
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256 })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
