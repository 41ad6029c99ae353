import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionUser } from '../api';
import { isManager, loginPath, useSession } from '../session';
import { Loading, QueryError } from './QueryState';

/**
 * Shows its children to a signed-in user; anyone else goes to /login and comes back here afterwards.
 * `allowed` narrows further (a role), with `forbidden` as the reason shown otherwise.
 */
export function RequireLogin({
  children,
  allowed,
  forbidden,
}: {
  children: (user: SessionUser) => ReactNode;
  allowed?: (user: SessionUser) => boolean;
  forbidden?: string;
}) {
  const { t } = useTranslation();
  const { user, signedOutFrom, isPending, error } = useSession();
  const { pathname, search } = useLocation();
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  // Signing out on a page that needs an account leads home, not to the login page.
  if (!user) {
    const here = pathname + search;
    return <Navigate to={signedOutFrom === here ? '/' : loginPath(here)} replace />;
  }
  if (allowed && !allowed(user))
    return (
      <Alert color="orange" title={t('guard.forbiddenTitle')} role="alert" data-testid="forbidden" my="md">
        {forbidden}
      </Alert>
    );
  return <>{children(user)}</>;
}

/** A page for coordinators and admins only; `forbidden` is the key of the reason anyone else is shown. */
export function RequireManager({
  forbidden,
  children,
}: {
  forbidden: 'audit.forbidden' | 'users.forbidden';
  children: (user: SessionUser) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <RequireLogin allowed={isManager} forbidden={t(forbidden)}>
      {children}
    </RequireLogin>
  );
}
