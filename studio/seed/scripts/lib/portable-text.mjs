// Turns the seed's readable body sources into Portable Text, in the shapes pinned in
// docs/contracts.md. The source format is a small, strict subset of Markdown plus
// one-line directives for the custom blocks; anything it does not recognise is an error,
// so a typo in the copy cannot silently turn into odd content.
//
// Blocks (separated by blank lines; a paragraph may wrap over several lines):
//   ## / ### / ####   h2 / h3 / h4          > text            blockquote
//   - item            bullet, level 1       1. item           numbered, level 1
//     - item          bullet, level 2 (two or more leading spaces; same for numbered)
//   ::figure{file="x.jpg" caption="…" credit="…"}    inline figure (alt from source/images.mjs)
//   ::cta{}  or  ::cta{ref="cta-id"}                  ctaBlock (empty means the site default)
//   ::pullQuote{text="…" attribution="…"}
//   ::related{post="post-id"}                         relatedArticle
// Inline:
//   **strong**  *em*  `code`
//   [text](https://…)  [text](mailto:…)  [text](tel:…)   link; append {new} to open in a new tab
//   [text](ref:document-id)                               internalLink (post, treatment or category)

import { figure, reference } from './values.mjs';

const directivePattern = /^::(figure|cta|pullQuote|related)\{(.*)\}$/;
const attributePattern = /(\w+)="([^"]*)"/g;

/**
 * @param {string} source
 * @param {(path: string) => string} keyFor  deterministic `_key` for a path inside the document
 * @param {string} basePath  e.g. "body"
 */
export function toPortableText(source, keyFor, basePath) {
  const blocks = [];
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let paragraph = null;

  const flush = () => {
    if (paragraph) blocks.push(paragraph);
    paragraph = null;
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const text = line.trimStart();
    const heading = /^(#{2,4}) (.*)$/.exec(text);
    const bullet = /^- (.*)$/.exec(text);
    const numbered = /^\d+\. (.*)$/.exec(text);
    const directive = directivePattern.exec(text);

    if (heading && indent === 0) {
      flush();
      blocks.push({ style: `h${heading[1].length}`, text: heading[2] });
    } else if (text.startsWith('> ') && indent === 0) {
      flush();
      paragraph = { style: 'blockquote', text: text.slice(2) };
    } else if (bullet || numbered) {
      flush();
      paragraph = {
        style: 'normal',
        listItem: bullet ? 'bullet' : 'number',
        level: indent >= 2 ? 2 : 1,
        text: (bullet ?? numbered)[1],
      };
    } else if (directive && indent === 0) {
      flush();
      const attributes = Object.fromEntries([...directive[2].matchAll(attributePattern)].map((m) => [m[1], m[2]]));
      blocks.push({ directive: directive[1], attributes });
    } else if (text.startsWith('::') || text.startsWith('#')) {
      throw new Error(`Unrecognised line in ${basePath}: ${text}`);
    } else if (paragraph) {
      paragraph.text += ` ${text}`;
    } else {
      paragraph = { style: 'normal', text };
    }
  }
  flush();

  return blocks.map((block, index) => {
    const path = `${basePath}[${index}]`;
    const _key = keyFor(path);
    if (block.directive) return customBlock(block.directive, block.attributes, _key, path);
    const markDefs = [];
    const spans = parseInline(block.text, [], markDefs, keyFor, path);
    const children = mergeSpans(spans).map((span, spanIndex) => ({
      _key: keyFor(`${path}.children[${spanIndex}]`),
      _type: 'span',
      text: span.text,
      marks: span.marks,
    }));
    return {
      _key,
      _type: 'block',
      style: block.style,
      ...(block.listItem ? { listItem: block.listItem, level: block.level } : {}),
      markDefs,
      children,
    };
  });
}

function customBlock(kind, attributes, _key, path) {
  const required = (name) => {
    if (!attributes[name]) throw new Error(`::${kind} at ${path} needs ${name}="…"`);
    return attributes[name];
  };
  switch (kind) {
    case 'figure':
      return {
        _key,
        ...figure(required('file'), { caption: attributes.caption, credit: attributes.credit, alt: attributes.alt }),
      };
    case 'cta':
      return { _key, _type: 'ctaBlock', ...(attributes.ref ? { cta: reference(attributes.ref) } : {}) };
    case 'pullQuote':
      return {
        _key,
        _type: 'pullQuote',
        text: required('text'),
        ...(attributes.attribution ? { attribution: attributes.attribution } : {}),
      };
    case 'related':
      return { _key, _type: 'relatedArticle', post: reference(required('post')) };
    default:
      throw new Error(`Unknown directive ${kind}`);
  }
}

/** Recursive descent over the inline syntax; returns spans as {text, marks}. */
function parseInline(text, marks, markDefs, keyFor, path) {
  const spans = [];
  let buffer = '';
  const emit = (value, spanMarks) => {
    if (value) spans.push({ text: value, marks: spanMarks });
  };
  const closing = (token, from) => {
    const end = text.indexOf(token, from);
    if (end === -1) throw new Error(`Unclosed ${token} in ${path}: ${text}`);
    return end;
  };

  let i = 0;
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      emit(buffer, marks);
      buffer = '';
      const end = closing('**', i + 2);
      spans.push(...parseInline(text.slice(i + 2, end), [...marks, 'strong'], markDefs, keyFor, path));
      i = end + 2;
    } else if (text[i] === '*') {
      emit(buffer, marks);
      buffer = '';
      const end = closing('*', i + 1);
      spans.push(...parseInline(text.slice(i + 1, end), [...marks, 'em'], markDefs, keyFor, path));
      i = end + 1;
    } else if (text[i] === '`') {
      emit(buffer, marks);
      buffer = '';
      const end = closing('`', i + 1);
      emit(text.slice(i + 1, end), [...marks, 'code']);
      i = end + 1;
    } else if (text[i] === '[') {
      emit(buffer, marks);
      buffer = '';
      const labelEnd = closing('](', i + 1);
      const targetEnd = closing(')', labelEnd + 2);
      const label = text.slice(i + 1, labelEnd);
      const target = text.slice(labelEnd + 2, targetEnd);
      i = targetEnd + 1;
      let openInNewTab = false;
      if (text.startsWith('{new}', i)) {
        openInNewTab = true;
        i += '{new}'.length;
      }
      const _key = keyFor(`${path}.markDefs[${markDefs.length}]`);
      markDefs.push(markDefFor(target, _key, openInNewTab, path));
      spans.push(...parseInline(label, [...marks, _key], markDefs, keyFor, path));
    } else {
      buffer += text[i];
      i += 1;
    }
  }
  emit(buffer, marks);
  return spans;
}

function markDefFor(target, _key, openInNewTab, path) {
  if (target.startsWith('ref:')) {
    if (openInNewTab) throw new Error(`{new} makes no sense on an internal link in ${path}`);
    return { _key, _type: 'internalLink', reference: reference(target.slice(4)) };
  }
  if (!/^(https?:\/\/|mailto:|tel:)/.test(target)) throw new Error(`Link target not allowed in ${path}: ${target}`);
  return { _key, _type: 'link', href: target, ...(openInNewTab ? { openInNewTab: true } : {}) };
}

function mergeSpans(spans) {
  const merged = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && last.marks.join('|') === span.marks.join('|')) last.text += span.text;
    else merged.push({ text: span.text, marks: [...span.marks] });
  }
  return merged;
}

/** Plain text of a body, as a reader would see it (for word counts). */
export function plainText(blocks) {
  return blocks
    .filter((block) => block._type === 'block')
    .map((block) => block.children.map((child) => child.text).join(''))
    .join('\n\n');
}
