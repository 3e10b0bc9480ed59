import type { DocumentActionComponent, TemplateItem } from 'sanity'

import { SITE_SETTINGS_ID } from '../schemaTypes/singletons/site-settings'

/**
 * Singleton document types: exactly one document each, at a fixed id, opened straight from the
 * structure. Creating, duplicating or deleting one would leave the site reading the wrong
 * document (or none), so those paths are closed in config rather than left to editor care.
 */
export const SINGLETONS: Readonly<Record<string, string>> = { siteSettings: SITE_SETTINGS_ID }

const SINGLETON_ACTIONS = new Set<string>(['publish', 'discardChanges', 'restore'])

export function isSingletonType(schemaType: string): boolean {
  return Object.hasOwn(SINGLETONS, schemaType)
}

/** Keeps only the actions that make sense on a document that must always exist. */
export function singletonActions(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.filter(({ action }) => action !== undefined && SINGLETON_ACTIONS.has(action))
}

/** Removes singletons from the global "new document" menu. */
export function withoutSingletonTemplates<T extends Pick<TemplateItem, 'templateId'>>(items: T[]): T[] {
  return items.filter(({ templateId }) => !isSingletonType(templateId))
}
