import type { WorkspaceOptions } from 'sanity'

import { localLakeAuthStore, studioServerConfig } from './auth-store'

/**
 * The workspace options that point the real Studio at the local lake (embedded mode, no Sanity
 * project): its client and sign-in, and the add-ons that only Sanity's hosted platform provides
 * switched off, so the Studio neither offers them nor asks for them. Nothing else of the Studio
 * differs between the two modes.
 */
export function localLakeWorkspace(options: { projectId: string; dataset: string; lakeUrl: string }): Partial<WorkspaceOptions> {
  return {
    apiHost: options.lakeUrl,
    auth: localLakeAuthStore(options),
    // Content releases, scheduling, tasks and comments keep their data in Sanity's hosted
    // services (release documents, the scheduler, the comments dataset); announcements and the
    // media library come from sanity.io.
    releases: { enabled: false },
    scheduledPublishing: { enabled: false },
    scheduledDrafts: { enabled: false },
    tasks: { enabled: false },
    announcements: { enabled: false },
    mediaLibrary: { enabled: false },
    apps: { canvas: { enabled: false } },
  }
}

/** The site Presentation previews: the one the Studio's server names, else `fallback`. */
export async function localPreviewOrigin(fallback: string): Promise<string> {
  return (await studioServerConfig())?.previewUrl ?? fallback
}
