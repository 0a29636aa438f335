'use server';

import type { FormState } from '@/lib/form-state';
import { closeThread } from '@/lib/moderation/close-thread';
import { pinThread } from '@/lib/moderation/pin-thread';
import { reopenThread } from '@/lib/moderation/reopen-thread';
import { unpinThread } from '@/lib/moderation/unpin-thread';
import { perform } from './perform';

export const pinThreadAction = async (_: FormState, fd: FormData) => perform(fd, pinThread);
export const unpinThreadAction = async (_: FormState, fd: FormData) => perform(fd, unpinThread);
export const closeThreadAction = async (_: FormState, fd: FormData) => perform(fd, closeThread);
export const reopenThreadAction = async (_: FormState, fd: FormData) => perform(fd, reopenThread);
