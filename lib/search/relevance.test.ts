/**
 * What members notice about the relevance of the PostgreSQL engine (lib/search/postgres):
 * stemming in the five languages Cercle's members write, typo tolerance, ranking and stop
 * words. This suite is the PostgreSQL engine's only: Meilisearch does no stemming, so it
 * answers these queries differently by design (see search.contract.test.ts for what both do).
 *
 * Test files share one database and one search outbox, so every test searches only its own
 * group, and waits until that group's own outbox rows are applied.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { drainSearchOutboxAlone } from '@/db/test/search-drain';
import type { Viewer } from '../context';
import { editPost } from '../posts/edit-post';
import { createThread } from '../threads/create-thread';
import { postgresEngine } from './postgres/postgres-engine';
import { CANDIDATE_CAP } from './postgres/search-posts';
import { searchArchive } from './search-archive';

/** A made-up word no other test writes: letters only, so every stemmer keeps it whole. */
function uniqueWord(): string {
  return `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

async function groupWithOwner() {
  const group = await createGroup({ visibility: 'public', joinPolicy: 'open' });
  const owner = await createMember();
  await addToGroup(group.id, owner.id, 'owner');
  return { group, owner: viewerOf(owner) };
}

function post(author: Viewer, groupSlug: string, title: string, body: string) {
  return createThread({ db: testDb(), viewer: author }, { groupSlug, title, body });
}

/**
 * Applies the outbox until none of this group's changes is left. Another test file's worker
 * may hold some of them for a moment (SKIP LOCKED), so one pass is not always enough.
 */
async function indexed(groupId: number): Promise<void> {
  for (let pass = 0; pass < 100; pass++) {
    await drainSearchOutboxAlone(postgresEngine);
    const [left] = await testDb().execute<{ n: number }>(sql`
      select count(*)::int as n from search_outbox o
      where (o.subject = 'post' and o.subject_id in (select p.id from posts p join threads t on t.id = p.thread_id where t.group_id = ${groupId}))
         or (o.subject = 'thread' and o.subject_id in (select t.id from threads t where t.group_id = ${groupId}))`);
    if (left!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`group ${groupId}: the search outbox was not applied`);
}

function search(input: Record<string, unknown>) {
  return searchArchive({ db: testDb(), viewer: null }, input, postgresEngine);
}

/** The titles of the threads found in one group, sorted. */
async function titles(group: { slug: string }, q: string): Promise<string[]> {
  return (await search({ q, group: group.slug })).hits.map((hit) => hit.thread.title).sort();
}

const EN_REFERRAL = 'Looking for referral partners in commercial real estate';
const EN_NETWORK = 'Building a stronger network downtown';
const EN_BAKERY = 'Need an accountant for a family bakery';
const EN_CONTRACT = 'Template for a freelance contract?';
const EN_LUNCH = 'Team lunch on Friday';
const FR_RESEAU = 'Comment développer son réseau à Lyon ?';
const FR_RESEAUX = "Les réseaux d'affaires sont-ils rentables ?";
const FR_COMPTABLE = 'Recherche expert-comptable pour une SARL';
const RU_SMM = 'Ищу подрядчика для ведения социальных сетей';
const RU_ACCOUNTANT = 'Посоветуйте бухгалтера для ООО';
const AR_SCHOOL = 'فرصة رعاية في المدرسة الدولية';
const AR_COMPANY = 'نصيحة حول توسيع شركة عائلية';
const AR_BOOKS = 'أفضل كتب إدارة الأعمال';
const HI_TRADERS = 'छोटे व्यापारों के लिए नेटवर्किंग';
const HI_CUSTOMERS = 'पहले ग्राहक कैसे खोजें?';

describe('search relevance (PostgreSQL engine)', () => {
  let club: Awaited<ReturnType<typeof groupWithOwner>>['group'];

  beforeAll(async () => {
    const { group, owner } = await groupWithOwner();
    club = group;
    const threads: [string, string][] = [
      [
        EN_REFERRAL,
        'Our brokerage handles office leases for growing startups. If you advise founders, I would be glad to send a referral your way and build a long-term partnership.',
      ],
      [
        EN_NETWORK,
        'Our network of lawyers and designers meets every Tuesday at the library café. Newcomers are welcome, just bring business cards.',
      ],
      [
        EN_BAKERY,
        'We are a family bakery with six employees and we are looking for an accountant who understands payroll and supplier invoices. Please contact me by private message.',
      ],
      [EN_CONTRACT, 'Does anyone have a simple contract template for freelance designers? Ours is three years old and is missing a clause on late payments.'],
      [EN_LUNCH, 'The events team is booking a table for twelve at the harbour. Reply here if you want a seat.'],
      [
        FR_RESEAU,
        "Bonjour à tous, je viens de m'installer comme architecte et je cherche des conseils pour développer mon réseau auprès des PME de la région.",
      ],
      [
        FR_RESEAUX,
        'Entre la cotisation annuelle et le temps passé aux petits-déjeuners, je me demande si les réseaux d’affaires sont vraiment rentables pour un indépendant.',
      ],
      [
        FR_COMPTABLE,
        'Notre entreprise cherche un expert-comptable disponible pour la clôture annuelle et les déclarations de TVA. Merci pour vos recommandations !',
      ],
      [RU_SMM, 'Нужен специалист, который возьмёт на себя ведение социальных сетей нашей компании: контент-план, публикации и ответы на комментарии.'],
      [
        RU_ACCOUNTANT,
        'Ищем надёжного бухгалтера на аутсорсе для небольшой торговой компании. Где вы обычно находите проверенных подрядчиков для клиентов?',
      ],
      [
        AR_SCHOOL,
        'تبحث المدرسة الدولية في جدة عن رعاة لمعرض التوظيف السنوي. نستخدم Acme CRM لمتابعة الرعاة والمتطوعين، ويسعدنا التواصل مع المؤسسات المهتمة.',
      ],
      [AR_COMPANY, 'نحن شركة عائلية صغيرة في الرياض ونفكر في الاستثمار في فرع ثان. هل لدى أحد تجربة مع التمويل البنكي؟'],
      [AR_BOOKS, 'أنصح بكتاب عن إدارة الأعمال العائلية قرأت نصفه العام الماضي، وسأحضره معي إلى لقائنا القادم في مبني الغرفة التجارية، فصاحبه نقدر خبرته.'],
      [HI_TRADERS, 'हम हर महीने छोटे व्यापारों के मालिकों की बैठक करते हैं। नए सदस्यों का स्वागत है।'],
      [HI_CUSTOMERS, 'मैंने हाल ही में अपना व्यापार शुरू किया है और मुझे पहले ग्राहकों की तलाश है। कोई सुझाव?'],
    ];
    for (const [title, body] of threads) await post(owner, group.slug, title, body);
    await indexed(group.id);
  });

  describe('finds a word in any of its forms', () => {
    it('Russian: "социальная сеть" finds a post about "социальных сетей"', async () => {
      expect(await titles(club, 'социальная сеть')).toEqual([RU_SMM]);
    });

    it('French: "réseau" finds "réseaux", with or without the accent, in any case', async () => {
      expect(await titles(club, 'réseau')).toEqual([FR_RESEAU, FR_RESEAUX].sort());
      expect(await titles(club, 'réseaux')).toEqual([FR_RESEAU, FR_RESEAUX].sort());
      expect(await titles(club, 'reseau')).toEqual([FR_RESEAU, FR_RESEAUX].sort());
      expect(await titles(club, 'RÉSEAU')).toEqual([FR_RESEAU, FR_RESEAUX].sort());
    });

    it('English: "referrals" finds "referral" and "networking" finds "network"', async () => {
      expect(await titles(club, 'referrals')).toEqual([EN_REFERRAL]);
      expect(await titles(club, 'networking')).toEqual([EN_NETWORK]);
    });

    it('Arabic: "المدرسه" written with ه finds "المدرسة"', async () => {
      expect(await titles(club, 'المدرسه')).toEqual([AR_SCHOOL]);
    });

    it('Arabic: "الشركات" (the companies) finds a post about a "شركة" (a company)', async () => {
      expect(await titles(club, 'الشركات')).toEqual([AR_COMPANY]);
    });

    it('Arabic: a word written without its hamza finds it written with one, and the other way round', async () => {
      expect(await titles(club, 'ادارة')).toEqual([AR_BOOKS]);
      expect(await titles(club, 'الاعمال')).toEqual([AR_BOOKS]);
      expect(await titles(club, 'الإستثمار')).toEqual([AR_COMPANY]);
    });

    // The stemmer strips a final ي but keeps a final ى; cercle_search_text writes both as ي.
    it('Arabic: a final ى finds the same word written with a final ي ("مبنى" finds "مبني")', async () => {
      expect(await titles(club, 'مبنى')).toEqual([AR_BOOKS]);
    });

    it('Arabic: the "his" ending ـته is not mistaken for ة ("خبرة" finds "خبرته")', async () => {
      expect(await titles(club, 'خبرة')).toContain(AR_BOOKS);
    });

    it('Hindi: a plural finds the singular and the singular finds the plural', async () => {
      expect(await titles(club, 'व्यापारों')).toEqual([HI_TRADERS, HI_CUSTOMERS].sort());
      expect(await titles(club, 'व्यापार')).toEqual([HI_TRADERS, HI_CUSTOMERS].sort());
      expect(await titles(club, 'सदस्य')).toEqual([HI_TRADERS]);
      expect(await titles(club, 'ग्राहक')).toEqual([HI_CUSTOMERS]);
    });

    it('an English product name in an Arabic post is found by its name', async () => {
      expect(await titles(club, 'Acme')).toEqual([AR_SCHOOL]);
      expect(await titles(club, 'acme crm')).toEqual([AR_SCHOOL]);
    });
  });

  describe('forgives typos', () => {
    it('one wrong or swapped letter in a word of five letters or more, in English, French and Russian', async () => {
      expect(await titles(club, 'bakary')).toEqual([EN_BAKERY]);
      expect(await titles(club, 'invioces')).toEqual([EN_BAKERY]);
      expect(await titles(club, 'rantable')).toEqual([FR_RESEAUX]);
      expect(await titles(club, 'clotrue')).toEqual([FR_COMPTABLE]);
      expect(await titles(club, 'бухгалтира')).toEqual([RU_ACCOUNTANT]);
      expect(await titles(club, 'клеинтов')).toEqual([RU_ACCOUNTANT]);
    });

    it('two typos in a word of nine letters or more, but not in a shorter one', async () => {
      expect(await titles(club, 'partnrehsip')).toEqual([EN_REFERRAL]);
      expect(await titles(club, 'пубилкацеи')).toEqual([RU_SMM]);
      expect(await titles(club, 'bkaary')).toEqual([]);
    });

    it('no typo in a word of four letters: it never turns into a different word', async () => {
      expect(await titles(club, 'team')).toEqual([EN_LUNCH]);
      expect(await titles(club, 'taem')).toEqual([]);
      expect(await titles(club, 'teal')).toEqual([]);
    });

    it('a correctly spelled word finds only itself, not its near-spellings', async () => {
      expect(await titles(club, 'contact')).toEqual([EN_BAKERY]);
      expect(await titles(club, 'contract')).toEqual([EN_CONTRACT]);
      expect(await titles(club, 'contcat')).toEqual([EN_BAKERY]);
    });

    it('a misspelling someone once made, since corrected, still finds the word', async () => {
      const { group, owner } = await groupWithOwner();
      const word = `${uniqueWord()}ship`;
      const typo = `${word.slice(0, 3)}${word[4]}${word[3]}${word.slice(5)}`;
      const ref = await post(owner, group.slug, 'A typo, corrected', `Our ${typo} grows.`);
      await indexed(group.id);
      await editPost({ db: testDb(), viewer: owner }, { postId: ref.postId, body: `Our ${word} grows.` });
      await indexed(group.id);
      // The misspelt stem is still in the lexicon, so it is "known"; finding nothing, the search widens it.
      expect(await titles(group, typo)).toEqual(['A typo, corrected']);
    });
  });

  describe('stop words', () => {
    it('"the networking" finds what "networking" finds', async () => {
      expect(await titles(club, 'the networking')).toEqual(await titles(club, 'networking'));
      // Not "les": PostgreSQL's French stop-word list lacks it, so "les" is searched as a word (le).
      expect(await titles(club, 'des réseaux')).toEqual([FR_RESEAU, FR_RESEAUX].sort());
    });

    it('a search made only of stop words finds nothing, without an error', async () => {
      for (const q of ['the and of', 'de la et des', 'THE']) {
        await expect(search({ q, group: club.slug })).resolves.toMatchObject({ hits: [], total: 0, capped: false, empty: false });
      }
    });
  });

  describe('ranking', () => {
    it('a thread with the word in its title ranks above one that only mentions it', async () => {
      const { group, owner } = await groupWithOwner();
      // The title match is written first: the tie-break (newest post first) would favour the other.
      await post(owner, group.slug, 'Mentoring programme for new members', 'Sign up before the end of the month; pairs are announced at the next meeting.');
      await post(owner, group.slug, 'Welcome evening on Thursday', 'Drinks, short introductions and a word about our mentoring programme.');
      await indexed(group.id);
      expect((await search({ q: 'mentoring', group: group.slug })).hits.map((h) => h.thread.title)).toEqual([
        'Mentoring programme for new members',
        'Welcome evening on Thursday',
      ]);
    });

    it('between two equally good matches, the more recent ranks first', async () => {
      const { group, owner } = await groupWithOwner();
      const body = 'Does anyone know a coworking space with meeting rooms near the station?';
      await post(owner, group.slug, 'Desk wanted near station', body);
      // Written second but dated three years back: only its age can put it second.
      const old = await post(owner, group.slug, 'Office wanted near station', body);
      await testDb().execute(sql`update posts set created_at = now() - interval '3 years' where id = ${old.postId}`);
      // Another test file's worker may have indexed it already, with the date it had then.
      await testDb().execute(sql`update search_posts set posted_at = now() - interval '3 years' where post_id = ${old.postId}`);
      await indexed(group.id);
      expect((await search({ q: 'coworking', group: group.slug })).hits.map((h) => h.thread.title)).toEqual([
        'Desk wanted near station',
        'Office wanted near station',
      ]);
    });

    it(`still finds an old post by a rare word when a common word has more than ${CANDIDATE_CAP} recent matches`, async () => {
      const { group, owner } = await groupWithOwner();
      const rare = uniqueWord();
      const old = await post(owner, group.slug, 'Notes from the 2021 planning meeting', `The meeting agreed to set up the ${rare} committee.`);
      await testDb().execute(sql`update posts set created_at = now() - interval '4 years' where id = ${old.postId}`);
      await testDb().execute(sql`update search_posts set posted_at = now() - interval '4 years' where post_id = ${old.postId}`);
      const recent = CANDIDATE_CAP + 100;
      await testDb().execute(sql`
        with t as (
          insert into threads (group_id, author_id, title, last_post_number, last_poster_id)
          select ${group.id}, ${owner.id}, 'Weekly meeting ' || i, 1, ${owner.id} from generate_series(1, ${recent}) as i
          returning id
        )
        insert into posts (thread_id, number, author_id, body, body_html, language)
        select t.id, 1, ${owner.id}, 'Minutes of this week''s meeting are attached.', '<p>Minutes of this week''s meeting are attached.</p>', 'en' from t`);
      await testDb().execute(sql`
        insert into search_outbox (subject, subject_id)
        select 'post', p.id from posts p join threads t on t.id = p.thread_id where t.group_id = ${group.id} and p.id <> ${old.postId}`);
      await indexed(group.id);

      const common = await search({ q: 'meeting', group: group.slug });
      expect(common.capped).toBe(true);
      expect(common.total).toBeGreaterThanOrEqual(CANDIDATE_CAP);
      expect(common.hits).toHaveLength(20);
      expect((await search({ q: rare, group: group.slug })).hits.map((h) => h.postId)).toEqual([old.postId]);
      expect((await search({ q: `meeting ${rare}`, group: group.slug })).hits.map((h) => h.postId)).toEqual([old.postId]);
    });
  });
});
