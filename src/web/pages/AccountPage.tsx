import { Alert, Button, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, changePassword, type SessionUser } from '../api';
import { GrantList } from '../components/GrantList';
import { PageHeader } from '../components/PageHeader';
import { RequireLogin } from '../components/RequireLogin';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const mutation = useMutation({ mutationFn: changePassword });

  const field = (name: Field) => ({
    value: values[name],
    error: errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((prev) => ({ ...prev, [name]: undefined }));
      setDone(false);
    },
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setDone(false);
    if (values.newPassword !== values.confirm) {
      setErrors({ confirm: t('account.mismatch') });
      return;
    }
    try {
      await mutation.mutateAsync({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      setErrors({});
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length > 0) {
        const next: Partial<Record<Field, string>> = {};
        for (const issue of err.issues) {
          if (issue.path.endsWith('currentPassword')) next.currentPassword = issue.message;
          else if (issue.path.endsWith('newPassword')) next.newPassword = issue.message;
          else setFailure(issue.message);
        }
        setErrors(next);
      } else setFailure(err instanceof ApiError ? err.message : t('account.failed'));
    }
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="password-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="password-title">
            {t('account.changePassword')}
          </Title>
          <PasswordInput
            label={t('account.current')}
            autoComplete="current-password"
            required
            data-testid="password-current"
            {...field('currentPassword')}
          />
          <PasswordInput
            label={t('account.new')}
            description={t('account.rules')}
            autoComplete="new-password"
            required
            data-testid="password-new"
            {...field('newPassword')}
          />
          <PasswordInput
            label={t('account.confirm')}
            autoComplete="new-password"
            required
            data-testid="password-confirm"
            {...field('confirm')}
          />
          {failure && (
            <Alert color="red" variant="light" role="alert" title={t('account.failed')}>
              {failure}
            </Alert>
          )}
          {done && (
            <Alert color="green" variant="light" role="status" data-testid="password-changed">
              {t('account.changed')}
            </Alert>
          )}
          <Button type="submit" loading={mutation.isPending} data-testid="password-submit" w="fit-content">
            {t('account.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Account({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('account.title')} />
      <Paper withBorder radius="md" p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t('account.displayName')}>
            <Text fw={600}>{user.displayName}</Text>
          </Fact>
          <Fact label={t('account.username')}>
            <Text ff="monospace">{user.username}</Text>
          </Fact>
        </SimpleGrid>
        <Stack gap={6} mt="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('account.roles')}
          </Text>
          <GrantList grants={user.grants} />
        </Stack>
      </Paper>
      <ChangePassword />
    </Stack>
  );
}

/** /account: who you are signed in as, your roles, and changing your password. */
export function AccountPage() {
  return <RequireLogin>{(user) => <Account user={user} />}</RequireLogin>;
}
