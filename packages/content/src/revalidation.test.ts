import { describe, expect, it } from 'vitest'

import { listPageTags, postPageTags, TAGS } from './cache-tags.js'
import { parseChangedDocument, tagsForChange } from './revalidation.js'

describe('tagsForChange', () => {
  it('expires the post, its old URL, every article page and every list for a post change', () => {
    const tags = tagsForChange({
      _id: 'post-a',
      _type: 'post',
      slug: 'new-slug',
      previousSlug: 'old-slug',
      categories: ['recovery', null],
      author: 'maya',
    })
    expect(tags).toEqual(
      expect.arrayContaining(['post:new-slug', 'post:old-slug', TAGS.postPages, TAGS.postList, 'category:recovery', 'author:maya']),
    )
  })

  it('reaches every page that embeds a CTA, treatment, author, category or the settings', () => {
    const article = postPageTags('any')
    const list = listPageTags()
    for (const type of ['cta', 'treatment', 'author', 'category'] as const) {
      const tags = tagsForChange({ _id: `${type}-1`, _type: type, slug: 'x' })
      expect(tags.some((tag) => article.includes(tag))).toBe(true)
    }
    for (const type of ['author', 'category', 'siteSettings'] as const) {
      const tags = tagsForChange({ _id: `${type}-1`, _type: type, slug: 'x' })
      expect(tags.some((tag) => list.includes(tag))).toBe(true)
    }
    expect(tagsForChange({ _id: 'siteSettings', _type: 'siteSettings' })).toEqual([TAGS.settings])
  })

  it('expires nothing for types the site does not show', () => {
    expect(tagsForChange({ _id: 'x', _type: 'sanity.imageAsset' })).toEqual([])
  })
})

describe('parseChangedDocument', () => {
  it('rejects bodies without an id and type', () => {
    expect(parseChangedDocument({ _type: 'post' })).toBeNull()
    expect(parseChangedDocument('post')).toBeNull()
    expect(parseChangedDocument({ _id: 'a', _type: 'post', slug: 'a' })?.slug).toBe('a')
  })
})
