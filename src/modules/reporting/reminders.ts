import { formatDayVi } from '../../domain/partial-date.js';
import { periodWords } from '../../domain/period.js';
import nodemailer from 'nodemailer';
import type { Clock } from '../../core/clock.js';
import { startRecurringJob } from '../../core/recurring-job.js';
import type { Database } from '../../db/connection.js';
import { daysAfter } from '../../domain/cycles.js';
import type { Role } from '../../domain/permissions.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.repository.js';
import {
  findCyclesDueBy,
  findObligations,
  findRecipientEmails,
  insertNotificationOnce,
  markEmailed,
} from './reporting.repository.js';
import { completeness, isoDay, type Obligations } from './reporting.service.js';

/** Overdue reminders go out from the day after a deadline, for a month (not for every old cycle). */
const OVERDUE_WINDOW_DAYS = 30;

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
  now: Clock;
  /** Days before a deadline when units that have not submitted are reminded. */
  daysBefore: number;
  mailer?: Mailer | null;
}

type NotificationInput = Parameters<typeof insertNotificationOnce>[1];

/** Records a notification unless it already is (whichever process gets there first), with its audit row. */
async function recordOnce(deps: ReminderDeps, n: Omit<NotificationInput, 'createdAt'>, period: string) {
  const createdAt = deps.now();
  return deps.db.transaction(async (tx) => {
    const inserted = await insertNotificationOnce(tx, { ...n, createdAt });
    if (inserted) {
      await recordAudit(
        tx,
        SYSTEM_ACTOR,
        {
          action: `reminder.${n.kind}`,
          entity: 'notification',
          entityId: inserted.id,
          orgUnitCode: n.orgUnitCode,
          period,
          after: { message: n.message },
        },
        createdAt,
      );
    }
    return inserted;
  });
}

/** E-mails a recorded notification to the unit's users in `roles`; true when a message went out. */
async function mailOut(
  deps: ReminderDeps,
  row: { id: string; orgUnitCode: string; message: string },
  roles: readonly Role[],
  subject: string,
  period: string,
): Promise<boolean> {
  if (!deps.mailer) return false;
  const to = await findRecipientEmails(deps.db, row.orgUnitCode, roles);
  if (to.length === 0) return false;
  await deps.mailer.send({
    to,
    subject: `[Bình Đẳng] ${subject} báo cáo ${periodWords(period, 'vi')}`,
    text: row.message,
  });
  await markEmailed(deps.db, row.id, deps.now());
  return true;
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
    const late = units.filter((u) => u.state === 'not_submitted');
    for (const unit of late) {
      const message =
        kind === 'overdue'
          ? `${unit.name}: quá hạn ${-daysLeft} ngày báo cáo ${periodWords(cycle.period, 'vi')} (hạn ${formatDayVi(cycle.due)}) — ${cycle.planTitle}`
          : `${unit.name}: còn ${daysLeft} ngày đến hạn báo cáo ${periodWords(cycle.period, 'vi')} (hạn ${formatDayVi(cycle.due)}) — ${cycle.planTitle}`;
      const row = await recordOnce(
        deps,
        { cycleId: cycle.id, orgUnitCode: unit.code, kind, message },
        cycle.period,
      );
      if (!row) continue;
      recorded++;
      if (
        await mailOut(
          deps,
          row,
          ['reporter', 'approver'],
          kind === 'overdue' ? 'Quá hạn' : 'Sắp đến hạn',
          cycle.period,
        )
      )
        emailed++;
    }
    // The coordinator of the issuing unit hears once, the day after the deadline, how many units are late.
    if (kind === 'overdue' && late.length > 0 && cycle.issuerUnitCode) {
      const message = `${late.length} đơn vị chưa gửi báo cáo ${periodWords(cycle.period, 'vi')} (hạn ${formatDayVi(cycle.due)}) — ${cycle.planTitle}`;
      const row = await recordOnce(
        deps,
        { cycleId: cycle.id, orgUnitCode: cycle.issuerUnitCode, kind: 'late_units', message },
        cycle.period,
      );
      if (row) {
        recorded++;
        if (await mailOut(deps, row, ['coordinator'], 'Đơn vị trễ hạn', cycle.period)) emailed++;
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
  return startRecurringJob(() => runReminders(deps), intervalMs, log);
}
