import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormActions, FormBody, type FormActionsProps } from './FormSection';

/** A form in a dialog: its fields, then Cancel (closes it) and the submit button. */
export function ModalForm({
  opened,
  onClose,
  title,
  size,
  onSubmit,
  noValidate,
  formTestId,
  actions,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  onSubmit: () => void;
  noValidate?: boolean;
  formTestId?: string;
  actions: Omit<FormActionsProps, 'onCancel' | 'children'> & { cancel: string };
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <FormBody onSubmit={onSubmit} noValidate={noValidate} data-testid={formTestId}>
        {children}
        <FormActions {...actions} onCancel={onClose} />
      </FormBody>
    </Modal>
  );
}
