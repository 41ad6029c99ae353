import { Badge, Button, Code, Group, Paper, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, queries, type DemoAccounts } from '../api';
import { ErrorAlert } from '../components/FeedbackAlert';
import { FormBody } from '../components/FormSection';
import { GrantList } from '../components/GrantList';
import { PageHeader } from '../components/PageHeader';
import { Loading } from '../components/QueryState';
import { SectionCard } from '../components/SectionCard';
import { UsernameInput } from '../components/UsernameInput';
import { safeNext, useSession, useSignIn } from '../session';

function DemoAccountList({
  demo,
  onPick,
}: {
  demo: DemoAccounts;
  onPick: (username: string, password: string) => void;
}) {
  const { t } = useTranslation();
  const password = demo.password ?? '';
  return (
    <SectionCard
      title={t('login.demoTitle')}
      titleId="demo-accounts-title"
      aside={
        <Badge color="orange" variant="light" radius="sm">
          demo
        </Badge>
      }
      p="lg"
      data-testid="demo-accounts"
      style={{ borderTop: '4px solid var(--mantine-color-orange-5)' }}
    >
      <Text size="sm">{t('login.demoText')}</Text>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('login.password')}:
        </Text>
        <Code fz="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="demo-password">
          {password}
        </Code>
      </Group>
      <Stack gap={0}>
        {demo.items.map((account) => (
          <Group
            key={account.username}
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            py="xs"
            data-testid="demo-account"
            data-username={account.username}
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap={8} wrap="nowrap">
                <Text size="sm" fw={700} ff="monospace">
                  {account.username}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" lh={1.3}>
                {account.displayName}
              </Text>
              <GrantList grants={account.grants} size="xs" />
            </Stack>
            <Button
              size="xs"
              variant="light"
              color="orange"
              style={{ flexShrink: 0 }}
              onClick={() => onPick(account.username, password)}
              data-testid="demo-account-use"
            >
              {t('login.demoUse')}
            </Button>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}

function LoginForm({ next }: { next: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const demo = useQuery(queries.demoAccounts());
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [filled, setFilled] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  async function submit() {
    setFilled(null);
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setError(null);
    try {
      await signIn.mutateAsync({ username: username.trim(), password });
      void navigate(next, { replace: true });
    } catch (err) {
      // 401 is always the same words; 429 says how long to wait, in the server's words.
      if (err instanceof ApiError && err.status === 401) setError(t('login.wrong'));
      else if (err instanceof ApiError && err.status === 429) setError(err.message);
      else setError(t('login.failed'));
    }
  }

  const demoItems = demo.data && demo.data.items.length > 0 ? demo.data : null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('login.title')}
        description={next === '/' ? t('login.description') : t('login.next')}
      />
      <SimpleGrid
        cols={{ base: 1, md: demoItems ? 2 : 1 }}
        spacing="xl"
        maw={demoItems ? 1040 : 440}
        style={{ alignItems: 'start' }}
      >
        <Paper withBorder radius="md" p="lg" component="section" aria-label={t('login.title')}>
          <FormBody onSubmit={() => void submit()}>
            <UsernameInput
              label={t('login.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              data-testid="login-username"
            />
            <PasswordInput
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
              data-testid="login-password"
            />
            <ErrorAlert testId="login-error">{error}</ErrorAlert>
            {filled && !error && (
              <Text size="sm" c="orange.9" role="status">
                {t('login.demoFilled', { username: filled })}
              </Text>
            )}
            <Button type="submit" loading={signIn.isPending} data-testid="login-submit" ref={submitRef}>
              {t('login.submit')}
            </Button>
          </FormBody>
        </Paper>
        {demoItems && (
          <DemoAccountList
            demo={demoItems}
            onPick={(name, pass) => {
              setUsername(name);
              setPassword(pass);
              setError(null);
              setFilled(name);
              submitRef.current?.focus();
            }}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** /login?next=/path: sign in and go back; in demo mode the demo accounts are listed with their password. */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { user, isPending } = useSession();
  if (isPending) return <Loading />;
  if (user) return <Navigate to={next} replace />;
  return <LoginForm next={next} />;
}
