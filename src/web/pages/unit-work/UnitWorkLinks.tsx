import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const LINKS = ['activities', 'leadership', 'staff', 'calendar'] as const;

/** From a unit's page to its activity log, its registers and its reporting calendar. */
export function UnitWorkLinks({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <>
      {LINKS.map((section) => (
        <Button
          key={section}
          component={Link}
          to={`/org-units/${encodeURIComponent(code)}/${section}`}
          variant="default"
          data-testid={`org-${section}-link`}
        >
          {t(`work.unitLinks.${section}`)}
        </Button>
      ))}
    </>
  );
}
