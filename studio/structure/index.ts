import { CogIcon, DocumentTextIcon, TagsIcon, UserIcon } from '@sanity/icons'
import type { StructureResolver } from 'sanity/structure'

import { SITE_SETTINGS_ID } from '../schemaTypes/singletons/site-settings'

/**
 * The posts list shown after picking a category or author. `match` is a GROQ condition on
 * `$referencedId`, the picked document's id.
 */
function postsMatching(S: Parameters<StructureResolver>[0], match: string) {
  return (referencedId: string) =>
    S.documentList()
      .title('Posts')
      .schemaType('post')
      .filter(`_type == "post" && ${match}`)
      .params({ referencedId })
      .defaultOrdering([{ field: 'publishedAt', direction: 'desc' }])
}

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      S.listItem()
        .title('Site settings')
        .id(SITE_SETTINGS_ID)
        .icon(CogIcon)
        .child(S.document().schemaType('siteSettings').documentId(SITE_SETTINGS_ID).title('Site settings')),
      S.divider(),
      S.listItem()
        .title('Posts')
        .icon(DocumentTextIcon)
        .child(
          S.list()
            .title('Posts')
            .items([
              S.listItem()
                .title('All posts')
                .icon(DocumentTextIcon)
                .child(
                  S.documentTypeList('post')
                    .title('All posts')
                    .defaultOrdering([{ field: 'publishedAt', direction: 'desc' }]),
                ),
              S.listItem()
                .title('By category')
                .icon(TagsIcon)
                .child(
                  S.documentTypeList('category').title('Posts by category').child(postsMatching(S, '$referencedId in categories[]._ref')),
                ),
              S.listItem()
                .title('By author')
                .icon(UserIcon)
                .child(S.documentTypeList('author').title('Posts by author').child(postsMatching(S, 'author._ref == $referencedId'))),
            ]),
        ),
      S.documentTypeListItem('author').title('Authors'),
      S.documentTypeListItem('category').title('Categories'),
      S.documentTypeListItem('treatment').title('Treatments'),
      S.documentTypeListItem('cta').title('Booking CTAs'),
    ])
