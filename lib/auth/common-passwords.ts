/** Passwords that meet the length rule but appear at the top of every breach list. */
export const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '0123456789', '1111111111', '0000000000', 'qwertyuiop', 'password12', 'password123',
  'password1234', 'passwordpassword', 'iloveyou12', 'qwerty1234', 'qwertyuiop1', '1q2w3e4r5t', 'abcdefghij',
  'abc1234567', 'letmein123', 'welcome123', 'football123', 'baseball123', 'azertyuiop', 'motdepasse', 'пароль1234',
  'йцукенгшщз', 'administrator', 'changeme123', 'superman123', 'trustno1234', 'princess123', 'sunshine123',
]);
