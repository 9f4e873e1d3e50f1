/** Contacts an action can be addressed to, as the pages receive them from the datasets. */

/** An ICE ERO field office as ice_field_offices lists it. */
export interface FieldOffice {
  office_id: string;
  aor_code: string;
  aor_name: string;
  office_name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  zip4: string | null;
  phone: string | null;
  phone_note: string | null;
  outreach_email: string | null;
  area_of_responsibility: string;
  source_file: string;
  source_row: number;
}

/** The office and how it was found: the facility's own AOR code, or the office covering its state or county. */
export interface OfficeLink {
  office: FieldOffice;
  how: 'aor' | 'state' | 'county';
  /** "AOR code ATL (…)" or "covers Georgia: <file> row 2". */
  basis: string;
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
