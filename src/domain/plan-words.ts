/** How a text names a plan and its period, as the seed plans write them. */

/** "năm 2027" for one year, "giai đoạn 2026 - 2030" for several, as the seed plans write a period. */
export function periodPhrase(period: { from: number; to: number }): string {
  return period.from === period.to ? `năm ${period.from}` : `giai đoạn ${period.from} - ${period.to}`;
}

/** True when a title already states the period ("… giai đoạn 2026 - 2030 …", "… năm 2027"). */
export function statesPeriod(title: string, period: { from: number; to: number }): boolean {
  if (period.from === period.to) return title.includes(String(period.from));
  return title.includes(String(period.from)) && title.includes(String(period.to));
}

/**
 * What follows "Kế hoạch" when a text names the plan: "Ban hành Kế hoạch thực hiện X" and "Kế hoạch thực hiện X"
 * both give "thực hiện X", so that "Kế hoạch" is never said twice ("… ban hành Kế hoạch thực hiện X").
 */
export function planSubject(title: string, word = 'Kế hoạch'): string {
  const t = title
    .trim()
    .replace(/^(về việc\s+)?ban hành\s+/iu, '')
    .trim();
  const w = word.toLocaleLowerCase('vi');
  const rest = t.toLocaleLowerCase('vi').startsWith(`${w} `) ? t.slice(word.length + 1).trim() : t;
  return rest.charAt(0).toLocaleLowerCase('vi') + rest.slice(1);
}
