/**
 * What the policy asks of a follow request, item by item, for the administrator to tick off in
 * their head before pressing Accept (the policy's own words, shortened).
 */
export const FOLLOW_REQUEST_CHECKLIST: readonly string[] = [
  'A parent or carer of a child on roll now, a governor, or a member of staff.',
  'Not a grandparent or other relative (unless a principal carer): the Headteacher decides exceptions.',
  'Not a business, media organisation, political figure, service or charity.',
  'Not a pupil or anyone under 13.',
  'Linked to a personal e-mail address, not a work one: check the address from X’s e-mail in the options page, “Check a follow request”.',
  'The office has confirmed who it is. If not, decline.',
];
