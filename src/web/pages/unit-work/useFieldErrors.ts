import { useState } from 'react';
import { fieldErrors } from './work-format';

/**
 * The messages of a form: one per field (checked here or refused by the server), and one above the fields for
 * anything else. `invalid` names a field when the server's own message is a generic schema message.
 */
export function useFieldErrors<F extends string>(
  fields: readonly F[],
  testIdPrefix: string,
  invalid: (field: F) => string,
) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  return {
    errors,
    setErrors,
    general,
    setGeneral,
    /** The field was edited: its message no longer applies. */
    clear: (field: F) => setErrors((e) => ({ ...e, [field]: undefined })),
    /** A refused save: the server's messages go to their fields, the rest above them. */
    refused: (error: unknown) => {
      const found = fieldErrors(error, fields, (f) => invalid(f as F));
      setErrors(found.byField as Partial<Record<F, string>>);
      setGeneral(found.general);
      return found;
    },
    /** The error of a field's input, with a test id on the message. */
    props: (field: F) => ({
      error: errors[field],
      errorProps: { 'data-testid': `${testIdPrefix}-error-${field}` },
    }),
  };
}
