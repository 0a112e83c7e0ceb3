import { describe, it, expect } from 'vitest';
import { domainAllowed, emailDomain, isDomain, normalizeDomain } from '../../server/domain/email.js';

describe('emailDomain', () => {
  it('returns the lower-cased domain after the last @', () => {
    expect(emailDomain('User@GitLab.COM')).toBe('gitlab.com');
    expect(emailDomain('  ops@status.example.co.uk  ')).toBe('status.example.co.uk');
    expect(emailDomain('"odd@local"@example.org')).toBe('example.org');
  });

  it('is null for malformed addresses', () => {
    for (const bad of ['gitlab.com', '@gitlab.com', 'user@', 'user@localhost', 'user@gitlab.com.', 'user@git lab.com', 'user@gitlab.com/path', 'user@*.gitlab.com', 'user@[127.0.0.1]']) {
      expect(emailDomain(bad)).toBeNull();
    }
  });
});

describe('isDomain', () => {
  it('accepts bare hostnames with an alphabetic TLD, case-insensitively', () => {
    for (const ok of ['gitlab.com', 'GitLab.COM', 'a.io', 'my-team.example.co.uk', `${'a'.repeat(63)}.com`, `${'abcdefghi.'.repeat(25)}com`]) expect(isDomain(ok)).toBe(true);
  });

  it('rejects URLs, addresses, wildcards and malformed labels', () => {
    const bad = [
      '', 'com', 'https://gitlab.com', 'gitlab.com/x', 'user@gitlab.com', '*.gitlab.com', '.gitlab.com', 'gitlab.com.',
      'git lab.com', ' gitlab.com', 'gitlab..com', '-gitlab.com', 'gitlab-.com', 'gitlab.c', 'gitlab.c0m', '127.0.0.1',
      `${'a'.repeat(64)}.com`, `${'abcdefghi.'.repeat(25)}com`.replace('a', 'aa') /* 254 chars */, 'gitläb.com',
    ];
    for (const s of bad) expect(isDomain(s), s).toBe(false);
  });
});

describe('domainAllowed', () => {
  const allowed = ['gitlab.com', ' Example.ORG '];

  it('admits addresses of an allowed domain whatever their case', () => {
    expect(domainAllowed('User@GitLab.COM', allowed)).toBe(true);
    expect(domainAllowed('someone@example.org', allowed)).toBe(true);
    expect(normalizeDomain(' Example.ORG ')).toBe('example.org');
  });

  it('refuses look-alikes, subdomains and malformed addresses', () => {
    for (const address of ['x@evilgitlab.com', 'x@gitlab.com.evil.org', 'x@sub.gitlab.com', 'x@gitlab.co', 'gitlab.com', 'x@gitlab.com@evil.org', '@gitlab.com']) {
      expect(domainAllowed(address, allowed), address).toBe(false);
    }
    expect(domainAllowed('x@gitlab.com', [])).toBe(false);
  });
});
