import { Box, Paper, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, changePassword, type SessionUser } from '../api';
import { Fact } from '../components/Fact';
import { ErrorAlert, FeedbackAlert } from '../components/FeedbackAlert';
import { FormActions, FormSection } from '../components/FormSection';
import { GrantList } from '../components/GrantList';
import { PageHeader } from '../components/PageHeader';
import { RequireLogin } from '../components/RequireLogin';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

const FIELDS = [
  {
    name: 'currentPassword',
    label: 'account.current',
    autoComplete: 'current-password',
    testId: 'password-current',
  },
  { name: 'newPassword', label: 'account.new', autoComplete: 'new-password', testId: 'password-new' },
  { name: 'confirm', label: 'account.confirm', autoComplete: 'new-password', testId: 'password-confirm' },
] as const satisfies readonly { name: Field; label: string; autoComplete: string; testId: string }[];

const BLANK: Record<Field, string> = { currentPassword: '', newPassword: '', confirm: '' };

function ChangePassword() {
  const { t } = useTranslation();
  const [values, setValues] = useState(BLANK);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const mutation = useMutation({ mutationFn: changePassword });

  async function submit() {
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
      setValues(BLANK);
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
    <FormSection
      title={t('account.changePassword')}
      titleId="password-title"
      p="lg"
      onSubmit={() => void submit()}
    >
      {FIELDS.map((f) => (
        <PasswordInput
          key={f.name}
          label={t(f.label)}
          description={f.name === 'newPassword' ? t('account.rules') : undefined}
          autoComplete={f.autoComplete}
          required
          data-testid={f.testId}
          value={values[f.name]}
          error={errors[f.name]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setValues((v) => ({ ...v, [f.name]: value }));
            setErrors((prev) => ({ ...prev, [f.name]: undefined }));
            setDone(false);
          }}
        />
      ))}
      <ErrorAlert title={t('account.failed')}>{failure}</ErrorAlert>
      {done && (
        <FeedbackAlert ok testId="password-changed">
          {t('account.changed')}
        </FeedbackAlert>
      )}
      <FormActions submit={t('account.submit')} submitTestId="password-submit" loading={mutation.isPending} />
    </FormSection>
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
        <Box mt="md">
          <Fact label={t('account.roles')}>
            <GrantList grants={user.grants} />
          </Fact>
        </Box>
      </Paper>
      <ChangePassword />
    </Stack>
  );
}

/** /account: who you are signed in as, your roles, and changing your password. */
export function AccountPage() {
  return <RequireLogin>{(user) => <Account user={user} />}</RequireLogin>;
}
