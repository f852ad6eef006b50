/** Bad input (a roster, settings file, draft line or archive): exit 2 with a message naming where. */
export class InputError extends Error {
  override name = 'InputError';
}
