import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../api';
import { ApiError } from '../../api';
import { reportingKeys } from '../../api/keys';
import { reportingQueries, saveReportingSettings, type ReportingSettings } from '../../api/reporting';
import { PageSection } from '../../components/PageSection';
import { allows, ancestryOf, useSession } from '../../session';

/** "12-01" ⇄ "01/12", as people write a day of the year. */
const toDayMonth = (md: string) => md.split('-').reverse().join('/');
const toMonthDay = (dm: string) => {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(dm.trim());
  return m ? `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : dm.trim();
};

/**
 * A province's reporting settings, for its coordinators: whether the plans it owns ask for a 6-month report besides
 * the annual one, and the default due days of reports a plan names without a date. Used when cycles are generated.
 */
export function ReportingSettingsPanel({ unit }: { unit: OrgUnitDetail }) {
  const { user } = useSession();
  const mayEdit = !!user && allows(user.grants, 'plan.manage', ancestryOf(unit));
  const settings = useQuery({ ...reportingQueries.settings(unit.code), enabled: mayEdit });
  if (!mayEdit || !settings.data) return null;
  return <SettingsForm key={unit.code} code={unit.code} settings={settings.data} />;
}

function SettingsForm({ code, settings }: { code: string; settings: ReportingSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [sixMonth, setSixMonth] = useState(settings.sixMonth);
  const [sixMonthDue, setSixMonthDue] = useState(toDayMonth(settings.sixMonthDue));
  const [annualDue, setAnnualDue] = useState(toDayMonth(settings.annualDue));
  const save = useMutation({
    mutationFn: () =>
      saveReportingSettings(code, {
        sixMonth,
        sixMonthDue: toMonthDay(sixMonthDue),
        annualDue: toMonthDay(annualDue),
        version: settings.version,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: reportingKeys.settings(code) }),
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const issueAt = (field: string) => issues.find((i) => i.path.endsWith(`.${field}`))?.message;
  return (
    <PageSection title={t('reporting.settings.title')} testId="reporting-settings">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm" maw={520}>
          <Text size="sm" c="dimmed">
            {t('reporting.settings.hint')}
          </Text>
          <Checkbox
            label={t('reporting.settings.sixMonth')}
            checked={sixMonth}
            onChange={(e) => setSixMonth(e.currentTarget.checked)}
            data-testid="reporting-settings-six-month"
          />
          <Group grow>
            <TextInput
              label={t('reporting.settings.sixMonthDue')}
              value={sixMonthDue}
              onChange={(e) => setSixMonthDue(e.currentTarget.value)}
              error={issueAt('sixMonthDue')}
              disabled={!sixMonth}
            />
            <TextInput
              label={t('reporting.settings.annualDue')}
              value={annualDue}
              onChange={(e) => setAnnualDue(e.currentTarget.value)}
              error={issueAt('annualDue')}
            />
          </Group>
          {save.error && issues.length === 0 && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          {save.isSuccess && (
            <Alert color="teal" variant="light">
              {t('reporting.settings.saved')}
            </Alert>
          )}
          <Group>
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              data-testid="reporting-settings-save"
            >
              {t('reporting.settings.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </PageSection>
  );
}
