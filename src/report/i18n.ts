/** Every word the HTML report shows, in Vietnamese (the default) and English. */
import type { Lang } from '../core/score.js';

const VI = {
  title: 'Báo cáo xếp hạng',
  contents: 'Mục lục',
  ranking: 'Bảng xếp hạng',
  map: 'Bản đồ điểm số',
  pillars: 'Điểm các trụ cột',
  changes: 'Thay đổi thứ hạng',
  distribution: 'Phân bố điểm',
  unitSection: 'Hồ sơ đơn vị',
  framework: 'Bộ chỉ số',
  year: 'Năm',
  previousYear: 'So với năm',
  noPrevious: 'không có dữ liệu năm trước',
  files: 'Tệp dữ liệu',
  sources: 'Nguồn',
  units: 'Số đơn vị',
  rank: 'Hạng',
  change: 'Thay đổi',
  province: 'Tỉnh/thành',
  unit: 'Đơn vị',
  score: 'Điểm',
  coverage: 'Mức đủ dữ liệu',
  new: 'mới',
  unranked: 'không xếp hạng',
  noData: 'không có dữ liệu',
  sortHint: 'Bấm vào tiêu đề cột để sắp xếp.',
  sortBy: 'Sắp xếp theo',
  mapCaption63: 'Bản đồ 63 tỉnh, thành phố (trước ngày 1/7/2025), tô màu theo điểm. Di chuột hoặc dùng phím Tab để xem điểm từng tỉnh.',
  mapCaption34: 'Bản đồ 34 tỉnh, thành phố (từ ngày 1/7/2025), tô màu theo điểm. Di chuột hoặc dùng phím Tab để xem điểm từng tỉnh.',
  attribution: 'Ranh giới: Natural Earth (phạm vi công cộng), naturalearthdata.com. Quần đảo Hoàng Sa (thành phố Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa) của Việt Nam.',
  mapHint: 'Di chuột lên một tỉnh hoặc dùng phím Tab để xem điểm và hạng.',
  noMap: 'Không có bản đồ: các đơn vị trong dữ liệu không phải là tỉnh, thành phố.',
  noMapUnits: 'Các đơn vị không có trên bản đồ',
  hoangSa: 'Quần đảo Hoàng Sa',
  truongSa: 'Quần đảo Trường Sa',
  pillarsCaption: 'Điểm từng trụ cột, đơn vị xếp theo hạng tổng.',
  methodNote: (y: number | null, p: number | null) => `‡ Phương pháp tính năm ${y} khác năm ${p} (bộ chỉ số thay đổi): thay đổi thứ hạng so sánh hai cách tính khác nhau.`,
  changesCaption: (prev: number | string, year: number | string) => `Hạng năm ${prev} (chấm rỗng) và năm ${year} (chấm đặc); xanh: tăng hạng, đỏ: giảm hạng.`,
  distributionCaption: 'Số đơn vị theo khoảng điểm; vạch đứng là điểm trung bình.',
  mean: 'Trung bình',
  count: 'Số đơn vị',
  previousRank: 'Hạng năm trước',
  up: 'tăng',
  down: 'giảm',
  same: 'giữ nguyên',
  movement: 'Biến động',
  generated: 'Tạo bởi dti',
  scriptsOff: 'Trang vẫn đọc được khi tắt JavaScript; JavaScript chỉ thêm sắp xếp bảng và thông tin khi di chuột.',
  dropped: 'Không còn trong dữ liệu năm nay',
  region: 'Vùng',
  pillar: 'Trụ cột',
  of: '/',
};

export type Labels = typeof VI;

const EN: Labels = {
  title: 'Ranking report',
  contents: 'Contents',
  ranking: 'Ranking',
  map: 'Map of scores',
  pillars: 'Pillar scores',
  changes: 'Rank changes',
  distribution: 'Distribution of scores',
  unitSection: 'Unit profile',
  framework: 'Framework',
  year: 'Year',
  previousYear: 'Compared with',
  noPrevious: 'no previous year in the data',
  files: 'Data files',
  sources: 'Sources',
  units: 'Units',
  rank: 'Rank',
  change: 'Change',
  province: 'Province',
  unit: 'Unit',
  score: 'Score',
  coverage: 'Data coverage',
  new: 'new',
  unranked: 'unranked',
  noData: 'no data',
  sortHint: 'Click a column header to sort.',
  sortBy: 'Sort by',
  mapCaption63: 'The 63 provinces (before 1 July 2025), coloured by score. Hover or press Tab to read a province’s score.',
  mapCaption34: 'The 34 provinces (from 1 July 2025), coloured by score. Hover or press Tab to read a province’s score.',
  attribution: 'Boundaries: Natural Earth (public domain), naturalearthdata.com. Hoàng Sa archipelago (Đà Nẵng city) and Trường Sa archipelago (Khánh Hòa province) of Vietnam.',
  mapHint: 'Hover over a province or press Tab to see its score and rank.',
  noMap: 'No map: the units in the data are not provinces.',
  noMapUnits: 'Units not on the map',
  hoangSa: 'Hoàng Sa archipelago',
  truongSa: 'Trường Sa archipelago',
  pillarsCaption: 'Each pillar’s score; units in order of overall rank.',
  methodNote: (y: number | null, p: number | null) => `‡ The method of ${y} differs from that of ${p} (the index changed): rank changes compare ranks computed two different ways.`,
  changesCaption: (prev: number | string, year: number | string) => `Rank in ${prev} (hollow dot) and in ${year} (filled dot); green: moved up, red: moved down.`,
  distributionCaption: 'Number of units per score band; the vertical line is the mean.',
  mean: 'Mean',
  count: 'Units',
  previousRank: 'Previous rank',
  up: 'up',
  down: 'down',
  same: 'unchanged',
  movement: 'Movement',
  generated: 'Made by dti',
  scriptsOff: 'The page reads the same with JavaScript off; JavaScript only adds table sorting and hover details.',
  dropped: 'No longer in this year’s data',
  region: 'Region',
  pillar: 'Pillar',
  of: '/',
};

export function reportLabels(lang: Lang): Labels {
  return lang === 'en' ? EN : VI;
}

/** Vega's names of marks, as its ARIA attributes give them. */
const MARKS_VI: Record<string, string> = {
  rect: 'hình chữ nhật', rule: 'đường kẻ', symbol: 'ký hiệu', text: 'chữ', shape: 'hình', group: 'nhóm', line: 'đường',
  area: 'vùng', arc: 'cung', path: 'đường nét', image: 'hình ảnh', trail: 'vệt', bar: 'cột', point: 'điểm',
  geoshape: 'vùng bản đồ', tick: 'vạch', circle: 'hình tròn', square: 'hình vuông',
  axis: 'trục', legend: 'chú giải', title: 'tiêu đề',
};
const SCALES_VI: Record<string, string> = {
  discrete: 'rời rạc', linear: 'tuyến tính', log: 'logarit', pow: 'lũy thừa', sqrt: 'căn bậc hai', symlog: 'logarit đối xứng',
  time: 'thời gian', utc: 'thời gian (UTC)', sequential: 'liên tục', quantile: 'phân vị', quantize: 'lượng tử', threshold: 'ngưỡng',
};
const CHANNELS_VI: Record<string, string> = {
  'fill color': 'màu tô', 'stroke color': 'màu viền', size: 'kích thước', shape: 'hình dạng', opacity: 'độ mờ',
  fillOpacity: 'độ mờ của màu tô', strokeOpacity: 'độ mờ của màu viền', strokeWidth: 'độ dày nét', strokeDash: 'kiểu nét',
};
const LEGENDS_VI: Record<string, string> = { gradient: ' dải màu', symbol: ' ký hiệu', discrete: ' rời rạc' };

/** What a scale holds ("values from 0 to 1", "63 values: a, b, ending with z"), in Vietnamese. */
function domainVi(d: string): string {
  let m = /^values from (.*) to (.*)$/.exec(d);
  if (m) return `giá trị từ ${m[1]} đến ${m[2]}`;
  m = /^(\d+) (?:values?|boundar(?:y|ies)): (.*)$/.exec(d);
  if (m) {
    const kind = d.includes('boundar') ? 'ngưỡng' : 'giá trị';
    return `${m[1]} ${kind}: ${m[2]!.replace(/, ending with (.*)$/, ', …, cuối cùng là $1')}`;
  }
  return d;
}

/**
 * The accessible names Vega writes into a chart (aria-label of axes and legends,
 * aria-roledescription of marks) in Vietnamese. Vega makes them in English whatever the
 * language of the page; the report's own labels (titles, data) are already Vietnamese.
 */
export function vegaAriaVi(svg: string): string {
  return svg
    .replace(/aria-roledescription="([^"]*)"/g, (_a, r: string) => {
      const m = /^(\w+) mark( container)?$/.exec(r);
      const vi = m ? (m[1] === 'group' ? 'nhóm' : `${m[2] ? 'nhóm ' : ''}${MARKS_VI[m[1]!] ?? m[1]}`) : MARKS_VI[r] ?? r;
      return `aria-roledescription="${vi}"`;
    })
    .replace(/aria-label="Title text '([^"]*)'"/g, "aria-label=\"Tiêu đề '$1'\"")
    .replace(/aria-label="([XY])-axis(?: titled '([^"]*?)')? for a (\w+) scale with ([^"]*)"/g, (_a, xy: string, title: string | undefined, type: string, d: string) =>
      `aria-label="Trục ${xy === 'X' ? 'hoành' : 'tung'}${title === undefined ? '' : ` '${title}'`}, thang ${SCALES_VI[type] ?? type}, ${domainVi(d)}"`)
    .replace(/aria-label="(\w+ )?[Ll]egend(?: titled '([^"]*?)')? for ([^"]*?) with ([^"]*)"/g, (_a, type: string | undefined, title: string | undefined, ch: string, d: string) =>
      `aria-label="Chú giải${LEGENDS_VI[(type ?? '').trim().toLowerCase()] ?? ''}${title === undefined ? '' : ` '${title}'`} cho ${ch.split(/, | and /).map((c) => CHANNELS_VI[c] ?? c).join(', ')}, ${domainVi(d)}"`);
}
