import { serializeJsonLd, type JsonLdObject } from '@/lib/structured-data'

/** schema.org structured data, escaped so content can never close the script element. */
export function JsonLd({ data }: { data: JsonLdObject }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
