import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before deleting: the question, Cancel and a red Delete button. */
export function ConfirmDelete({
  question,
  title,
  loading,
  onCancel,
  onConfirm,
}: {
  question: string;
  title: string;
  loading: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onCancel} title={title} data-testid="confirm-delete">
      <Text size="sm">{question}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel} data-testid="confirm-cancel">
          {t('reporting.edit.cancel')}
        </Button>
        <Button color="red" loading={loading} onClick={onConfirm} data-testid="confirm-delete-submit">
          {title}
        </Button>
      </Group>
    </Modal>
  );
}
