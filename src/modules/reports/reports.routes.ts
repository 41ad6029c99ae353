import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FileStorage } from '../../core/file-store.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { requireActor } from '../../core/actor.js';
import { stringField } from '../../core/route-policy.js';
import { errorResponses } from '../../core/error-response.js';
import { routeOptions, type ActionRule } from '../../core/route-options.js';
import { int4 } from '../../core/input-fields.js';
import { cycleSchema, presentCycle } from '../reporting/reporting.schemas.js';
import type { ReportDocument } from './report-document.js';
import { renderReportDocx } from './report-docx.js';
import { renderAppendixXlsx } from './report-xlsx.js';
import { presentDraft } from './reports.presenter.js';
import {
  attachSignedPdf,
  buildReportDocument,
  draftOf,
  saveDraft,
  signedPdfFile,
} from './reports.service.js';
import { draftSchema, reportDocumentSchema } from './reports.schemas.js';

const route = routeOptions('reports');

const params = z.object({ id: z.uuid(), unit: z.string().min(1).max(40) });
const unitOf = (req: { params: unknown }) => [stringField(req.params, 'unit')];
/** Reading a unit's report takes the right to read the unit; writing it, the right to submit its figures. */
const readReport: ActionRule = { action: 'unit.read', units: unitOf };
const writeReport: ActionRule = { action: 'submission.submit', units: unitOf };

const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** A file of a unit's report for a cycle, downloaded as bao-cao-<unit>-<cycle id's first 8>.<ext>. */
function sendReportFile(
  reply: FastifyReply,
  { id, unit }: { id: string; unit: string },
  ext: keyof typeof MEDIA_TYPES,
  file: Buffer | Readable,
) {
  return reply
    .type(MEDIA_TYPES[ext])
    .header('content-disposition', `attachment; filename="bao-cao-${unit}-${id.slice(0, 8)}.${ext}"`)
    .send(file);
}

/** A unit's report for a cycle: its written parts, the DOCX and XLSX, and the signed PDF that comes back. */
export const reportsRoutes: FastifyPluginAsyncZod<{ db: Database; now: () => Date } & FileStorage> = async (
  app,
  { db, now, ...files },
) => {
  const deps = { db, now, ...files };

  /** The report as the current data make it, rendered into a file. */
  const sendRendered =
    (ext: 'docx' | 'xlsx', render: (doc: ReportDocument) => Promise<Buffer>) =>
    async (req: { params: { id: string; unit: string } }, reply: FastifyReply) => {
      const { doc } = await buildReportDocument(deps, req.params.id, req.params.unit);
      return sendReportFile(reply, req.params, ext, await render(doc));
    };

  app.get(
    '/api/cycles/:id/reports/:unit/draft',
    route.action(readReport, 'Phần báo cáo do đơn vị viết / the written parts', {
      params,
      response: { 200: draftSchema },
    }),
    async (req) => presentDraft(await draftOf(deps, req.params.id, req.params.unit)),
  );

  app.put(
    '/api/cycles/:id/reports/:unit/draft',
    route.action(writeReport, 'Lưu phần báo cáo do đơn vị viết / save the written parts', {
      params,
      body: z.object({
        activities: z.string().max(50_000),
        difficulties: z.string().max(50_000),
        proposals: z.string().max(50_000),
        signerAuthority: z.string().max(500),
        signerName: z.string().max(200),
        recipients: z.array(z.string().max(300)).max(40),
        version: int4(),
      }),
      response: { 200: draftSchema, ...errorResponses(404, 409) },
    }),
    async (req) =>
      presentDraft(await saveDraft(deps, requireActor(req), req.params.id, req.params.unit, req.body)),
  );

  app.get(
    '/api/cycles/:id/reports/:unit/document',
    route.action(
      readReport,
      'Nội dung báo cáo lập sẵn từ số liệu (JSON) / what the report will say, as JSON',
      {
        params,
        response: {
          200: z.object({
            cycle: cycleSchema,
            unit: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
            document: reportDocumentSchema,
          }),
          ...errorResponses(404),
        },
      },
    ),
    async (req) => {
      const { doc, cycle, unit } = await buildReportDocument(deps, req.params.id, req.params.unit);
      return {
        cycle: presentCycle(cycle),
        unit: { code: unit.code, name: unit.name, kind: unit.kind },
        document: doc,
      };
    },
  );

  app.get(
    '/api/cycles/:id/reports/:unit/report.docx',
    route.action(readReport, 'Báo cáo (DOCX, thể thức Nghị định 30/2020) / the report as DOCX', { params }),
    sendRendered('docx', renderReportDocx),
  );

  app.get(
    '/api/cycles/:id/reports/:unit/appendix.xlsx',
    route.action(readReport, 'Phụ lục số liệu (XLSX) / the appendix as XLSX', { params }),
    sendRendered('xlsx', renderAppendixXlsx),
  );

  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: 25 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/cycles/:id/reports/:unit/signed',
    {
      bodyLimit: 25 * 1024 * 1024,
      ...route.action(writeReport, 'Tải lên bản PDF đã ký / upload the signed PDF', {
        params,
        response: { 200: draftSchema, ...errorResponses(400, 404) },
      }),
    },
    async (req) => {
      const body = req.body;
      return presentDraft(
        await attachSignedPdf(
          deps,
          requireActor(req),
          req.params.id,
          req.params.unit,
          Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        ),
      );
    },
  );

  app.get(
    '/api/cycles/:id/reports/:unit/signed.pdf',
    route.action(readReport, 'Tải bản PDF đã ký / download the signed PDF', { params }),
    async (req, reply) => {
      const file = await signedPdfFile(deps, req.params.id, req.params.unit);
      return sendReportFile(reply, req.params, 'pdf', fs.createReadStream(file));
    },
  );
};
