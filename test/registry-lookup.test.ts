// findProvince finds a name written exactly as in the registry without folding it (the
// start-up path of most data files); the folded lookup must find the same province for it.
import { describe, expect, it } from 'vitest';
import { PROVINCES, findProvince, nameKey } from '../src/core/provinces.js';

describe('province lookup by exact name', () => {
  it('finds, for every registry name, the province its folded key finds', () => {
    for (const p of PROVINCES) {
      const exact = findProvince(p.name);
      // Upper case is not in the exact table: this goes through nameKey.
      const folded = findProvince(p.name.toUpperCase());
      expect(p.name.toUpperCase()).not.toBe(p.name);
      expect(nameKey(p.name.toUpperCase())).toBe(nameKey(p.name));
      expect([p.name, exact.ok && exact.province]).toEqual([p.name, p]);
      expect([p.name, folded.ok && folded.province]).toEqual([p.name, p]);
    }
  });
  it('still finds other spellings, codes and ISO codes, and suggests for unknown names', () => {
    const name = (t: string) => { const r = findProvince(t); return r.ok ? r.province.name : `✗ ${r.suggestions.join('|')}`; };
    expect(name('  Hà Nội ')).toBe('Hà Nội');
    expect(name('TP. Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(name('ha noi')).toBe('Hà Nội');
    expect(name('1')).toBe('Hà Nội');
    expect(name('VN-22')).toBe('Nghệ An');
    expect(name('Nghe Anh')).toBe('✗ Nghệ An');
  });
});
