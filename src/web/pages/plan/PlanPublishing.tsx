import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queries, setPlanPublished, updatePlanIdentity, type PlanDetail } from '../../api';
import { planKeys } from '../../api/keys';
import { allows, ancestryOf, useSession } from '../../session';

/** What the signed-in user may do to the plan (the server decides in the end). */
function usePlanRights(plan: PlanDetail) {
  const { user } = useSession();
  const owner = useQuery({
    ...queries.orgUnit(plan.ownerUnitCode ?? ''),
    enabled: !!user && !!plan.ownerUnitCode,
  });
  const ancestry = owner.data ? ancestryOf(owner.data) : null;
  return {
    publish: !!user && !!ancestry && allows(user.grants, 'plan.publish', ancestry),
    manage: !!user && !!ancestry && allows(user.grants, 'plan.manage', ancestry),
  };
}

/** Whether the plan is public, and for those who may: publish, unpublish, set the issued number and date. */
export function PlanPublishing({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rights = usePlanRights(plan);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [editing, setEditing] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: planKeys.all });
  const publish = useMutation({
    mutationFn: (published: boolean) => setPlanPublished(plan.id, published),
    onSuccess: async (r) => {
      setMessage({ text: t(r.published ? 'planDoc.publishedDone' : 'planDoc.unpublishedDone'), ok: true });
      await refresh();
    },
    onError: (e) => setMessage({ text: e.message, ok: false }),
  });
  if (!rights.publish && !rights.manage && plan.published) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Badge color={plan.published ? 'teal' : 'gray'} variant="light" data-testid="plan-published">
          {t(plan.published ? 'planDoc.published' : 'planDoc.unpublished')}
        </Badge>
        {rights.publish && (
          <Button
            size="xs"
            variant={plan.published ? 'default' : 'filled'}
            color={plan.published ? undefined : 'teal'}
            loading={publish.isPending}
            onClick={() => publish.mutate(!plan.published)}
            title={t('planDoc.publishHint')}
            data-testid={plan.published ? 'plan-unpublish' : 'plan-publish'}
          >
            {t(plan.published ? 'planDoc.unpublish' : 'planDoc.publish')}
          </Button>
        )}
        {rights.manage && (
          <Button
            size="xs"
            variant="default"
            onClick={() => setEditing(true)}
            data-testid="plan-identity-edit"
          >
            {t('planDoc.identity')}
          </Button>
        )}
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} variant="light" data-testid="plan-publishing-message">
          {message.text}
        </Alert>
      )}
      {editing && (
        <IdentityModal
          plan={plan}
          onClose={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            setMessage({ text: t('planDoc.identityDone'), ok: true });
            await refresh();
          }}
        />
      )}
    </Stack>
  );
}

function IdentityModal({
  plan,
  onClose,
  onSaved,
}: {
  plan: PlanDetail;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(plan.document.number ?? '');
  const [symbol, setSymbol] = useState(plan.document.symbol ?? '');
  const [date, setDate] = useState(plan.document.date ?? '');
  const save = useMutation({
    mutationFn: () =>
      updatePlanIdentity(plan.id, {
        number: number.trim() || null,
        symbol: symbol.trim() || null,
        date: date.trim() || null,
        version: plan.version,
      }),
    onSuccess: onSaved,
  });
  const issues =
    save.error && 'issues' in save.error ? (save.error.issues as { path: string; message: string }[]) : [];
  const issueAt = (field: string) => issues.find((i) => i.path.endsWith(`.${field}`))?.message;
  return (
    <Modal opened onClose={onClose} title={t('planDoc.identityTitle')} data-testid="plan-identity-modal">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('planDoc.identityHint')}
        </Text>
        <TextInput
          label={t('planDoc.number')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={issueAt('number')}
          data-testid="plan-identity-number"
        />
        <TextInput
          label={t('planDoc.symbol')}
          value={symbol}
          onChange={(e) => setSymbol(e.currentTarget.value)}
          error={issueAt('symbol')}
        />
        <TextInput
          label={t('planDoc.dateLabel')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={issueAt('date')}
          data-testid="plan-identity-date"
        />
        {save.error && issues.length === 0 && (
          <Alert color="red" variant="light">
            {save.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="plan-identity-save">
            {t('planDoc.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
