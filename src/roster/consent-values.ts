/**
 * What a photo-consent cell says, in the words MIS exports and hand-made sheets use. SIMS writes its
 * consent panel's Granted/Refused (and Given/Not given), Arbor TRUE/FALSE or Yes/No, Bromcom Y/N;
 * schools' own sheets use Agreed/Declined, Consented/Not consented, Allowed/Not allowed and so on.
 * Anything else is not read as consent (DESIGN: unknown consent is no consent).
 */

/** Written when consent was given. */
const GIVEN = [
  'yes', 'y', 'true', '1', 'granted', 'given', 'consent given', 'agreed', 'agree', 'consented', 'allowed',
  'permitted', 'permission given', 'accepted', 'approved', 'opted in',
];

/** Written when it was refused or withdrawn. */
const REFUSED = [
  'no', 'n', 'false', '0', 'refused', 'not given', 'consent refused', 'consent not given', 'declined', 'disagree',
  'not consented', 'not allowed', 'not permitted', 'not granted', 'not agreed', 'withdrawn', 'consent withdrawn',
  'denied', 'rejected', 'opted out',
];

/** Written when nobody has answered yet: no consent, and worth telling the ICT lead how many. */
const NOT_ANSWERED = ['not asked', 'not yet asked', 'no response', 'not returned', 'pending', 'awaiting', 'awaiting response', 'unknown', 'not known', 'not recorded'];

export type ConsentReading = { consent: boolean; answered: boolean } | null;

const READINGS = new Map<string, Exclude<ConsentReading, null>>([
  ...GIVEN.map((word) => [word, { consent: true, answered: true }] as const),
  ...REFUSED.map((word) => [word, { consent: false, answered: true }] as const),
  ...NOT_ANSWERED.map((word) => [word, { consent: false, answered: false }] as const),
]);

/** The cell's meaning, or null when it is empty or not a consent value the guard knows. */
export function readConsent(cell: string): ConsentReading {
  const key = cell.normalize('NFKC').toLowerCase().replace(/[\s_]+/g, ' ').replace(/[.!]+$/, '').trim();
  return READINGS.get(key) ?? null;
}

/** For messages: the pairs the guard reads. */
export const CONSENT_VALUE_EXAMPLES = 'Yes/No, Y/N, Granted/Refused, Given/Not given, Agreed/Declined, Consented/Not consented, Allowed/Not allowed, True/False, 1/0';
