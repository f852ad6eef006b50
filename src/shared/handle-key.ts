/**
 * An X handle as the guard compares it: without "@", in lower case (X handles ignore case). Its
 * own module, so the content script can share it without loading the settings schema.
 */
export function handleKey(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}
