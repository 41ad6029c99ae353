import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '../../api';
import { PageSection } from '../../components/PageSection';

type Part = NonNullable<PlanDetail['text']['headings']>[number]['part'];

/** The section title as the document heads it ("V. KINH PHÍ THỰC HIỆN"), else the label of the part. */
export function useSectionTitle(plan: PlanDetail) {
  return (part: Part, fallback: string) => {
    const heading = plan.text.headings?.find((h) => h.part === part);
    return heading ? [heading.number, heading.title].filter(Boolean).join('. ') : fallback;
  };
}

/** Paragraphs as the document writes them. */
function Paragraphs({ items, testId }: { items: readonly string[]; testId?: string }) {
  return (
    <Stack gap={6} data-testid={testId}>
      {items.map((p, i) => (
        <Text key={i} size="sm" style={{ whiteSpace: 'pre-line' }}>
          {p}
        </Text>
      ))}
    </Stack>
  );
}

function Subsection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** I. Mục đích, yêu cầu. */
export function PurposeSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const title = useSectionTitle(plan);
  const { purpose, requirements } = plan.text;
  if (!purpose?.length && !requirements?.length) return null;
  return (
    <PageSection title={title('purpose', t('planDoc.purposeSection'))} testId="plan-purpose">
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          {purpose?.length ? (
            <Subsection title={t('planDoc.purpose')}>
              <Paragraphs items={purpose} />
            </Subsection>
          ) : null}
          {requirements?.length ? (
            <Subsection title={t('planDoc.requirements')}>
              <Paragraphs items={requirements} />
            </Subsection>
          ) : null}
        </Stack>
      </Paper>
    </PageSection>
  );
}

/** II.1 Mục tiêu chung, above the specific goals. */
export function GeneralGoal({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  if (!plan.text.generalGoal?.length) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="plan-general-goal">
      <Subsection title={t('planDoc.generalGoal')}>
        <Paragraphs items={plan.text.generalGoal} />
      </Subsection>
    </Paper>
  );
}

/** Kinh phí thực hiện: its sources, then its paragraphs. */
export function BudgetSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const title = useSectionTitle(plan);
  const budget = plan.text.budget;
  if (!budget) return null;
  return (
    <PageSection title={title('budget', t('planDoc.budget'))} testId="plan-budget">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          {budget.sources?.length ? (
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {t('planDoc.sources')}
              </Text>
              {budget.sources.map((s) => (
                <Badge key={s} variant="light" color="gray" tt="none">
                  {s}
                </Badge>
              ))}
            </Group>
          ) : null}
          <Paragraphs items={budget.paragraphs} />
        </Stack>
      </Paper>
    </PageSection>
  );
}

/** Tổ chức thực hiện: each agency's duties as the document heads them, linked to the agency. */
export function DutiesSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const title = useSectionTitle(plan);
  if (plan.duties.length === 0) return null;
  return (
    <PageSection title={title('organization', t('planDoc.organization'))} testId="plan-duties">
      <Stack gap="sm">
        {plan.duties.map((d, i) => (
          <Paper key={i} withBorder radius="md" p="md" data-testid="plan-duty">
            <Stack gap={6}>
              <Group gap="xs">
                {d.code && (
                  <Text size="sm" c="dimmed" fw={600}>
                    {d.code}
                  </Text>
                )}
                <Text fw={700} size="sm">
                  {d.agency.code ? (
                    <Anchor component={Link} to={`/org-units/${encodeURIComponent(d.agency.code)}`} inherit>
                      {d.heading ?? d.agency.name}
                    </Anchor>
                  ) : (
                    (d.heading ?? d.agency.name)
                  )}
                </Text>
                {d.covers && (
                  <Badge variant="light" color="indigo" tt="none">
                    {t(`planDoc.covers.${d.covers}`)}
                  </Badge>
                )}
              </Group>
              <Paragraphs items={d.paragraphs} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </PageSection>
  );
}

/** The end of the document: closing paragraphs, Nơi nhận and the signature block. */
export function ClosingSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { closing, recipients } = plan.text;
  const signer = plan.document.signer;
  const lines = signer?.lines ?? (signer?.authority ? [signer.authority] : []);
  if (!closing?.length && !recipients?.length && lines.length === 0) return null;
  return (
    <Stack gap="md" data-testid="plan-closing">
      {closing?.length ? <Paragraphs items={closing} /> : null}
      <Group align="flex-start" justify="space-between" wrap="wrap">
        {recipients?.length ? (
          <Stack gap={2} data-testid="plan-recipients">
            <Text size="sm" fw={700} fs="italic">
              {t('planDoc.recipients')}
            </Text>
            {recipients.map((r, i) => (
              <Text key={i} size="xs">
                - {r}
              </Text>
            ))}
          </Stack>
        ) : (
          <span />
        )}
        {lines.length > 0 && (
          <Stack gap={2} align="center" miw={240} data-testid="plan-signer">
            {lines.map((l, i) => (
              <Text key={i} size="sm" fw={700}>
                {l}
              </Text>
            ))}
            {signer?.name && (
              <Text size="sm" fw={700} mt="lg">
                {signer.name}
              </Text>
            )}
          </Stack>
        )}
      </Group>
    </Stack>
  );
}
