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
