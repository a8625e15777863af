// cli-table3's own width function (string-width without colour codes), so that a table
// rendered in chunks has the widths cli-table3 would give it whole.
declare module 'cli-table3/src/utils.js' {
  const utils: { strlen(s: string): number };
  export default utils;
}
