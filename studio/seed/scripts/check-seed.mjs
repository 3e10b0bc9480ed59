#!/usr/bin/env node
// Verifies studio/seed/ against docs/contracts.md and the content model's rules (studio/schemaTypes):
// every line parses, ids are unique, references resolve to documents of the right type,
// image files exist, array keys are unique, and the field rules hold. Prints counts.
// Exits 1 on any error.
//
//   node studio/seed/scripts/check-seed.mjs [dataset folder]   (default: studio/seed)

import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// A folder argument checks another dataset in the same layout, such as generate-dataset.mjs output.
const seedDir = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const imagesDir = path.join(seedDir, 'images');
// The dataset's "now": no published post may be dated after it.
const NOW = new Date('2026-11-25T00:00:00Z');

const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

const lines = (await readFile(path.join(seedDir, 'data.ndjson'), 'utf8')).split('\n');
if (lines.at(-1) !== '') fail('data.ndjson', 'does not end with a newline');
const documents = [];
lines.slice(0, -1).forEach((line, index) => {
  try {
    documents.push(JSON.parse(line));
  } catch (error) {
    fail(`line ${index + 1}`, `does not parse: ${error.message}`);
  }
});

const byId = new Map();
for (const doc of documents) {
  for (const field of ['_id', '_type', '_createdAt', '_updatedAt', '_rev']) {
    if (typeof doc[field] !== 'string' || doc[field] === '') fail(doc._id ?? '?', `missing ${field}`);
  }
  if (byId.has(doc._id)) fail(doc._id, 'duplicate _id');
  byId.set(doc._id, doc);
  const bare = doc._id.replace(/^drafts\./, '');
  if (bare.includes('.')) fail(doc._id, 'published part of the id contains a dot');
  if (!(Date.parse(doc._createdAt) <= Date.parse(doc._updatedAt))) fail(doc._id, '_createdAt is after _updatedAt');
  if (Date.parse(doc._updatedAt) > NOW.getTime()) fail(doc._id, '_updatedAt is in the future');
}

const published = documents.filter((doc) => !doc._id.startsWith('drafts.'));
const drafts = documents.filter((doc) => doc._id.startsWith('drafts.'));
const typeOf = (id) => byId.get(id)?._type;

// ---- generic walk: references, assets, keys --------------------------------------------

const usedImages = new Set();
// Arrays of plain values, which Sanity stores without keys.
const primitiveArrays = new Set(['sessionLengths', 'previousSlugs', 'marks']);

async function walk(value, where, field) {
  if (Array.isArray(value)) {
    const keys = new Set();
    for (const [index, item] of value.entries()) {
      if (item === null || typeof item !== 'object') {
        if (!primitiveArrays.has(field)) fail(where, `primitive member in array ${field}`);
        continue;
      }
      if (typeof item._key !== 'string' || item._key === '') fail(where, `${field}[${index}] has no _key`);
      else if (keys.has(item._key)) fail(where, `duplicate _key ${item._key} in ${field}`);
      keys.add(item._key);
      await walk(item, `${where}[${index}]`, field);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if ('_ref' in value) {
    if (value._type !== 'reference') fail(where, 'reference without _type "reference"');
    if (value._ref.startsWith('drafts.')) fail(where, `reference to a draft id ${value._ref}`);
    if (!byId.has(value._ref)) fail(where, `broken reference to ${value._ref}`);
  }
  if ('_sanityAsset' in value) {
    const match = /^image@file:\/\/\.\/images\/([^/]+)$/.exec(value._sanityAsset);
    if (!match) fail(where, `malformed _sanityAsset ${value._sanityAsset}`);
    else {
      usedImages.add(match[1]);
      try {
        await stat(path.join(imagesDir, match[1]));
      } catch {
        fail(where, `missing image file ${match[1]}`);
      }
    }
  }
  for (const [key, child] of Object.entries(value)) await walk(child, `${where}.${key}`, key);
}
for (const doc of documents) await walk(doc, doc._id, '');


// ---- field rules ---------------------------------------------------------------------------

const isHttps = (url) => typeof url === 'string' && /^https:\/\/[^\s/]+\.[^\s]+$/.test(url);
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const platforms = new Set(['instagram', 'tiktok', 'x', 'facebook', 'youtube', 'linkedin']);

function checkRef(where, value, ...types) {
  if (!value || value._type !== 'reference') return fail(where, 'missing reference');
  const type = typeOf(value._ref);
  if (type && !types.includes(type)) fail(where, `references a ${type}, expected ${types.join(' or ')}`);
}

function checkFigure(where, value, { required = false } = {}) {
  if (!value) {
    if (required) fail(where, 'missing figure');
    return;
  }
  if (value._type !== 'figure') fail(where, `image value has _type ${value._type}, expected figure`);
  if (!value._sanityAsset) fail(where, 'figure without an image');
  if (!value.decorative && !(typeof value.alt === 'string' && value.alt.trim().length > 0)) fail(where, 'figure without alt');
}

function checkSlug(where, value) {
  const current = value?.current;
  if (value?._type !== 'slug' || typeof current !== 'string') return fail(where, 'missing slug');
  if (current.length > 96) fail(where, 'slug longer than 96');
  if (!slugPattern.test(current)) fail(where, `slug not lower-case kebab: ${current}`);
}

function checkSocialLinks(where, links) {
  for (const link of links ?? []) {
    if (link._type !== 'socialLink') fail(where, 'social link without _type socialLink');
    if (!platforms.has(link.platform)) fail(where, `unknown platform ${link.platform}`);
    if (!isHttps(link.url)) fail(where, `social url not https: ${link.url}`);
    if (!link.handle) fail(where, 'social link without handle');
  }
}

const decorators = new Set(['strong', 'em', 'code']);
const blockStyles = new Set(['normal', 'h2', 'h3', 'h4', 'blockquote']);

function checkBlocks(where, blocks, { bioOnly = false } = {}) {
  if (!Array.isArray(blocks) || blocks.length === 0) return fail(where, 'empty portable text');
  for (const block of blocks) {
    const at = `${where}[${block._key}]`;
    if (block._type === 'block') {
      if (!blockStyles.has(block.style)) fail(at, `style ${block.style}`);
      if (block.listItem && !['bullet', 'number'].includes(block.listItem)) fail(at, `listItem ${block.listItem}`);
      if (block.listItem && ![1, 2].includes(block.level)) fail(at, `list level ${block.level}`);
      if (bioOnly && (block.style !== 'normal' || block.listItem)) fail(at, 'bio allows normal blocks only');
      const defs = new Map((block.markDefs ?? []).map((def) => [def._key, def]));
      for (const def of defs.values()) {
        if (def._type === 'link') {
          if (!/^(https?:|mailto:|tel:)/.test(def.href ?? '')) fail(at, `link href not allowed: ${def.href}`);
        } else if (def._type === 'internalLink') {
          if (bioOnly) fail(at, 'bio allows links only');
          checkRef(`${at}.internalLink`, def.reference, 'post', 'treatment', 'category');
        } else fail(at, `unknown mark definition ${def._type}`);
      }
      for (const span of block.children ?? []) {
        if (span._type !== 'span') fail(at, `child of type ${span._type}`);
        if (typeof span.text !== 'string' || span.text === '') fail(at, 'empty span');
        for (const mark of span.marks ?? []) {
          if (!decorators.has(mark) && !defs.has(mark)) fail(at, `mark ${mark} has no definition`);
          if (bioOnly && decorators.has(mark)) fail(at, 'bio allows links only');
        }
      }
      continue;
    }
    if (bioOnly) fail(at, `bio allows text blocks only, found ${block._type}`);
    else if (block._type === 'figure') checkFigure(at, block, { required: true });
    else if (block._type === 'ctaBlock') {
      if (block.cta) checkRef(`${at}.cta`, block.cta, 'cta');
    } else if (block._type === 'pullQuote') {
      if (!block.text) fail(at, 'pullQuote without text');
    } else if (block._type === 'relatedArticle') checkRef(`${at}.post`, block.post, 'post');
    else fail(at, `unknown block type ${block._type}`);
  }
}

const plainText = (blocks) =>
  blocks
    .filter((block) => block._type === 'block')
    .map((block) => block.children.map((child) => child.text).join(''))
    .join('\n');
const wordCount = (blocks) => plainText(blocks).split(/\s+/).filter(Boolean).length;

const offerIsLive = (offer, at = NOW) =>
  (!offer.startsAt || Date.parse(offer.startsAt) <= at.getTime()) && (!offer.endsAt || at.getTime() <= Date.parse(offer.endsAt));

for (const doc of documents) {
  const at = doc._id;
  switch (doc._type) {
    case 'siteSettings': {
      if (doc._id !== 'siteSettings') fail(at, 'siteSettings must have _id "siteSettings"');
      if (!doc.title) fail(at, 'missing title');
      if (!isHttps(doc.siteUrl)) fail(at, 'siteUrl not https');
      if (!isHttps(doc.bookingUrl)) fail(at, 'bookingUrl not https');
      checkRef(`${at}.defaultCta`, doc.defaultCta, 'cta');
      checkSocialLinks(at, doc.socialLinks);
      checkFigure(`${at}.ogImage`, doc.ogImage);
      break;
    }
    case 'author': {
      if (!doc.name) fail(at, 'missing name');
      checkSlug(`${at}.slug`, doc.slug);
      checkFigure(`${at}.image`, doc.image);
      checkBlocks(`${at}.bio`, doc.bio, { bioOnly: true });
      checkSocialLinks(at, doc.socialLinks);
      break;
    }
    case 'category':
      if (!doc.title) fail(at, 'missing title');
      checkSlug(`${at}.slug`, doc.slug);
      break;
    case 'treatment':
      if (!doc.name) fail(at, 'missing name');
      checkSlug(`${at}.slug`, doc.slug);
      if (!isHttps(doc.bookingUrl)) fail(at, 'bookingUrl not https');
      if (!Array.isArray(doc.sessionLengths) || !doc.sessionLengths.every((m) => Number.isInteger(m) && m > 0))
        fail(at, 'sessionLengths must be positive whole minutes');
      break;
    case 'cta': {
      if (!doc.internalName) fail(at, 'missing internalName');
      if (!doc.headline || doc.headline.length > 80) fail(at, 'headline missing or over 80');
      if (doc.body && doc.body.length > 280) fail(at, 'body over 280');
      if (!doc.buttonLabel || doc.buttonLabel.length > 40) fail(at, 'buttonLabel missing or over 40');
      if (Boolean(doc.url) === Boolean(doc.treatment)) fail(at, 'exactly one of url and treatment must be set');
      if (doc.url && !isHttps(doc.url)) fail(at, 'url not https');
      if (doc.treatment) checkRef(`${at}.treatment`, doc.treatment, 'treatment');
      const offer = doc.offer;
      if (offer) {
        if (offer._type !== 'offer') fail(at, 'offer without _type offer');
        if (!/^[A-Z0-9]{3,20}$/.test(offer.code ?? '')) fail(at, `offer code ${offer.code}`);
        if (!['amount', 'percent'].includes(offer.discountType)) fail(at, `discountType ${offer.discountType}`);
        if (!(offer.discountValue > 0)) fail(at, 'discountValue must be > 0');
        if (offer.discountType === 'amount' && !/^[A-Z]{3}$/.test(offer.currency ?? '')) fail(at, 'amount offer needs an ISO 4217 currency');
        if (offer.startsAt && offer.endsAt && !(Date.parse(offer.startsAt) < Date.parse(offer.endsAt))) fail(at, 'offer ends before it starts');
      }
      break;
    }
    case 'post': {
      if (!doc.title || doc.title.length > 110) fail(at, 'title missing or over 110');
      checkSlug(`${at}.slug`, doc.slug);
      if (!doc.excerpt || doc.excerpt.length < 50 || doc.excerpt.length > 200) fail(at, `excerpt length ${doc.excerpt?.length}`);
      if (Number.isNaN(Date.parse(doc.publishedAt ?? ''))) fail(at, 'publishedAt missing');
      else if (!at.startsWith('drafts.') && Date.parse(doc.publishedAt) > NOW.getTime()) fail(at, 'publishedAt in the future');
      checkFigure(`${at}.mainImage`, doc.mainImage, { required: true });
      checkRef(`${at}.author`, doc.author, 'author');
      const categoryIds = (doc.categories ?? []).map((ref) => ref._ref);
      if (categoryIds.length < 1 || categoryIds.length > 3) fail(at, `${categoryIds.length} categories`);
      if (new Set(categoryIds).size !== categoryIds.length) fail(at, 'duplicate categories');
      (doc.categories ?? []).forEach((ref, i) => checkRef(`${at}.categories[${i}]`, ref, 'category'));
      checkBlocks(`${at}.body`, doc.body);
      const selfId = at.replace(/^drafts\./, '');
      const relatedIds = (doc.relatedPosts ?? []).map((ref) => ref._ref);
      if (relatedIds.length > 3) fail(at, 'more than 3 relatedPosts');
      if (new Set(relatedIds).size !== relatedIds.length) fail(at, 'duplicate relatedPosts');
      if (relatedIds.includes(selfId)) fail(at, 'relatedPosts includes itself');
      (doc.relatedPosts ?? []).forEach((ref, i) => checkRef(`${at}.relatedPosts[${i}]`, ref, 'post'));
      if (doc.cta) checkRef(`${at}.cta`, doc.cta, 'cta');
      if (doc.reviewedBy) {
        checkRef(`${at}.reviewedBy`, doc.reviewedBy, 'author');
        if (doc.reviewedBy._ref === doc.author?._ref) fail(at, 'reviewed by its own author');
      }
      if (doc.seo) {
        if (doc.seo._type !== 'seo') fail(at, 'seo without _type seo');
        if (doc.seo.metaTitle && doc.seo.metaTitle.length > 60) fail(at, 'seo.metaTitle over 60');
        if (doc.seo.metaDescription && doc.seo.metaDescription.length > 160) fail(at, 'seo.metaDescription over 160');
        checkFigure(`${at}.seo.ogImage`, doc.seo.ogImage);
      }
      if (doc.previousSlugs && !doc.previousSlugs.every((s) => typeof s === 'string' && slugPattern.test(s))) fail(at, 'bad previousSlugs');
      break;
    }
    default:
      fail(at, `unexpected document type ${doc._type}`);
  }
}

// Unique slugs per type, in the published view and in the drafts perspective (drafts overlay).
function checkUniqueSlugs(view, label) {
  const seen = new Map();
  for (const doc of view) {
    if (!doc.slug?.current) continue;
    const key = `${doc._type}:${doc.slug.current}`;
    if (seen.has(key)) fail(doc._id, `slug ${doc.slug.current} also used by ${seen.get(key)} (${label})`);
    seen.set(key, doc._id);
  }
}
checkUniqueSlugs(published, 'published');
const overlay = new Map(published.map((doc) => [doc._id, doc]));
for (const draft of drafts) overlay.set(draft._id.replace(/^drafts\./, ''), draft);
checkUniqueSlugs([...overlay.values()], 'drafts perspective');

const currentPostSlugs = new Set(published.filter((d) => d._type === 'post').map((d) => d.slug.current));
for (const doc of published.filter((d) => d.previousSlugs)) {
  for (const old of doc.previousSlugs) if (currentPostSlugs.has(old)) fail(doc._id, `previous slug ${old} is another post's current slug`);
}

// ---- what the demo needs -------------------------------------------------------------------

const posts = published.filter((doc) => doc._type === 'post');
const need = (condition, message) => condition || fail('dataset', message);
need(posts.length >= 14, `only ${posts.length} published posts`);
need(new Set(posts.flatMap((p) => p.categories.map((c) => c._ref))).size >= 4, 'posts span fewer than 4 categories');
need(new Set(posts.map((p) => p.author._ref)).size === published.filter((d) => d._type === 'author').length, 'not every author has a post');
need(posts.every((p) => p.publishedAt >= '2024-01-01' && p.publishedAt < '2026-12-01'), 'publishedAt outside 2024-01..2026-11');
const settings = byId.get('siteSettings');
const defaultCta = settings && byId.get(settings.defaultCta?._ref);
need(defaultCta?.offer && offerIsLive(defaultCta.offer), 'default CTA offer is not live');
const expiredCtas = new Set(published.filter((d) => d._type === 'cta' && d.offer && !offerIsLive(d.offer)).map((d) => d._id));
need(expiredCtas.size > 0, 'no CTA with an expired offer');
need(posts.some((p) => expiredCtas.has(p.cta?._ref)), 'no post uses an expired-offer CTA');
need(posts.some((p) => !p.cta), 'no post falls back to the default CTA');
need(posts.some((p) => p.relatedPosts?.length) && posts.some((p) => !p.relatedPosts?.length), 'need posts with and without manual relatedPosts');
need(drafts.some((d) => !byId.has(d._id.replace(/^drafts\./, ''))), 'no draft-only post');
need(drafts.some((d) => byId.has(d._id.replace(/^drafts\./, ''))), 'no draft of a published post');
need(byId.get('treatment-total-back')?.name === 'Total Back, Glutes & Hamstrings Relief', 'Total Back treatment missing');

const flagship = byId.get('post-what-happens-during-robotic-massage');
if (!flagship) fail('dataset', 'flagship post missing');
else {
  const body = flagship.body;
  const blocks = body.filter((b) => b._type === 'block');
  const styles = new Set(blocks.map((b) => b.style));
  const defs = blocks.flatMap((b) => b.markDefs);
  const marks = new Set(blocks.flatMap((b) => b.children.flatMap((c) => c.marks)));
  const text = plainText(body);
  const linkTo = (id) => defs.some((d) => d._type === 'internalLink' && d.reference._ref === id);
  const linkedLabel = (id) =>
    blocks
      .flatMap((b) => b.children.filter((c) => c.marks.some((m) => b.markDefs.find((d) => d._key === m)?.reference?._ref === id)))
      .map((c) => c.text)
      .join('');
  const checks = {
    'h2 ≥ 3': blocks.filter((b) => b.style === 'h2').length >= 3,
    h3: styles.has('h3'),
    h4: styles.has('h4'),
    blockquote: styles.has('blockquote'),
    'curly-quoted h2 question': blocks.some((b) => b.style === 'h2' && /^“.*\?”$/.test(b.children.map((c) => c.text).join(''))),
    'bullet list': blocks.some((b) => b.listItem === 'bullet'),
    'numbered list': blocks.some((b) => b.listItem === 'number'),
    'nested list item': blocks.some((b) => b.level === 2),
    strong: marks.has('strong'),
    em: marks.has('em'),
    code: marks.has('code'),
    'external link': defs.some((d) => d._type === 'link'),
    'link openInNewTab': defs.some((d) => d._type === 'link' && d.openInNewTab === true),
    'internalLink → Total Back': linkTo('treatment-total-back') && linkedLabel('treatment-total-back') === 'Total Back, Glutes & Hamstrings Relief',
    'internalLink → focus article': linkedLabel('post-massage-focus-and-stress') === 'how massage elevates focus and reduces stress',
    'internalLink → category': defs.some((d) => d._type === 'internalLink' && typeOf(d.reference._ref) === 'category'),
    'figure with caption and credit': body.some((b) => b._type === 'figure' && b.caption && b.credit),
    'pullQuote with attribution': body.some((b) => b._type === 'pullQuote' && b.attribution),
    relatedArticle: body.some((b) => b._type === 'relatedArticle'),
    'empty ctaBlock': body.some((b) => b._type === 'ctaBlock' && !b.cta),
    'BLOG offer line': text.includes('book a massage and use code BLOG for $10 off your first session (30 minutes and up)'),
    'social prompt line': text.includes('Wanna share your thoughts? Give us a shout at @stillpointstudio on social.'),
  };
  for (const [name, ok] of Object.entries(checks)) if (!ok) fail('flagship', `missing ${name}`);
}

// ---- report --------------------------------------------------------------------------------

const files = await readdir(imagesDir);
let imageBytes = 0;
for (const file of files) {
  imageBytes += (await stat(path.join(imagesDir, file))).size;
  if (!usedImages.has(file)) fail(`images/${file}`, 'not referenced by any document');
}

const countBy = (list) => list.reduce((acc, doc) => ({ ...acc, [doc._type]: (acc[doc._type] ?? 0) + 1 }), {});
console.log('Published documents by type:', countBy(published));
console.log('Drafts:', drafts.map((d) => `${d._id}${byId.has(d._id.replace(/^drafts\./, '')) ? ' (edits a published post)' : ' (never published)'}`).join(', '));
console.log(`Images: ${files.length} files, ${(imageBytes / 1024).toFixed(1)} KB`);
console.log('\nPosts (words, minutes at 200 wpm, cta, manual related):');
// A generated dataset has thousands: list the demo-sized head only.
for (const post of [...posts].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)).slice(0, 40)) {
  const words = wordCount(post.body);
  const cta = post.cta ? post.cta._ref + (expiredCtas.has(post.cta._ref) ? ' (expired offer)' : '') : 'default';
  console.log(
    `  ${post.publishedAt.slice(0, 10)}  ${post._id.padEnd(44)} ${String(words).padStart(5)}w ${String(Math.max(1, Math.round(words / 200))).padStart(2)}m  ${cta}  ${post.relatedPosts?.length ?? 0}`,
  );
}

if (errors.length) {
  console.error(`\n${errors.length} problem(s):`);
  for (const error of errors) console.error(`  - ${error}`);
  process.exit(1);
}
console.log('\nAll checks passed.');
