import { type DocumentActionComponent, useDocumentOperation } from 'sanity'

import { previousSlugsOnPublish } from '@journal/content'

/**
 * Wraps the default Publish action for posts: when the slug being published differs from the
 * published one, the old slug is written to `previousSlugs` in the same draft just before
 * publishing, so the site can redirect old links permanently.
 *
 * Wrapping (rather than re-implementing Publish) keeps Sanity's own behaviour: the button is
 * disabled while validation errors exist, publishing waits for pending edits and validation,
 * and the label, shortcut and permissions stay the same. Slug changes published other ways
 * (content releases, the API, imports) do not pass through here.
 */
export function withSlugHistory(defaultPublish: DocumentActionComponent): DocumentActionComponent {
  const PublishWithSlugHistory: DocumentActionComponent = (props) => {
    const publish = defaultPublish(props)
    const { patch } = useDocumentOperation(props.id, props.type)
    if (publish === null) return null

    return {
      ...publish,
      onHandle: () => {
        const previousSlugs = previousSlugsOnPublish(props.draft, props.published)
        // The patch lands in the draft before Publish copies the draft to the published document.
        if (previousSlugs !== undefined && patch.disabled === false) {
          patch.execute([{ set: { previousSlugs } }])
        }
        publish.onHandle?.()
      },
    }
  }
  PublishWithSlugHistory.action = 'publish'
  PublishWithSlugHistory.displayName = 'PublishWithSlugHistory'
  return PublishWithSlugHistory
}
