import { describe, expect, it } from 'vitest';
import { provinceUnits } from '../support/factories/org-units.js';
import { createPlan, sexRatioAtBirthGoal } from '../support/factories/plans.js';
import { useTestApp } from '../support/test-app.js';

interface Task {
  id: string;
  code: string | null;
  status: string;
  version: number;
  children: { id: string; status: string }[];
  childrenDone: number;
}

/** A province's one-year plan with one task naming its Sở Y tế, which leads the plan's one target. */
const ctx = useTestApp({}, async (app) => {
  const province = await provinceUnits(app);
  const parent = await createPlan(app, {
    province,
    document: { period: { from: 2027, to: 2027 } },
    goals: [sexRatioAtBirthGoal('Sở Y tế')],
    tasks: [
      { code: 'III.1', text: 'Truyền thông giảm mất cân bằng giới tính khi sinh', agencies: ['Sở Y tế'] },
    ],
  });
  return { province, parentId: parent.id, coordinator: await app.signIn('coordinator', province.code) };
});

const tasksOf = async (planId: string) =>
  (
    await ctx.app.inject({ method: 'GET', url: `/api/plans/${planId}/tasks`, headers: ctx.coordinator })
  ).json<{
    items: Task[];
  }>().items;

describe('tasks', () => {
  it('lets the plan’s unit update a task’s status, with a version check, and refuses others', async () => {
    const [task] = await tasksOf(ctx.parentId);
    const body = {
      status: 'in_progress',
      startDate: '2027-02-01',
      dueDate: '2027-06-30',
      evidence: null,
      version: task!.version,
    };
    const patchTask = (headers: Record<string, string>, payload: object = body) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/tasks/${task!.id}`, headers, payload });
    const ok = await patchTask(ctx.coordinator);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Task>()).toMatchObject({ status: 'in_progress', version: task!.version + 1 });
    const stale = await patchTask(ctx.coordinator);
    expect(stale.statusCode).toBe(409);
    const commune = await ctx.signIn('reporter', ctx.province.communes[0]!.code);
    const denied = await patchTask(commune);
    expect(denied.statusCode).toBe(403);
    const backwards = await patchTask(ctx.coordinator, {
      ...body,
      dueDate: '2027-01-01',
      version: task!.version + 1,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('shows on the parent the progress of the child plans’ tasks that carry it out', async () => {
    const syt = await ctx.signIn('reporter', ctx.province.agency('SYT'));
    const draft = await ctx.app.inject({
      method: 'POST',
      url: `/api/plans/${ctx.parentId}/drafts`,
      headers: syt,
      payload: { unit: ctx.province.agency('SYT'), year: 2027 },
    });
    expect(draft.statusCode).toBe(201);
    const childTasks = await tasksOf(draft.json<{ id: string }>().id);
    const restated = childTasks.find((t) => t.code === 'III.1')!;
    expect(restated).toBeDefined();
    let [parentTask] = await tasksOf(ctx.parentId);
    expect(parentTask!.children.map((c) => c.id)).toEqual([restated.id]);
    expect(parentTask!.childrenDone).toBe(0);
    const done = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${restated.id}`,
      headers: syt,
      payload: {
        status: 'done',
        startDate: null,
        dueDate: null,
        evidence: 'Đã tổ chức 3 hội nghị',
        version: restated.version,
      },
    });
    expect(done.statusCode).toBe(200);
    [parentTask] = await tasksOf(ctx.parentId);
    expect(parentTask!.childrenDone).toBe(1);
  });
});
