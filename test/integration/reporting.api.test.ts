import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../src/db/connection.js';
import { runReminders, smtpMailer } from '../../src/modules/reporting/reminders.js';
import { createPlan, type PlanCycle as Cycle } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

let clock = new Date('2026-11-26T08:00:00Z');
const now = () => clock;

/**
 * A province's published 2026–2030 plan with its cycles: its Sở Y tế leads 3.3 and 4.1 and coordinates 3.2,
 * Sở Nội vụ leads 1.1 and 6.1, people reached (BDG-20), which the communes report: every commune owes reports.
 * It asks for 6-month reports every year (on the province's default day, 05/6), annual reports on 01/12 every
 * year, the mid-term review in 2028 and the final review in 2030.
 */
const ctx = useTestApp({ now }, async (app) => {
  const { id: planId, province } = await createPlan(app, {
    published: true,
    cycles: true,
    deadlines: [
      { report: '6-month', due: null, recurrence: 'yearly', recipient: 'Sở Nội vụ' },
      { report: 'annual', due: '2026-12-01', recurrence: 'yearly', recipient: 'Sở Nội vụ' },
      { report: 'mid-term', due: null, year: 2028, recipient: 'Sở Nội vụ' },
      { report: 'final', due: null, year: 2030, recipient: 'Sở Nội vụ' },
    ],
    targets: [
      { code: '1.1', lead: ['Sở Nội vụ'] },
      { code: '3.2', lead: ['Sở Văn hóa, Thể thao và Du lịch'], coordinate: ['Sở Y tế'] },
      { code: '3.3', lead: ['Sở Y tế'] },
      { code: '4.1', lead: ['Sở Y tế'] },
      { code: '6.1', measures: [{ value: 80, indicator: 'BDG-20' }], lead: ['Sở Nội vụ'] },
    ],
  });
  const [commune, lateCommune] = province.communes.map((c) => c.code) as [string, string];
  return {
    province,
    planId,
    SYT: province.agency('SYT'),
    /** Submits its 2026 figures on time. */
    commune,
    /** Does not. */
    lateCommune,
    coordinator: await app.signIn('coordinator', province.code),
  };
});

const cycles = async () =>
  (await ctx.app.inject({ method: 'GET', url: `/api/plans/${ctx.planId}/cycles` })).json<{
    definitions: {
      kind: string;
      title: string;
      recipient: string;
      cutoffStart: string;
      outlineTemplate: string;
      dataForm: string;
    }[];
    cycles: Cycle[];
  }>();

describe('report definitions and cycles', () => {
  it('has the four reports of a 2026–2030 plan, with the mid-term review in 2028 and the final one in 2030', async () => {
    const { definitions, cycles: all } = await cycles();
    expect(definitions.map((d) => d.kind).sort()).toEqual(['6-month', 'annual', 'final', 'mid-term']);
    for (const d of definitions) {
      for (const field of [d.title, d.recipient, d.outlineTemplate, d.dataForm])
        expect(field.length).toBeGreaterThan(5);
    }
    expect(all.filter((c) => c.kind === 'annual').map((c) => c.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(all.filter((c) => c.kind === '6-month')).toHaveLength(5);
    expect(all.filter((c) => c.kind === 'mid-term').map((c) => c.year)).toEqual([2028]);
    expect(all.filter((c) => c.kind === 'final').map((c) => c.year)).toEqual([2030]);
    const h1 = all.find((c) => c.period === '2026-H1')!;
    expect([h1.cutoffFrom, h1.cutoffTo]).toEqual(['2025-12-15', '2026-06-14']);
  });

  it('lets the coordinator move a deadline (data, not a constant), with a version check', async () => {
    const annual = (await cycles()).cycles.find((c) => c.kind === 'annual' && c.year === 2027)!;
    const body = {
      due: '2027-11-30',
      cutoffFrom: annual.cutoffFrom,
      cutoffTo: annual.cutoffTo,
      version: annual.version,
    };
    const patchCycle = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/cycles/${annual.id}`, headers, payload: body });
    const res = await patchCycle(ctx.coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.json<Cycle>()).toMatchObject({ due: '2027-11-30', version: annual.version + 1 });
    const stale = await patchCycle(ctx.coordinator);
    expect(stale.statusCode).toBe(409);
    const reporter = await ctx.signIn('reporter', ctx.commune);
    const denied = await patchCycle(reporter);
    expect(denied.statusCode).toBe(403);
  });
});

describe('calendar feed', () => {
  it('parses as iCalendar and holds the Action Month and every deadline of the unit', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/org-units/${ctx.SYT}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const component = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const actionMonth = events.find((e) => e.summary.startsWith('Tháng hành động vì bình đẳng giới'));
    expect(actionMonth).toBeDefined();
    expect(actionMonth!.startDate.toString()).toMatch(/-11-15$/);
    // DTEND is exclusive: the month runs to 15/12 inclusive.
    expect(actionMonth!.endDate.toString()).toMatch(/-12-16$/);
    const deadlines = events
      .filter((e) => e.summary.startsWith('Hạn báo cáo'))
      .map((e) => e.startDate.toString());
    const due = (await cycles()).cycles.map((c) => c.due);
    expect(deadlines.sort()).toEqual([...due].sort());
    // Text meant for people: no ISO dates or period codes ("hạn 01/12/2026", "6 tháng đầu năm 2026").
    for (const e of events) {
      expect(`${e.summary} ${e.description}`).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}-[HQ]\d/);
    }
    expect(events.map((e) => e.summary)).toContainEqual(
      expect.stringMatching(/^Hạn báo cáo 6 tháng đầu năm 2026: /),
    );
  });

  it('has no deadlines for a unit that owes nothing, but keeps the fixed dates', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/org-units/${ctx.province.agency('SXD')}/calendar.ics`,
    });
    expect(res.body).not.toContain('Hạn báo cáo');
    expect(res.body).toContain('Ngày Phụ nữ Việt Nam 20/10');
  });
});

describe('completeness, timeliness and reminders', () => {
  const annual2026 = async () => (await cycles()).cycles.find((c) => c.kind === 'annual' && c.year === 2026)!;
  interface Completeness {
    summary: { obligated: number; submitted: number; late: number };
    units: {
      code: string;
      state: string;
      daysLate: number;
      onTime: boolean;
      kind: string;
      targets: { code: string; role: string }[];
    }[];
  }
  const view = async (cycleId: string, headers = ctx.coordinator, unit?: string) =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/cycles/${cycleId}/completeness${unit ? `?unit=${unit}` : ''}`,
        headers,
      })
    ).json<Completeness>();

  it('lists who owes the report: agencies with their targets and every commune', async () => {
    const c = await view((await annual2026()).id);
    const syt = c.units.find((u) => u.code === ctx.SYT)!;
    expect(syt.targets).toContainEqual({ code: '3.2', role: 'coordinate' });
    expect(syt.targets.filter((t) => t.role === 'lead').map((t) => t.code)).toEqual(['3.3', '4.1']);
    expect(c.units.filter((u) => u.kind === 'commune')).toHaveLength(ctx.province.communes.length);
  });

  it('shows a commune that has not submitted by the deadline as late by the right number of days', async () => {
    const cycle = await annual2026();
    clock = new Date('2026-11-26T08:00:00Z');
    expect((await view(cycle.id)).units.find((u) => u.code === ctx.lateCommune)).toMatchObject({
      state: 'not_submitted',
      daysLate: 0,
    });
    // A reporter of the commune submits before the deadline.
    const reporter = await ctx.signIn('reporter', ctx.commune);
    const submit = await ctx.app.inject({
      method: 'POST',
      url: '/api/submissions/submit',
      headers: reporter,
      payload: { planId: ctx.planId, orgUnit: ctx.commune, period: '2026' },
    });
    expect(submit.statusCode).toBe(200);
    clock = new Date('2026-12-04T08:00:00Z');
    // Sessions last 8 hours: sign in again on the later day.
    ctx.coordinator = await ctx.signIn('coordinator', ctx.province.code);
    const c = await view(cycle.id);
    expect(c.units.find((u) => u.code === ctx.lateCommune)).toMatchObject({
      state: 'not_submitted',
      daysLate: 3,
      onTime: false,
    });
    expect(c.units.find((u) => u.code === ctx.commune)).toMatchObject({
      state: 'submitted',
      daysLate: 0,
      onTime: true,
    });
    expect(c.summary.late).toBe(c.summary.obligated - 1);
    // The agency view: a reporter of the commune sees only its own unit.
    const own = await view(cycle.id, await ctx.signIn('reporter', ctx.commune));
    expect(own.units.map((u) => u.code)).toEqual([ctx.commune]);
  });

  it('gives the on-time rate of every cycle whose deadline has passed', async () => {
    clock = new Date('2026-12-04T08:00:00Z');
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/plans/${ctx.planId}/timeliness`,
      headers: ctx.coordinator,
    });
    const items = res.json<{ items: { period: string; obligated: number; onTime: number; rate: number }[] }>()
      .items;
    expect(items.map((i) => i.period)).toEqual(['2026-H1', '2026']);
    const annual = items.find((i) => i.period === '2026')!;
    expect(annual.onTime).toBe(1);
    expect(annual.rate).toBeCloseTo(1 / annual.obligated, 6);
  });

  it('records each reminder exactly once, even with two app processes on one database, and e-mails it once', async () => {
    /** The late commune's head, who gets its reminders by e-mail. */
    const EMAIL = 'lanhdao.xa@example.test';
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    try {
      await queryRows(
        ctx.database.db,
        sql`update users set email = ${EMAIL} where id = ${(await ctx.signIn('approver', ctx.lateCommune)).userId}`,
      );
      clock = new Date('2026-12-04T08:00:00Z');
      const mailer = smtpMailer(`smtp://127.0.0.1:${port}`);
      // Two schedulers racing on the same database, as two app processes would.
      // On PostgreSQL the second runner has its own connection pool, as a second app process would; the embedded
      // database admits one process only (its lock), so there both runners share it.
      const other = ctx.database.url ? await openDatabase({ kind: 'postgres', url: ctx.database.url }) : null;
      const [a, b] = await Promise.all([
        runReminders({ db: ctx.database.db, now, daysBefore: 7, mailer }),
        runReminders({ db: (other ?? ctx.database).db, now, daysBefore: 7, mailer }),
      ]).finally(() => other?.close());
      const rows = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int n from notifications n join reporting_cycles c on c.id = n.cycle_id
            where n.org_unit_code = ${ctx.lateCommune} and c.period = '2026' and n.kind = 'overdue'`,
      );
      expect(rows[0]!.n).toBe(1);
      expect(a.recorded + b.recorded).toBeGreaterThan(0);
      const again = await runReminders({ db: ctx.database.db, now, daysBefore: 7, mailer });
      expect(again.recorded).toBe(0);
      expect(received.filter((r) => r.includes(EMAIL))).toHaveLength(
        // One overdue reminder each for the 2026 annual report (6-month 2026-H1 is past the overdue window).
        1,
      );
      // The commune that submitted gets no reminder.
      const submitted = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int n from notifications n join reporting_cycles c on c.id = n.cycle_id where n.org_unit_code = ${ctx.commune} and c.period = '2026'`,
      );
      expect(submitted[0]!.n).toBe(0);

      // The province's coordinator hears once how many units are late, and reads it among their notifications.
      const summary = await queryRows<{ n: number; message: string }>(
        ctx.database.db,
        sql`select count(*) over ()::int n, n.message from notifications n
            join reporting_cycles c on c.id = n.cycle_id
            where n.org_unit_code = ${ctx.province.code} and c.period = '2026' and n.kind = 'late_units'`,
      );
      expect(summary).toHaveLength(1);
      expect(summary[0]!.message).toMatch(/^\d+ đơn vị chưa gửi báo cáo năm 2026 \(hạn 01\/12\/2026\)/);
      const coordinatorView = await ctx.app.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: await ctx.signIn('coordinator', ctx.province.code),
      });
      expect(
        coordinatorView
          .json<{ items: { kind: string; message: string }[] }>()
          .items.filter((n) => n.kind === 'late_units'),
      ).toContainEqual(expect.objectContaining({ message: summary[0]!.message }));
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

describe('JSON views for the web app', () => {
  it('gives the calendar as JSON: the same events as the .ics feed, deadlines with their cycle', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/org-units/${ctx.SYT}/calendar` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      unit: { code: string; name: string };
      items: { uid: string; start: string; end: string; title: string; cycle: { id: string } | null }[];
    }>();
    expect(body.unit).toMatchObject({ code: ctx.SYT, name: 'Sở Y tế' });
    const starts = body.items.map((i) => i.start);
    expect(starts).toEqual([...starts].sort());
    const all = (await cycles()).cycles;
    const deadlines = body.items.filter((i) => i.cycle);
    expect(deadlines.map((d) => d.cycle!.id).sort()).toEqual(all.map((c) => c.id).sort());
    expect(deadlines.every((d) => d.start === all.find((c) => c.id === d.cycle!.id)!.due)).toBe(true);
    const actionMonth = body.items.find((i) => i.title.startsWith('Tháng hành động vì bình đẳng giới'));
    expect(actionMonth).toMatchObject({ cycle: null });
    expect([actionMonth!.start.slice(5), actionMonth!.end.slice(5)]).toEqual(['11-15', '12-15']);
    const ics = await ctx.app.inject({ method: 'GET', url: `/api/org-units/${ctx.SYT}/calendar.ics` });
    const uids = [...ics.body.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
    expect(uids).toEqual(body.items.map((i) => i.uid));
    const missing = await ctx.app.inject({ method: 'GET', url: '/api/org-units/KHONG-CO/calendar' });
    expect(missing.statusCode).toBe(404);
  });

  it('gives what a unit report will say as JSON, to signed-in readers of the unit only', async () => {
    const cycle = (await cycles()).cycles.find((c) => c.period === '2026')!;
    const url = `/api/cycles/${cycle.id}/reports/${ctx.SYT}/document`;
    expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const other = await ctx.signIn('reporter', ctx.province.agency('TK'));
    expect((await ctx.app.inject({ method: 'GET', url, headers: other })).statusCode).toBe(403);
    const res = await ctx.app.inject({ method: 'GET', url, headers: await ctx.signIn('reporter', ctx.SYT) });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      cycle: { id: string };
      unit: { code: string; kind: string };
      document: { title: string; issuer: string; goals: { targets: { code: string }[] }[] };
    }>();
    expect(body.cycle.id).toBe(cycle.id);
    expect(body.unit).toEqual({ code: ctx.SYT, name: 'Sở Y tế', kind: 'agency' });
    expect(body.document.issuer).toBe('SỞ Y TẾ');
    expect(body.document.title).toContain('năm 2026');
    // An agency's report covers the targets it leads or coordinates.
    const codes = body.document.goals.flatMap((g) => g.targets.map((t) => t.code));
    expect(codes).toContain('3.3');
    expect(codes).not.toContain('1.1');
  });

  it('generates the missing cycles of one year only, and refuses a year outside the plan', async () => {
    const headers = await ctx.signIn('coordinator', ctx.province.code);
    const url = `/api/plans/${ctx.planId}/cycles/generate`;
    const outside = await ctx.app.inject({ method: 'POST', url, headers, payload: { year: 2031 } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ error: { message: string } }>().error.message).toContain('2026–2030');
    await queryRows(
      ctx.database.db,
      sql`delete from reporting_cycles where plan_id = ${ctx.planId} and year in (2029, 2030)`,
    );
    const res = await ctx.app.inject({ method: 'POST', url, headers, payload: { year: 2029 } });
    expect(res.statusCode).toBe(200);
    const years = res.json<{ cycles: Cycle[] }>().cycles.map((c) => `${c.kind} ${c.year}`);
    expect(years).toContain('6-month 2029');
    expect(years).toContain('annual 2029');
    expect(years.filter((y) => y.endsWith('2030'))).toEqual([]);
    // Without a year: every missing cycle of the plan.
    const all = await ctx.app.inject({ method: 'POST', url, headers });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json<{ cycles: Cycle[] }>().cycles.filter((c) => c.year === 2030)).toHaveLength(3);
  });
});
