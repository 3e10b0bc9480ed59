import { NotFoundMessage } from '@/components/not-found-message'

/** notFound() from a page under /blog: rendered inside the site's layout. */
export default function NotFound() {
  return <NotFoundMessage />
}
