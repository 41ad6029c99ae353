import { Autocomplete, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queries, type AuditFilter, type SessionUser, isUuid } from '../api';
import { actionLabel, AuditTable, KNOWN_ACTIONS } from '../components/AuditTable';
import { FilterBar } from '../components/FilterBar';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryState';
import { RequireManager } from '../components/RequireLogin';
import { MANAGER_ROLES, unitsWithRole } from '../session';
import { useManagedUnits } from './UsersPage';

const LIMIT = 200;

/**
 * A filter typed as free text (a username or a user id, a period): shown as typed at once, handed to `commit`
 * (trimmed) once typing pauses.
 */
function useTypedFilter(initial: string, commit: (text: string) => void) {
  const [text, setText] = useState(initial);
  const commitLater = useDebouncedCallback((value: string) => commit(value.trim()), 300);
  return {
    value: text,
    onChange: (value: string) => {
      setText(value);
      commitLater(value);
    },
  };
}

function Audit({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { options: units } = useManagedUnits(user);
  const users = useQuery(queries.users());
  const unit = params.get('unit') ?? unitsWithRole(user, MANAGER_ROLES)[0] ?? '';
  const action = params.get('action');

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
  const userText = useTypedFilter(params.get('user') ?? '', (text) => set('user', text || null));
  const periodText = useTypedFilter(params.get('period') ?? '', (text) => set('period', text || null));

  const userOptions = useMemo(() => (users.data?.items ?? []).map((u) => u.username), [users.data]);
  const userId = useMemo(() => {
    const q = params.get('user') ?? '';
    if (!q) return { id: undefined, unknown: false };
    const found = users.data?.items.find((u) => u.username === q);
    if (found) return { id: found.id, unknown: false };
    return isUuid(q) ? { id: q, unknown: false } : { id: undefined, unknown: users.isSuccess };
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
          {...userText}
          error={userId.unknown ? t('common.notFound') : undefined}
          data-testid="audit-user"
        />
        <TextInput
          label={t('audit.period')}
          placeholder={t('audit.periodPlaceholder')}
          value={periodText.value}
          onChange={(e) => periodText.onChange(e.currentTarget.value)}
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
  return <RequireManager forbidden="audit.forbidden">{(user) => <Audit user={user} />}</RequireManager>;
}
