/**
 * The classes the weekly promise is reported for: the ICT lead's class list in its own order, then
 * classes only the pupil list or the post records know (sorted), each once.
 */
export function classesToReport(settingsClasses: readonly string[], rosterClasses: readonly string[], postedClasses: readonly string[]): string[] {
  const ordered = [...new Set(settingsClasses)];
  const known = new Set(ordered);
  const others = [...new Set([...rosterClasses, ...postedClasses])].filter((name) => name !== '' && !known.has(name)).sort((a, b) => a.localeCompare(b, 'en-GB'));
  return [...ordered, ...others];
}
