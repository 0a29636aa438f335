import { getFormatter, getNow } from 'next-intl/server';

/** A date shown relative to now ("3 hours ago"), with the exact time as its machine-readable value and tooltip. */
export async function TimeAgo({ date }: { date: Date }) {
  const format = await getFormatter();
  const now = await getNow();
  return (
    <time dateTime={date.toISOString()} title={format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' })}>
      {format.relativeTime(date, now)}
    </time>
  );
}
