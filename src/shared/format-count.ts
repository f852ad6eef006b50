/** Counts as the ICT lead reads them: "10,000". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}
