import { Accordion, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { documentIdentity } from '../../format';
import type { ReportDocument } from '../../api/reporting';

/** Sections I and II and the header as the DOCX will print them (read-only: they come from the figures). */
export function ReportSummary({ doc }: { doc: ReportDocument }) {
  const { t } = useTranslation();
  const targets = doc.goals.flatMap((g) => g.targets.map((tg) => ({ goal: g, target: tg })));
  return (
    <SectionCard
      title={t('reporting.report.prefilled')}
      hint={t('reporting.report.prefilledHint')}
      data-testid="report-prefilled"
    >
      <Stack gap={2} p="sm" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
        <Text size="xs" c="dimmed">
          {doc.parentBody ? `${doc.parentBody} · ` : ''}
          {doc.issuer} · {documentIdentity(t, null, doc.symbol)}
        </Text>
        <Text fw={700} data-testid="report-doc-title">
          {doc.title}
        </Text>
        {doc.recipientLine && <Text size="sm">{doc.recipientLine}</Text>}
        <Text size="sm" style={{ textWrap: 'pretty' }}>
          {doc.intro}
        </Text>
      </Stack>

      <Accordion variant="contained" radius="sm" multiple defaultValue={['results', 'late']}>
        <Accordion.Item value="results">
          <Accordion.Control>
            <Text fw={600}>
              {t('reporting.report.results')} ({targets.length})
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            {targets.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reporting.report.noTargets')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing={6} data-testid="report-targets">
                  <Table.Tbody>
                    {targets.flatMap(({ target }) =>
                      target.measures.map((m, i) => (
                        <Table.Tr key={`${target.code}-${i}`} data-testid={`report-target-${target.code}`}>
                          <Table.Td w={56} style={{ verticalAlign: 'top' }}>
                            <Text fw={700} size="sm">
                              {i === 0 ? target.code : ''}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" lineClamp={2} title={target.text}>
                              {m.label ?? target.text}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {m.target}
                            </Text>
                          </Table.Td>
                          <Table.Td w={200}>
                            <Text size="xs" c="dimmed">
                              {t('reporting.report.latest')}
                            </Text>
                            <Text size="sm" fw={600}>
                              {m.latest.total ?? m.latest.female ?? t('reporting.report.noData')}
                              {m.latest.period ? (
                                <Text span size="xs" c="dimmed" fw={400}>
                                  {' '}
                                  ({m.latest.period})
                                </Text>
                              ) : null}
                            </Text>
                          </Table.Td>
                          <Table.Td w={170}>
                            <Group justify="flex-end" title={m.explanation}>
                              <StatusBadge status={m.statusKey} />
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      )),
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="late">
          <Accordion.Control>
            <Text fw={600}>{t('reporting.report.lateOrMissing')}</Text>
          </Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={4} data-testid="report-late">
              {doc.lateOrMissing.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </SectionCard>
  );
}
