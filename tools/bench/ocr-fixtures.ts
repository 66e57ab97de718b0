import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { CHROMIUM_PATH } from '../../tests/e2e/support/browsers';
import type { RgbaImage } from '../../src/ocr/raster';

/**
 * The OCR fixture set: text drawn by headless Chromium in the installed CJK fonts over plain,
 * gradient, striped and checkered backgrounds, screenshotted, so the truth of every image is known
 * exactly. Shared by `npm run bench:ocr` and tests/ocr.
 */
export interface OcrFixture {
  name: string;
  /** the text drawn, lines separated by \n */
  text: string;
  /** true when the text is a 反催收 lure */
  lure: boolean;
  css: string;
}

const FONTS = {
  hei: "'WenQuanYi Micro Hei'",
  mono: "'WenQuanYi Micro Hei Mono'",
} as const;

const BACKGROUNDS = {
  white: '#fff',
  dark: '#1d2433',
  gradient: 'linear-gradient(120deg, #ffe259, #ffa751)',
  stripes: 'repeating-linear-gradient(45deg, #f7f1e3 0 10px, #e8dcc2 10px 20px)',
  checks: 'repeating-conic-gradient(#dfe9f5 0 25%, #c7d8ee 0 50%) 0 0 / 24px 24px',
  photo: 'radial-gradient(circle at 20% 30%, #7fb3d5, transparent 40%), radial-gradient(circle at 80% 70%, #f5b7b1, transparent 45%), #d5dbdb',
  red: 'linear-gradient(#c0392b, #922b21)',
} as const;

function style(font: keyof typeof FONTS, size: number, colour: string, background: keyof typeof BACKGROUNDS, extra = ''): string {
  return `font-family:${FONTS[font]};font-size:${size}px;color:${colour};background:${BACKGROUNDS[background]};${extra}`;
}

export const OCR_FIXTURES: readonly OcrFixture[] = [
  { name: 'debt-hei-white', text: '负债50万 靠这个方法上岸', lure: true, css: style('hei', 32, '#111', 'white') },
  { name: 'suspend-bold-red', text: '停息挂账 延期3年', lure: true, css: style('hei', 44, '#fff', 'red', 'font-weight:bold') },
  { name: 'overdue-gradient', text: '逾期不用怕 专业协商还款', lure: true, css: style('hei', 28, '#7b1f1f', 'gradient') },
  { name: 'stop-calls-stripes', text: '信用卡网贷逾期\n停催停息 免费咨询', lure: true, css: style('hei', 26, '#222', 'stripes', 'font-weight:bold') },
  { name: 'anti-collection-dark', text: '反催收 法务协商 一对一指导', lure: true, css: style('hei', 24, '#ffd54f', 'dark') },
  { name: 'instalments-mono-checks', text: '个性化分期 最长60期', lure: true, css: style('mono', 30, '#0d47a1', 'checks') },
  { name: 'ashore-photo', text: '负债上岸 只需三步', lure: true, css: style('hei', 36, '#fff', 'photo', 'text-shadow:0 0 3px #000,0 0 3px #000') },
  { name: 'negotiate-small', text: '网贷协商减免 停止爆通讯录', lure: true, css: style('hei', 18, '#333', 'white') },
  { name: 'sale-hei-gradient', text: '周末特惠 全场五折起', lure: false, css: style('hei', 34, '#fff', 'red') },
  { name: 'fruit-stripes', text: '新鲜水果 产地直发', lure: false, css: style('hei', 30, '#1b5e20', 'stripes') },
  { name: 'welcome-mono-white', text: '欢迎光临本店\n营业时间 9:00-21:00', lure: false, css: style('mono', 24, '#000', 'white') },
  { name: 'spring-photo', text: '春季新品上市', lure: false, css: style('hei', 40, '#fff', 'photo', 'font-weight:bold;text-shadow:0 0 3px #000') },
  { name: 'weather-dark', text: '今日天气晴 最高气温25度', lure: false, css: style('hei', 22, '#e0e0e0', 'dark') },
  { name: 'books-checks', text: '读书月 图书满100减30', lure: false, css: style('hei', 26, '#4a148c', 'checks', 'font-weight:bold') },
];

export interface RenderedFixture extends OcrFixture {
  png: Buffer;
  image: RgbaImage;
}

export function decodePng(png: Buffer): RgbaImage {
  const decoded = PNG.sync.read(png);
  return { width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data) };
}

export async function renderOcrFixtures(fixtures: readonly OcrFixture[] = OCR_FIXTURES): Promise<RenderedFixture[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const rendered: RenderedFixture[] = [];
    for (const fixture of fixtures) {
      await page.setContent('<!doctype html><meta charset="utf-8"><body style="margin:0"><div id="ad"></div>');
      await page.evaluate(
        ([css, text]) => {
          const ad = document.getElementById('ad') as HTMLElement;
          ad.setAttribute('style', `display:inline-block;padding:18px 26px;line-height:1.5;white-space:pre;${css}`);
          ad.textContent = text;
          return document.fonts.ready.then(() => undefined);
        },
        [fixture.css, fixture.text] as const,
      );
      const png = await page.locator('#ad').screenshot();
      rendered.push({ ...fixture, png, image: decodePng(png) });
    }
    return rendered;
  } finally {
    await browser.close();
  }
}
