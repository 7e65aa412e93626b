import type { Random } from './random';

/**
 * Topics and publishers for the generated corpus. Real topics come as specific ones plus an
 * umbrella (`Coronavirus in US` + `Coronavirus`); real publishers are many, most with one or two
 * stories (1,252 providers over 6,241 files, the largest with 202).
 */

/** `'a, b, c'` -> `['a', 'b', 'c']`: keeps long name lists on a few lines. */
const list = (names: string): readonly string[] => names.split(', ');

export interface Topic {
  name: string;
  umbrella: string;
}

const umbrellas: Record<string, readonly string[]> = {
  Coronavirus: list(
    'New Cases, Treatment, Vaccines, Travel Impact, Stock Impact, Economic Impact, Political Impact, Education Impact',
  ),
  Technology: list(
    'AI, Machine Learning, Cybersecurity, Smartphones, Semiconductors, Cloud Computing, Social Media, Startups',
  ),
  Politics: list(
    'Elections, Congress, Supreme Court, Immigration, Foreign Policy, State Legislatures, Polling, Campaign Finance',
  ),
  Business: list('Stock Market, Earnings, Mergers, Retail, Real Estate, Banking, Labor, Small Business'),
  Science: list(
    'Space Exploration, Physics, Genetics, Archaeology, Astronomy, Oceans, Neuroscience, Chemistry',
  ),
  Health: list(
    'Mental Health, Nutrition, Cancer Research, Hospitals, Drug Prices, Public Health, Fitness, Sleep',
  ),
  Climate: list(
    'Wildfires, Hurricanes, Renewable Energy, Emissions, Drought, Flooding, Heat Waves, Conservation',
  ),
  Sports: list('Football, Basketball, Baseball, Soccer, Tennis, Golf, Hockey, Olympics'),
  Entertainment: list('Movies, Television, Music, Streaming, Celebrities, Video Games, Books, Theater'),
  Travel: list('Airlines, Cruises, Hotels, National Parks, Passports, Road Trips, Airports, Tourism'),
  Education: list(
    'Colleges, Student Loans, K-12 Schools, Teachers, Testing, School Boards, Online Learning, Scholarships',
  ),
  Economy: list(
    'Inflation, Interest Rates, Jobs Report, Housing Market, Trade, Supply Chains, Consumer Spending, Recession',
  ),
};

const regions = list(
  'US, Asia, Europe, Canada, China, Japan, South Korea, India, Australia, UK, Africa, Latin America, Middle East, Germany, France, Brazil',
);

/**
 * 300 topics in popularity order: specific topics first (drawn Zipf-like), then the umbrellas.
 * The order is shuffled once with the corpus seed so popular topics are spread over umbrellas.
 */
export function makeTopics(random: Random): { specific: Topic[]; umbrellas: string[] } {
  const specific: Topic[] = [];
  for (const [umbrella, subjects] of Object.entries(umbrellas)) {
    for (const name of subjects) specific.push({ name, umbrella });
    for (const region of regions) specific.push({ name: `${umbrella} in ${region}`, umbrella });
  }
  for (let i = specific.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [specific[i], specific[j]] = [specific[j]!, specific[i]!];
  }
  return { specific, umbrellas: Object.keys(umbrellas) };
}

export interface Provider {
  name: string;
  domain: string;
  logo: boolean;
}

const cities = list(
  'Houston, Denver, Boston, Seattle, Miami, Atlanta, Dallas, Phoenix, Portland, Detroit, Chicago, Tampa, Austin, Raleigh, Omaha, Tulsa, Toledo, Fresno, Reno, Boise, Spokane, Albany, Dayton, Akron, Mobile, Macon, Salem, Eugene, Erie, Flint, Lansing, Madison, Topeka, Wichita, Toronto, Ottawa, Calgary, Halifax, Winnipeg, Regina, Sydney, Perth, Leeds, Bristol, Dublin, Glasgow, Cardiff, Auckland, Singapore, Manila, Nairobi, Lagos, Mumbai, Delhi, Montréal, Québec',
);
const papers = list(
  'Chronicle, Post, Herald, Tribune, Gazette, Journal, News, Daily News, Star, Observer, Record, Courier, Sentinel, Register, Dispatch, Press, Examiner, Times, Independent, Business Journal, Free Press, Star-Ledger',
);
const brandHeads = list(
  'Tech, Silicon, Market, Geek, Data, Cyber, Health, Money, Daily, Wire, Signal, Pulse, Beacon, Insight, Crunch, Verge, Nova, Zen, Bright, Fast',
);
const brandTails = list(
  'ANGLE, Watch, Wire, Beat, Radar, Report, Insider, Today, Digest, Hub, Buzz, Line, Feed, Scope, Voice, Desk',
);
const letters = 'ABCDEFGHIJKLMNOPRSTVWXYZ';
const tlds = [
  ['com', 78],
  ['co.uk', 5],
  ['ca', 5],
  ['com.au', 3],
  ['org', 4],
  ['net', 3],
  ['news', 2],
] as const;

/** `count` distinct publishers; names are plain YAML scalars like the real ones (`Barron's`, `CBS Boston / WBZ`). */
export function makeProviders(random: Random, count: number): Provider[] {
  const seen = new Set<string>();
  const providers: Provider[] = [];
  while (providers.length < count) {
    const name = providerName(random);
    if (seen.has(name)) continue;
    seen.add(name);
    const slug = name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]/g, '');
    providers.push({ name, domain: `${slug}.${random.weighted(tlds)}`, logo: random.chance(0.21) });
  }
  return providers;
}

function providerName(random: Random): string {
  const roll = random.next();
  if (roll < 0.55) return `${random.pick(cities)} ${random.pick(papers)}`;
  if (roll < 0.8) return `${random.pick(brandHeads)}${random.pick(brandTails)}`;
  const call = Array.from({ length: random.int(3, 4) }, () => random.pick(letters.split(''))).join('');
  if (roll < 0.9) return `${call} ${random.pick(cities)}`;
  if (roll < 0.95) return `${random.pick(cities)} ${random.pick(['Business', 'Weekly', 'Report'])} / ${call}`;
  return `${random.pick(['Barron', 'Becker', 'Crain', 'Citizen', 'Oklahoma'])}'s ${random.pick(papers)}`;
}

/** Region codes as the raw data writes them in `tags`, most frequent first. */
export const regionTags = list(
  'CA, US, CN, UK, GB, US-CA, JP, AU, SG, US-WI, US-TX, US-NC, US-OH, US-IA, US-MN, US-VA, US-PA, US-WA, US-OR, US-LA, CA-ON, US-TN, US-MS, US-SC, CN-HK, US-IN, US-HI, US-OK, US-NY, US-MO, US-AR, US-AK, US-UT, CN-SH, US-KY, CA-QC, US-KS, CA-NS, CA-AB, SE, US-FL, US-MT, KR, IN, ES, US-ID, CA-BC, US-SD, US-NM, US-ND, US-MA, CA-MB, IT',
);
