/** The precision/recall trade-off as a small SVG picture: recall and flag rates over the threshold. */
import type { CurvePoint } from './eval-report';

const WIDTH = 560;
const HEIGHT = 360;
/** the legend sits under the axis, one entry per column */
const LEGEND_Y = HEIGHT - 14;
const PAD = 44;

const x = (threshold: number): number => PAD + (threshold / 100) * (WIDTH - 2 * PAD);
const y = (rate: number): number => HEIGHT - 2 * PAD - rate * (HEIGHT - 3 * PAD);

function line(points: readonly CurvePoint[], pick: (p: CurvePoint) => number | null, colour: string, label: string, row: number): string {
  const coords = points.flatMap((p) => {
    const v = pick(p);
    return v === null ? [] : [`${x(p.threshold).toFixed(1)},${y(v).toFixed(1)}`];
  });
  if (coords.length === 0) return '';
  return (
    `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${coords.join(' ')}"/>` +
    `<text x="${PAD + row * 125}" y="${LEGEND_Y}" fill="${colour}" font-size="12">${label}</text>`
  );
}

export function curveSvg(points: readonly CurvePoint[], threshold: number, title: string): string {
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((r) => `<line x1="${PAD}" x2="${WIDTH - PAD}" y1="${y(r)}" y2="${y(r)}" stroke="#ddd"/><text x="${PAD - 6}" y="${y(r) + 4}" font-size="11" text-anchor="end">${r}</text>`)
    .join('');
  const ticks = [0, 20, 40, 60, 80, 100].map((t) => `<text x="${x(t)}" y="${y(0) + 16}" font-size="11" text-anchor="middle">${t}</text>`).join('');
  const escaped = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${PAD}" y="20" font-size="13">${escaped}</text>`,
    grid,
    ticks,
    `<text x="${WIDTH / 2}" y="${y(0) + 32}" font-size="11" text-anchor="middle">threshold (score)</text>`,
    `<line x1="${x(threshold)}" x2="${x(threshold)}" y1="${y(1)}" y2="${y(0)}" stroke="#999" stroke-dasharray="4 3"/>`,
    line(points, (p) => p.recall, '#b42318', 'ads caught (recall)', 0),
    line(points, (p) => p.precision, '#175cd3', 'precision (this mix)', 1),
    line(points, (p) => p.lookAlikeRate, '#dc6803', 'look-alikes flagged', 2),
    line(points, (p) => p.ordinaryRate, '#667085', 'ordinary flagged', 3),
    '</svg>',
    '',
  ].join('\n');
}
