/** A headline figure as the pages receive it: one row of data/headline_figures. */
export interface Figure {
  id: string;
  label: string;
  value: number;
  qualifier: string | null;
  unit: string;
  as_of: string;
  period: string | null;
  publisher: string;
  source_title: string;
  source_url: string;
  source_file: string;
  source_sheet: string | null;
  source_row: number | null;
  source_column: string;
  method: string;
}

/** A figure from the organizers' spring-2020 text, checked against a headline figure (data/claims). */
export interface Claim {
  claim_id: string;
  quote: string;
  stated_value: number;
  source_file: string;
  source_line: number;
  checked_against: string;
  checked_value: number;
  verdict: string;
  note: string | null;
}
