/**
 * A real SMTP server on this machine (the smtp-server package) for tests: it keeps what it
 * receives, decoded just enough to read headers and bodies, so tests check what a mail
 * client would show rather than how nodemailer happened to encode it.
 */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  to: string[];
  raw: string;
  /** Lower-cased names, unfolded values, encoded words decoded. */
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
};

export type TestSmtpServer = { port: number; url: string; received: ReceivedMail[]; close: () => Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts on `port` (a free one when omitted); several tests may keep it running between sends. `onMail` hears of each message as it arrives. */
export async function startTestSmtpServer(port?: number, onMail?: (mail: ReceivedMail) => void): Promise<TestSmtpServer> {
  const chosen = port ?? (await freePort());
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = parseMail(session.envelope.rcptTo.map((r) => r.address), Buffer.concat(chunks).toString('latin1'));
        received.push(mail);
        onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(chosen, '127.0.0.1', () => resolve()));
  return {
    port: chosen,
    url: `smtp://127.0.0.1:${chosen}?ignoreTLS=true`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// The message is read byte for byte (latin1) so that decoded bytes can be turned into UTF-8 text once.
const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

function decodeQuotedPrintable(body: string): string {
  return utf8(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function splitHeaders(part: string): { headers: Map<string, string>; body: string } {
  const end = part.search(/\r?\n\r?\n/);
  const head = end === -1 ? part : part.slice(0, end);
  const body = end === -1 ? '' : part.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(utf8(line.slice(colon + 1).trim())));
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return utf8(body);
}

/** The leaf parts of a message: single-part, or multipart/alternative and its relatives, to any depth. */
function leaves(headers: Map<string, string>, body: string): { type: string; content: string }[] {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [{ type: type.toLowerCase(), content: decodeBody(headers, body) }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((part) => !part.startsWith('--'))
    .flatMap((part) => {
      const inner = splitHeaders(part.replace(/^\r?\n/, ''));
      return leaves(inner.headers, inner.body);
    });
}

function parseMail(to: string[], raw: string): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  const parts = leaves(headers, body);
  const of = (type: string) => parts.find((p) => p.type.startsWith(type))?.content ?? '';
  return { to, raw, headers, subject: headers.get('subject') ?? '', text: of('text/plain'), html: of('text/html') };
}
