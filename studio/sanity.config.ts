import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { presentationTool } from 'sanity/presentation'
import { structureTool } from 'sanity/structure'

import { withSlugHistory } from './actions/publish-with-slug-history'
import { apiVersion, dataset, embedded, localLakeUrl, previewOrigin, projectId } from './env'
import { localLakeWorkspace, localPreviewOrigin } from './local-lake/workspace'
import { locations, mainDocuments } from './presentation/resolve'
import { schemaTypes } from './schemaTypes'
import { structure } from './structure'
import { isSingletonType, singletonActions, withoutSingletonTemplates } from './structure/singletons'

export default defineConfig({
  name: 'default',
  title: 'Journal',
  projectId,
  dataset,
  ...(embedded ? localLakeWorkspace({ projectId, dataset, lakeUrl: localLakeUrl }) : {}),
  plugins: [
    structureTool({ structure }),
    presentationTool({
      previewUrl: {
        // Embedded: the site the Studio's server names (npm start and the tests run it on any port).
        initial: embedded ? () => localPreviewOrigin(previewOrigin) : previewOrigin,
        previewMode: { enable: '/api/draft-mode/enable', disable: '/api/draft-mode/disable' },
      },
      resolve: { locations, mainDocuments },
    }),
    visionTool({ defaultApiVersion: apiVersion }),
  ],
  schema: {
    types: schemaTypes,
    // Singletons are opened from the structure at their fixed id, never created from a template.
    templates: (templates) => templates.filter(({ schemaType }) => !isSingletonType(schemaType)),
  },
  document: {
    // Comments live in a hosted add-on dataset, which a local lake does not have.
    ...(embedded ? { comments: { enabled: false } } : {}),
    newDocumentOptions: (items, { creationContext }) => (creationContext.type === 'global' ? withoutSingletonTemplates(items) : items),
    actions: (actions, { schemaType }) => {
      if (isSingletonType(schemaType)) return singletonActions(actions)
      if (schemaType === 'post') {
        return actions.map((action) => (action.action === 'publish' ? withSlugHistory(action) : action))
      }
      return actions
    },
  },
})
