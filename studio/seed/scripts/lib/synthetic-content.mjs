// Building blocks for generate-dataset.mjs: a seeded PRNG, and the names, titles and bodies of
// synthetic authors, categories and posts, recombined from the demo content so that a large
// dataset reads (and weighs) like the real one.

import { createHash } from 'node:crypto';

const sha1 = (value) => createHash('sha1').update(value).digest('hex');

/** Sanity-style 12-character array key, stable for a document and path (as build-seed.mjs makes them). */
export const keyFor = (documentId, keyPath) => sha1(`${documentId}:${keyPath}`).slice(0, 12);

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A revision id that looks like Sanity's (22 base62 characters), derived from the document's id. */
export function revisionFor(id) {
  const digest = createHash('sha256').update(id).digest();
  return Array.from(digest.subarray(0, 22), (byte) => base62[byte % 62]).join('');
}

/** mulberry32: small, fast and deterministic; the same seed gives the same dataset. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max) => Math.floor(next() * max);
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[int(items.length)],
    /** `count` distinct items, in random order. */
    sample(items, count) {
      const pool = [...items];
      const out = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(int(pool.length), 1)[0]);
      return out;
    },
  };
}

export const slugify = (text) =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const TOPICS = [
  'Mobility', 'Posture', 'Breathwork', 'Running', 'Cycling', 'Strength Training', 'Yoga', 'Hiking',
  'Swimming', 'Travel', 'Parenting', 'Shift Work', 'Gardening', 'Climbing', 'Rowing', 'Pilates',
  'Team Sports', 'Desk Setup', 'Recovery Tools', 'Ageing Well', 'Warm-ups', 'Cool-downs', 'Hydration',
  'Rest Days', 'Commuting', 'Dance', 'Golf', 'Tennis', 'Skiing', 'Martial Arts', 'Walking', 'Sleep Hygiene',
];

const FIRST_NAMES = [
  'Amara', 'Ben', 'Chloe', 'Dev', 'Elena', 'Felix', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena',
  'Mateo', 'Nadia', 'Oscar', 'Paloma', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wren', 'Yusuf',
];
const LAST_NAMES = [
  'Abebe', 'Brennan', 'Castillo', 'Dahl', 'Eriksen', 'Fischer', 'Gupta', 'Haddad', 'Ito', 'Jovanovic',
  'Kowalski', 'Larsen', 'Mensah', 'Nakamura', 'Ortiz', 'Petrov', 'Quaye', 'Rossi', 'Silva', 'Tanaka',
];
const ROLES = ['Recovery Therapist', 'Sports Massage Therapist', 'Studio Lead', 'Physiotherapist', 'Movement Coach', 'Writer'];

const TITLE_PATTERNS = [
  (topic) => `${topic} and your back: what actually helps`,
  (topic) => `A ten-minute ${topic.toLowerCase()} routine for sore days`,
  (topic) => `${topic} myths we hear every week`,
  (topic) => `How massage fits around ${topic.toLowerCase()}`,
  (topic) => `What ${topic.toLowerCase()} does to your shoulders`,
  (topic) => `${topic}: easing tight hips without overdoing it`,
  (topic) => `Recovering from ${topic.toLowerCase()}, week by week`,
  (topic) => `The quiet benefits of ${topic.toLowerCase()} for sleep`,
];

/** Category titles beyond the demo's own: one per topic, as many as asked for. */
export function categoryTitles(count) {
  return TOPICS.slice(0, count);
}

/** Distinct author names, deterministic for a given count. */
export function authorNames(count) {
  const names = [];
  for (let index = 0; names.length < count; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length];
    names.push({ name: `${first} ${last}`, role: ROLES[index % ROLES.length] });
  }
  return names;
}

export function postTitle(random) {
  return random.pick(TITLE_PATTERNS)(random.pick(TOPICS));
}

/**
 * A demo body cut into its introduction (everything before the first h2) and its sections
 * (an h2 and everything up to the next one), so new bodies can be assembled from them.
 */
export function bodyParts(body) {
  const intro = [];
  const sections = [];
  for (const block of body) {
    if (block._type === 'block' && block.style === 'h2') sections.push([block]);
    else if (sections.length > 0) sections[sections.length - 1].push(block);
    else intro.push(block);
  }
  return { intro, sections };
}

/**
 * A body from the demo's parts: one post's introduction and four to eight sections from any
 * posts, with fresh block keys (mark definition keys stay: spans refer to them). Related-article
 * blocks point at `relatedTarget()` when it returns an id.
 */
export function assembleBody(random, parts, documentId, relatedTarget) {
  const { intro } = random.pick(parts.filter((part) => part.intro.length > 0));
  const sections = random.sample(
    parts.flatMap((part) => part.sections),
    4 + random.int(5),
  );
  const blocks = [...intro, ...sections.flat()];
  return blocks.map((block, index) => {
    const copy = { ...block, _key: keyFor(documentId, `body[${index}]`) };
    if (copy._type === 'relatedArticle') {
      const target = relatedTarget();
      if (target) copy.post = { _type: 'reference', _ref: target };
    }
    return copy;
  });
}
