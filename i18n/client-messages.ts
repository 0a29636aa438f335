/**
 * The message namespaces client components read (`useTranslations` in 'use client' code and what
 * it imports). Only these travel to the browser with every page: the whole catalogue would be
 * half of each page's bytes. A test (i18n/catalogues.test.ts) keeps the list complete.
 */
export const CLIENT_NAMESPACES = [
  'bookmarks', 'editForm', 'editor', 'emailSettings', 'errors', 'flag', 'follow', 'groupSettings', 'header', 'manage',
  'notificationLevel', 'notifications', 'penalty', 'post', 'profileForm', 'replyForm', 'search', 'shortcuts', 'signIn', 'signUp',
  'surgery', 'threadForm', 'unsubscribe',
] as const;

export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CLIENT_NAMESPACES.flatMap((namespace) => (namespace in messages ? [[namespace, messages[namespace]]] : [])));
}
