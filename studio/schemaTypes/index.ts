import type { SchemaTypeDefinition } from 'sanity'

import { author } from './documents/author'
import { category } from './documents/category'
import { cta } from './documents/cta'
import { post } from './documents/post'
import { treatment } from './documents/treatment'
import { ctaBlock } from './objects/cta-block'
import { figure } from './objects/figure'
import { internalLink } from './objects/internal-link'
import { link } from './objects/link'
import { offer } from './objects/offer'
import { portableText } from './objects/portable-text'
import { pullQuote } from './objects/pull-quote'
import { relatedArticle } from './objects/related-article'
import { seo } from './objects/seo'
import { socialLink } from './objects/social-link'
import { siteSettings } from './singletons/site-settings'

export const schemaTypes: SchemaTypeDefinition[] = [
  // Singletons
  siteSettings,
  // Documents
  post,
  author,
  category,
  treatment,
  cta,
  // Objects
  figure,
  offer,
  socialLink,
  seo,
  portableText,
  link,
  internalLink,
  ctaBlock,
  pullQuote,
  relatedArticle,
]
