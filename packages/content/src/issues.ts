/** Something in the content that the site had to drop or repair to render the page. */
export interface ContentIssue {
  /** the document being parsed, when known */
  documentId: string | null
  /** where in the result: "post.body[3]", "settings.socialLinks[1]" */
  path: string
  message: string
}

export type IssueReporter = (issue: ContentIssue) => void

export interface ParseOptions {
  /** reference time for offer windows; defaults to the current time */
  now?: Date
  /** called once for each dropped or repaired piece of content */
  onIssue?: IssueReporter
}
