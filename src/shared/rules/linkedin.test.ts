import { describe, expect, it } from 'vitest';
import { linkedinKey, linkedinKeyOf } from './linkedin.js';

describe('linkedinKey', () => {
  it.each([
    ['https://www.linkedin.com/in/alexrivera', 'linkedin.com/in/alexrivera'],
    ['https://www.linkedin.com/in/AlexRivera/', 'linkedin.com/in/alexrivera'],
    ['http://linkedin.com/in/alexrivera?trk=people', 'linkedin.com/in/alexrivera'],
    ['https://es.linkedin.com/in/jos%C3%A9-mu%C3%B1oz', 'linkedin.com/in/josé-muñoz'],
    ['www.linkedin.com/in/ana-b', 'linkedin.com/in/ana-b'],
    ['https://www.linkedin.com/company/acme', null],
    ['https://example.com/in/alex', null],
    ['not a url', null],
  ])('%s → %s', (url, key) => {
    expect(linkedinKey(url)).toBe(key);
  });

  it('reads plain profile URLs as the URL parser does', () => {
    // A query sends the same URL through the parser: both ways must give the same key.
    for (const url of ['https://www.linkedin.com/in/Ana-B_2/', 'HTTP://LinkedIn.com/in/x', 'https://linkedin.com/in/a-b-3k', ' https://www.linkedin.com/in/ana \n']) {
      expect(linkedinKey(url)).toBe(linkedinKey(`${url.trim()}?trk=1`));
      expect(linkedinKey(url)).not.toBeNull();
    }
    expect(linkedinKey('https://www.linkedin.com/in/')).toBeNull();
    expect(linkedinKey('https://www.linkedin.com/in/a/b')).toBe('linkedin.com/in/a/b');
  });

  it('picks the first LinkedIn profile among links', () => {
    expect(linkedinKeyOf(['https://blog.example', 'https://www.linkedin.com/in/x/'])).toBe('linkedin.com/in/x');
    expect(linkedinKeyOf([])).toBeNull();
  });
});
