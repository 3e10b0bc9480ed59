#!/usr/bin/env node
// Draws the seed dataset's images: calm abstract compositions composed as SVG and encoded
// to JPEG with sharp. Deterministic: every random choice comes from a PRNG seeded by the
// image's `seed`, so running it twice produces byte-identical files with the same sharp.
//
//   node studio/seed/scripts/generate-images.mjs
//
// The list of images, their sizes and their alt text live in ../source/images.mjs.

import { mkdir, writeFile, readdir, unlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import sharp from 'sharp';
import { images } from '../source/images.mjs';

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(seedDir, 'images');

const palettes = {
  sage: { bg0: '#eef2ea', bg1: '#c7d4bf', light: '#f7f9f4', accent: '#a9bfa2', ink: '#7d977a', deep: '#4a6350', pop: '#5f7d62' },
  sand: { bg0: '#f7f1e6', bg1: '#e3d2b6', light: '#fcf9f3', accent: '#dcc7a4', ink: '#b89c73', deep: '#8a7352', pop: '#b5735a' },
  clay: { bg0: '#f6ebe4', bg1: '#dfb9a6', light: '#fbf4ef', accent: '#e3ad93', ink: '#c07f65', deep: '#8c4f3f', pop: '#a65f48' },
  dusk: { bg0: '#2a3050', bg1: '#5f5878', light: '#f0e4dc', accent: '#e7c6a5', ink: '#7b6f92', deep: '#1c2136', pop: '#e7b99a' },
  mist: { bg0: '#eef2f4', bg1: '#c2cfd6', light: '#f7f9fa', accent: '#a9bcc5', ink: '#7d97a3', deep: '#4f6a77', pop: '#56707c' },
};

/** Small, well-known 32-bit PRNG; seeded from a string so each image has its own stream. */
function rngFor(seed) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const n = (value) => Math.round(value * 10) / 10;
const between = (rng, min, max) => min + (max - min) * rng();

function background(w, h, p, rng) {
  const blobs = [0, 1, 2]
    .map((i) => {
      const cx = n(between(rng, 0.1, 0.9) * w);
      const cy = n(between(rng, 0.1, 0.8) * h);
      const r = n(between(rng, 0.18, 0.32) * Math.max(w, h));
      const fill = i === 1 ? p.accent : p.light;
      return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" opacity="${i === 1 ? 0.35 : 0.5}"/>`;
    })
    .join('');
  return `
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0.35" y2="1">
      <stop offset="0" stop-color="${p.bg0}"/>
      <stop offset="1" stop-color="${p.bg1}"/>
    </linearGradient>
    <filter id="soft" x="-50%" y="-50%" width="200%" height="200%">
      <feGaussianBlur stdDeviation="${n(Math.max(w, h) * 0.06)}"/>
    </filter>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#bg)"/>
  <g filter="url(#soft)">${blobs}</g>`;
}

/** Filled band whose top edge is a sine wave; used for waves and distant hills. */
function band(w, h, { y, amplitude, wavelength, phase, fill, opacity = 1 }) {
  const points = [];
  for (let x = 0; x <= w; x += 20) {
    points.push(`${x},${n(y + amplitude * Math.sin((x / wavelength) * Math.PI * 2 + phase))}`);
  }
  return `<path d="M${points.join(' L')} L${w},${h} L0,${h} Z" fill="${fill}" opacity="${opacity}"/>`;
}

function hills(w, h, p, rng, colors, top = 0.58) {
  return colors
    .map((fill, i) =>
      band(w, h, {
        y: h * (top + i * 0.1),
        amplitude: h * between(rng, 0.03, 0.06),
        wavelength: w * between(rng, 0.9, 1.6),
        phase: between(rng, 0, Math.PI * 2),
        fill,
      }),
    )
    .join('');
}

const motifs = {
  ripples(w, h, p, rng) {
    const s = Math.min(w, h);
    const cx = n(w * between(rng, 0.4, 0.6));
    const cy = n(h * between(rng, 0.45, 0.55));
    const rings = Array.from({ length: 8 }, (_, i) => {
      const r = n(s * (0.09 + i * 0.075));
      const opacity = n(0.8 - i * 0.09);
      const width = n(Math.max(1.5, (6 - i * 0.6) * (s / 1000)));
      return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${p.ink}" stroke-width="${width}" opacity="${opacity}"/>`;
    }).join('');
    return `${rings}<circle cx="${cx}" cy="${cy}" r="${n(s * 0.045)}" fill="${p.pop}"/>`;
  },

  waves(w, h, p, rng) {
    const sun = `<circle cx="${n(w * between(rng, 0.6, 0.78))}" cy="${n(h * 0.3)}" r="${n(h * 0.11)}" fill="${p.light}" opacity="0.9"/>`;
    const colors = [p.accent, p.ink, p.pop, p.deep];
    const bands = colors
      .map((fill, i) =>
        band(w, h, {
          y: h * (0.56 + i * 0.1),
          amplitude: h * 0.025,
          wavelength: w * between(rng, 0.45, 0.75),
          phase: between(rng, 0, Math.PI * 2),
          fill,
          opacity: 0.88,
        }),
      )
      .join('');
    return sun + bands;
  },

  arcs(w, h, p, rng) {
    const cx = n(w * between(rng, 0.45, 0.55));
    const cy = n(h * 1.02);
    const colors = [p.pop, p.accent, p.ink, p.deep, p.accent, p.ink, p.pop];
    return colors
      .map((stroke, i) => {
        const r = n(h * (0.16 + i * 0.095));
        const width = n(h * (0.022 + (i % 3) * 0.006));
        return `<path d="M${n(cx - r)},${cy} A${r},${r} 0 0 1 ${n(cx + r)},${cy}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" opacity="0.85"/>`;
      })
      .join('');
  },

  stones(w, h, p, rng) {
    const ground = n(h * 0.8);
    const cx = w * between(rng, 0.42, 0.58);
    const sizes = [0.3, 0.24, 0.18, 0.12];
    const fills = [p.deep, p.ink, p.accent, p.pop];
    let y = ground;
    const stones = sizes
      .map((size, i) => {
        const rx = h * size;
        const ry = rx * 0.36;
        const x = cx + h * between(rng, -0.02, 0.02);
        const tilt = n(between(rng, -5, 5));
        const cy = y - ry;
        y = cy - ry + ry * 0.12;
        return `<ellipse cx="${n(x)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fills[i]}" transform="rotate(${tilt} ${n(x)} ${n(cy)})"/>`;
      })
      .join('');
    const line = `<line x1="0" y1="${ground}" x2="${w}" y2="${ground}" stroke="${p.deep}" stroke-width="3" opacity="0.35"/>`;
    const shadow = `<ellipse cx="${n(cx)}" cy="${n(ground + h * 0.01)}" rx="${n(h * 0.36)}" ry="${n(h * 0.025)}" fill="${p.deep}" opacity="0.18"/>`;
    return line + shadow + stones;
  },

  window(w, h, p, rng) {
    const x = w * between(rng, 0.1, 0.16);
    const y = h * 0.1;
    const ww = w * 0.26;
    const wh = h * 0.5;
    const floor = h * 0.72;
    const gap = ww * 0.04;
    const panes = [0, 1]
      .flatMap((col) => [0, 1].map((row) => [col, row]))
      .map(([col, row]) => {
        const px = x + col * (ww / 2 + gap / 2);
        const py = y + row * (wh / 2 + gap / 2);
        return `<rect x="${n(px)}" y="${n(py)}" width="${n(ww / 2 - gap / 2)}" height="${n(wh / 2 - gap / 2)}" fill="${p.light}" opacity="0.95"/>`;
      })
      .join('');
    const frame = `<rect x="${n(x - gap)}" y="${n(y - gap)}" width="${n(ww + gap * 2)}" height="${n(wh + gap * 2)}" fill="${p.ink}" opacity="0.7"/>`;
    const floorLine = `<rect x="0" y="${n(floor)}" width="${w}" height="${n(h - floor)}" fill="${p.accent}" opacity="0.55"/>`;
    // Two patches of light (the mullion's shadow between them) thrown down and to the right.
    const spread = w * 0.32;
    const patch = (from, to) =>
      `<polygon points="${n(x + from)},${n(floor)} ${n(x + to)},${n(floor)} ${n(x + to + spread)},${n(h)} ${n(x + from + spread * 0.9)},${n(h)}" fill="${p.light}" opacity="0.75"/>`;
    const light = patch(ww * 0.2, ww * 0.48) + patch(ww * 0.53, ww * 0.85);
    return frame + panes + floorLine + light;
  },

  horizon(w, h, p, rng) {
    const sun = `<circle cx="${n(w * between(rng, 0.55, 0.75))}" cy="${n(h * 0.5)}" r="${n(h * 0.13)}" fill="${p.light}" opacity="0.95"/>`;
    return sun + hills(w, h, p, rng, [p.accent, p.ink, p.deep]);
  },

  path(w, h, p, rng) {
    const base = motifs.horizon(w, h, p, rng);
    // A path whose width tapers with distance, following a cubic Bezier centre line.
    const P = [
      [w * 0.46, h * 1.02],
      [w * 0.78, h * 0.88],
      [w * 0.28, h * 0.8],
      [w * 0.58, h * 0.7],
    ];
    const left = [];
    const right = [];
    const steps = 40;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const m = 1 - t;
      const x = m ** 3 * P[0][0] + 3 * m * m * t * P[1][0] + 3 * m * t * t * P[2][0] + t ** 3 * P[3][0];
      const y = m ** 3 * P[0][1] + 3 * m * m * t * P[1][1] + 3 * m * t * t * P[2][1] + t ** 3 * P[3][1];
      const half = (h * 0.07 * (1 - t) + h * 0.004) / 1;
      left.push(`${n(x - half)},${n(y)}`);
      right.unshift(`${n(x + half)},${n(y)}`);
    }
    return base + `<polygon points="${[...left, ...right].join(' ')}" fill="${p.light}" opacity="0.85"/>`;
  },

  orbit(w, h, p, rng) {
    const cx = w * 0.5;
    const cy = h * 0.52;
    const rx = w * 0.32;
    const ry = h * 0.22;
    const tilt = -12;
    const start = between(rng, 0, Math.PI * 2);
    const track = `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="none" stroke="${p.ink}" stroke-width="2.5" opacity="0.55"/>`;
    const trail = Array.from({ length: 16 }, (_, i) => {
      const a = start - i * 0.16;
      const x = cx + rx * Math.cos(a);
      const y = cy + ry * Math.sin(a);
      const r = i === 0 ? h * 0.032 : h * 0.018 * (1 - i / 18);
      const opacity = i === 0 ? 1 : n(0.75 - i * 0.045);
      const fill = i === 0 ? p.deep : p.ink;
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}" opacity="${opacity}"/>`;
    })
      .reverse()
      .join('');
    return `<g transform="rotate(${tilt} ${n(cx)} ${n(cy)})">${track}${trail}</g>`;
  },

  moon(w, h, p, rng) {
    const stars = Array.from({ length: 46 }, () => {
      const x = n(w * rng());
      const y = n(h * rng() * 0.58);
      return `<circle cx="${x}" cy="${y}" r="${n(between(rng, 1.2, 3.4))}" fill="${p.light}" opacity="${n(between(rng, 0.35, 0.9))}"/>`;
    }).join('');
    const mx = w * 0.7;
    const my = h * 0.28;
    const r = h * 0.11;
    const moon = `
      <mask id="crescent"><rect width="${w}" height="${h}" fill="#fff"/><circle cx="${n(mx + r * 0.45)}" cy="${n(my - r * 0.22)}" r="${n(r * 0.9)}" fill="#000"/></mask>
      <circle cx="${n(mx)}" cy="${n(my)}" r="${n(r)}" fill="${p.accent}" mask="url(#crescent)"/>`;
    return stars + moon + hills(w, h, p, rng, ['#4a4766', '#363654', p.deep], 0.62);
  },

  bars(w, h, p, rng) {
    const count = 23;
    const left = w * 0.1;
    const span = w * 0.8;
    const step = span / count;
    const barWidth = step * 0.55;
    const bottom = h * 0.8;
    const phase = between(rng, 0, Math.PI);
    const bars = Array.from({ length: count }, (_, i) => {
      const u = (i + 0.5) / count;
      const height = h * (0.1 + 0.42 * Math.exp(-(((u - 0.5) / 0.22) ** 2)) + 0.03 * Math.sin(u * 9 + phase));
      const x = left + i * step + (step - barWidth) / 2;
      const fill = i % 2 ? p.ink : p.pop;
      return `<rect x="${n(x)}" y="${n(bottom - height)}" width="${n(barWidth)}" height="${n(height)}" rx="${n(barWidth / 2)}" fill="${fill}" opacity="0.88"/>`;
    }).join('');
    const baseline = `<line x1="${n(left)}" y1="${n(bottom + h * 0.03)}" x2="${n(left + span)}" y2="${n(bottom + h * 0.03)}" stroke="${p.deep}" stroke-width="3" stroke-linecap="round" opacity="0.45"/>`;
    return bars + baseline;
  },

  dots(w, h, p, rng) {
    const cols = 7;
    const rows = 5;
    const gapX = w * 0.09;
    const gapY = h * 0.13;
    const x0 = w / 2 - (gapX * (cols - 1)) / 2;
    const y0 = h / 2 - (gapY * (rows - 1)) / 2;
    const offset = Math.floor(between(rng, 0, 7));
    const r = h * 0.022;
    const dots = [];
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const i = row * cols + col;
        const marked = (i + offset) % 10 === 0;
        const x = n(x0 + col * gapX);
        const y = n(y0 + row * gapY);
        dots.push(
          marked
            ? `<circle cx="${x}" cy="${y}" r="${n(r * 1.25)}" fill="${p.pop}"/>`
            : `<circle cx="${x}" cy="${y}" r="${n(r)}" fill="none" stroke="${p.ink}" stroke-width="3" opacity="0.7"/>`,
        );
      }
    }
    return dots.join('');
  },

  drop(w, h, p, rng) {
    const x = w * 0.5;
    const y = h * between(rng, 0.3, 0.34);
    const s = h / 1000;
    const drop = `<path d="M${n(x)},${n(y - 110 * s)} C${n(x + 14 * s)},${n(y - 70 * s)} ${n(x + 70 * s)},${n(y - 12 * s)} ${n(x + 70 * s)},${n(y + 34 * s)} A${n(70 * s)},${n(70 * s)} 0 0 1 ${n(x - 70 * s)},${n(y + 34 * s)} C${n(x - 70 * s)},${n(y - 12 * s)} ${n(x - 14 * s)},${n(y - 70 * s)} ${n(x)},${n(y - 110 * s)} Z" fill="${p.pop}" opacity="0.9"/>`;
    const ringsY = h * 0.76;
    const rings = Array.from({ length: 6 }, (_, i) => {
      const rx = w * (0.05 + i * 0.065);
      return `<ellipse cx="${n(x)}" cy="${n(ringsY)}" rx="${n(rx)}" ry="${n(rx * 0.2)}" fill="none" stroke="${p.ink}" stroke-width="${n(4 - i * 0.4)}" opacity="${n(0.85 - i * 0.12)}"/>`;
    }).join('');
    return drop + rings;
  },

  flight(w, h, p, rng) {
    const ground = hills(w, h, p, rng, ['#4a4766', '#363654', p.deep], 0.7);
    const peak = h * between(rng, 0.08, 0.16);
    const arc = `<path d="M${n(w * 0.1)},${n(h * 0.66)} Q${n(w * 0.5)},${n(peak)} ${n(w * 0.9)},${n(h * 0.6)}" fill="none" stroke="${p.light}" stroke-width="${n(h * 0.008)}" stroke-linecap="round" stroke-dasharray="0.1 ${n(h * 0.028)}" opacity="0.85"/>`;
    const ends = `<circle cx="${n(w * 0.1)}" cy="${n(h * 0.66)}" r="${n(h * 0.014)}" fill="${p.accent}"/><circle cx="${n(w * 0.9)}" cy="${n(h * 0.6)}" r="${n(h * 0.014)}" fill="${p.accent}"/>`;
    return arc + ends + ground;
  },

  hand(w, h, p, rng) {
    const lines = [0, 1, 2]
      .map((i) => {
        const y = h * (0.76 + i * 0.07);
        const pts = [];
        for (let x = 0; x <= w; x += 20) pts.push(`${x},${n(y + h * 0.015 * Math.sin((x / (w * 0.3)) * Math.PI * 2 + i))}`);
        return `<path d="M${pts.join(' L')}" fill="none" stroke="${p.ink}" stroke-width="4" stroke-linecap="round" opacity="${n(0.75 - i * 0.15)}"/>`;
      })
      .join('');
    const s = h / 1000;
    const cx = w * 0.5;
    const palmTop = h * 0.36;
    const palmW = 250 * s;
    const palmH = 260 * s;
    const fingerW = 54 * s;
    const fingerH = [175, 215, 205, 160].map((v) => v * s);
    const fingerGap = (palmW - fingerW * 4) / 3;
    const fingers = fingerH
      .map((fh, i) => {
        const x = cx - palmW / 2 + i * (fingerW + fingerGap);
        return `<rect x="${n(x)}" y="${n(palmTop - fh + fingerW)}" width="${n(fingerW)}" height="${n(fh + 90 * s)}" rx="${n(fingerW / 2)}" />`;
      })
      .join('');
    const palm = `<rect x="${n(cx - palmW / 2)}" y="${n(palmTop)}" width="${n(palmW)}" height="${n(palmH)}" rx="${n(70 * s)}"/>`;
    // The thumb is drawn from its root on the palm's edge, then leaned outwards.
    const rootX = cx - palmW / 2 + 30 * s;
    const rootY = palmTop + palmH * 0.72;
    const thumbW = fingerW * 1.15;
    const thumb = `<rect x="${n(-thumbW / 2)}" y="${n(-190 * s)}" width="${n(thumbW)}" height="${n(190 * s + thumbW / 2)}" rx="${n(thumbW / 2)}" transform="translate(${n(rootX)} ${n(rootY)}) rotate(-42)"/>`;
    const tilt = n(between(rng, -14, -8));
    return `${lines}<g fill="${p.pop}" opacity="0.9" transform="rotate(${tilt} ${n(cx)} ${n(palmTop + palmH / 2)})">${fingers}${palm}${thumb}</g>`;
  },

  robotArm(w, h, p, rng) {
    const s = h / 1000;
    const floor = h * 0.84;
    // The resting form: a long low mound, like a body lying under a sheet.
    const B = [
      [w * 0.38, floor],
      [w * 0.46, h * 0.56],
      [w * 0.86, h * 0.56],
      [w * 0.96, floor],
    ];
    const mound = `<path d="M${n(B[0][0])},${n(B[0][1])} C${n(B[1][0])},${n(B[1][1])} ${n(B[2][0])},${n(B[2][1])} ${n(B[3][0])},${n(B[3][1])} Z" fill="${p.accent}"/>`;
    const t = between(rng, 0.36, 0.46);
    const m = 1 - t;
    const touchX = m ** 3 * B[0][0] + 3 * m * m * t * B[1][0] + 3 * m * t * t * B[2][0] + t ** 3 * B[3][0];
    const touchY = m ** 3 * B[0][1] + 3 * m * m * t * B[1][1] + 3 * m * t * t * B[2][1] + t ** 3 * B[3][1];
    const baseX = w * 0.17;
    const shoulder = [baseX, h * 0.52];
    const elbow = [w * between(rng, 0.3, 0.36), h * 0.2];
    const padRy = 26 * s;
    const pad = [touchX, touchY - padRy];
    const wrist = [touchX - 10 * s, pad[1] - 110 * s];
    const seg = (a, b, width, cap = 'round') =>
      `<line x1="${n(a[0])}" y1="${n(a[1])}" x2="${n(b[0])}" y2="${n(b[1])}" stroke="${p.deep}" stroke-width="${n(width * s)}" stroke-linecap="${cap}"/>`;
    const joint = (c, r) => `<circle cx="${n(c[0])}" cy="${n(c[1])}" r="${n(r * s)}" fill="${p.ink}" stroke="${p.deep}" stroke-width="${n(10 * s)}"/>`;
    const base = `<rect x="${n(baseX - 90 * s)}" y="${n(floor - 40 * s)}" width="${n(180 * s)}" height="${n(40 * s)}" rx="${n(12 * s)}" fill="${p.deep}"/>`;
    const floorLine = `<rect x="0" y="${n(floor)}" width="${w}" height="${n(h - floor)}" fill="${p.ink}" opacity="0.35"/>`;
    const padShape = `<ellipse cx="${n(pad[0])}" cy="${n(pad[1])}" rx="${n(50 * s)}" ry="${n(padRy)}" fill="${p.light}" stroke="${p.deep}" stroke-width="${n(8 * s)}"/>`;
    return [
      floorLine,
      mound,
      base,
      seg([baseX, floor - 30 * s], shoulder, 70, 'butt'),
      seg(shoulder, elbow, 54),
      seg(elbow, wrist, 44),
      seg(wrist, [pad[0], pad[1] - padRy], 30),
      joint(shoulder, 42),
      joint(elbow, 36),
      joint(wrist, 28),
      padShape,
    ].join('');
  },

  backMap(w, h, p) {
    const outline = `fill="${p.light}" stroke="${p.ink}" stroke-width="5"`;
    const cy = h * 0.5;
    const head = `<circle cx="${n(w * 0.13)}" cy="${n(cy)}" r="${n(h * 0.075)}" ${outline}/>`;
    const torso = `<rect x="${n(w * 0.19)}" y="${n(cy - h * 0.21)}" width="${n(w * 0.37)}" height="${n(h * 0.42)}" rx="${n(h * 0.12)}" ${outline}/>`;
    const leg = (dy) =>
      `<rect x="${n(w * 0.52)}" y="${n(cy + dy - h * 0.075)}" width="${n(w * 0.4)}" height="${n(h * 0.15)}" rx="${n(h * 0.075)}" ${outline}/>`;
    const stops = [
      [0.24, 0.36],
      [0.3, 0.64],
      [0.37, 0.36],
      [0.44, 0.64],
      [0.52, 0.42],
      [0.6, 0.58],
      [0.7, 0.415],
      [0.8, 0.585],
    ].map(([x, y]) => [w * x, h * y]);
    const route = `<polyline points="${stops.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${p.deep}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round" stroke-dasharray="0.1 22"/>`;
    const markers = stops.map(([x, y]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(h * 0.022)}" fill="${p.pop}"/>`).join('');
    return head + leg(-h * 0.085) + leg(h * 0.085) + torso + route + markers;
  },

  portrait(w, h, p, rng) {
    const glow = `<circle cx="${n(w * 0.5)}" cy="${n(h * 0.46)}" r="${n(w * between(rng, 0.34, 0.4))}" fill="${p.light}" opacity="0.45"/>`;
    const fill = p === palettes.dusk ? p.pop : p === palettes.clay ? p.pop : p.deep;
    const head = `<circle cx="${n(w * 0.5)}" cy="${n(h * 0.4)}" r="${n(w * 0.14)}" fill="${fill}"/>`;
    const shoulders = `<ellipse cx="${n(w * 0.5)}" cy="${n(h * 0.98)}" rx="${n(w * 0.31)}" ry="${n(h * 0.3)}" fill="${fill}"/>`;
    return glow + head + shoulders;
  },
};

function svgFor(image) {
  const p = palettes[image.palette];
  const draw = motifs[image.motif];
  if (!p) throw new Error(`Unknown palette ${image.palette} for ${image.file}`);
  if (!draw) throw new Error(`Unknown motif ${image.motif} for ${image.file}`);
  const rng = rngFor(image.seed);
  const { width: w, height: h } = image;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${background(w, h, p, rng)}${draw(w, h, p, rng)}</svg>`;
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const wanted = new Set(images.map((image) => image.file));
  // Remove files that are no longer in the manifest so the folder mirrors it exactly.
  for (const file of await readdir(outDir)) {
    if (!wanted.has(file)) await unlink(path.join(outDir, file));
  }
  let total = 0;
  for (const image of images) {
    const buffer = await sharp(Buffer.from(svgFor(image)))
      .jpeg({ quality: 74, mozjpeg: true })
      .toBuffer();
    await writeFile(path.join(outDir, image.file), buffer);
    total += buffer.length;
    console.log(`${image.file.padEnd(48)} ${image.width}x${image.height} ${(buffer.length / 1024).toFixed(1)} KB`);
  }
  console.log(`${images.length} images, ${(total / 1024).toFixed(1)} KB total`);
}

if (process.argv.includes('--svg')) {
  // Debug aid: print one image's SVG, e.g. --svg hero-designing-a-routine.jpg
  const file = process.argv[process.argv.indexOf('--svg') + 1];
  const image = images.find((candidate) => candidate.file === file);
  if (!image) throw new Error(`No image named ${file}`);
  process.stdout.write(svgFor(image));
} else {
  await main();
}
