/** Which picture an output file's name asks for (kept apart from picture.ts, which loads Vega: a command asks this first). */
export type PictureFormat = 'svg' | 'png';

/** The picture format of `-o file.svg|png`, if any. */
export function pictureFormat(output: string | undefined): PictureFormat | undefined {
  const ext = output === undefined ? undefined : /\.(svg|png)$/i.exec(output)?.[1]?.toLowerCase();
  return ext === 'svg' || ext === 'png' ? ext : undefined;
}
