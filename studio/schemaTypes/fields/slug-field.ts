import { defineField } from 'sanity'

import { SLUG_MAX_LENGTH, validateSlugFormat } from '../validation/slug-format'
import { isUniqueSlug } from '../validation/unique-slug'

/**
 * The `slug` field every routable document shares: generated from `source`, unique per type,
 * lower-case and at most 96 characters, because it becomes a URL segment.
 */
export function slugField(source: string, reserved: readonly string[] = []) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    description: 'The address of the page. Changing it after publishing keeps the old address as a redirect.',
    options: { source, maxLength: SLUG_MAX_LENGTH, isUnique: isUniqueSlug },
    validation: (rule) => rule.required().custom((value) => validateSlugFormat(value?.current, reserved)),
  })
}
