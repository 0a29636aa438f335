/** A one-line progress bar on a terminal, a line per tenth of the way elsewhere (CI logs). */
export function progressBar(label: string): (done: number, total: number) => void {
  let lastTenth = -1;
  let finished = false;
  return (done, total) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    if (finished) return;
    finished = share === 1;
    const text = `${label} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${text}`);
      if (share === 1) process.stdout.write('\n');
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      console.log(text);
    }
  };
}
