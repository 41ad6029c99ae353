import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/server.js';

type Ctx = Awaited<ReturnType<typeof createTestApp>>;
let ctx: Ctx;
let coordinator: Awaited<ReturnType<Ctx['signIn']>>;
let parentId: string;

interface Task {
  id: string;
  code: string | null;
  status: string;
  version: number;
  children: { id: string; status: string }[];
  childrenDone: number;
}

beforeAll(async () => {
  ctx = await createTestApp({ demo: false });
  coordinator = await ctx.signIn('coordinator', '20');
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/plans/import',
    headers: coordinator,
    payload: {
      format: 'binhdang.plan/1',
      document: {
        type: 'KH',
        number: '15',
        symbol: 'KH-UBND',
        issuer: 'UBND tỉnh Lạng Sơn',
        parentBody: null,
        place: 'Lạng Sơn',
        date: '2027-01-20',
        title: 'Công tác bình đẳng giới năm 2027',
        period: { from: 2027, to: 2027 },
        signer: null,
      },
      references: [],
      goals: [
        {
          code: '1',
          title: 'Y tế',
          targets: [
            {
              code: '1.1',
              text: 'tỷ số giới tính khi sinh',
              measures: [
                { value: 110, unit: 'per100', comparator: '<=', year: 2027, baseline: null, per: null },
              ],
            },
          ],
        },
      ],
      tasks: [
        { code: 'III.1', text: 'Truyền thông giảm mất cân bằng giới tính khi sinh', agencies: ['Sở Y tế'] },
      ],
      assignments: [{ agency: 'Sở Y tế', role: 'lead', targets: ['1.1'] }],
    },
  });
  expect(res.statusCode).toBe(201);
  parentId = res.json<{ id: string }>().id;
});
afterAll(async () => {
  await ctx?.close();
});

const tasksOf = async (planId: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/plans/${planId}/tasks`, headers: coordinator })).json<{
    items: Task[];
  }>().items;

describe('tasks', () => {
  it('lets the plan’s unit update a task’s status, with a version check, and refuses others', async () => {
    const [task] = await tasksOf(parentId);
    const body = {
      status: 'in_progress',
      startDate: '2027-02-01',
      dueDate: '2027-06-30',
      evidence: null,
      version: task!.version,
    };
    const ok = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task!.id}`,
      headers: coordinator,
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Task>()).toMatchObject({ status: 'in_progress', version: task!.version + 1 });
    const stale = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task!.id}`,
      headers: coordinator,
      payload: body,
    });
    expect(stale.statusCode).toBe(409);
    const commune = await ctx.signIn('reporter', '05977');
    const denied = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task!.id}`,
      headers: commune,
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    const backwards = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task!.id}`,
      headers: coordinator,
      payload: { ...body, dueDate: '2027-01-01', version: task!.version + 1 },
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('shows on the parent the progress of the child plans’ tasks that carry it out', async () => {
    const syt = await ctx.signIn('reporter', '20-SYT');
    const draft = await ctx.app.inject({
      method: 'POST',
      url: `/api/plans/${parentId}/drafts`,
      headers: syt,
      payload: { unit: '20-SYT', year: 2027 },
    });
    expect(draft.statusCode).toBe(201);
    const childTasks = await tasksOf(draft.json<{ id: string }>().id);
    const restated = childTasks.find((t) => t.code === 'III.1')!;
    expect(restated).toBeDefined();
    let [parentTask] = await tasksOf(parentId);
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
    [parentTask] = await tasksOf(parentId);
    expect(parentTask!.childrenDone).toBe(1);
  });
});
