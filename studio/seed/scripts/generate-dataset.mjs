#!/usr/bin/env node
// Generates a large synthetic dataset in the seed's layout (`sanity dataset export`: data.ndjson
// plus images/), for benchmarks and scale tests:
//
//   npm run content:generate -- --posts 10000 --out /tmp/journal-10k [--seed 1]
//   node studio/seed/scripts/generate-dataset.mjs --posts 10000 --out /tmp/journal-10k
//
// It keeps every demo document (so the demo's edge cases stay in) and adds posts, categories and
// authors until there are `--posts` published posts. New bodies recombine the demo posts'
// paragraphs, headings, lists, links, figures, pull quotes, CTA and related-article blocks; images
// are the demo's files, copied and referenced by the same names. Some posts pick related posts or
// a CTA, a few have previousSlugs (redirects), drafts or SEO fields. The same --seed gives the
// same bytes. `npm run validate:seed -w @journal/studio -- <out>` validates the result.

import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';

import {
  assembleBody,
  authorNames,
  bodyParts,
  categoryTitles,
  createRandom,
  keyFor,
  postTitle,
  revisionFor,
  slugify,
} from './lib/synthetic-content.mjs';

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Published dates spread over the window the seed checks accept (studio/scripts/seed-checks.mjs), newest just before its "now".
const FIRST_DAY = Date.parse('2024-01-01T00:00:00Z');
const LAST_DAY = Date.parse('2026-11-20T00:00:00Z');

const iso = (time) => new Date(time).toISOString().replace('.000Z', 'Z');
const reference = (id) => ({ _type: 'reference', _ref: id });

/** Puts the system fields first, in the order `sanity dataset export` writes them. */
function documentOf(_id, _type, createdAt, updatedAt, fields) {
  return { _id, _type, _createdAt: iso(createdAt), _updatedAt: iso(updatedAt), _rev: revisionFor(_id), ...fields };
}

/** Taxonomy grows slower than content: a 10,000-post blog has a few dozen categories and authors. */
export const categoryCount = (posts) => Math.max(5, Math.min(5 + 32, Math.round(Math.sqrt(posts) / 4)));
export const authorCount = (posts) => Math.max(3, Math.round(Math.sqrt(posts) / 2));

function newCategories(count, demo) {
  const titles = categoryTitles(count - demo.length);
  return titles.map((title) => {
    const slug = slugify(title);
    return documentOf(`category-${slug}`, 'category', FIRST_DAY, FIRST_DAY, {
      title,
      slug: { _type: 'slug', current: slug },
      description: `Articles about ${title.toLowerCase()}: how it loads the body, and how to recover from it.`,
    });
  });
}

function newAuthors(count, demo, random) {
  return authorNames(count - demo.length).map(({ name, role }) => {
    const slug = slugify(name);
    const id = `author-${slug}`;
    const template = random.pick(demo);
    return documentOf(id, 'author', FIRST_DAY, FIRST_DAY, {
      name,
      slug: { _type: 'slug', current: slug },
      role,
      image: template.image,
      bio: template.bio.map((block, index) => ({ ...block, _key: keyFor(id, `bio[${index}]`) })),
      socialLinks: [],
    });
  });
}

export async function generateDataset({ posts: postCount, out, seed = 1, from = seedDir }) {
  if (!Number.isInteger(postCount) || postCount < 1) throw new Error('--posts must be a positive whole number');
  const random = createRandom(seed);
  const lines = (await readFile(path.join(from, 'data.ndjson'), 'utf8')).split('\n').filter(Boolean);
  const demo = lines.map((line) => JSON.parse(line));
  const ofType = (type) => demo.filter((doc) => doc._type === type && !doc._id.startsWith('drafts.'));
  const demoPosts = ofType('post');
  const categories = [...ofType('category'), ...newCategories(categoryCount(postCount), ofType('category'))];
  const authors = [...ofType('author'), ...newAuthors(authorCount(postCount), ofType('author'), random)];
  const ctas = ofType('cta').map((cta) => cta._id);
  const parts = demoPosts.map((post) => bodyParts(post.body));
  const heroes = demoPosts.map((post) => post.mainImage);
  const excerpts = demoPosts.map((post) => post.excerpt);

  await mkdir(path.join(out, 'images'), { recursive: true });
  for (const file of await readdir(path.join(from, 'images'))) {
    await copyFile(path.join(from, 'images', file), path.join(out, 'images', file));
  }
  const stream = createWriteStream(path.join(out, 'data.ndjson'));
  const write = async (document) => {
    if (!stream.write(`${JSON.stringify(document)}\n`)) await once(stream, 'drain');
  };

  const nonPosts = demo.filter((doc) => doc._type !== 'post');
  for (const document of [...nonPosts, ...categories.slice(ofType('category').length), ...authors.slice(ofType('author').length)]) {
    await write(document);
  }
  // Demo posts and drafts first, unchanged; generated posts are numbered after them.
  for (const document of demo.filter((doc) => doc._type === 'post')) await write(document);

  const postIds = demoPosts.map((post) => post._id);
  const generated = Math.max(0, postCount - demoPosts.length);
  const stats = { posts: demoPosts.length, drafts: demo.filter((doc) => doc._id.startsWith('drafts.')).length, redirects: 0 };
  for (let index = 0; index < generated; index++) {
    const number = demoPosts.length + index + 1;
    const title = postTitle(random);
    const slug = `${slugify(title)}-${number}`;
    const id = `post-${number}-${slugify(title).slice(0, 40).replace(/-+$/, '')}`;
    // Evenly spread dates with jitter, so every page of every listing has posts of every age.
    const publishedAt = FIRST_DAY + ((LAST_DAY - FIRST_DAY) * (index + random.next())) / generated;
    const updatedAt = Math.min(LAST_DAY, publishedAt + random.int(30 * 86_400_000));
    const createdAt = publishedAt - random.int(10 * 86_400_000);
    const author = random.pick(authors)._id;
    const reviewer = random.chance(0.2) ? random.pick(authors.filter((a) => a._id !== author))?._id : undefined;
    const categoryIds = random.sample(categories, 1 + random.int(3)).map((category) => category._id);
    const related = random.chance(0.3) ? random.sample(postIds, 1 + random.int(3)) : [];
    const fields = {
      title,
      slug: { _type: 'slug', current: slug },
      excerpt: random.pick(excerpts),
      publishedAt: iso(Math.floor(publishedAt / 60_000) * 60_000),
      mainImage: random.pick(heroes),
      author: reference(author),
      categories: categoryIds.map((ref, i) => ({ _key: keyFor(id, `categories[${i}]`), ...reference(ref) })),
      body: assembleBody(random, parts, id, () => random.pick(postIds)),
      ...(related.length ? { relatedPosts: related.map((ref, i) => ({ _key: keyFor(id, `relatedPosts[${i}]`), ...reference(ref) })) } : {}),
      ...(random.chance(0.4) ? { cta: reference(random.pick(ctas)) } : {}),
      ...(reviewer ? { reviewedBy: reference(reviewer) } : {}),
      ...(random.chance(0.1) ? { seo: { _type: 'seo', metaTitle: title.slice(0, 60), metaDescription: random.pick(excerpts).slice(0, 160) } } : {}),
      // A renamed post keeps its old URL working (a redirect), as editors do when fixing a title.
      ...(random.chance(0.01) ? { previousSlugs: [`${slug}-first-draft`] } : {}),
    };
    if (fields.previousSlugs) stats.redirects++;
    const post = documentOf(id, 'post', createdAt, updatedAt, fields);
    await write(post);
    postIds.push(id);
    stats.posts++;
    if (random.chance(0.005)) {
      // An unpublished edit of a published post, as an editor leaves one between sessions.
      await write(documentOf(`drafts.${id}`, 'post', createdAt, updatedAt, { ...fields, title: `${title} (updated)` }));
      stats.drafts++;
    } else if (random.chance(0.002)) {
      const draftId = `drafts.post-${number}-draft`;
      await write(documentOf(draftId, 'post', createdAt, updatedAt, { ...fields, slug: { _type: 'slug', current: `${slug}-draft` } }));
      stats.drafts++;
    }
  }
  stream.end();
  await once(stream, 'finish');
  return { ...stats, categories: categories.length, authors: authors.length };
}

async function main() {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      from: { type: 'string', default: seedDir },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.posts || !values.out) {
    console.log('Usage: generate-dataset.mjs --posts <count> --out <folder> [--seed <n>] [--from <seed folder>]');
    process.exit(values.help ? 0 : 1);
  }
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const out = path.resolve(cwd, values.out);
  const started = performance.now();
  const stats = await generateDataset({
    posts: Number(values.posts),
    out,
    seed: Number(values.seed),
    from: path.resolve(cwd, values.from),
  });
  console.log(
    `Wrote ${stats.posts} published posts (${stats.drafts} drafts, ${stats.redirects} with previousSlugs), ` +
      `${stats.categories} categories and ${stats.authors} authors to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
