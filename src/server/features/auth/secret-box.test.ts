import { describe, expect, it } from 'vitest';
import { secretBox } from './secret-box.js';

describe('secretBox', () => {
  const box = secretBox('a server secret of enough length', 'totp');

  it('opens what it sealed, for the same owner only', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'user-2')).toBeNull();
  });

  it('does not open under another server secret or purpose, nor when tampered with', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(secretBox('another server secret entirely', 'totp').open(sealed, 'user-1')).toBeNull();
    expect(secretBox('a server secret of enough length', 'other').open(sealed, 'user-1')).toBeNull();
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = (body!.startsWith('A') ? 'B' : 'A') + body!.slice(1);
    expect(box.open([v, iv, flipped, tag].join('.'), 'user-1')).toBeNull();
    expect(box.open('garbage', 'user-1')).toBeNull();
  });

  it('never seals the same value the same way twice', () => {
    expect(box.seal('same', 'u')).not.toBe(box.seal('same', 'u'));
  });
});
