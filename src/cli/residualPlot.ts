/**
 * An SVG plot of RA/Dec residuals against time, one panel per angle, one colour per sensor,
 * edited measurements hollow: the picture an analyst looks at first after a fit.
 */
import type { MeasurementFitResidual } from '../od/batch';
import type { Epoch } from '../time';

const RAD_TO_ARCSEC = 648000 / Math.PI;
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b'];
const WIDTH = 900;
const PANEL_HEIGHT = 260;
const MARGIN = { left: 70, right: 160, top: 40, bottom: 45 };

/** One point of the plot: hours since the first measurement, on-sky residual in arcsec. */
interface Point {
  readonly hours: number;
  readonly arcsec: number;
  readonly edited: boolean;
}

/**
 * The SVG text of the residual plot.
 *
 * @param residuals - residuals of RA/Dec measurements (others are skipped)
 * @param onSkyFactors - per residual, cos δ (to show RA residuals on the sky)
 * @param title - the plot's title
 * @param start - the time origin
 */
export function residualPlotSvg(
  residuals: readonly MeasurementFitResidual[],
  onSkyFactors: readonly number[],
  title: string,
  start: Epoch,
): string {
  const sensors = [...new Set(residuals.map((r) => r.sensorId))].sort();
  const series = (component: 0 | 1) =>
    sensors.map((id) =>
      residuals
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.sensorId === id && r.kind === 'RADEC')
        .map(
          ({ r, i }): Point => ({
            hours: r.epoch.secondsSince(start) / 3600,
            arcsec:
              r.residuals[component]! * RAD_TO_ARCSEC * (component === 0 ? onSkyFactors[i]! : 1),
            edited: r.edited,
          }),
        ),
    );
  const ra = series(0);
  const dec = series(1);
  const all = [...ra.flat(), ...dec.flat()];
  const maxHours = Math.max(1e-6, ...all.map((p) => p.hours));
  const kept = all.filter((p) => !p.edited).map((p) => Math.abs(p.arcsec));
  const limit = niceCeiling(
    Math.max(1, ...(kept.length > 0 ? kept : all.map((p) => Math.abs(p.arcsec)))),
  );
  const height = MARGIN.top + 2 * PANEL_HEIGHT + 2 * MARGIN.bottom;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15">${escapeXml(title)}</text>`,
  ];
  const panel = (data: Point[][], top: number, label: string) => {
    const plotW = WIDTH - MARGIN.left - MARGIN.right;
    const x = (h: number) => MARGIN.left + (h / maxHours) * plotW;
    const y = (v: number) =>
      top + PANEL_HEIGHT / 2 - (Math.max(-limit, Math.min(limit, v)) / limit) * (PANEL_HEIGHT / 2);
    parts.push(
      `<rect x="${MARGIN.left}" y="${top}" width="${plotW}" height="${PANEL_HEIGHT}" fill="none" stroke="#444"/>`,
      `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${MARGIN.left + plotW}" y2="${y(0)}" stroke="#bbb"/>`,
      `<text x="16" y="${top + PANEL_HEIGHT / 2}" transform="rotate(-90 16 ${top + PANEL_HEIGHT / 2})" text-anchor="middle">${label} (″)</text>`,
    );
    for (const v of [-limit, -limit / 2, 0, limit / 2, limit]) {
      parts.push(
        `<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${formatTick(v)}</text>`,
      );
    }
    for (let k = 0; k <= 4; k++) {
      const h = (maxHours * k) / 4;
      parts.push(
        `<text x="${x(h)}" y="${top + PANEL_HEIGHT + 16}" text-anchor="middle">${h.toFixed(1)}</text>`,
      );
    }
    parts.push(
      `<text x="${MARGIN.left + plotW / 2}" y="${top + PANEL_HEIGHT + 34}" text-anchor="middle">hours since ${start.toIso('UTC').slice(0, 19)} UTC</text>`,
    );
    data.forEach((points, s) => {
      const colour = COLOURS[s % COLOURS.length]!;
      for (const p of points) {
        parts.push(
          p.edited
            ? `<circle cx="${x(p.hours).toFixed(1)}" cy="${y(p.arcsec).toFixed(1)}" r="3.5" fill="none" stroke="${colour}"/>`
            : `<circle cx="${x(p.hours).toFixed(1)}" cy="${y(p.arcsec).toFixed(1)}" r="2.5" fill="${colour}"/>`,
        );
      }
    });
  };
  panel(ra, MARGIN.top, 'Δα cos δ');
  panel(dec, MARGIN.top + PANEL_HEIGHT + MARGIN.bottom, 'Δδ');
  sensors.forEach((id, s) => {
    const ly = MARGIN.top + 14 + 18 * s;
    const lx = WIDTH - MARGIN.right + 14;
    parts.push(
      `<circle cx="${lx}" cy="${ly - 4}" r="4" fill="${COLOURS[s % COLOURS.length]}"/>`,
      `<text x="${lx + 10}" y="${ly}">${escapeXml(id)}</text>`,
    );
  });
  parts.push(
    `<text x="${WIDTH - MARGIN.right + 14}" y="${MARGIN.top + 20 + 18 * sensors.length}" fill="#555">hollow: edited</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}

function niceCeiling(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function formatTick(v: number): string {
  return Math.abs(v) >= 10 || v === 0 ? v.toFixed(0) : v.toFixed(1);
}

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!,
  );
}
