"""Workbooks made the way provincial offices make them, written by openpyxl (an independent
writer, not dti's own), for test/xlsx.test.ts. Run from the repository root:

    python3 test/tools/make-office-xlsx.py

Source data: data/papi-dimensions/2016.csv (PAPI 2016, the 63 provinces' six dimensions). What an office adds: a sheet of instructions first, merged title rows, an
STT column, Vietnamese headers (Tỉnh/Thành phố, Năm), two indicators under the office's own
headers, some values typed as text with a decimal comma, one value as a formula (its cached
value written in, as Excel saves it), empty trailing columns and a 'Cả nước' totals row.
"""
import csv, io, re, zipfile
import openpyxl

SRC = 'data/papi-dimensions/2016.csv'
rows = list(csv.DictReader(open(SRC, encoding='utf-8')))
leaves = ['d1-participation', 'd2-transparency', 'd3-vertical-accountability', 'd4-control-of-corruption',
          'd5-public-admin-procedures', 'd6-public-service-delivery']
# The office's own headers for two indicators (the test's YAML names them with `column:`).
office = {'d1-participation': 'Tham gia của người dân ở cấp cơ sở', 'd2-transparency': 'Công khai, minh bạch'}

def office_book(path, bad=False):
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = 'Hướng dẫn'
    guide['A1'] = 'Điền số liệu vào trang "Số liệu". Không sửa dòng tiêu đề.'
    ws = wb.create_sheet('Số liệu')
    ncol = 3 + len(leaves)
    ws['A1'] = 'CHỈ SỐ PAPI CẤP TỈNH NĂM 2016'
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws['A2'] = 'Đơn vị báo cáo: Sở Thông tin và Truyền thông'
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    header = ['STT', 'Tỉnh/Thành phố', 'Năm'] + [office.get(l, l) for l in leaves]
    for c, h in enumerate(header, 1):
        ws.cell(row=4, column=c, value=h)
    r = 5
    for i, row in enumerate(rows):
        ws.cell(row=r, column=1, value=i + 1)
        ws.cell(row=r, column=2, value=row['province'])
        ws.cell(row=r, column=3, value=2016)
        for j, l in enumerate(leaves):
            v = row[l]
            cell = ws.cell(row=r, column=4 + j)
            if v == '':
                continue
            if i % 5 == 1 and j == 2:
                cell.value = v.replace('.', ',')          # typed as text, decimal comma
                cell.data_type = 's'
            elif i == 3 and j == 0:
                cell.value = f'={v}*1'                    # a formula; cached value added below
            else:
                cell.value = float(v)
        r += 1
    if bad:
        ws.cell(row=9, column=6, value='không rõ')        # F9: not a number
        ws.cell(row=12, column=6, value='n.a.')           # F12
    ws.cell(row=r, column=2, value='Cả nước')
    for j in range(len(leaves)):
        ws.cell(row=r, column=4 + j, value=round(sum(float(x[leaves[j]]) for x in rows) / len(rows), 4))
    wb.save(path)
    # Excel saves each formula's last result (<v>); openpyxl does not: add it as Excel would.
    zin = zipfile.ZipFile(path)
    parts = {n: zin.read(n) for n in zin.namelist()}
    zin.close()
    name = 'xl/worksheets/sheet2.xml'
    xml = parts[name].decode('utf-8')
    xml = re.sub(r'<f>([0-9.]+)\*1</f><v\s*/>|<f>([0-9.]+)\*1</f>(?!<v>)',
                 lambda m: f'<f>{m.group(1) or m.group(2)}*1</f><v>{m.group(1) or m.group(2)}</v>', xml)
    parts[name] = xml.encode('utf-8')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b)

office_book('test/fixtures/office-papi-2016.xlsx')
office_book('test/fixtures/office-papi-2016-errors.xlsx', bad=True)

# An old .xls is an OLE2 compound file: its 8-byte signature is all dti looks at.
open('test/fixtures/old-format.xls', 'wb').write(bytes.fromhex('d0cf11e0a1b11ae1') + bytes(504))
