/** A date input's "YYYY-MM-DD" as the start of that day in the reader's time zone, or of a later day. */
export function dayStart(date: string, daysLater = 0): string {
  if (!date) return '';
  const day = new Date(`${date}T00:00`);
  day.setDate(day.getDate() + daysLater);
  return day.toISOString();
}
