/**
 * The words a score workbook heads its columns with (render/xlsx.ts), which `dti score --excel`
 * heads its CSV with too (render/score.ts): one wording, in each language. A module of its own,
 * so the score's CSV does not load the workbook writer.
 */
export const WORKBOOK_WORDS = {
  vi: {
    ranking: 'Xếp hạng', breakdown: 'Chi tiết', about: 'Thông tin', rank: 'Hạng', previousRank: 'Hạng năm trước', change: 'Thay đổi hạng',
    province: 'Tỉnh', unit: 'Đơn vị', code: 'Mã', region: 'Vùng', regionRank: 'Hạng trong vùng', score: 'Điểm', coverage: 'Tỷ lệ dữ liệu', rankOf: 'hạng',
    normalized: 'chuẩn hoá', key: 'Mục', value: 'Nội dung', framework: 'Bộ chỉ số', frameworkId: 'Mã bộ chỉ số', year: 'Năm', previousYear: 'So với năm',
    definitions: 'Tệp định nghĩa', data: 'Tệp số liệu', source: 'Nguồn', detail: 'Mức chi tiết', tool: 'Công cụ', decimals: 'Số chữ số thập phân',
    details: { pillars: 'trụ cột', groups: 'nhóm', indicators: 'chỉ số' },
  },
  en: {
    ranking: 'Ranking', breakdown: 'Breakdown', about: 'About', rank: 'Rank', previousRank: 'Previous rank', change: 'Rank change',
    province: 'Province', unit: 'Unit', code: 'Code', region: 'Region', regionRank: 'Rank in region', score: 'Score', coverage: 'Data coverage', rankOf: 'rank',
    normalized: 'normalised', key: 'Item', value: 'Value', framework: 'Framework', frameworkId: 'Framework id', year: 'Year', previousYear: 'Compared with',
    definitions: 'Definitions file', data: 'Data files', source: 'Source', detail: 'Detail level', tool: 'Tool', decimals: 'Decimals',
    details: { pillars: 'pillars', groups: 'groups', indicators: 'indicators' },
  },
} as const;
