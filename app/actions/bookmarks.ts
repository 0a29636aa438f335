'use server';

import type { FormState } from '@/lib/form-state';
import { bookmarkPost } from '@/lib/bookmarks/bookmark-post';
import { removeBookmark } from '@/lib/bookmarks/remove-bookmark';
import { perform } from './perform';

export const bookmarkPostAction = async (_: FormState, fd: FormData) => perform(fd, bookmarkPost);
export const removeBookmarkAction = async (_: FormState, fd: FormData) => perform(fd, removeBookmark);
