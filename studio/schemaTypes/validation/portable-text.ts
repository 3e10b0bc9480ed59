/**
 * What a Portable Text field may contain. The Studio's editor only offers what the schema lists,
 * but documents written another way (the seed, imports, the API) are not held to that, and the
 * site renders only what docs/contracts.md pins, so the shape is also checked as a rule.
 */
export interface PortableTextSpec {
  /** `_type`s allowed as array members, `block` included. */
  memberTypes: readonly string[]
  styles: readonly string[]
  lists: readonly string[]
  decorators: readonly string[]
  /** `_type`s allowed in a block's `markDefs`. */
  annotations: readonly string[]
}

type PathSegment = string | number | { _key: string }

export interface PortableTextIssue {
  message: string
  path: PathSegment[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function itemSegment(item: Record<string, unknown>, index: number): PathSegment {
  return typeof item._key === 'string' ? { _key: item._key } : index
}

function blockIssues(block: Record<string, unknown>, at: PathSegment, spec: PortableTextSpec): PortableTextIssue[] {
  const issues: PortableTextIssue[] = []
  const style = block.style ?? 'normal'
  if (typeof style !== 'string' || !spec.styles.includes(style)) {
    issues.push({ message: `Style "${String(style)}" is not allowed here`, path: [at, 'style'] })
  }
  if (block.listItem !== undefined && (typeof block.listItem !== 'string' || !spec.lists.includes(block.listItem))) {
    issues.push({ message: `List type "${String(block.listItem)}" is not allowed here`, path: [at, 'listItem'] })
  }

  const markKeys = new Set<string>()
  const markDefs = Array.isArray(block.markDefs) ? block.markDefs : []
  markDefs.forEach((def, index) => {
    if (!isRecord(def)) return
    if (typeof def._key === 'string') markKeys.add(def._key)
    if (typeof def._type !== 'string' || !spec.annotations.includes(def._type)) {
      issues.push({
        message: `Annotation "${String(def._type)}" is not allowed here`,
        path: [at, 'markDefs', itemSegment(def, index)],
      })
    }
  })

  const children = Array.isArray(block.children) ? block.children : []
  children.forEach((child, index) => {
    if (!isRecord(child) || child._type !== 'span' || !Array.isArray(child.marks)) return
    for (const mark of child.marks) {
      if (typeof mark === 'string' && (spec.decorators.includes(mark) || markKeys.has(mark))) continue
      issues.push({
        message: `Mark "${String(mark)}" is neither an allowed decorator nor a link in this block`,
        path: [at, 'children', itemSegment(child, index), 'marks'],
      })
    }
  })
  return issues
}

export function validatePortableText(value: unknown, spec: PortableTextSpec): true | PortableTextIssue[] {
  if (!Array.isArray(value)) return true
  const issues = value.flatMap((item, index): PortableTextIssue[] => {
    if (!isRecord(item)) return [{ message: 'Not a Portable Text item', path: [index] }]
    const at = itemSegment(item, index)
    if (typeof item._type !== 'string' || !spec.memberTypes.includes(item._type)) {
      return [{ message: `"${String(item._type)}" blocks are not allowed here`, path: [at] }]
    }
    return item._type === 'block' ? blockIssues(item, at, spec) : []
  })
  return issues.length === 0 ? true : issues
}
