import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { directoryQuery, type SearchParams } from '@/app/members/directory-query';
import { MemberDirectory } from '@/components/MemberDirectory';
import { requestCtx } from '@/lib/auth/viewer';
import { InvalidInputError } from '@/lib/errors';
import { localizedErrors } from '@/lib/form-state';
import { listDirectory } from '@/lib/members/list-directory';
import { readableOr404 } from '@/lib/not-found';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

/**
 * A page of the group's members, read once per request for the title and the page; 404 where
 * the viewer may not see them. A refused filter (a hand-edited address) shows its message over
 * the unfiltered list.
 */
const loadMembers = cache(async (slug: string, profession?: string, city?: string, language?: string, after?: string) => {
  const ctx = await requestCtx();
  let result;
  let error: string | undefined;
  try {
    result = await readableOr404(listDirectory(ctx, { group: slug, profession, city, language, after }));
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    result = await readableOr404(listDirectory(ctx, { group: slug }));
    error = (await localizedErrors(e)).error;
  }
  const { group, ...page } = result;
  if (!group) notFound();
  return { group, ...page, error };
});

async function load({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const query = directoryQuery(search);
  return { query, ...(await loadMembers(slug, query.profession, query.city, query.language, query.after)) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { group } = await load(props);
  return { title: (await getTranslations('directory'))('groupTitle', { group: group.name }) };
}

export default async function GroupMembersPage(props: Props) {
  const { query, group, members, nextCursor, error } = await load(props);
  const t = await getTranslations('directory');
  const groupPath = `/g/${encodeURIComponent(group.slug)}`;
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={groupPath} dir="auto">
          {group.name}
        </Link>
      </nav>
      <h1 dir="auto">{t('groupTitle', { group: group.name })}</h1>
      <MemberDirectory
        path={`${groupPath}/members`}
        filters={{ profession: query.profession ?? '', city: query.city ?? '', language: query.language ?? '' }}
        members={members}
        nextCursor={nextCursor}
        after={error ? undefined : query.after}
        error={error}
      />
    </>
  );
}
