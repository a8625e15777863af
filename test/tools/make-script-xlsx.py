"""Workbooks as scripts make them, written by openpyxl (Debian's python3-openpyxl; an
independent writer, not dti's own), for test/xlsx-scripts.test.ts. Run from the repository root:

    python3 test/tools/make-script-xlsx.py

Source data: data/2023.csv (the official DTI 2023 of the 63 provinces), its indicator columns only.

- test/fixtures/so-lieu.xlsx: the data as a script writes them, on a sheet 'Số liệu', with two
  values written as formulas (D2, Đà Nẵng's Hoạt động chính quyền số, and D6). openpyxl saves
  a formula with an empty value (`<f>…</f><v/>`: it does not calculate), as pandas does through
  it. A last row 'Trung bình' holds AVERAGE formulas, also uncalculated: a totals row is skipped,
  so they are no error.
- test/fixtures/headed-by-names.xlsx: the same values under the indicators' names as people
  write them: Vietnamese names, an English one, and `name (unit)` as `dti template` writes it.
"""
import csv
import openpyxl

SRC = 'data/2023.csv'
rows = list(csv.DictReader(open(SRC, encoding='utf-8')))
LEAVES = ['ha-tang-so', 'hoat-dong-chinh-quyen-so', 'hoat-dong-kinh-te-so', 'hoat-dong-xa-hoi-so', 'nts-tcs-nls-attt-suy-ra']


def fixed(wb):
    # The same bytes every run: openpyxl stamps the time of writing into docProps/core.xml.
    import datetime
    t = datetime.datetime(2025, 1, 1)
    wb.properties.created = t
    wb.properties.modified = t
    wb.properties.creator = 'openpyxl'


def so_lieu(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Số liệu'
    ws.append(['province', 'year'] + LEAVES)
    for i, row in enumerate(rows):
        line = [row['province'], int(row['year'])] + [float(row[l]) for l in LEAVES]
        ws.append(line)
    # Values written as formulas: a script that builds a number from others, e.g. =ROUND(x, 4).
    for ref in ('D2', 'D6'):
        ws[ref] = f'=ROUND({ws[ref].value},4)'
    last = len(rows) + 2
    ws.cell(row=last, column=1, value='Trung bình')
    ws.cell(row=last, column=2, value=2023)
    for j in range(len(LEAVES)):
        col = openpyxl.utils.get_column_letter(3 + j)
        ws.cell(row=last, column=3 + j, value=f'=AVERAGE({col}2:{col}{last - 1})')
    fixed(wb)
    wb.save(path)


def headed_by_names(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Số liệu'
    header = ['Tỉnh/Thành phố', 'Năm',
              'Hạ tầng số',                         # Vietnamese name
              'Hoạt động chính quyền số',
              'Digital economy activity',           # English name
              'hoạt động xã hội số',                # another case
              # name (unit), as dti template writes it
              'Nhận thức số + Thể chế số + Nhân lực số + An toàn thông tin mạng (suy ra từ DTI công bố) (tổng của bốn chỉ số, 0–4)']
    ws.append(header)
    for row in rows:
        ws.append([row['province'], int(row['year'])] + [float(row[l]) for l in LEAVES])
    fixed(wb)
    wb.save(path)


so_lieu('test/fixtures/so-lieu.xlsx')
headed_by_names('test/fixtures/headed-by-names.xlsx')
