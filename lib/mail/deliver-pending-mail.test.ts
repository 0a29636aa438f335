import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { createInvitation } from '../groups/create-invitation';
import { deliverPendingMail } from './deliver-pending-mail';
import { freePort, startTestSmtpServer as startSmtp } from './test-smtp-server';

let port: number;
beforeAll(async () => {
  port = await freePort();
});

const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });

async function outboxFor(address: string) {
  return testDb().select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
}

describe('mail delivery', () => {
  it('mails an email invitation, and retries a failed send later instead of losing it', async () => {
    const owner = await createMember({ name: 'Amina <Owner>' });
    const group = await createGroup({ name: 'Rabat & Sale chapter', visibility: 'private', joinPolicy: 'invite' });
    await addToGroup(group.id, owner.id, 'owner');
    const address = `guest-${Date.now()}@example.test`;
    const { path } = await createInvitation({ db: testDb(), viewer: viewerOf(owner) }, { groupSlug: group.slug, email: address });

    // No SMTP server yet: the attempt fails, and the message waits for its retry.
    await deliverPendingMail(getDb(), transport(), 20, [address]);
    const [waiting] = await outboxFor(address);
    expect(waiting).toMatchObject({ sentAt: null, attempts: 1 });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(waiting!.lastError).toMatch(/ECONNREFUSED/);

    const smtp = await startSmtp(port);
    await deliverPendingMail(getDb(), transport(), 20, [address]);
    expect(smtp.received.filter((m) => m.to.includes(address))).toHaveLength(0); // not due yet
    await testDb().update(mailOutbox).set({ nextAttemptAt: new Date() }).where(eq(mailOutbox.id, waiting!.id));
    await deliverPendingMail(getDb(), transport(), 20, [address]);
    await smtp.close();

    const [message] = smtp.received.filter((m) => m.to.includes(address));
    const raw = message!.raw.replace(/=\r?\n/g, '');
    expect(raw).toContain('Subject: Invitation to Rabat & Sale chapter');
    expect(raw).toContain(path);
    expect(raw).toContain('Amina &lt;Owner&gt;');
    expect(raw).not.toContain('<Owner>" invites');
    const [sent] = await outboxFor(address);
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(sent!.sentAt).not.toBeNull();

    // Sent once: another pass sends nothing more to this address.
    const again = await startSmtp(port);
    await deliverPendingMail(getDb(), transport(), 20, [address]);
    await again.close();
    expect(again.received.filter((m) => m.to.includes(address))).toHaveLength(0);
  });

  it('queues no email for a link invitation', async () => {
    const owner = await createMember();
    const group = await createGroup();
    await addToGroup(group.id, owner.id, 'owner');
    const before = await testDb().select().from(mailOutbox);
    await createInvitation({ db: testDb(), viewer: viewerOf(owner) }, { groupSlug: group.slug });
    const after = await testDb().select().from(mailOutbox);
    expect(after.length).toBe(before.length);
  });
});

describe('invitation emails', () => {
  it('speak the language of a member who already has an account', async () => {
    const owner = await createMember();
    const group = await createGroup({ name: 'Club de Lyon' });
    await addToGroup(group.id, owner.id, 'owner');
    const guest = await createMember({ locale: 'fr' });
    await createInvitation({ db: testDb(), viewer: viewerOf(owner) }, { groupSlug: group.slug, email: guest.email });
    const [queued] = await outboxFor(guest.email);
    expect(queued!.subject).toBe('Invitation à rejoindre Club de Lyon');
    expect(queued!.textBody).toContain('vous invite à rejoindre Club de Lyon sur Cercle');
    expect(queued!.htmlBody).toContain('lang="fr"');
  });
});
