import { TextInput, type TextInputProps } from '@mantine/core';

/** A username as typed: never capitalised or spell-checked by the device; always required. */
export function UsernameInput(props: TextInputProps & { 'data-testid'?: string }) {
  return <TextInput autoCapitalize="none" spellCheck={false} required {...props} />;
}
