// Post metadata. Each post's body is in ./posts/<slug>.md (format: ../scripts/lib/portable-text.mjs).
// `createdDaysBefore` / `updatedDaysAfter` place _createdAt and _updatedAt around publishedAt.
// `cta` is left out where the post should fall back to the site's default CTA.

const illustration = 'Illustration: Still Point Studio';

export const posts = [
  {
    _id: 'post-quiet-mind-after-a-massage',
    title: 'Why your mind goes quiet after a massage',
    slug: 'why-your-mind-goes-quiet-after-a-massage',
    // Published first under a shorter slug; kept so the old URL redirects.
    previousSlugs: ['quiet-mind-after-massage'],
    excerpt:
      'That calm, slightly foggy feeling when you sit up is real. Here is what is probably behind it, and how to make it last past the car park.',
    publishedAt: '2024-01-16T08:00:00Z',
    createdDaysBefore: 6,
    updatedDaysAfter: 3,
    mainImage: { file: 'hero-quiet-mind-after-a-massage.jpg', credit: illustration },
    author: 'author-maya-lindqvist',
    categories: ['category-stress-and-sleep'],
  },
  {
    _id: 'post-standing-desk-myths',
    title: "Standing desks won't save your back (but moving might)",
    slug: 'standing-desks-wont-save-your-back',
    excerpt:
      'Swapping one fixed posture for another rarely fixes a sore back. What seems to help is variety: changing position often and moving a little, all day.',
    publishedAt: '2024-03-05T08:30:00Z',
    createdDaysBefore: 4,
    updatedDaysAfter: 0,
    mainImage: { file: 'hero-standing-desk-myths.jpg', credit: illustration },
    author: 'author-priya-raman',
    categories: ['category-desk-life'],
  },
  {
    _id: 'post-first-session-what-to-expect',
    title: 'Your first robotic massage: what to expect, minute by minute',
    slug: 'your-first-robotic-massage-what-to-expect',
    excerpt:
      'From the pressure check to the moment the arm lifts away: a walk through a first session, so nothing about it comes as a surprise.',
    publishedAt: '2024-05-21T09:00:00Z',
    createdDaysBefore: 9,
    updatedDaysAfter: 40,
    mainImage: { file: 'hero-first-session-what-to-expect.jpg', credit: illustration },
    author: 'author-maya-lindqvist',
    categories: ['category-inside-the-studio'],
    relatedPosts: ['post-quiet-mind-after-a-massage'],
    cta: 'cta-blog-first-session',
    seo: {
      metaTitle: 'Your first robotic massage: what to expect',
      metaDescription:
        'What happens in a first robotic massage at Still Point, from choosing your pressure to sitting up afterwards, explained by our lead therapist.',
    },
  },
  {
    _id: 'post-water-after-massage',
    title: 'Do you really need to drink water after a massage?',
    slug: 'do-you-need-to-drink-water-after-a-massage',
    excerpt:
      'The "flush out the toxins" line is everywhere, and it does not hold up. Drinking water afterwards is still a fine idea, just for duller reasons.',
    publishedAt: '2024-08-13T07:45:00Z',
    createdDaysBefore: 5,
    updatedDaysAfter: 2,
    mainImage: { file: 'hero-water-after-massage.jpg', credit: illustration },
    author: 'author-maya-lindqvist',
    categories: ['category-recovery'],
    reviewedBy: 'author-daniel-okafor',
  },
  {
    _id: 'post-desk-neck-and-shoulders',
    title: "The 3 p.m. neck: a desk worker's guide to shoulder tension",
    slug: 'the-3pm-neck-desk-workers-guide-to-shoulder-tension',
    excerpt:
      'Why the tops of your shoulders ache by mid-afternoon, and five small changes to your desk day that make the ache less likely.',
    publishedAt: '2024-10-29T08:15:00Z',
    createdDaysBefore: 7,
    updatedDaysAfter: 1,
    mainImage: { file: 'hero-desk-neck-and-shoulders.jpg', credit: illustration },
    author: 'author-priya-raman',
    categories: ['category-desk-life'],
    reviewedBy: 'author-daniel-okafor',
  },
  {
    _id: 'post-sleep-wind-down-routine',
    title: 'A 20-minute wind-down routine for better sleep',
    slug: 'a-20-minute-wind-down-routine-for-better-sleep',
    excerpt:
      'A short, repeatable routine for the last half hour of the day: dimmer light, a warm shower, two minutes of slow breathing and a little self-massage.',
    publishedAt: '2025-01-14T20:00:00Z',
    createdDaysBefore: 3,
    updatedDaysAfter: 0,
    mainImage: { file: 'hero-sleep-wind-down-routine.jpg', credit: illustration },
    author: 'author-priya-raman',
    categories: ['category-stress-and-sleep'],
    reviewedBy: 'author-maya-lindqvist',
  },
  {
    _id: 'post-spring-training-recovery',
    title: 'Spring training: build a recovery week that actually sticks',
    slug: 'spring-training-build-a-recovery-week',
    excerpt:
      'Race season is close and the mileage is climbing. How to plan easy days, sleep and bodywork so your training block ends with you fitter, not frayed.',
    publishedAt: '2025-03-11T07:30:00Z',
    createdDaysBefore: 8,
    updatedDaysAfter: 5,
    mainImage: { file: 'hero-spring-training-recovery.jpg', credit: illustration },
    author: 'author-daniel-okafor',
    categories: ['category-sports'],
    cta: 'cta-spring-recovery',
  },
  {
    _id: 'post-recovery-after-a-long-run',
    title: 'Recovering after your first half marathon: a gentle plan',
    slug: 'recovering-after-your-first-half-marathon',
    excerpt:
      'You crossed the line; now your legs are filing a complaint. A day-by-day plan for the fortnight after a half marathon, from short walks to your first run back.',
    publishedAt: '2025-04-22T08:00:00Z',
    createdDaysBefore: 5,
    updatedDaysAfter: 9,
    mainImage: { file: 'hero-recovery-after-a-long-run.jpg', credit: illustration },
    author: 'author-daniel-okafor',
    categories: ['category-sports', 'category-recovery'],
    reviewedBy: 'author-maya-lindqvist',
    relatedPosts: ['post-spring-training-recovery'],
    cta: 'cta-spring-recovery',
  },
  {
    _id: 'post-massage-focus-and-stress',
    title: 'How massage elevates focus and reduces stress',
    slug: 'how-massage-elevates-focus-and-reduces-stress',
    excerpt:
      'What the research does and does not say about massage, stress and concentration, and why a calmer body makes it easier to think clearly.',
    publishedAt: '2025-07-22T08:00:00Z',
    createdDaysBefore: 10,
    updatedDaysAfter: 14,
    mainImage: { file: 'hero-massage-focus-and-stress.jpg', credit: illustration },
    author: 'author-priya-raman',
    categories: ['category-stress-and-sleep', 'category-desk-life'],
    reviewedBy: 'author-maya-lindqvist',
    relatedPosts: ['post-quiet-mind-after-a-massage', 'post-sleep-wind-down-routine'],
    cta: 'cta-blog-first-session',
    seo: {
      metaTitle: 'Massage, focus and stress: what the evidence says',
      metaDescription:
        'Can a massage help you think more clearly? A careful look at the research on massage, stress and attention, and practical ways to use it in a busy week.',
    },
  },
  {
    _id: 'post-pressure-is-not-pain',
    title: "Pressure isn't pain: how to find the right intensity",
    slug: 'pressure-is-not-pain-finding-your-intensity',
    excerpt:
      'Deeper is not always better. How to tell useful pressure from the kind that makes you brace, and how to use the 1 to 10 scale in your session.',
    publishedAt: '2025-10-07T08:00:00Z',
    createdDaysBefore: 6,
    updatedDaysAfter: 0,
    mainImage: { file: 'hero-pressure-is-not-pain.jpg', credit: illustration },
    author: 'author-maya-lindqvist',
    categories: ['category-recovery', 'category-inside-the-studio'],
  },
  {
    _id: 'post-safety-sensors-and-stops',
    title: 'Safety first: the sensors and stops behind every session',
    slug: 'safety-first-sensors-and-stops-behind-every-session',
    excerpt:
      'Force limits, a pause button in your hand and a therapist on the floor: how a robotic massage stays gentle, predictable and under your control.',
    publishedAt: '2026-01-20T09:00:00Z',
    createdDaysBefore: 12,
    updatedDaysAfter: 21,
    mainImage: { file: 'hero-safety-sensors-and-stops.jpg', credit: illustration },
    author: 'author-daniel-okafor',
    categories: ['category-inside-the-studio'],
  },
  {
    _id: 'post-hamstrings-and-low-back',
    title: 'Tight hamstrings, sore lower back: how the two are connected',
    slug: 'tight-hamstrings-sore-lower-back',
    excerpt:
      'Your hamstrings and lower back share the work of bending and lifting. When one side stiffens, the other often complains. What helps both.',
    publishedAt: '2026-03-17T08:00:00Z',
    createdDaysBefore: 7,
    updatedDaysAfter: 4,
    mainImage: { file: 'hero-hamstrings-and-low-back.jpg', credit: illustration },
    author: 'author-daniel-okafor',
    categories: ['category-recovery', 'category-sports', 'category-desk-life'],
    reviewedBy: 'author-maya-lindqvist',
    relatedPosts: ['post-desk-neck-and-shoulders', 'post-recovery-after-a-long-run', 'post-pressure-is-not-pain'],
    cta: 'cta-blog-first-session',
  },
  {
    _id: 'post-how-often-should-you-get-a-massage',
    title: 'How often should you get a massage?',
    slug: 'how-often-should-you-get-a-massage',
    excerpt:
      'Weekly, monthly or only when something hurts? A practical way to choose a rhythm that fits your body, your training and your budget.',
    publishedAt: '2026-05-26T08:00:00Z',
    createdDaysBefore: 4,
    updatedDaysAfter: 6,
    mainImage: { file: 'hero-how-often-should-you-get-a-massage.jpg', credit: illustration },
    author: 'author-maya-lindqvist',
    categories: ['category-recovery', 'category-stress-and-sleep'],
  },
  {
    _id: 'post-travel-recovery',
    title: 'Long flight, stiff hips: recovering after travel',
    slug: 'long-flight-stiff-hips-recovering-after-travel',
    excerpt:
      'Hours in a seat leave hips tight and backs grumpy. Simple things to do in the air, on arrival and the day after to feel like yourself again.',
    publishedAt: '2026-07-14T07:00:00Z',
    createdDaysBefore: 5,
    updatedDaysAfter: 2,
    mainImage: { file: 'hero-travel-recovery.jpg', credit: illustration },
    author: 'author-priya-raman',
    categories: ['category-recovery', 'category-desk-life'],
  },
  {
    _id: 'post-what-happens-during-robotic-massage',
    title: 'What happens to your body during a robotic massage?',
    slug: 'what-happens-to-your-body-during-a-robotic-massage',
    excerpt:
      'Muscles, nerves and a mind that slowly goes quiet: a therapist explains what a robot-delivered massage does, and what it does not, from the first minute to the last.',
    publishedAt: '2026-09-22T08:00:00Z',
    createdDaysBefore: 14,
    updatedDaysAfter: 30,
    mainImage: {
      file: 'hero-what-happens-during-robotic-massage.jpg',
      caption: 'A steady, padded touch: the arm follows a routine written by our therapists.',
      credit: illustration,
    },
    author: 'author-maya-lindqvist',
    categories: ['category-inside-the-studio', 'category-recovery'],
    reviewedBy: 'author-daniel-okafor',
    relatedPosts: ['post-massage-focus-and-stress', 'post-first-session-what-to-expect', 'post-safety-sensors-and-stops'],
    seo: {
      metaTitle: 'What happens to your body in a robotic massage?',
      metaDescription:
        'A therapist explains what robotic massage does to muscles and the nervous system, what it feels like, and what it cannot do. Honest, practical and calm.',
      ogImage: 'og-what-happens-during-robotic-massage.jpg',
    },
  },
  {
    _id: 'post-designing-a-routine',
    title: 'Behind the routine: how our therapists teach the robot',
    slug: 'how-therapists-design-a-robotic-massage-routine',
    excerpt:
      'Every stroke the arm makes was first worked out by a therapist. A look at how a routine goes from hands on a back to movements a robot can repeat.',
    publishedAt: '2026-11-10T08:00:00Z',
    createdDaysBefore: 9,
    updatedDaysAfter: 3,
    mainImage: { file: 'hero-designing-a-routine.jpg', credit: illustration },
    author: 'author-daniel-okafor',
    categories: ['category-inside-the-studio'],
    relatedPosts: ['post-safety-sensors-and-stops', 'post-what-happens-during-robotic-massage'],
  },
];

// Drafts for testing the drafts perspective.
export const drafts = [
  {
    // A new article that has never been published.
    _id: 'drafts.post-breathing-between-sets',
    title: 'Breathing between sets: a 60-second reset for lifters',
    slug: 'breathing-between-sets',
    excerpt:
      'Rest periods are for more than scrolling. A one-minute breathing pattern that helps your heart rate settle before the next set.',
    publishedAt: '2026-11-24T08:00:00Z',
    createdAt: '2026-11-18T15:20:00Z',
    updatedAt: '2026-11-23T17:05:00Z',
    mainImage: { file: 'hero-breathing-between-sets.jpg', credit: illustration },
    author: 'author-daniel-okafor',
    categories: ['category-sports'],
  },
  {
    // An edited, unpublished version of a published post: only the title changed.
    _id: 'drafts.post-how-often-should-you-get-a-massage',
    basedOn: 'post-how-often-should-you-get-a-massage',
    title: 'How often should you really get a massage? A therapist’s rule of thumb',
    updatedAt: '2026-11-21T11:42:00Z',
  },
];
