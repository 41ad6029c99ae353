import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  Progress,
  SegmentedControl,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import type { Locale } from '../../domain/measure';
import { setLocale, useLocalized } from '../i18n';
import type { SessionUser } from '../api';
import { NotificationBell } from '../pages/reporting/NotificationBell';
import { isManager, loginPath, useSession, useSignOut } from '../session';

type Audience = 'all' | 'signedIn' | 'managers';

type NavLabel =
  | 'nav.plans'
  | 'nav.orgUnits'
  | 'nav.audit'
  | 'nav.users'
  | 'reporting.nav.notifications'
  | 'reporting.nav.calendar';

interface NavEntry {
  /** Where the entry leads; null hides it (e.g. no unit to show a calendar for). */
  to: (user: SessionUser | null) => string | null;
  label: NavLabel;
  active: (path: string) => boolean;
  audience: Audience;
}

/** An entry for a section of its own address: active there and on every page under it. */
function sectionEntry(to: string, label: NavLabel, audience: Audience): NavEntry {
  return { to: () => to, label, active: (path) => path.startsWith(to), audience };
}

const NAV: readonly NavEntry[] = [
  {
    to: () => '/',
    label: 'nav.plans',
    active: (path) => path === '/' || (path.startsWith('/plans') && !path.endsWith('/reporting')),
    audience: 'all',
  },
  {
    to: () => '/org-units',
    label: 'nav.orgUnits',
    active: (path) => path.startsWith('/org-units') && !path.endsWith('/calendar'),
    audience: 'all',
  },
  {
    // The calendar of the user's first unit; other units' calendars are linked from their pages.
    to: (user) => {
      const unit = user?.grants[0]?.orgUnitCode;
      return unit ? `/org-units/${encodeURIComponent(unit)}/calendar` : null;
    },
    label: 'reporting.nav.calendar',
    active: (path) => path.endsWith('/calendar'),
    audience: 'signedIn',
  },
  sectionEntry('/notifications', 'reporting.nav.notifications', 'signedIn'),
  sectionEntry('/audit', 'nav.audit', 'managers'),
  sectionEntry('/admin/users', 'nav.users', 'managers'),
];

/** A person's initials for the avatar of the user menu: "Điều phối viên Sở Nội vụ" → "ĐS". */
function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .trim()
    .split(/\s+/);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase('vi');
}

/** The signed-in user's name with Đổi mật khẩu / Đăng xuất, or a "Đăng nhập" button. */
function UserMenu() {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  const signOut = useSignOut();
  const { pathname, search } = useLocation();
  if (isPending) return null;
  if (!user) {
    if (pathname === '/login') return null;
    return (
      <Button component={Link} to={loginPath(pathname + search)} size="xs" data-testid="login-link">
        {t('auth.signIn')}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('auth.userMenu')} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Text
              component="span"
              fz="xs"
              fw={700}
              c="white"
              bg="indigo.7"
              w={30}
              h={30}
              style={{ borderRadius: '50%', display: 'grid', placeItems: 'center', flexShrink: 0 }}
            >
              {initials(user.displayName)}
            </Text>
            <Text size="sm" fw={600} maw={220} truncate="end" visibleFrom="sm" data-testid="user-name">
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {user.displayName}
          </Text>
          <Text size="xs" ff="monospace">
            {user.username}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" data-testid="menu-account">
          {t('auth.changePassword')}
        </Menu.Item>
        <Menu.Item color="red" data-testid="logout" onClick={() => signOut.mutate(pathname + search)}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function LanguageSwitch() {
  const { t, locale } = useLocalized();
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
  const { user } = useSession();
  const manager = isManager(user);

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
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            {user && <NotificationBell />}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav">
        {NAV.map((item) => {
          const shown = item.audience === 'all' || (item.audience === 'signedIn' ? !!user : manager);
          const to = shown ? item.to(user) : null;
          return (
            to && (
              <NavLink
                key={item.label}
                component={Link}
                to={to}
                label={t(item.label)}
                active={item.active(pathname)}
                onClick={close}
                fw={500}
              />
            )
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
