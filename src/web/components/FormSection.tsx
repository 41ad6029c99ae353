import { Button, Group, Stack, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { SectionCard, type SectionCardProps } from './SectionCard';

export interface FormActionsProps {
  submit: string;
  submitTestId?: string;
  submitColor?: string;
  loading?: boolean;
  disabled?: boolean;
  cancel?: string;
  onCancel?: () => void;
  size?: ButtonProps['size'];
  /** On the left, across from the buttons (a "saved" note). */
  children?: ReactNode;
}

/** The form's buttons, at its end: an optional cancel, then the submit button. */
export function FormActions({
  submit,
  submitTestId,
  submitColor,
  loading,
  disabled,
  cancel,
  onCancel,
  size,
  children,
}: FormActionsProps) {
  return (
    <Group justify={children ? 'space-between' : 'flex-end'} gap="sm">
      {children}
      <Group gap="sm">
        {onCancel && (
          <Button variant="default" size={size} onClick={onCancel}>
            {cancel}
          </Button>
        )}
        <Button
          type="submit"
          size={size}
          color={submitColor}
          loading={loading}
          disabled={disabled}
          data-testid={submitTestId}
        >
          {submit}
        </Button>
      </Group>
    </Group>
  );
}

/** A submitted form's fields, stacked; the browser's own checks are off where the form says why itself. */
export function FormBody({
  onSubmit,
  noValidate = true,
  children,
  'data-testid': testId,
}: {
  onSubmit: () => void;
  noValidate?: boolean;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <form
      noValidate={noValidate}
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">{children}</Stack>
    </form>
  );
}

/** A titled group of form fields in its own card: the title and hint, the fields, then the form's end. */
export function FormSection({
  onSubmit,
  children,
  ...card
}: { onSubmit: () => void; children: ReactNode } & Omit<SectionCardProps, 'children'>) {
  return (
    <SectionCard {...card}>
      <FormBody onSubmit={onSubmit}>{children}</FormBody>
    </SectionCard>
  );
}
