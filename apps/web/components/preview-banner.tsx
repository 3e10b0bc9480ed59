/** Always visible in draft mode, so nobody mistakes a preview for the live site. */
export function PreviewBanner() {
  return (
    <div className="preview-banner" role="region" aria-label="Preview mode">
      <p>
        <strong>Preview</strong> — you are seeing unpublished drafts. <a href="/api/draft-mode/disable">Exit preview</a>
      </p>
    </div>
  )
}
