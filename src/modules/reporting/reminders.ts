import nodemailer from 'nodemailer';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/connection.js';
import { daysAfter } from '../../domain/cycles.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.repository.js';
import {
  findCyclesDueBy,
  findObligations,
  insertNotificationOnce,
  markEmailed,
} from './reporting.repository.js';
import { completeness, isoDay, type Obligations } from './reporting.service.js';

/** Overdue reminders go out from the day after a deadline, for a month (not for every old cycle). */
export const OVERDUE_WINDOW_DAYS = 30;

export interface Mailer {
  send(message: { to: string[]; subject: string; text: string }): Promise<void>;
}

/** SMTP through nodemailer, e.g. SMTP_URL=smtp://user:pass@host:587; SMTP_FROM sets the sender. */
export function smtpMailer(url: string, from = 'Bình Đẳng <no-reply@localhost>'): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

export interface ReminderDeps {
  db: Database;
  now: () => Date;
  /** Days before a deadline when units that have not submitted are reminded. */
  daysBefore: number;
  mailer?: Mailer | null;
}

/** Reporters and approvers of a unit who have an e-mail address. */
async function recipientsOf(db: Database, unit: string): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select distinct u.email from users u join role_grants g on g.user_id = u.id
        where g.org_unit_code = ${unit} and g.role in ('reporter', 'approver') and u.active and u.email is not null`,
  );
  return rows.map((r) => r.email);
}

/**
 * One pass of the reminder job: for every unit that has not submitted, a "due soon" reminder `daysBefore` days
 * before the deadline and an "overdue" one from the day after. Each is recorded once (a unique key decides which
 * of several app processes records it) and only the process that recorded it sends its e-mail.
 */
export async function runReminders(deps: ReminderDeps): Promise<{ recorded: number; emailed: number }> {
  const today = isoDay(deps.now());
  const horizon = isoDay(new Date(deps.now().getTime() + deps.daysBefore * 86_400_000));
  let recorded = 0;
  let emailed = 0;
  const obligationsOf = new Map<string, Promise<Obligations>>();
  for (const cycle of await findCyclesDueBy(deps.db, horizon)) {
    const daysLeft = -daysAfter(cycle.due, today);
    const kind =
      daysLeft < -OVERDUE_WINDOW_DAYS
        ? null
        : daysLeft < 0
          ? 'overdue'
          : daysLeft <= deps.daysBefore
            ? 'due_soon'
            : null;
    if (!kind) continue;
    if (!obligationsOf.has(cycle.planId))
      obligationsOf.set(cycle.planId, findObligations(deps.db, cycle.planId));
    const { units } = await completeness(deps, cycle.id, await obligationsOf.get(cycle.planId));
    for (const unit of units.filter((u) => u.state === 'not_submitted')) {
      const message =
        kind === 'overdue'
          ? `${unit.name}: quá hạn ${-daysLeft} ngày báo cáo kỳ ${cycle.period} (hạn ${cycle.due}) — ${cycle.planTitle}`
          : `${unit.name}: còn ${daysLeft} ngày đến hạn báo cáo kỳ ${cycle.period} (hạn ${cycle.due}) — ${cycle.planTitle}`;
      const row = await deps.db.transaction(async (tx) => {
        const inserted = await insertNotificationOnce(tx, {
          cycleId: cycle.id,
          orgUnitCode: unit.code,
          kind,
          message,
        });
        if (inserted) {
          await recordAudit(tx, SYSTEM_ACTOR, {
            action: `reminder.${kind}`,
            entity: 'notification',
            entityId: inserted.id,
            orgUnitCode: unit.code,
            period: cycle.period,
            after: { message },
          });
        }
        return inserted;
      });
      if (!row) continue;
      recorded++;
      const to = deps.mailer ? await recipientsOf(deps.db, unit.code) : [];
      if (deps.mailer && to.length > 0) {
        await deps.mailer.send({
          to,
          subject: `[Bình Đẳng] ${kind === 'overdue' ? 'Quá hạn' : 'Sắp đến hạn'} báo cáo kỳ ${cycle.period}`,
          text: message,
        });
        await markEmailed(deps.db, row.id, deps.now());
        emailed++;
      }
    }
  }
  return { recorded, emailed };
}

/** Runs the reminder job now and then every `intervalMs` inside the app process; returns a stop function. */
export function startReminderScheduler(
  deps: ReminderDeps,
  intervalMs: number,
  log: (err: unknown) => void,
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runReminders(deps)
      .catch(log)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
