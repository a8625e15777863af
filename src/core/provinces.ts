/**
 * The registry of Vietnam's provinces: the 63 before 1 July 2025 and the 34 after, with GSO
 * and ISO 3166-2 codes, socio-economic regions and the merger. Lookup forgives what real
 * tables do to names: diacritics or none, "Tỉnh"/"Thành phố"/"TP." prefixes, hyphens and
 * spaces, older tone placement ("Hoà"/"Hòa"), and the abbreviations in ALIASES.
 */
import { editDistance, wordy } from './diagnostics.js';
import { PROVINCES_34, PROVINCES_63 } from './provinces-data.js';
import { fold } from './text.js';

export interface Province {
  /** GSO code, two digits ("01"). */
  code: string;
  name: string;
  type: string;
  iso: string;
  region: string;
  regionEn: string;
  /** Code of the province it belongs to since 1 July 2025. */
  successor: string;
}

export interface Province2025 {
  code: string;
  name: string;
  type: string;
  /** GSO codes of the pre-2025 provinces that form it. */
  members: string[];
}

/**
 * Spellings seen in real tables that folding alone does not reach. One line each:
 * [spelling, GSO code, where it is used (English, Vietnamese)]. Adding a spelling is a one-line change.
 */
export const ALIASES: readonly (readonly [string, string, string, string])[] = [
  ['TP.HCM', '79', 'the usual abbreviation in ministry tables and the press', 'viết tắt thường gặp trong bảng biểu của các bộ và báo chí'],
  ['HCM', '79', 'short form in tables', 'dạng rút gọn trong bảng biểu'],
  ['TP Hồ Chí Minh', '79', 'prefix without the dot', 'tiền tố không có dấu chấm'],
  ['Sài Gòn', '79', 'the city’s common name', 'tên gọi quen thuộc của thành phố'],
  ['TT-Huế', '46', 'abbreviation in DTI and PAPI tables', 'viết tắt trong bảng DTI và PAPI'],
  ['TT Huế', '46', 'abbreviation without the hyphen', 'viết tắt không có gạch nối'],
  ['Huế', '46', 'the short name, and the city’s name since 2025', 'tên ngắn, cũng là tên thành phố từ năm 2025'],
  ['BR-VT', '77', 'abbreviation in ministry tables', 'viết tắt trong bảng biểu của các bộ'],
  ['BRVT', '77', 'abbreviation without the hyphen', 'viết tắt không có gạch nối'],
  ['Bắc Cạn', '06', 'older spelling of Bắc Kạn', 'cách viết cũ của Bắc Kạn'],
  ['Đắc Lắc', '66', 'older spelling of Đắk Lắk', 'cách viết cũ của Đắk Lắk'],
  ['Daklak', '66', 'spelling without spaces in English-language tables', 'cách viết liền trong bảng biểu tiếng Anh'],
  ['Đắc Nông', '67', 'older spelling of Đắk Nông', 'cách viết cũ của Đắk Nông'],
  ['Daknong', '67', 'spelling without spaces in English-language tables', 'cách viết liền trong bảng biểu tiếng Anh'],
  ['Kontum', '62', 'spelling without the space', 'cách viết liền, không có dấu cách'],
  ['HN', '01', 'abbreviation of Hà Nội', 'viết tắt của Hà Nội'],
  ['Thanh Hoá', '38', 'older tone placement', 'cách đặt dấu thanh kiểu cũ'],
];

const PREFIX = /^(tinh|thanh pho|tp\.?|t\.p\.?|city of|province)\s*/;

/** The lookup key of a name: folded, no prefix, no punctuation or spaces. */
export function nameKey(s: string): string {
  let k = fold(s.normalize('NFC')).trim().replace(/\s+/g, ' ');
  k = k.replace(PREFIX, '');
  k = k.replace(/\s+(province|city)$/, '');
  return k.replace(/[^a-z0-9]/g, '');
}

export const PROVINCES: readonly Province[] = PROVINCES_63.map(([code, name, type, iso, region, regionEn, successor]) => ({
  code, name, type, iso, region, regionEn, successor,
}));

export const PROVINCES_2025: readonly Province2025[] = PROVINCES_34.map(([code, name, type, members]) => ({
  code, name, type, members: [...members],
}));

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
/** Every spelling's key (nameKey) → its province; built at the first name that is not written exactly as in the registry. */
let keys: Map<string, Province> | undefined;
function byKey(): Map<string, Province> {
  if (keys === undefined) {
    keys = new Map();
    for (const p of PROVINCES) {
      keys.set(nameKey(p.name), p);
      keys.set(nameKey(`${p.type} ${p.name}`), p);
    }
    for (const [alias, code] of ALIASES) keys.set(nameKey(alias), byCode.get(code)!);
  }
  return keys;
}
/**
 * A name written exactly as in the registry: found without folding it (most data files),
 * the province its key finds too (a test checks it for every name).
 */
const byName = new Map(PROVINCES.map((p) => [p.name, p]));
const byIso = new Map(PROVINCES.map((p) => [p.iso.toLowerCase(), p]));

export function provinceByCode(code: string): Province | undefined {
  return byCode.get(code);
}

export type ProvinceLookup = { ok: true; province: Province } | { ok: false; suggestions: string[] };

/** Find a province by name (any spelling above), GSO code ("1", "01") or ISO code ("VN-22"). */
export function findProvince(text: string): ProvinceLookup {
  const t = text.trim();
  if (/^\d{1,2}$/.test(t)) {
    const p = byCode.get(t.padStart(2, '0'));
    if (p !== undefined) return { ok: true, province: p };
  }
  const iso = byIso.get(t.toLowerCase());
  if (iso !== undefined) return { ok: true, province: iso };
  const exact = byName.get(t);
  if (exact !== undefined) return { ok: true, province: exact };
  const key = nameKey(t);
  const p = byKey().get(key);
  if (p !== undefined) return { ok: true, province: p };
  return { ok: false, suggestions: suggestProvinces(key) };
}

function suggestProvinces(key: string): string[] {
  if (!wordy(key)) return [];
  const best = new Map<string, number>();
  for (const [k, p] of byKey()) {
    const d = editDistance(key, k);
    if (d <= Math.max(2, Math.floor(key.length / 3))) {
      const prev = best.get(p.name);
      if (prev === undefined || d < prev) best.set(p.name, d);
    }
  }
  return [...best.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map((e) => e[0]);
}

/** The six socio-economic regions in GSO's order, with the short forms tables use. */
export interface Region {
  name: string;
  en: string;
  /** Other ways of writing it (folded and compared like names). */
  aliases: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { name: 'Đồng bằng sông Hồng', en: 'Red River Delta', aliases: ['ĐBSH', 'Đồng bằng Bắc Bộ'] },
  { name: 'Trung du và miền núi phía Bắc', en: 'Northern Midlands and Mountains', aliases: ['TDMNPB', 'Miền núi phía Bắc', 'Trung du miền núi phía Bắc'] },
  { name: 'Bắc Trung Bộ và duyên hải miền Trung', en: 'North Central and Central Coast', aliases: ['BTB-DHMT', 'Bắc Trung Bộ', 'BTB', 'Duyên hải miền Trung', 'Miền Trung'] },
  { name: 'Tây Nguyên', en: 'Central Highlands', aliases: ['TN'] },
  { name: 'Đông Nam Bộ', en: 'Southeast', aliases: ['ĐNB', 'South East'] },
  { name: 'Đồng bằng sông Cửu Long', en: 'Mekong River Delta', aliases: ['ĐBSCL', 'Mekong Delta', 'Mekong', 'Tây Nam Bộ'] },
];

export type RegionLookup = { ok: true; region: Region } | { ok: false; suggestions: string[] };

/** Find a region loosely: any case, with or without diacritics, by its name, English name or short form. */
export function findRegion(text: string): RegionLookup {
  const key = nameKey(text);
  const keys = (r: Region) => [r.name, r.en, ...r.aliases].map(nameKey);
  const exact = REGIONS.filter((r) => keys(r).includes(key));
  if (exact.length === 1) return { ok: true, region: exact[0]! };
  const partial = key.length >= 3 ? REGIONS.filter((r) => keys(r).some((k) => k.includes(key))) : [];
  if (partial.length === 1) return { ok: true, region: partial[0]! };
  const near = !wordy(key) ? [] : REGIONS.filter((r) => keys(r).some((k) => editDistance(k, key) <= Math.max(2, Math.floor(key.length / 4))));
  return { ok: false, suggestions: (partial.length > 1 ? partial : near).map((r) => r.name) };
}

/** The region of a 2025 province: that of its member which kept its code (the seat province). */
export function region2025(p: Province2025): string {
  return (byCode.get(p.code) ?? byCode.get(p.members[0]!)!).region;
}

const byCode2025 = new Map(PROVINCES_2025.map((p) => [p.code, p]));

export function province2025ByCode(code: string): Province2025 | undefined {
  return byCode2025.get(code);
}

/** The 2025 province a pre-2025 province belongs to. */
export function successorOf(code: string): Province2025 | undefined {
  const p = byCode.get(code);
  return p === undefined ? undefined : byCode2025.get(p.successor);
}

/**
 * What a name (or a code) means on the 34 provinces (from 1 July 2025): a province of the 34,
 * named by its code, by its own name, or by the name of the province of the 63 it only renamed
 * with the same territory (Thừa Thiên Huế → Huế) — `{ province }`; or a province of the 63 that
 * merged into another of the 34 (Vĩnh Phúc → Phú Thọ, Yên Bái → Lào Cai; Quảng Bình, whose
 * code Quảng Trị took) — `{ merged, province: its successor }`. Undefined: no province at all.
 * The one rule for reading data on the 34 and for naming a unit of a run on the 34.
 */
export function on34(text: string): { province: Province2025; merged?: Province } | undefined {
  const direct = /^\d{1,2}$/.test(text.trim()) ? province2025ByCode(text.trim().padStart(2, '0')) : undefined;
  if (direct !== undefined) return { province: direct };
  const p63 = findProvince(text);
  if (!p63.ok) return undefined;
  const succ = successorOf(p63.province.code);
  if (succ === undefined) return undefined;
  // Kept its name (Bắc Ninh, whose code is now Bắc Giang's 24), or only renamed with the same territory.
  const same = p63.province.name === succ.name || (succ.members.length === 1 && succ.members[0] === p63.province.code);
  return same ? { province: succ } : { province: succ, merged: p63.province };
}
