import personalProviders from 'email-providers/all.json';
import { describe, expect, it } from 'vitest';
import { checkEmailDomain, findEmailAddress, schoolDomainsOf } from '../../src/follow/email-domain-check';

const providers = new Set(personalProviders);
const isPersonal = (domain: string) => providers.has(domain);
const school = schoolDomainsOf(['admin@redbournprimary.co.uk', 'office@Redbourn.herts.sch.uk']);

describe('findEmailAddress', () => {
  it.each([
    ['BirtRogers@gmail.com would like to follow your feed.', 'BirtRogers@gmail.com', 'gmail.com'],
    ['  jo.bloggs+x@BTInternet.COM  ', 'jo.bloggs+x@btinternet.com', 'btinternet.com'],
    ['<sam@mail.sky.com>', 'sam@mail.sky.com', 'mail.sky.com'],
    ['ｊｏ＠ｇｍａｉｌ．ｃｏｍ', 'jo@gmail.com', 'gmail.com'],
  ])('%s', (pasted, address, domain) => {
    expect(findEmailAddress(pasted)).toEqual({ address, domain });
  });
  it.each(['', 'not an address', 'jo@localhost', '@gmail.com', 'jo@gmail.'])('no address in %j', (pasted) => {
    expect(findEmailAddress(pasted)).toBeNull();
  });
});

describe('checkEmailDomain', () => {
  it.each([
    // UK personal providers parents use, from the maintained list.
    ['parent@btinternet.com', 'personal'],
    ['parent@sky.com', 'personal'],
    ['parent@hotmail.co.uk', 'personal'],
    ['parent@yahoo.co.uk', 'personal'],
    ['parent@virginmedia.com', 'personal'],
    ['parent@ntlworld.com', 'personal'],
    ['parent@gmail.com', 'personal'],
    ['parent@icloud.com', 'personal'],
    ['parent@outlook.com', 'personal'],
    ['parent@mail.btinternet.com', 'personal'],
    // The school's own domain, and addresses under it, whatever the case.
    ['teacher@redbournprimary.co.uk', 'school'],
    ['Teacher@REDBOURNPRIMARY.CO.UK', 'school'],
    ['head@redbourn.herts.sch.uk', 'school'],
    // Businesses, media, councils, charities, other schools: work domains.
    ['sales@acme-plumbing.co.uk', 'work'],
    ['news@bbc.co.uk', 'work'],
    ['someone@hertfordshire.gov.uk', 'work'],
    ['info@othersch.herts.sch.uk', 'work'],
    ['parent@gmail.com.example.org', 'work'],
    ['x@redbournprimary.co.uk.attacker.net', 'work'],
  ])('%s is %s', (address, kind) => {
    const checked = checkEmailDomain(address, school, isPersonal);
    expect(checked.ok && checked.kind).toBe(kind);
  });
  it('says when there is no address to check', () => {
    expect(checkEmailDomain('would like to follow your feed', school, isPersonal)).toEqual({ ok: false });
  });
});
