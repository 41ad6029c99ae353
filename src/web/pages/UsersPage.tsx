import {
  ActionIcon,
  Badge,
  Button,
  Group,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../domain/permissions';
import { sortVietnamese } from '../../domain/vietnamese';
import { ApiError, createUser, queries, type SessionUser, userKeys } from '../api';
import { ErrorAlert, FeedbackAlert } from '../components/FeedbackAlert';
import { GrantList } from '../components/GrantList';
import { ModalForm } from '../components/ModalForm';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryState';
import { RequireManager } from '../components/RequireLogin';
import { TableCard } from '../components/TableCard';
import { UsernameInput } from '../components/UsernameInput';
import { MANAGER_ROLES, unitsWithRole } from '../session';

export interface UnitOption {
  value: string;
  label: string;
}

/**
 * Units a manager works with: those of its coordinator/admin grants and the units directly under them
 * (a province's agencies and communes), as select options, the managed units first.
 */
export function useManagedUnits(user: SessionUser): { options: UnitOption[]; pending: boolean } {
  const roots = unitsWithRole(user, MANAGER_ROLES);
  return useQueries({
    queries: roots.flatMap((code) => [queries.orgUnit(code), queries.orgUnitChildren(code)]),
    combine: (results) => {
      const options: UnitOption[] = [];
      const seen = new Set<string>();
      const add = (code: string, name: string) => {
        if (seen.has(code)) return;
        seen.add(code);
        options.push({ value: code, label: `${name} (${code})` });
      };
      roots.forEach((code, i) => {
        const unit = results[2 * i]?.data;
        if (unit && 'ancestors' in unit) add(unit.code, unit.name);
      });
      const children = results.flatMap((r) => (r.data && 'items' in r.data ? r.data.items : []));
      for (const c of sortVietnamese(children, (u) => u.name)) add(c.code, c.name);
      return { options, pending: results.some((r) => r.isPending) };
    },
  });
}

interface GrantDraft {
  role: Role | null;
  unit: string | null;
}

function CreateUser({
  user,
  opened,
  onClose,
}: {
  user: SessionUser;
  opened: boolean;
  onClose: (created?: string) => void;
}) {
  const { t } = useTranslation();
  const { options, pending } = useManagedUnits(user);
  const isAdmin = user.grants.some((g) => g.role === 'admin');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantDraft[]>([{ role: 'reporter', unit: null }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: createUser });
  const roleOptions = ROLES.filter((r) => isAdmin || r !== 'admin').map((r) => ({
    value: r,
    label: `${t(`roles.${r}`)} — ${t(`roleHints.${r}`)}`,
  }));

  async function submit() {
    setFailure(null);
    setErrors({});
    const complete = grants.filter(
      (g): g is { role: Role; unit: string } => g.role !== null && g.unit !== null,
    );
    if (!username.trim() || !displayName.trim() || !password || complete.length !== grants.length) {
      setFailure(t('users.incomplete'));
      return;
    }
    try {
      await mutation.mutateAsync({
        username: username.trim(),
        displayName: displayName.trim(),
        password,
        grants: complete.map((g) => ({ role: g.role, orgUnitCode: g.unit })),
      });
      onClose(username.trim());
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Record<string, string> = {};
        for (const issue of err.issues) {
          const name = issue.path.replace(/^\$\.body\./, '').split(/[.[]/)[0] ?? '';
          if (['username', 'displayName', 'password'].includes(name)) byField[name] = issue.message;
        }
        setErrors(byField);
        if (Object.keys(byField).length === 0) setFailure(err.message);
      } else setFailure(t('users.failed'));
    }
  }

  return (
    <ModalForm
      opened={opened}
      onClose={() => onClose()}
      title={t('users.create')}
      size="lg"
      onSubmit={() => void submit()}
      actions={{
        submit: t('users.save'),
        submitTestId: 'user-create-submit',
        loading: mutation.isPending,
        cancel: t('users.cancel'),
      }}
    >
      <UsernameInput
        label={t('users.username')}
        description={t('users.usernameHint')}
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        error={errors.username}
        data-testid="user-username"
      />
      <TextInput
        label={t('users.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={errors.displayName}
        required
        data-testid="user-display-name"
      />
      <PasswordInput
        label={t('users.password')}
        description={t('account.rules')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.password}
        autoComplete="new-password"
        required
        data-testid="user-password"
      />
      {grants.map((g, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="nowrap" data-testid="user-grant">
          <Select
            label={t('users.role')}
            data={roleOptions}
            value={g.role}
            onChange={(v) => setGrants((all) => all.map((x, j) => (j === i ? { ...x, role: v } : x)))}
            allowDeselect={false}
            w={200}
            comboboxProps={{ width: 360, position: 'bottom-start' }}
            renderOption={({ option }) => <Text size="sm">{option.label}</Text>}
            data-testid="user-role"
          />
          <Select
            label={t('users.unit')}
            placeholder={pending ? t('common.loading') : t('users.unitPlaceholder')}
            data={options}
            value={g.unit}
            onChange={(v) => setGrants((all) => all.map((x, j) => (j === i ? { ...x, unit: v } : x)))}
            searchable
            style={{ flex: 1 }}
            nothingFoundMessage={t('orgUnit.filterNone')}
            data-testid="user-unit"
          />
          {grants.length > 1 && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              aria-label={t('users.removeGrant')}
              title={t('users.removeGrant')}
              onClick={() => setGrants((all) => all.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        onClick={() => setGrants((all) => [...all, { role: 'reporter', unit: null }])}
      >
        + {t('users.addGrant')}
      </Button>
      <ErrorAlert testId="user-error">{failure}</ErrorAlert>
    </ModalForm>
  );
}

function Users({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery(queries.users());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const items = useMemo(() => sortVietnamese(users.data?.items ?? [], (u) => u.displayName), [users.data]);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      {created && (
        <FeedbackAlert ok onClose={() => setCreated(null)} testId="user-created">
          {t('users.created', { username: created })}
        </FeedbackAlert>
      )}
      <QueryView query={users}>
        {() => (
          <TableCard
            items={items}
            empty={t('users.empty')}
            minWidth={760}
            striped="even"
            data-testid="users-table"
            columns={[
              { label: t('users.columns.name') },
              { label: t('users.columns.username'), w: 190 },
              { label: t('users.columns.roles') },
              { label: t('users.columns.status'), w: 200 },
            ]}
          >
            {(u) => (
              <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                <Table.Td fw={500}>{u.displayName}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {u.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <GrantList grants={u.grants} size="xs" />
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge variant="dot" color={u.active ? 'teal' : 'gray'} tt="none">
                      {u.active ? t('users.active') : t('users.inactive')}
                    </Badge>
                    {u.isDemo && (
                      <Badge variant="light" color="orange" radius="sm" tt="none">
                        {t('users.demo')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
          </TableCard>
        )}
      </QueryView>
      {/* Mounted while open only: a new account starts from blank fields. */}
      {creating && (
        <CreateUser
          user={user}
          opened
          onClose={(name) => {
            setCreating(false);
            if (name) {
              setCreated(name);
              void client.invalidateQueries({ queryKey: userKeys.all });
            }
          }}
        />
      )}
    </Stack>
  );
}

/** /admin/users: the accounts a coordinator or admin manages, and creating one with a role over a unit. */
export function UsersPage() {
  return <RequireManager forbidden="users.forbidden">{(user) => <Users user={user} />}</RequireManager>;
}
