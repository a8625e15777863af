# One-off authoring aid (kept for review): writes data/sources.csv, data/2022.csv and
# data/2023.csv from the table below, after checking every phrase is verbatim in its seed.
# The test test/sources.test.ts re-checks all of it on every run.
import csv, sys, pathlib
SEEDS = pathlib.Path(__file__).resolve().parents[3] / 'shared/reference/seeds'
NA, VP, HT = 'Nghệ An', 'Vĩnh Phúc', 'Hà Tĩnh'
S0, S1, S2, S3 = '000_7fd007514e13bea1.txt', '001_06c1a2118a100d75.txt', '002_77e009dac3200d84.txt', '003_4c79504703bcd426.txt'
R = [
 # year, province, indicator, value, document, phrase, arithmetic or note
 (2023, NA, 'nts-ban-chi-dao', 'có', S0, 'Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chuyển đổi số tỉnh', ''),
 (2023, NA, 'nts-ngay-chuyen-doi-so', 'có', S0, 'Lễ phát động hưởng ứng Ngày chuyển đổi số quốc gia năm 2023', ''),
 (2023, NA, 'tcs-ke-hoach-chuyen-doi-so', 'có', S0, 'Ủy ban nhân dân tỉnh ban hành Kế hoạch số 586/KH-UBND về chuyển đổi số tỉnh Nghệ An đến năm 2025', 'the plan runs to 2025, so it is in force in 2023'),
 (2023, NA, 'hts-dien-thoai-thong-minh', '75.7', S0, 'tỷ lệ thuê bao sử dụng điện thoại thông minh đạt 75,7%', 'share of subscriptions (the proxy the indicator describes)'),
 (2023, NA, 'hts-mang-truyen-so-lieu', '100', S0, '100% các cơ quan nhà nước, từ cấp tỉnh đến cấp xã được kết nối mạng truyền số liệu chuyên dùng', ''),
 (2023, NA, 'hts-may-tinh-can-bo', '100', S0, '100% cán bộ, công chức toàn tỉnh có máy tính sử dụng', ''),
 (2023, NA, 'nls-ke-hoach-boi-duong', 'có', S0, 'UBND tỉnh đã ban hành Kế hoạch số 420/KH-UBND ngày 15/6/2023 về việc bồi dưỡng, tập huấn về chuyển đổi số', ''),
 (2023, NA, 'attt-httt-phe-duyet-cap-do', '100', S0, '8/8 hệ thống thông tin cấp độ 3, 42/42 hệ thống thông tin cấp độ 2 đã được phê duyệt hồ sơ đảm bảo an toàn thông tin theo cấp độ', '(8 + 42) / (8 + 42) × 100 = 100'),
 (2023, NA, 'attt-phong-chong-ma-doc', 'có', S0, 'Duy trì vận hành phần mềm Hệ thống phòng, chống mã độc tập trung của tỉnh', ''),
 (2023, NA, 'attt-ke-hoach-an-ninh-mang', 'có', S0, 'UBND tỉnh đã ban hành Kế hoạch số 774, triển khai thực hiện Chiến lược An toàn, An ninh mạng quốc gia', ''),
 (2023, NA, 'cqs-trung-tam-ioc', 'có', S0, 'Hoạt động và quản trị, vận hành IOC tỉnh Nghệ An', ''),
 (2023, NA, 'kts-san-thuong-mai-dien-tu', 'có', S0, 'Sàn giao dịch TMĐT Nghệ An đã hỗ trợ được hơn 470 doanh nghiệp và thương nhân', ''),
 (2023, NA, 'xhs-truong-hoc-khong-tien-mat', '92.47', S0, '872 trường học đã thực hiện thu học phí không dùng tiền mặt, đạt tỷ lệ 92,47%', ''),
 (2023, NA, 'xhs-dinh-danh-dien-tu', '100.13', S0, 'đạt 100,13% chỉ tiêu Bộ Công an giao', ''),
 (2023, VP, 'nts-ban-chi-dao', 'có', S1, 'Theo đánh giá của Ban Chỉ đạo Chuyển đổi số tỉnh', ''),
 (2023, VP, 'nts-giao-chi-tieu', 'có', S1, 'trong năm 2023, UBND tỉnh tiếp tục thực hiện giao chỉ tiêu nhiệm vụ chuyển đổi số cho thủ trưởng các cơ quan, đơn vị', ''),
 (2023, VP, 'nts-ngay-chuyen-doi-so', 'có', S1, 'tổ chức thành công Ngày Chuyển đổi số quốc gia', ''),
 (2023, VP, 'tcs-chinh-sach-ho-tro', 'có', S1, 'Bằng việc kịp thời ban hành các cơ chế, chính sách tạo hành lang pháp lý', 'the article is on 2023'),
 (2023, VP, 'hts-phu-song-di-dong', '100', S1, 'phủ sóng di động 3G, 4G đạt 100%', ''),
 (2023, VP, 'hts-mang-truyen-so-lieu', '100', S1, 'Tất cả các cơ quan, đơn vị trong hệ thống chính trị 3 cấp tỉnh, huyện, xã được trang bị máy tính, mạng LAN, kết nối mạng số liệu chuyên dùng của Chính phủ', '"tất cả" (all) = 100%'),
 (2023, VP, 'hts-nen-tang-lgsp', 'có', S1, 'Hệ thống nền tảng tích hợp, chia sẻ dữ liệu tỉnh được triển khai', ''),
 (2023, VP, 'nls-dao-tao-trong-nam', 'có', S1, 'hơn 2.000 lượt cán bộ lãnh đạo, quản lý, cán bộ làm công tác tham mưu chuyển đổi số được đào tạo trực tiếp', ''),
 (2023, VP, 'attt-httt-phe-duyet-cap-do', '86.7647', S1, '59/68 hệ thống thông tin được phê duyệt cấp độ an toàn thông tin', '59 / 68 × 100 = 86.76470…, rounded to 4 decimals'),
 (2023, VP, 'attt-nhan-tin-nhiem-mang', 'có', S1, 'được đánh giá an toàn thông tin và được dán nhãn tín nhiệm mạng', ''),
 (2023, VP, 'cqs-ket-qua-dien-tu', '68.4', S1, 'Tỷ lệ hồ sơ cấp kết quả điện tử đạt 68,4%', ''),
 (2023, VP, 'cqs-so-hoa-ho-so', '65.3', S1, 'tỷ lệ hồ sơ thủ tục hành chính số hóa, kết quả giải quyết thủ tục hành chính đạt 65,3%', ''),
 (2023, VP, 'cqs-van-ban-dien-tu', '100', S1, 'Toàn bộ hệ thống văn bản đi, văn bản đến (trừ văn bản mật) đều được xử lý trên môi trường mạng', '"toàn bộ" (all) = 100%'),
 (2023, VP, 'cqs-chu-ky-so', '99', S1, 'tỷ lệ chữ ký số ở cả 3 cấp đạt 99%', ''),
 (2023, VP, 'kts-ty-trong-grdp', '21.6', S1, 'Hết năm 2023, tỷ trọng kinh tế số chiếm 21,6% GRDP của tỉnh', ''),
 (2023, VP, 'kts-dnnvv-nen-tang-so', '73', S1, 'chiếm 73% tổng số doanh nghiệp toàn tỉnh', '10.085 SMEs on digital platforms = 73% of ALL enterprises, as stated; the share of SMEs alone is not stated and is at least this'),
 (2023, VP, 'xhs-truong-hoc-khong-tien-mat', '100', S1, '100% cơ sở giáo dục, y tế đã triển khai thanh toán không dùng tiền mặt', ''),
 (2023, VP, 'xhs-ho-so-suc-khoe-dien-tu', '95.5', S1, '95,5% dân số có hồ sơ sức khỏe điện tử', ''),
 (2023, HT, 'nts-to-cong-nghe-so', '100', S2, '100% các địa phương thành lập Tổ chuyển đổi số cộng đồng', ''),
 (2023, HT, 'nts-ngay-chuyen-doi-so', 'có', S2, 'số 414/KH-UBND ngày 22/9/2023 về triển khai các hoạt động ngày Chuyển đổi số Quốc gia (10/10)', ''),
 (2023, HT, 'tcs-ke-hoach-chuyen-doi-so', 'có', S2, 'số 525/KH-UBND ngày 29/12/2022 về chuyển đổi số tỉnh năm 2023', ''),
 (2023, HT, 'tcs-chinh-sach-ho-tro', 'có', S2, 'Nghị quyết số 119/2023/NQ-HĐND ngày 08/12/2023 về Quy định chính sách hỗ trợ hoạt động của Tổ chuyển đổi số cộng đồng', ''),
 (2023, HT, 'tcs-ke-hoach-ha-tang-so', 'có', S2, 'số 568/KH-UBND ngày 13/12/2023 về phát triển hạ tầng số đến năm 2025', ''),
 (2023, HT, 'tcs-ke-hoach-du-lieu-mo', 'có', S2, 'số 375/KH-UBND ngày 06/9/2023 về cung cấp dữ liệu mở', ''),
 (2023, HT, 'hts-phu-song-di-dong', '99', S2, '3250 trạm BTS phủ sóng 99% khu vực dân cư', ''),
 (2023, HT, 'hts-nen-tang-lgsp', 'có', S2, 'hoàn thành và đưa vào vận hành nền tảng tích hợp và chia sẻ dữ liệu cấp tỉnh (LGSP)', ''),
 (2023, HT, 'nls-dao-tao-trong-nam', 'có', S2, 'tổ chức 49 lớp đào tạo, tập huấn về chuyển đổi số với tổng số 2.900 học viên tham gia', ''),
 (2023, HT, 'attt-httt-phe-duyet-cap-do', '100', S2, '100% hệ thống thông tin trên địa bàn tỉnh (trong đó, có hệ thống dịch vụ công của tỉnh) được phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin', ''),
 (2023, HT, 'attt-phong-chong-ma-doc', 'có', S2, 'triển khai cài đặt phần mềm phòng chống mã độc quản trị tập trung', ''),
 (2023, HT, 'attt-tieu-chi-trung-tam-du-lieu', '100', S2, 'Trung tâm dữ liệu tỉnh đảm bảo an toàn thông tin cơ bản 13/13 tiêu chí', '13 / 13 × 100 = 100'),
 (2023, HT, 'cqs-van-ban-dien-tu', '100', S2, 'được trao đổi hoàn toàn dưới dạng điện tử', '"hoàn toàn" (entirely) = 100%'),
 (2023, HT, 'cqs-dieu-hanh-truc-tuyen', '100', S2, '100% sở, ban, ngành cấp tỉnh, cấp huyện, cấp xã tổ chức điều hành, tác nghiệp trực tuyến', ''),
 (2023, HT, 'cqs-trung-tam-ioc', 'có', S2, 'Hệ thống Giám sát và Điều hành thông minh tỉnh (IOC) triển khai thí điểm', 'a pilot counts as in operation'),
 (2023, HT, 'kts-hoa-don-dien-tu', '100', S2, '100% doanh nghiệp, tổ chức sử dụng hóa đơn điện tử', ''),
 (2023, HT, 'xhs-chu-ky-so-ca-nhan', '8.2', S2, 'đạt 79.466 tài khoản (so với cùng kỳ năm 2022 tăng 55.727 tài khoản) đạt tỷ lệ 8.2%', 'as of 25/12/2023'),
 (2023, HT, 'xhs-truong-hoc-khong-tien-mat', '100', S2, '100% cơ sở giáo dục, đào tạo, cơ sở y tế đã triển khai thu học phí/viện phí bằng hình thức không dùng tiền mặt', ''),
 (2022, NA, 'tcs-ke-hoach-chuyen-doi-so', 'có', S0, 'Ngày 22/8/2022, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 586/KH-UBND về chuyển đổi số tỉnh Nghệ An đến năm 2025', ''),
 (2022, NA, 'kts-ty-trong-grdp', '7.38', S0, 'tỷ trọng Kinh tế số trên Tổng sản phẩm trên địa bàn tỉnh Nghệ An năm 2022 đạt tỷ lệ 7,38%', ''),
 (2022, NA, 'hts-nen-tang-lgsp', 'có', S3, 'Tỉnh cũng đã hoàn thành việc xây dựng nền tảng tích hợp, chia sẻ dùng chung cấp tỉnh (LGSP)', 'the article dates from mid-2022: it names 2022 as the year of administrative reform and the provincial resolution due "đầu tháng 7 này"'),
 (2022, VP, 'nts-giao-chi-tieu', 'có', S1, 'Tiếp nối thành công năm 2022, trong năm 2023, UBND tỉnh tiếp tục thực hiện giao chỉ tiêu nhiệm vụ chuyển đổi số', '"tiếp tục" (continued) from 2022'),
 (2022, HT, 'tcs-ke-hoach-chuyen-doi-so', 'có', S2, 'Quyết định số 424/QĐ- UBND ngày 18/02/2022 của UBND tỉnh phê duyệt Đề án “Chuyển đổi số trên địa bàn tỉnh Hà Tĩnh giai đoạn 2021 - 2025”', ''),
]
bad = 0
texts = {}
for r in R:
    # Whitespace folded: the seeds contain non-breaking spaces.
    fold = lambda x: ' '.join(x.split())
    t = texts.setdefault(r[4], fold((SEEDS / r[4]).read_text(encoding='utf-8')))
    if fold(r[5]) not in t:
        print('NOT VERBATIM:', r[1], r[2], r[5], file=sys.stderr); bad += 1
keys = [(r[0], r[1], r[2]) for r in R]
assert len(keys) == len(set(keys)), 'duplicate source rows'
if bad: sys.exit(1)
root = pathlib.Path(__file__).resolve().parents[2] / 'data'
with open(root / 'sources.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['year', 'province', 'indicator', 'value', 'document', 'phrase', 'arithmetic'])
    for r in sorted(R, key=lambda r: (r[0], r[1], r[2])):
        w.writerow([r[0], r[1], r[2], r[3], 'shared/reference/seeds/' + r[4], r[5], r[6]])
import re
leaves = re.findall(r'^      - id: (\S+)', (root.parent / 'indicators/dti.yaml').read_text(encoding='utf-8'), re.M)
for year in (2022, 2023):
    with open(root / f'{year}.csv', 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['province', 'year'] + leaves)
        for p in (HT, NA, VP):
            vals = {r[2]: r[3] for r in R if r[0] == year and r[1] == p}
            unknown = set(vals) - set(leaves)
            assert not unknown, unknown
            w.writerow([p, year] + [vals.get(l, '') for l in leaves])
print('ok', len(R), 'values')
