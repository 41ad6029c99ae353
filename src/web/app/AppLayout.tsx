import { Anchor, AppShell, Burger, Group, NavLink, Progress, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import type { Locale } from '../../domain/measure';
import { setLocale, useLocale } from '../i18n';

const NAV = [
  { to: '/', label: 'nav.plans', active: (path: string) => path === '/' || path.startsWith('/plans') },
  { to: '/org-units', label: 'nav.orgUnits', active: (path: string) => path.startsWith('/org-units') },
] as const;

function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SegmentedControl<Locale>
      data-testid="lang-switch"
      aria-label={t('app.language')}
      size="xs"
      value={locale}
      onChange={setLocale}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

/** Header with the platform name and the language switch, navigation on the left, the page in the middle. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigation = useNavigation();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        {navigation.state === 'loading' && (
          <Progress value={100} animated size="xs" radius={0} pos="absolute" top={0} left={0} right={0} />
        )}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.openNavigation')}
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text component="span" fw={800} fz="xl" c="indigo.8">
                {t('app.name')}
              </Text>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={item.active(pathname)}
            onClick={close}
            fw={500}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
