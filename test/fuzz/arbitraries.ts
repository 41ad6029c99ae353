import fc from 'fast-check';
import { CSV_COLUMNS } from '../../src/modules/observations/observations.csv.js';

/**
 * Generated requests for the four entry points that take free input: plan import, the observation batch, the CSV
 * import and the activity form. Each case mixes well-formed values (so that some requests are accepted and write)
 * with the values that once broke the server: non-finite and huge numbers, NUL, invisible-only and very long
 * texts, odd encodings, deep or huge structures. Shared by the property tests (`npm test`) and `npm run fuzz`.
 */

/** A request as sent: method, URL, headers and body (JSON value, or bytes for CSV). */
export interface FuzzRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** Bytes to send as they are (CSV); `body` is sent as JSON otherwise. */
  raw?: Buffer;
}

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u200b\u200b',
  '\u00a0\u2003',
  '\ufeff',
  '\u202e',
  '\ud800',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '9'.repeat(400),
  '0x10',
  '1.234,5',
  '1,234.5',
  '-0',
  '<script>alert(1)</script>',
  "'; drop table observations; --",
  'javascript:alert(1)',
  '%00',
  'Tày',
  'thành thị',
  '15-24',
  'x'.repeat(3000),
);

/** Any text: generated (full Unicode, with lone surrogates) or one of the known troublemakers. */
export const anyText = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
);

const hugeNumbers = fc.constantFrom(1e308, -1e308, 1e16, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 5e-324, -0);

/** Any JSON number: ordinary, huge or tiny (JSON carries no NaN or Infinity; 1e400 is sent as text elsewhere). */
export const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  hugeNumbers,
);

/** Any JSON value, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(anyNumber, { maxLength: 3 }),
);

/** Codes the fuzzed app knows, so that some rows are valid. */
export interface FuzzWorld {
  province: string;
  commune: string;
  planDocument: Record<string, unknown>;
}

/** Replaces none, one or two fields of a valid base with the given variants or with anything. */
function withEdits(
  base: fc.Arbitrary<Record<string, unknown>>,
  variants: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(variants);
  const edit = fc
    .constantFrom(...keys)
    .chain((key) =>
      fc.tuple(
        fc.constant(key),
        fc.oneof({ weight: 2, arbitrary: variants[key]! }, { weight: 1, arbitrary: anyJson }),
        fc.boolean(),
      ),
    );
  return fc.tuple(base, fc.array(edit, { maxLength: 2 }), fc.nat({ max: 3 })).map(([row, edits, keep]) => {
    const out = { ...row };
    // A quarter of the cases stay valid.
    if (keep === 0) return out;
    for (const [key, value, remove] of edits) {
      if (remove && keep === 1) delete out[key];
      else out[key] = value;
    }
    return out;
  });
}

/** One observation row: a valid figure of the demo province, with up to two fields changed. */
export function observationRow(world: FuzzWorld): fc.Arbitrary<Record<string, unknown>> {
  const base = fc
    .record({
      period: fc.integer({ min: 2021, max: 2030 }),
      numerator: fc.integer({ min: 0, max: 2000 }),
      denominator: fc.integer({ min: 2000, max: 5000 }),
      text: fc.boolean(),
    })
    .map(({ period, numerator, denominator, text }) => ({
      indicator: 'BDG-04',
      orgUnit: world.province,
      period: String(period),
      numerator: text ? String(numerator) : numerator,
      denominator: text ? denominator.toLocaleString('vi-VN') : denominator,
    }));
  return withEdits(base, {
    indicator: fc.constantFrom('BDG-02', 'BDG-06', 'BDG-11', 'BDG-13', 'BDG-20', 'BDG-22', 'BDG-99'),
    orgUnit: fc.constantFrom(world.commune, '99999', ` ${world.province}`),
    reportingUnit: fc.constantFrom(null, world.province, ''),
    period: fc.constantFrom('2026-Q1', '1999', '2026-13', '2026-H1'),
    sex: fc.constantFrom('total', 'female', 'male', 'nữ', 'x'),
    ageGroup: fc.constantFrom('', '15-24', '60+', 'abc'),
    ethnicity: fc.constantFrom('', 'Tày', 'Kinh', 'Klingon'),
    area: fc.constantFrom('', 'urban', 'rural', 'thành thị', 'city'),
    value: fc.oneof(anyNumber, fc.constantFrom('12,5', '1.234', '1e400', '9'.repeat(400), 'NaN')),
    numerator: fc.oneof(fc.integer({ min: -1, max: 5000 }), fc.constantFrom('640', 'Infinity', '1e400')),
    denominator: fc.oneof(fc.integer({ min: -1, max: 5000 }), fc.constantFrom('2.500', '0', '1e-400')),
    source: anyText,
    note: anyText,
    version: fc.oneof(fc.integer({ min: -1, max: 5 }), hugeNumbers),
  });
}

/** POST /api/observations with a batch. */
export function observationBatch(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      rows: fc.oneof(
        { weight: 8, arbitrary: fc.array(observationRow(world), { minLength: 1, maxLength: 4 }) },
        { weight: 1, arbitrary: anyJson },
      ),
      locale: fc.oneof({ weight: 6, arbitrary: fc.constant('vi') }, { weight: 1, arbitrary: anyJson }),
      acknowledgeWarnings: fc.oneof(
        { weight: 6, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: anyJson },
      ),
      mode: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('all', 'valid-only') },
        { weight: 1, arbitrary: anyJson },
      ),
    })
    .map((body) => ({ method: 'POST' as const, url: '/api/observations', headers: {}, body }));
}

const csvCell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('BDG-04', 'BDG-20', '20', '2026', 'total', 'nữ', '640', '2.500', '12,5', ''),
  },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom('"a,b"', '"unclosed', 'a"b', '""', '\r', '\n') },
);

/** POST /api/observations/import with CSV bytes in some encoding. */
export function csvUpload(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const header = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constant(['indicator', 'org_unit', 'period', 'sex', 'numerator', 'denominator', 'value']),
    },
    { weight: 2, arbitrary: fc.shuffledSubarray([...CSV_COLUMNS, 'bogus'], { minLength: 0 }) },
  );
  const csv = fc
    .tuple(
      header,
      fc.constantFrom(',', ';'),
      fc.array(fc.array(csvCell, { maxLength: 9 }), { maxLength: 8 }),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([cols, sep, rows, eol]) =>
      [
        cols.join(sep),
        ...rows.map((cells) => cells.map((c) => c.replace('20', world.province)).join(sep)),
      ].join(eol),
    );
  const encoded = fc.tuple(
    csv,
    fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'cp1258', 'latin1', 'garbage'),
  );
  return fc
    .tuple(
      encoded,
      fc.constantFrom('', '?mode=valid-only', '?acknowledgeWarnings=true', '?locale=en', '?mode=bogus'),
      fc.constantFrom(
        'text/csv',
        'text/csv; charset=windows-1258',
        'text/plain',
        'text/csv; charset=x-unknown',
      ),
      fc.uint8Array({ maxLength: 16 }),
    )
    .map(([[text, enc], query, contentType, noise]) => {
      const raw =
        enc === 'utf8'
          ? Buffer.from(text)
          : enc === 'utf8-bom'
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
            : enc === 'utf16le-bom'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
              : enc === 'latin1' || enc === 'cp1258'
                ? Buffer.from(text, 'latin1')
                : Buffer.concat([Buffer.from(text), Buffer.from(noise)]);
      return {
        method: 'POST' as const,
        url: `/api/observations/import${query}`,
        headers: { 'content-type': contentType },
        body: null,
        raw,
      };
    });
}

/** Sets `value` at a random place of a JSON document (one path step at a time). */
function mutate(doc: unknown, steps: number[], value: unknown): unknown {
  if (steps.length === 0 || doc === null || typeof doc !== 'object') return value;
  const [step, ...rest] = steps;
  if (Array.isArray(doc)) {
    if (doc.length === 0) return [value];
    const i = step! % doc.length;
    return (doc as unknown[]).map((x, j) => (j === i ? mutate(x, rest, value) : x));
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) return { x: value };
  const key = keys[step! % keys.length]!;
  return {
    ...(doc as Record<string, unknown>),
    [key]: mutate((doc as Record<string, unknown>)[key], rest, value),
  };
}

/** POST /api/plans/import: the demo plan with one to three values replaced somewhere, or grown large. */
export function planImport(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const deep = fc.integer({ min: 1, max: 200 }).map((n) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  });
  const huge = fc.constantFrom(
    Array.from({ length: 300 }, (_, i) => ({ code: `G${i}`, title: 'x', targets: [] })),
    Array.from({ length: 30 }, () => ({
      value: 1,
      unit: '%',
      comparator: '>=',
      year: 2030,
      baseline: null,
      per: null,
    })),
  );
  const value = fc.oneof(
    { weight: 8, arbitrary: anyJson },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
  );
  return fc
    .tuple(
      // One case in eight is the document unchanged (accepted, and the most expensive): the rest edit it.
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([] as [number[], unknown][]) },
        {
          weight: 7,
          arbitrary: fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), value), {
            minLength: 1,
            maxLength: 3,
          }),
        },
      ),
      fc.nat(),
    )
    .map(([edits, n]) => {
      let doc: unknown = world.planDocument;
      // A distinct number, so that an accepted document does not collide with the one before.
      doc = { ...(doc as Record<string, unknown>) };
      const d = doc as { document: Record<string, unknown> };
      d.document = { ...d.document, number: `F${n}` };
      for (const [steps, v] of edits) doc = mutate(doc, steps, v);
      return { method: 'POST' as const, url: '/api/plans/import', headers: {}, body: doc };
    });
}

/** POST /api/org-units/{commune}/activities: the activity form, valid with up to two fields changed. */
export function activityForm(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const base = fc.record({
    kind: fc.constant('communication'),
    title: fc.constantFrom('Tập huấn bình đẳng giới', 'Bài viết trên cổng thông tin'),
    channel: fc.constantFrom('portal', 'radio'),
    date: fc.constantFrom('2026-03-08', '2025-10-20'),
  });
  return withEdits(base, {
    kind: fc.constantFrom('communication', 'training', 'inspection', 'meeting', 'x'),
    title: anyText,
    channel: fc.constantFrom('portal', 'radio', 'fax', null),
    url: fc.constantFrom(
      'https://langson.gov.vn/a',
      'mailto:a@b.vn',
      'javascript:alert(1)',
      'data:text/html,x',
      'http://',
      null,
    ),
    date: fc.constantFrom('2026-03-08', '2026-02-30', '2026-3-8', '99999-01-01'),
    endDate: fc.constantFrom(null, '2026-03-09', '2026-03-01'),
    occasion: fc.constantFrom(null, '8-3', 'x'),
    participantsFemale: fc.oneof(fc.integer({ min: -1, max: 500 }), hugeNumbers),
    participantsMale: fc.oneof(fc.integer({ min: -1, max: 500 }), hugeNumbers),
    findings: anyText,
    taskIds: fc.constantFrom([], ['not-a-uuid'], ['00000000-0000-4000-8000-000000000000']),
    targetIds: fc.constant([]),
  }).map((body) => ({
    method: 'POST' as const,
    url: `/api/org-units/${world.commune}/activities`,
    headers: {},
    body,
  }));
}

/** The entry points, with the tables each may write (row counts must not move when a request is refused). */
export const ENTRY_POINTS = {
  'plan import': {
    make: planImport,
    tables: [
      'plans',
      'goals',
      'targets',
      'measures',
      'tasks',
      'assignments',
      'plan_references',
      'plan_deadlines',
      'audit_log',
    ],
  },
  'observation batch': { make: observationBatch, tables: ['observations', 'audit_log'] },
  'CSV import': { make: csvUpload, tables: ['observations', 'audit_log'] },
  'activity form': { make: activityForm, tables: ['activities', 'audit_log'] },
} as const;

export type EntryPoint = keyof typeof ENTRY_POINTS;
