/** Column number → letters: 1 → A, 27 → AA (a workbook's column; its own module, so that naming a cell loads no workbook code). */
export function columnName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
