import { Autocomplete, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queries, type AuditFilter, type SessionUser } from '../api';
import { actionLabel, AuditTable, KNOWN_ACTIONS } from '../components/AuditTable';
import { FilterBar } from '../components/FilterBar';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryState';
import { RequireLogin } from '../components/RequireLogin';
import { isManager, MANAGER_ROLES, unitsWithRole } from '../session';
import { useManagedUnits } from './UsersPage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMIT = 200;

function Audit({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { options: units } = useManagedUnits(user);
  const users = useQuery(queries.users());
  const unit = params.get('unit') ?? unitsWithRole(user, MANAGER_ROLES)[0] ?? '';
  const action = params.get('action');

  // Free text (a username or a user id, a period) goes to the address once typing pauses.
  const [userText, setUserText] = useState(params.get('user') ?? '');
  const [periodText, setPeriodText] = useState(params.get('period') ?? '');

  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const setUserLater = useDebouncedCallback((text: string) => set('user', text.trim() || null), 300);
  const setPeriodLater = useDebouncedCallback((text: string) => set('period', text.trim() || null), 300);

  const userOptions = useMemo(() => (users.data?.items ?? []).map((u) => u.username), [users.data]);
  const userId = useMemo(() => {
    const q = params.get('user') ?? '';
    if (!q) return { id: undefined, unknown: false };
    const found = users.data?.items.find((u) => u.username === q);
    if (found) return { id: found.id, unknown: false };
    return UUID.test(q) ? { id: q, unknown: false } : { id: undefined, unknown: users.isSuccess };
  }, [params, users.data, users.isSuccess]);

  const filter: AuditFilter = {
    unit,
    limit: LIMIT,
    ...(userId.id ? { user: userId.id } : {}),
    ...(params.get('period') ? { period: params.get('period')! } : {}),
    ...(action ? { action } : {}),
  };
  const audit = useQuery({
    ...queries.audit(filter),
    enabled: unit !== '',
    placeholderData: keepPreviousData,
  });
  const unitName = useMemo(() => {
    const names = new Map(units.map((u) => [u.value, u.label.replace(/ \([^)]*\)$/, '')]));
    return (code: string) => names.get(code) ?? code;
  }, [units]);
  const actionOptions = KNOWN_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }));

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <FilterBar>
        <Select
          label={t('audit.unit')}
          data={units.length > 0 ? units : [{ value: unit, label: unit }]}
          value={unit}
          onChange={(v) => v && set('unit', v)}
          allowDeselect={false}
          searchable
          data-testid="audit-unit"
        />
        <Autocomplete
          label={t('audit.user')}
          placeholder={t('audit.userPlaceholder')}
          data={userOptions}
          value={userText}
          onChange={(v) => {
            setUserText(v);
            setUserLater(v);
          }}
          error={userId.unknown ? t('common.notFound') : undefined}
          data-testid="audit-user"
        />
        <TextInput
          label={t('audit.period')}
          placeholder={t('audit.periodPlaceholder')}
          value={periodText}
          onChange={(e) => {
            setPeriodText(e.currentTarget.value);
            setPeriodLater(e.currentTarget.value);
          }}
          data-testid="audit-period"
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.all')}
          data={actionOptions}
          value={action}
          onChange={(v) => set('action', v)}
          clearable
          data-testid="audit-action"
        />
      </FilterBar>
      <QueryView
        query={audit}
        isEmpty={(data) => data.items.length === 0}
        empty={t('audit.empty')}
        emptyTestId="audit-empty"
      >
        {(data) => (
          <Stack gap="xs">
            <Text size="sm" c="dimmed" data-testid="audit-count">
              {data.items.length >= LIMIT
                ? t('audit.limited', { count: LIMIT })
                : t('audit.count', { count: data.items.length })}
            </Text>
            <Paper withBorder radius="md" style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}>
              <AuditTable items={data.items} unitName={unitName} />
            </Paper>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

/** /audit: the append-only trail of a unit and everything under it, filtered by user, period and action. */
export function AuditPage() {
  const { t } = useTranslation();
  return (
    <RequireLogin allowed={isManager} forbidden={t('audit.forbidden')}>
      {(user) => <Audit user={user} />}
    </RequireLogin>
  );
}
