/** Contacts an action can be addressed to, as the pages receive them from the datasets. */
export interface FieldOffice {
  office_name: string;
  aor_code: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  phone_note: string | null;
  outreach_email: string | null;
  source_file: string;
  source_row: number;
}

export interface Member {
  id: string;
  name: string;
  type: 'sen' | 'rep';
  state: string;
  district: number | null;
  party: string | null;
  phone: string | null;
  url: string | null;
  contact_form: string | null;
  address: string | null;
}

/** Where member contacts come from (the legislators dataset's source, from datapackage.json). */
export interface ContactSource {
  title: string;
  publisher: string;
  path?: string;
  via?: string;
}
// The House's own look-up by full address, for ZIPs that span several districts.
export const HOUSE_LOOKUP = 'https://www.house.gov/representatives/find-your-representative';

export const memberTitle = (m: Member) => (m.type === 'sen' ? `Senator ${m.name}` : `Representative ${m.name}`);
export const seat = (m: Member) => (m.type === 'sen' ? `${m.state} senator` : m.district === 0 ? `${m.state} at-large` : `${m.state}-${m.district}`);
