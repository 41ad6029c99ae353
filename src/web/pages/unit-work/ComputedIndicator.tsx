import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queries, type OrgUnitDetail, type PlanProgress } from '../../api';
import { StatusBadge } from '../../components/StatusBadge';
import { documentIdentity } from '../../format';
import { useLocalized } from '../../i18n';
import { formatValue, periodText } from '../../status';

/** Marks a figure the platform computes from registers and the log: nobody typed it in. */
export function ComputedBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color="grape"
      radius="sm"
      tt="none"
      title={t('work.computed.title')}
      data-testid="computed-badge"
    >
      {t('work.computed.badge')}
    </Badge>
  );
}

/** The province a unit belongs to (itself for a province). */
export function provinceOf(unit: OrgUnitDetail): { code: string; name: string } | null {
  if (unit.kind === 'province') return { code: unit.code, name: unit.name };
  return unit.ancestors.find((a) => a.kind === 'province') ?? null;
}

/** Progress of the plans the unit's province issued: where its computed indicators are measured. */
export function useProvincePlanProgress(unit: OrgUnitDetail) {
  const province = provinceOf(unit);
  const plans = useQuery(queries.plans());
  const ids = (plans.data?.items ?? [])
    .filter((p) => province && p.issuerUnit?.code === province.code)
    .map((p) => ({ id: p.id, identity: p.document }));
  const progress = useQueries({
    queries: ids.map((p) => queries.planProgress(p.id)),
    combine: (results) => results.flatMap((r) => (r.data ? [r.data] : [])),
  });
  return { province, plans: ids, progress };
}

/** Every measure of those plans that the indicator measures. */
export function measuresOf(progress: readonly PlanProgress[], indicator: string) {
  return progress.flatMap((p) =>
    p.targets.flatMap((target) =>
      target.measures
        .filter((m) => m.indicator?.code === indicator)
        .map((measure) => ({ planId: p.planId, target, measure })),
    ),
  );
}

/**
 * A computed indicator at the province: its latest value (labelled computed), and the status of each target it
 * measures, with the explanation of which records it is computed from.
 */
export function ComputedIndicator({
  unit,
  indicator,
  children,
}: {
  unit: OrgUnitDetail;
  indicator: string;
  children?: ReactNode;
}) {
  const { t, locale } = useLocalized();
  const { province, plans, progress } = useProvincePlanProgress(unit);
  const found = measuresOf(progress, indicator);
  const name = found[0]?.measure.indicator;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`computed-${indicator}`}>
      <Stack gap="xs">
        <Group gap="xs" align="center">
          <Text fw={700}>{indicator}</Text>
          {name && <Text fw={500}>{locale === 'vi' ? name.nameVi : name.nameEn}</Text>}
          <ComputedBadge />
        </Group>
        {children && (
          <Text size="sm" c="dimmed" style={{ textWrap: 'pretty' }}>
            {children}
          </Text>
        )}
        {found.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('work.computed.noPlan')}
          </Text>
        ) : (
          found.map(({ planId, target, measure }) => {
            const plan = plans.find((p) => p.id === planId)?.identity;
            return (
              <Group
                key={measure.measureId}
                gap="sm"
                align="center"
                data-testid="computed-target"
                data-target={target.code}
              >
                <Text size="sm">
                  {t('work.computed.at', { name: province?.name ?? '' })}:{' '}
                  {measure.latest ? (
                    <>
                      <Text
                        span
                        fw={700}
                        data-testid="computed-value"
                        data-period={measure.latest.period}
                        data-value={measure.latest.value}
                      >
                        {formatValue(measure.latest.value, measure.target.unit, locale)}
                      </Text>{' '}
                      ({periodText(measure.latest.period, locale)})
                    </>
                  ) : (
                    t('dashboard.noData')
                  )}
                </Text>
                <Anchor component={Link} to={`/targets/${target.targetId}`} size="sm">
                  {t('work.computed.target', { code: target.code })}
                  {plan && ` · ${documentIdentity(t, plan.number, plan.symbol)}`}
                </Anchor>
                <StatusBadge status={target.status} />
              </Group>
            );
          })
        )}
      </Stack>
    </Paper>
  );
}
