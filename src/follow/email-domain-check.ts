/**
 * "Only Twitter accounts linked to a personal email address will be accepted. Accounts linked to an
 * email address for a business or place of work will be rejected." X's follow-request e-mail names
 * the address; this says which kind of domain it is. Pure: the list of personal providers is passed
 * in (the options page loads it), so nothing here knows where the list comes from.
 */

export type EmailDomainKind =
  /** A free personal provider (gmail.com, btinternet.com…): the office then confirms who it is. */
  | 'personal'
  /** The school's own domain: a place of work, so rejected; the member of staff asks from a personal address. */
  | 'school'
  /** Any other domain: a business or place of work as far as can be told, so rejected. */
  | 'work';

export type EmailDomainCheck = { ok: false } | { ok: true; address: string; domain: string; kind: EmailDomainKind };

/** Something@domain.tld, as the address stands in X's notification; no spaces, at least one dot after the @. */
const ADDRESS = /[^\s@<>()[\]"',;:]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})\.?(?![a-z0-9-])/i;

/**
 * The domain an address is at, from the address alone or from the pasted sentence around it
 * ("BirtRogers@gmail.com would like to follow your feed."), in lower case.
 */
export function findEmailAddress(pasted: string): { address: string; domain: string } | null {
  const found = ADDRESS.exec(pasted.normalize('NFKC'));
  if (!found || found[1] === undefined) return null;
  const domain = found[1].toLowerCase();
  return { address: `${found[0].slice(0, found[0].lastIndexOf('@'))}@${domain}`, domain };
}

/** The domain and each domain it is under: mail.btinternet.com, btinternet.com (never the bare top level). */
function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  return labels.slice(0, -1).map((_label, index) => labels.slice(index).join('.'));
}

/** The domains of the school's own addresses (settings' school e-mails: "admin@redbournprimary.co.uk"). */
export function schoolDomainsOf(schoolEmails: readonly string[]): Set<string> {
  return new Set(schoolEmails.flatMap((email) => findEmailAddress(email)?.domain ?? []));
}

export function checkEmailDomain(pasted: string, schoolDomains: ReadonlySet<string>, isPersonalProvider: (domain: string) => boolean): EmailDomainCheck {
  const found = findEmailAddress(pasted);
  if (!found) return { ok: false };
  const candidates = domainAndParents(found.domain);
  // The school's own domain first: a school that happens to use a provider's domain is still the school.
  const kind: EmailDomainKind = candidates.some((domain) => schoolDomains.has(domain)) ? 'school' : candidates.some(isPersonalProvider) ? 'personal' : 'work';
  return { ok: true, ...found, kind };
}
