import { Alert, Anchor, Button, Group, NativeSelect, Select, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { sortVietnamese } from '../../../domain/vietnamese';
import { ApiError, queries, type PlanDetail, type SessionUser, planKeys } from '../../api';
import { SectionCard } from '../../components/SectionCard';
import { allows, ancestryOf } from '../../session';
import { useWorkApi } from '../../api/work';

/** State handed to the new plan's page, so that it can offer the DOCX straight away. */
export interface DraftedState {
  drafted: true;
}

/**
 * The units under the plan's issuer for which the user may draft their own plan: communes, and the agencies the
 * plan assigns a target to (an agency without one has nothing to restate).
 */
function useDraftableUnits(plan: PlanDetail, user: SessionUser) {
  const code = plan.issuerUnit?.code ?? '';
  const issuer = useQuery({ ...queries.orgUnit(code), enabled: code !== '' });
  const children = useQuery({ ...queries.orgUnitChildren(code), enabled: code !== '' });
  if (!issuer.data || !children.data) return [];
  const assigned = new Set(
    plan.goals.flatMap((g) =>
      g.targets.flatMap((t) => [...t.lead, ...t.coordinate].flatMap((a) => (a.code ? [a.code] : []))),
    ),
  );
  const above = ancestryOf(issuer.data);
  const units = children.data.items.filter(
    (u) =>
      (u.kind === 'commune' || (u.kind === 'agency' && assigned.has(u.code))) &&
      allows(user.grants, 'submission.submit', [u.code, ...above]),
  );
  return sortVietnamese(units, (u) => u.name);
}

/** "Lập kế hoạch của đơn vị": draft the user's agency or commune plan for a year from this plan. */
export function DraftPlanPanel({ plan, user }: { plan: PlanDetail; user: SessionUser }) {
  const { t } = useTranslation();
  const api = useWorkApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const units = useDraftableUnits(plan, user);
  const { from, to } = plan.document.period;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(Math.min(to, Math.max(from, thisYear)));
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // When the unit already has its plan for the year, the server names it: offer the way there.
  const [existingPlan, setExistingPlan] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { unit: string; year: number }) => api.draftPlan(plan.id, body),
  });
  if (units.length === 0 || from === to) return null;
  const unit = units.length === 1 ? units[0]!.code : chosen;

  async function submit() {
    setError(null);
    setExistingPlan(null);
    if (!unit) {
      setError(t('planDraft.errors.unit'));
      return;
    }
    try {
      const { id } = await mutation.mutateAsync({ unit, year });
      // The parent lists its children; the plan list gains one.
      await client.invalidateQueries({ queryKey: planKeys.all });
      const state: DraftedState = { drafted: true };
      await navigate(`/plans/${id}`, { state });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('planDraft.errors.failed'));
      const current = e instanceof ApiError ? e.issues[0]?.current?.planId : undefined;
      setExistingPlan(typeof current === 'string' ? current : null);
    }
  }

  return (
    <SectionCard
      title={t('planDraft.title')}
      hint={t('planDraft.hint')}
      bg="indigo.0"
      data-testid="draft-panel"
    >
      <Group align="flex-end" gap="md">
        {units.length === 1 ? (
          <div>
            <Text size="sm" fw={500}>
              {t('planDraft.unit')}
            </Text>
            <Text fw={700} data-testid="draft-unit-name">
              {units[0]!.name}
            </Text>
          </div>
        ) : (
          <Select
            label={t('planDraft.unit')}
            placeholder={t('planDraft.unitPlaceholder')}
            data={units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
            value={chosen}
            onChange={setChosen}
            searchable
            w={320}
            error={error && !unit ? error : undefined}
            data-testid="draft-unit"
          />
        )}
        <NativeSelect
          label={t('planDraft.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={years.map(String)}
          w={120}
          data-testid="draft-year"
        />
        <Button onClick={() => void submit()} loading={mutation.isPending} data-testid="draft-submit">
          {t('planDraft.submit')}
        </Button>
      </Group>
      {error && unit && (
        <Alert color="red" variant="light" role="alert" data-testid="draft-error">
          {error}
          {existingPlan && (
            <>
              {' '}
              <Anchor component={Link} to={`/plans/${existingPlan}`} data-testid="draft-existing">
                {t('planDraft.openExisting')}
              </Anchor>
            </>
          )}
        </Alert>
      )}
    </SectionCard>
  );
}
