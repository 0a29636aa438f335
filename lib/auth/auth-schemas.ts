import { z } from 'zod';
import { MEMBER_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../rules';

export const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const password = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, `Passwords need at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Passwords are limited to ${PASSWORD_MAX_LENGTH} characters.`);

export const memberName = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(2, 'Enter your name.')
  .max(MEMBER_NAME_MAX_LENGTH, `Names are limited to ${MEMBER_NAME_MAX_LENGTH} characters.`);
