import { DomainError, InvalidInputError, type FieldErrors } from './errors';

/** What a form's server action returns to useActionState: the message to show, and what was typed. */
export type FormState = {
  error?: string;
  fieldErrors?: FieldErrors;
  /** Echoed back so that nothing the member typed is lost when the submission is refused. */
  values?: Record<string, string>;
  /** Set when the action succeeded; `link` carries something to show once, such as a new invitation link. */
  done?: { at: number; link?: string };
};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  formData.forEach((value, key) => {
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  });
  return values;
}

/** The one place a domain error becomes a form message; anything unexpected is logged and stays generic. */
export function toFormState(error: unknown, formData: FormData): FormState {
  const values = formValues(formData);
  if (error instanceof InvalidInputError) return { error: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof DomainError) return { error: error.message, values };
  console.error(error);
  return { error: 'Something went wrong on our side. Your text is kept below: please try again.', values };
}
