// Writes data/2022.csv, data/2023.csv and data/2024.csv (the official DTI of the 63 provinces)
// from data/reference/dti_2022_2024_provincial_63.csv, copying each published value as it is
// and the derived sum of the four foundation indices not published one by one (2022–2023),
// labelled as derived with its formula. Run: node test/tools/gen-official.mjs
// test/official.test.ts checks that every value of the data files equals the reference table's.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const root = new URL('../../', import.meta.url);
const ref = parse(readFileSync(new URL('data/reference/dti_2022_2024_provincial_63.csv', root)), { columns: true, bom: true, cast: false });
const PAGE = { 2022: 'https://dti.gov.vn/xep-hang-2022', 2023: 'https://dti.gov.vn/xep-hang-2023-all', 2024: 'https://dti.gov.vn/xep-hang-2024-63-tinh' };
const VIA = 'GitHub PhamQuyNam/PMNM_HaUI.DNK_2025 Tapdulieu/bang_1.csv @ 1ac6ac1 (values copied from the dti.gov.vn ranking page)';
const FORMULA = 'derived: (1000·DTI − 200·HĐCQS − 150·HĐKTS − 150·HĐXHS − 100·HTS) / 100 under QĐ 922';
const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
for (const year of ['2022', '2023', '2024']) {
  const rows = ref.filter((r) => r.year === year);
  if (rows.length !== 63) throw new Error(`${year}: ${rows.length} rows`);
  const head = year === '2024'
    ? ['province', 'year', 'dti-cong-bo', 'ha-tang-so', 'hoat-dong-chinh-quyen-so', 'hoat-dong-kinh-te-so', 'hoat-dong-xa-hoi-so', '#xep_hang_cong_bo', '#nguon', '#qua']
    : ['province', 'year', 'ha-tang-so', 'hoat-dong-chinh-quyen-so', 'hoat-dong-kinh-te-so', 'hoat-dong-xa-hoi-so', 'nts-tcs-nls-attt-suy-ra', '#dti_cong_bo', '#xep_hang_cong_bo', '#suy_ra', '#nguon', '#qua'];
  const lines = [head.join(',')];
  for (const r of rows) {
    const main = [r.ha_tang_so, r.hd_chinh_quyen_so, r.hd_kinh_te_so, r.hd_xa_hoi_so];
    const cells = year === '2024'
      ? [r.province, year, r.dti, ...main, r.dti_rank, PAGE[year], VIA]
      : [r.province, year, ...main, r.sum_nts_tcs_nls_attt_derived, r.dti, r.dti_rank, FORMULA, PAGE[year], VIA];
    lines.push(cells.map(q).join(','));
  }
  writeFileSync(new URL(`data/${year}.csv`, root), lines.join('\n') + '\n');
}
console.log('wrote data/2022.csv, data/2023.csv, data/2024.csv');
