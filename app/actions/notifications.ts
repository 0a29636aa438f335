'use server';

import type { FormState } from '@/lib/form-state';
import { followMember, unfollowMember } from '@/lib/notifications/follow-member';
import { markAllNotificationsRead } from '@/lib/notifications/list-notifications';
import { setGroupLevel, setThreadLevel } from '@/lib/notifications/notification-levels';
import { perform } from './perform';

export const markAllNotificationsReadAction = async (_: FormState, fd: FormData) => perform(fd, (ctx) => markAllNotificationsRead(ctx));
export const setThreadLevelAction = async (_: FormState, fd: FormData) => perform(fd, setThreadLevel);
export const setGroupLevelAction = async (_: FormState, fd: FormData) => perform(fd, setGroupLevel);
export const followMemberAction = async (_: FormState, fd: FormData) => perform(fd, followMember);
export const unfollowMemberAction = async (_: FormState, fd: FormData) => perform(fd, unfollowMember);
