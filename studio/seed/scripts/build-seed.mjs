#!/usr/bin/env node
// Builds studio/seed/data.ndjson (`sanity dataset export` layout) from the readable sources
// in studio/seed/source/. Deterministic: keys and revisions are hashes of the document id
// and the value's position, so unchanged content produces an unchanged file.
//
//   node studio/seed/scripts/build-seed.mjs
//
// Run generate-images.mjs first if images were added; `npm run validate:seed -w @journal/studio`
// verifies the result.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { siteSettings, authors, categories, treatments, ctas } from '../source/site.mjs';
import { posts, drafts } from '../source/posts.mjs';
import { toPortableText } from './lib/portable-text.mjs';
import { figure, reference, slug } from './lib/values.mjs';

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(seedDir, 'source');

const sha1 = (value) => createHash('sha1').update(value).digest('hex');

/** Sanity-style 12-character array key, stable for a given document and path. */
const keyMaker = (documentId) => (keyPath) => sha1(`${documentId}:${keyPath}`).slice(0, 12);

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A revision id that looks like Sanity's (22 base62 characters), derived from the content. */
function revisionFor(document) {
  const digest = createHash('sha256').update(JSON.stringify(document)).digest();
  return Array.from(digest.subarray(0, 22), (byte) => base62[byte % 62]).join('');
}

/** ISO timestamp without milliseconds, like the Content Lake writes them. */
const iso = (date) => date.toISOString().replace('.000Z', 'Z');

/** A few deterministic minutes so timestamps don't all land on the hour. */
const minutesFor = (seed, max) => parseInt(sha1(seed).slice(0, 8), 16) % max;

function shiftDays(timestamp, days, minutes = 0) {
  const date = new Date(timestamp);
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCMinutes(date.getUTCMinutes() + minutes);
  return iso(date);
}

/** Puts the system fields first, in the order `sanity dataset export` writes them. */
function documentOf({ _id, _type, createdAt, updatedAt }, fields) {
  const body = { _id, _type, _createdAt: iso(new Date(createdAt)), _updatedAt: iso(new Date(updatedAt)), ...fields };
  const { _id: id, _type: type, _createdAt, _updatedAt, ...rest } = body;
  return { _id: id, _type: type, _createdAt, _updatedAt, _rev: revisionFor(body), ...rest };
}

const withKeys = (documentId, arrayPath, items, build) => {
  const keyFor = keyMaker(documentId);
  return items.map((item, index) => ({ _key: keyFor(`${arrayPath}[${index}]`), ...build(item) }));
};

const socialLinks = (documentId, links) =>
  withKeys(documentId, 'socialLinks', links, (link) => ({ _type: 'socialLink', ...link }));

const references = (documentId, field, ids) => withKeys(documentId, field, ids, reference);

function buildSiteSettings() {
  const s = siteSettings;
  return documentOf(
    { ...s, _type: 'siteSettings' },
    {
      title: s.title,
      description: s.description,
      siteUrl: s.siteUrl,
      bookingUrl: s.bookingUrl,
      defaultCta: reference(s.defaultCta),
      socialLinks: socialLinks(s._id, s.socialLinks),
      socialPrompt: s.socialPrompt,
      ogImage: figure(s.ogImage),
    },
  );
}

function buildAuthor(author) {
  return documentOf(
    { ...author, _type: 'author' },
    {
      name: author.name,
      slug: slug(author.slug),
      role: author.role,
      image: figure(author.image),
      bio: toPortableText(author.bio, keyMaker(author._id), 'bio'),
      socialLinks: socialLinks(author._id, author.socialLinks),
    },
  );
}

function buildCategory(category) {
  return documentOf(
    { ...category, _type: 'category' },
    { title: category.title, slug: slug(category.slug), description: category.description },
  );
}

function buildTreatment(treatment) {
  return documentOf(
    { ...treatment, _type: 'treatment' },
    {
      name: treatment.name,
      slug: slug(treatment.slug),
      summary: treatment.summary,
      sessionLengths: treatment.sessionLengths,
      bookingUrl: `${siteSettings.bookingUrl}/treatments/${treatment.slug}`,
    },
  );
}

function buildCta(cta) {
  return documentOf(
    { ...cta, _type: 'cta' },
    {
      internalName: cta.internalName,
      headline: cta.headline,
      body: cta.body,
      ...(cta.offer ? { offer: { _type: 'offer', ...cta.offer } } : {}),
      buttonLabel: cta.buttonLabel,
      ...(cta.url ? { url: cta.url } : {}),
      ...(cta.treatment ? { treatment: reference(cta.treatment) } : {}),
      campaign: cta.campaign,
    },
  );
}

async function postFields(post) {
  const source = await readFile(path.join(sourceDir, 'posts', `${post.slug}.md`), 'utf8');
  const { file, caption, credit } = post.mainImage;
  return {
    title: post.title,
    slug: slug(post.slug),
    excerpt: post.excerpt,
    publishedAt: post.publishedAt,
    mainImage: figure(file, { caption, credit }),
    author: reference(post.author),
    categories: references(post._id, 'categories', post.categories),
    body: toPortableText(source, keyMaker(post._id), 'body'),
    ...(post.relatedPosts ? { relatedPosts: references(post._id, 'relatedPosts', post.relatedPosts) } : {}),
    ...(post.cta ? { cta: reference(post.cta) } : {}),
    ...(post.reviewedBy ? { reviewedBy: reference(post.reviewedBy) } : {}),
    ...(post.seo
      ? {
          seo: {
            _type: 'seo',
            metaTitle: post.seo.metaTitle,
            metaDescription: post.seo.metaDescription,
            ...(post.seo.ogImage ? { ogImage: figure(post.seo.ogImage) } : {}),
          },
        }
      : {}),
    ...(post.previousSlugs ? { previousSlugs: post.previousSlugs } : {}),
  };
}

async function buildPost(post) {
  const createdAt = shiftDays(post.publishedAt, -post.createdDaysBefore, -minutesFor(`${post._id}:created`, 480));
  const updatedAt = shiftDays(post.publishedAt, post.updatedDaysAfter, 3 + minutesFor(`${post._id}:updated`, 400));
  return documentOf({ _id: post._id, _type: 'post', createdAt, updatedAt }, await postFields(post));
}

async function buildDraft(draft, published) {
  if (draft.basedOn) {
    // An edited copy of a published post: same content and creation time, changed fields on top.
    const original = published.get(draft.basedOn);
    if (!original) throw new Error(`${draft._id} is based on unknown post ${draft.basedOn}`);
    const { _id, _type, _createdAt, _updatedAt, _rev, ...fields } = original;
    return documentOf(
      { _id: draft._id, _type, createdAt: _createdAt, updatedAt: draft.updatedAt },
      { ...fields, title: draft.title },
    );
  }
  const id = draft._id.replace(/^drafts\./, '');
  return documentOf(
    { _id: draft._id, _type: 'post', createdAt: draft.createdAt, updatedAt: draft.updatedAt },
    // Keys are derived from the published id so they survive publishing unchanged.
    await postFields({ ...draft, _id: id }),
  );
}

async function main() {
  const publishedPosts = await Promise.all(posts.map(buildPost));
  const byId = new Map(publishedPosts.map((post) => [post._id, post]));
  const draftPosts = await Promise.all(drafts.map((draft) => buildDraft(draft, byId)));
  const documents = [
    buildSiteSettings(),
    ...ctas.map(buildCta),
    ...treatments.map(buildTreatment),
    ...categories.map(buildCategory),
    ...authors.map(buildAuthor),
    ...publishedPosts,
    ...draftPosts,
  ];
  const out = path.join(seedDir, 'data.ndjson');
  await writeFile(out, documents.map((document) => JSON.stringify(document)).join('\n') + '\n');
  console.log(`Wrote ${documents.length} documents to ${path.relative(process.cwd(), out)}`);
}

await main();
