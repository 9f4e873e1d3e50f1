/** USPS codes of US states, DC and territories by name: shared by the ingest and the site. */
export const STATE_CODES: Record<string, string> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT', Delaware: 'DE',
  'District of Columbia': 'DC', Florida: 'FL', Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL', Indiana: 'IN', Iowa: 'IA',
  Kansas: 'KS', Kentucky: 'KY', Louisiana: 'LA', Maine: 'ME', Maryland: 'MD', Massachusetts: 'MA', Michigan: 'MI', Minnesota: 'MN',
  Mississippi: 'MS', Missouri: 'MO', Montana: 'MT', Nebraska: 'NE', Nevada: 'NV', 'New Hampshire': 'NH', 'New Jersey': 'NJ',
  'New Mexico': 'NM', 'New York': 'NY', 'North Carolina': 'NC', 'North Dakota': 'ND', Ohio: 'OH', Oklahoma: 'OK', Oregon: 'OR',
  Pennsylvania: 'PA', 'Rhode Island': 'RI', 'South Carolina': 'SC', 'South Dakota': 'SD', Tennessee: 'TN', Texas: 'TX', Utah: 'UT',
  Vermont: 'VT', Virginia: 'VA', Washington: 'WA', 'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY',
  'Puerto Rico': 'PR', Guam: 'GU', 'United States Virgin Islands': 'VI', 'Commonwealth of the Northern Mariana Islands': 'MP', 'American Samoa': 'AS',
};

export const STATE_NAMES: Record<string, string> = Object.fromEntries(Object.entries(STATE_CODES).map(([n, c]) => [c, n]));

/** The 50 states and DC, the jurisdictions with state pages. */
export const STATES_AND_DC = Object.entries(STATE_CODES)
  .filter(([, c]) => !['PR', 'GU', 'VI', 'MP', 'AS'].includes(c))
  .map(([name, code]) => ({ code, name }));

/** Every code above with its name: states, DC and territories (the change feeds, one each). */
export const ALL_STATES = Object.entries(STATE_CODES).map(([name, code]) => ({ code, name }));
