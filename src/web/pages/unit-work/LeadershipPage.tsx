import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeUnitFigures } from '../../../domain/computed';
import { compareVietnamese } from '../../../domain/vietnamese';
import type { OrgUnitDetail } from '../../api';
import { PageSection } from '../../components/PageSection';
import { QueryView } from '../../components/QueryState';
import { RowActionCell, TableCard } from '../../components/TableCard';
import { useLocalized } from '../../i18n';
import { useMayWriteFor } from '../../session';
import { ComputedBadge, ComputedIndicator } from './ComputedIndicator';
import { HolderForm } from './HolderForm';
import { unitWorkPage } from './UnitWorkFrame';
import { workQueries, type LeadershipTerm } from '../../api/work';
import { formatDay, todayIso } from './work-format';

interface Post {
  position: string;
  /** The running term, or the latest one when the post has ended. */
  current: LeadershipTerm;
  earlier: LeadershipTerm[];
}

function postsOf(terms: readonly LeadershipTerm[]): Post[] {
  const by = new Map<string, LeadershipTerm[]>();
  for (const term of terms) by.set(term.position, [...(by.get(term.position) ?? []), term]);
  return [...by.entries()]
    .map(([position, list]) => {
      const sorted = [...list].sort((a, b) => b.fromDate.localeCompare(a.fromDate));
      return { position, current: sorted[0]!, earlier: sorted.slice(1) };
    })
    .sort(
      (a, b) =>
        Number(b.current.isKeyLeader) - Number(a.current.isKeyLeader) ||
        compareVietnamese(a.position, b.position),
    );
}

/** The unit's own BDG-01 figure at the end of each year already over: does a woman hold a key post? */
function OwnFigures({ terms }: { terms: LeadershipTerm[] }) {
  const { t } = useTranslation();
  const today = todayIso();
  const first = terms.reduce((y, x) => Math.min(y, Number(x.fromDate.slice(0, 4))), Infinity);
  const last = Number(today.slice(0, 4)) - 1;
  if (!Number.isFinite(first) || first > last) return null;
  const years = Array.from({ length: Math.min(6, last - first + 1) }, (_, i) => last - i).reverse();
  return (
    <Group gap="xs" data-testid="own-bdg01">
      <Text size="sm">{t('registers.ownFigure')}</Text>
      {years.map((y) => {
        const figure = computeUnitFigures(
          { kind: 'female_key_leader_share' },
          { terms, activities: [] },
          `${y}-01-01`,
          `${y}-12-31`,
        )[0];
        return (
          <Badge
            key={y}
            variant="light"
            color={figure ? (figure.numerator ? 'teal' : 'gray') : 'gray'}
            radius="sm"
            tt="none"
            data-testid={`own-bdg01-${y}`}
            data-value={figure?.numerator ?? undefined}
          >
            {y}: {figure ? (figure.numerator ? t('registers.yes') : t('registers.no')) : t('common.dash')}
          </Badge>
        );
      })}
      <ComputedBadge />
    </Group>
  );
}

function LeadershipView({ unit }: { unit: OrgUnitDetail }) {
  const { t, locale } = useLocalized();
  const canWrite = useMayWriteFor(unit);
  const leadership = useQuery(workQueries.leadership(unit.code));
  // null: add a post; a term: change that post's holder.
  const [editing, setEditing] = useState<{ current: LeadershipTerm | null } | null>(null);
  const posts = postsOf(leadership.data?.items ?? []);
  const sexText = (s: LeadershipTerm['holderSex']) => (s ? t(`sex.${s}`) : t('registers.vacant'));

  return (
    <Stack gap="lg">
      <ComputedIndicator unit={unit} indicator="BDG-01">
        {t('registers.computedHint')}
      </ComputedIndicator>
      <PageSection
        title={t('registers.title')}
        aside={
          canWrite && (
            <Button variant="light" onClick={() => setEditing({ current: null })} data-testid="holder-add">
              {t('registers.add')}
            </Button>
          )
        }
      >
        <Text size="sm" c="dimmed">
          {t('registers.noNames')}
        </Text>
        <QueryView query={leadership}>
          {(data) => (
            <>
              {posts.length > 0 && <OwnFigures terms={data.items} />}
              <TableCard
                items={posts}
                empty={t('registers.empty')}
                emptyTestId="leadership-empty"
                minWidth={720}
                striped="even"
                columns={[
                  { label: t('registers.fields.position') },
                  { label: t('registers.fields.isKeyLeader') },
                  { label: t('registers.fields.holderSex') },
                  { label: t('registers.fields.fromDate') },
                  { label: t('registers.earlier') },
                  canWrite && {},
                ]}
              >
                {(p) => (
                  <Table.Tr
                    key={p.position}
                    data-testid="leadership-row"
                    data-position={p.position}
                    style={{ verticalAlign: 'top' }}
                  >
                    <Table.Td fw={600}>{p.position}</Table.Td>
                    <Table.Td>{p.current.isKeyLeader ? t('registers.yes') : t('registers.no')}</Table.Td>
                    <Table.Td data-testid="leadership-sex" data-sex={p.current.holderSex ?? 'vacant'}>
                      {p.current.toDate ? t('registers.ended') : sexText(p.current.holderSex)}
                    </Table.Td>
                    <Table.Td data-testid="leadership-from">
                      {formatDay(p.current.fromDate, locale)}
                      {p.current.toDate && ` – ${formatDay(p.current.toDate, locale)}`}
                    </Table.Td>
                    <Table.Td data-testid="leadership-earlier">
                      {p.earlier.length === 0
                        ? t('common.dash')
                        : p.earlier.map((e) => (
                            <Text key={e.id} size="xs">
                              {sexText(e.holderSex)}: {formatDay(e.fromDate, locale)} –{' '}
                              {formatDay(e.toDate, locale)}
                            </Text>
                          ))}
                    </Table.Td>
                    {canWrite && (
                      <RowActionCell
                        onClick={() => setEditing({ current: p.current })}
                        testId="holder-change"
                      >
                        {t('registers.changeButton')}
                      </RowActionCell>
                    )}
                  </Table.Tr>
                )}
              </TableCard>
            </>
          )}
        </QueryView>
      </PageSection>
      {editing && (
        <HolderForm
          key={editing.current?.id ?? 'new'}
          unitCode={unit.code}
          current={editing.current}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** The leadership register of a unit: its posts, which are key-leader posts, the holder's sex and since when. */
export const LeadershipPage = unitWorkPage('leadership', LeadershipView);
