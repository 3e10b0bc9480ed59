// Everything in the seed except the posts: site settings, authors, categories,
// treatments and calls to action. Bodies use the format described in
// ../scripts/lib/portable-text.mjs. Timestamps are UTC.

export const siteSettings = {
  _id: 'siteSettings',
  createdAt: '2023-11-20T10:12:00Z',
  updatedAt: '2026-09-01T08:40:00Z',
  title: 'Still Point Journal',
  description:
    'Notes on recovery, rest and robotic massage from the therapists and engineers at Still Point: what helps, what is hype, and how to feel better in a body that works hard.',
  siteUrl: 'https://journal.stillpoint.example',
  bookingUrl: 'https://book.stillpoint.example',
  defaultCta: 'cta-blog-first-session',
  socialLinks: [
    { platform: 'instagram', handle: '@stillpointstudio', url: 'https://instagram.com/stillpointstudio' },
    { platform: 'tiktok', handle: '@stillpointstudio', url: 'https://www.tiktok.com/@stillpointstudio' },
    { platform: 'youtube', handle: '@stillpointstudio', url: 'https://www.youtube.com/@stillpointstudio' },
  ],
  socialPrompt: 'Wanna share your thoughts? Give us a shout on social',
  ogImage: 'og-still-point-journal.jpg',
};

// Author profiles link to reserved `.example` hosts rather than real platform profiles:
// the people are invented, and a made-up handle on a real network may belong to someone.
export const authors = [
  {
    _id: 'author-maya-lindqvist',
    createdAt: '2023-11-21T09:00:00Z',
    updatedAt: '2025-06-03T14:22:00Z',
    name: 'Maya Lindqvist',
    slug: 'maya-lindqvist',
    role: 'Lead Recovery Therapist',
    image: 'author-maya-lindqvist.jpg',
    bio: `
Maya is a licensed massage therapist who spent twelve years working with runners, climbers and people who mostly sit before she joined Still Point. She writes the hands-on routines our robot arms follow, and still takes a few manual sessions a week at the [studio](https://book.stillpoint.example).

Off the clock she is usually on a trail, or on the floor with a foam roller, complaining about it.
`,
    socialLinks: [
      { platform: 'instagram', handle: '@maya.stillpoint', url: 'https://instagram.example/maya.stillpoint' },
      { platform: 'linkedin', handle: 'Maya Lindqvist', url: 'https://linkedin.example/in/maya-lindqvist' },
    ],
  },
  {
    _id: 'author-daniel-okafor',
    createdAt: '2023-11-21T09:05:00Z',
    updatedAt: '2026-02-11T10:05:00Z',
    name: 'Daniel Okafor',
    slug: 'daniel-okafor',
    role: 'Physiotherapist & Head of Routine Design',
    image: 'author-daniel-okafor.jpg',
    bio: `
Daniel is a physiotherapist who worked in sports clinics before leading the team that turns therapists' techniques into routines a robot can repeat. He cares about pacing, load and honest expectations, and he reviews the journal's health articles before they go out.

Questions about a routine? [Email the studio](mailto:hello@stillpoint.example) and it will find its way to him.
`,
    socialLinks: [
      { platform: 'linkedin', handle: 'Daniel Okafor', url: 'https://linkedin.example/in/daniel-okafor' },
      { platform: 'x', handle: '@dokafor_physio', url: 'https://x.example/dokafor_physio' },
    ],
  },
  {
    _id: 'author-priya-raman',
    createdAt: '2023-11-22T11:30:00Z',
    updatedAt: '2025-09-18T16:47:00Z',
    name: 'Priya Raman',
    slug: 'priya-raman',
    role: 'Journal Editor',
    image: 'author-priya-raman.jpg',
    bio: `
Priya edits the Still Point Journal. A former health reporter, she reads the studies so you don't have to, and checks every claim with our therapists before it is published. She is a committed desk-stretcher and an unreformed night owl.

Her favourite pieces are collected on the [journal's home page](https://journal.stillpoint.example).
`,
    socialLinks: [
      { platform: 'instagram', handle: '@priya.reads', url: 'https://instagram.example/priya.reads' },
      { platform: 'linkedin', handle: 'Priya Raman', url: 'https://linkedin.example/in/priya-raman' },
    ],
  },
];

export const categories = [
  {
    _id: 'category-recovery',
    createdAt: '2023-11-22T12:00:00Z',
    updatedAt: '2023-11-22T12:00:00Z',
    title: 'Recovery',
    slug: 'recovery',
    description:
      'Bouncing back after training, travel and long days: how muscles recover, what genuinely helps, and what is mostly myth.',
  },
  {
    _id: 'category-stress-and-sleep',
    createdAt: '2023-11-22T12:02:00Z',
    updatedAt: '2024-09-30T09:15:00Z',
    title: 'Stress & Sleep',
    slug: 'stress-and-sleep',
    description:
      'Calming a busy nervous system, winding down at night, and what we know about touch, rest and mood.',
  },
  {
    _id: 'category-desk-life',
    createdAt: '2023-11-22T12:04:00Z',
    updatedAt: '2023-11-22T12:04:00Z',
    title: 'Desk Life',
    slug: 'desk-life',
    description:
      'Necks, shoulders and lower backs that spend the day in front of a screen, and the small habits that help them.',
  },
  {
    _id: 'category-sports',
    createdAt: '2023-11-22T12:06:00Z',
    updatedAt: '2025-02-14T13:40:00Z',
    title: 'Sports',
    slug: 'sports',
    description:
      'Training, racing and playing hard without paying for it all week: recovery for active people at every level.',
  },
  {
    _id: 'category-inside-the-studio',
    createdAt: '2023-11-22T12:08:00Z',
    updatedAt: '2026-01-12T10:00:00Z',
    title: 'Inside the Studio',
    slug: 'inside-the-studio',
    description:
      'How our robot-assisted sessions work: the routines, the safety systems and the people who design them.',
  },
];

export const treatments = [
  {
    _id: 'treatment-total-back',
    createdAt: '2023-12-01T09:00:00Z',
    updatedAt: '2025-02-20T15:30:00Z',
    name: 'Total Back, Glutes & Hamstrings Relief',
    slug: 'total-back-glutes-hamstrings-relief',
    summary:
      'A therapist-designed routine that works from the upper back down through the glutes and the backs of the thighs, with slow, steady pressure you choose before the session and can adjust at any time.',
    sessionLengths: [30, 60, 90],
  },
  {
    _id: 'treatment-neck-and-shoulder-reset',
    createdAt: '2023-12-01T09:10:00Z',
    updatedAt: '2024-10-21T11:00:00Z',
    name: 'Neck & Shoulder Reset',
    slug: 'neck-and-shoulder-reset',
    summary:
      'Focused work on the neck, the tops of the shoulders and the muscles between the shoulder blades, built for people who spend long days at a screen.',
    sessionLengths: [30, 45],
  },
  {
    _id: 'treatment-full-body-recovery',
    createdAt: '2023-12-01T09:20:00Z',
    updatedAt: '2025-03-04T08:10:00Z',
    name: 'Full Body Recovery Flow',
    slug: 'full-body-recovery-flow',
    summary:
      'An unhurried, full-body routine with broad strokes and longer holds, for the week after a race, a heavy training block or a long trip.',
    sessionLengths: [60, 90],
  },
];

export const ctas = [
  {
    _id: 'cta-blog-first-session',
    createdAt: '2024-12-16T10:00:00Z',
    updatedAt: '2025-01-02T09:30:00Z',
    internalName: 'Blog: first session, $10 off with BLOG',
    headline: 'Your first session, $10 lighter',
    body: 'Book any robotic massage of 30 minutes or more and use code BLOG at checkout for $10 off your first visit. Choose your pressure, change it any time, and leave feeling looser.',
    buttonLabel: 'Book a session',
    url: 'https://book.stillpoint.example',
    campaign: 'blog-first-session',
    offer: {
      code: 'BLOG',
      discountType: 'amount',
      discountValue: 10,
      currency: 'USD',
      minimumMinutes: 30,
      firstSessionOnly: true,
      startsAt: '2025-01-01T00:00:00Z',
      endsAt: '2030-12-31T23:59:59Z',
    },
  },
  {
    _id: 'cta-spring-recovery',
    createdAt: '2025-02-20T14:00:00Z',
    updatedAt: '2025-02-27T09:45:00Z',
    internalName: 'Spring 2025: 15% off Total Back (SPRING15), ended 31 May 2025',
    headline: 'Spring race season? Give your back a break',
    body: 'Our Total Back, Glutes & Hamstrings Relief routine is built for the weeks when mileage climbs. Book a 60- or 90-minute session to ease the load.',
    buttonLabel: 'Book Total Back relief',
    treatment: 'treatment-total-back',
    campaign: 'spring-recovery-2025',
    offer: {
      code: 'SPRING15',
      discountType: 'percent',
      discountValue: 15,
      minimumMinutes: 60,
      firstSessionOnly: false,
      startsAt: '2025-03-01T00:00:00Z',
      endsAt: '2025-05-31T23:59:59Z',
    },
  },
];
