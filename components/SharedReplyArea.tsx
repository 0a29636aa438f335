'use client';

import { useState } from 'react';
import { setThreadLevelAction } from '@/app/actions/notifications';
import { NotificationLevelForm } from './NotificationLevelForm';
import { ReplyForm } from './ReplyForm';
import { SilenceNotice } from './SilenceNotice';
import { useThreadReading } from './ThreadReadingProvider';

type Props = { threadId: number; join: React.ReactNode; membersOnly: React.ReactNode };

/**
 * The foot of a thread page shared among members, once the member's own part has arrived:
 * their notification level, then the reply form or why there is none (`join` and
 * `membersOnly` come rendered with the page; the others are the member's own).
 */
export function SharedReplyArea({ threadId, join, membersOnly }: Props) {
  const reading = useThreadReading();
  // Made here, never in the shared page: each member's reply needs a key of its own.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  if (!reading) return null;
  const { reply, silence, level } = reading;
  return (
    <>
      {level ? <NotificationLevelForm action={setThreadLevelAction} hidden={{ threadId }} level={level} scope="thread" /> : null}
      {reply === 'form' ? <ReplyForm threadId={threadId} idempotencyKey={idempotencyKey} /> : null}
      {reply === 'silenced' && silence ? <SilenceNotice silence={silence} /> : null}
      {reply === 'join' ? join : reply === 'membersOnly' ? membersOnly : null}
    </>
  );
}
