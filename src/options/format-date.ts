/** Times as the ICT lead reads them: "1 Sept 2025, 08:00". */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
