import type { SocialLink } from '@journal/content'

const PLATFORM_NAMES: Record<SocialLink['platform'], string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
}

export function SocialPrompt({ prompt, links }: { prompt: string | null; links: SocialLink[] }) {
  if (!prompt && links.length === 0) return null
  return (
    <section className="social-prompt" aria-label="Share your thoughts">
      {prompt ? <p className="social-prompt__text">{prompt}</p> : null}
      {links.length > 0 ? (
        <ul className="social-prompt__links">
          {links.map((link) => (
            <li key={link.url}>
              <a href={link.url} rel="me noopener">
                {PLATFORM_NAMES[link.platform]}
                {link.handle ? <span className="social-prompt__handle"> {link.handle}</span> : null}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
