// When something happened, as the chat and the version dropdown show it: "14:32" today, "Nov 23,
// 14:32" before. A clock time never goes stale in an open dropdown, as "5 min ago" would. Pure.

// Made once: a formatter per call (toLocaleTimeString) would be paid per message and option, per render.
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });

export function clockTime(date: Date, now: Date): string {
  const time = TIME_FORMAT.format(date);
  if (date.toDateString() === now.toDateString()) return time;
  return `${DAY_FORMAT.format(date)}, ${time}`;
}
