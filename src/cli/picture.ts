/**
 * Pictures for documents: `-o file.svg` or `-o file.png` of chart, trend, compare, explain and
 * sensitivity. The SVG is drawn by Vega (as the HTML report's charts); the PNG is that SVG
 * rasterised by resvg (@resvg/resvg-js: a maintained Rust renderer with prebuilt binaries in
 * its npm packages, no browser), with the DejaVu Sans font of the npm package dejavu-fonts-ttf
 * (Vietnamese letters; the same file on every machine, so the same bytes). Vega, resvg and the
 * font are loaded only when a picture is asked for: no other run pays for them.
 */
import { createRequire } from 'node:module';
import type { Lang } from '../core/score.js';
import { renderSvg } from '../report/charts.js';
import type { Spec } from '../render/pictures.js';
import type { PictureFormat } from './picture-format.js';

/** The font every PNG is drawn with. */
export function fontFile(): string {
  return createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
}

/** The picture's bytes: SVG text, or a PNG at twice the SVG's size (sharp in a document). */
export async function picture(spec: Spec, format: PictureFormat, lang: Lang): Promise<string | Uint8Array> {
  const svg = await renderSvg(spec, 'fig', undefined, lang, false);
  if (format === 'svg') return svg;
  const { Resvg } = await import('@resvg/resvg-js');
  const font = fontFile();
  const png = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
export { barsSpec, compareSpec, explainSpec, sensitivitySpec, trendSpec } from '../render/pictures.js';
