import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MemberDirectory } from '@/components/MemberDirectory';
import { requestCtx } from '@/lib/auth/viewer';
import { InvalidInputError } from '@/lib/errors';
import { localizedErrors } from '@/lib/form-state';
import { listDirectory } from '@/lib/members/list-directory';
import { directoryQuery, type SearchParams } from './directory-query';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('directory'))('title') };
}

export default async function MembersPage({ searchParams }: Props) {
  const query = directoryQuery(await searchParams);
  const ctx = await requestCtx();
  const t = await getTranslations('directory');
  let error: string | undefined;
  let result;
  try {
    result = await listDirectory(ctx, query);
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    // A hand-edited address: say what is wrong, and show the unfiltered list under it.
    error = (await localizedErrors(e)).error;
    result = await listDirectory(ctx, {});
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <MemberDirectory
        path="/members"
        filters={{ profession: query.profession ?? '', city: query.city ?? '', language: query.language ?? '' }}
        members={result.members}
        nextCursor={result.nextCursor}
        after={error ? undefined : query.after}
        error={error}
      />
    </>
  );
}
