/**
 * What the explorer knows of each dataset, taken from datapackage.json at build time: its columns
 * (for the schema browser, the guided form and the editor's completion) and its provenance (cited
 * with every result that reads it).
 */

export interface Field {
  name: string;
  /** Frictionless type: integer, number, string, date, boolean. */
  type: string;
  description: string;
}

export interface Dataset {
  name: string;
  title: string;
  description: string;
  rows: number;
  fields: Field[];
  sources: { title: string; publisher: string; path: string | null }[];
  licenses: { name: string; title: string; path: string | null }[];
  attribution: string;
}

/** The datasets among the tables a query names (CTE names and unknown tables drop out), in catalog order. */
export function datasetsRead(schema: Dataset[], tables: string[]): Dataset[] {
  const named = new Set(tables.map((t) => t.replace(/^.*\./, '').toLowerCase()));
  return schema.filter((d) => named.has(d.name));
}

/** One line per dataset read: what a download carries beside the rows. */
export function provenanceText(datasets: Dataset[]): string {
  return datasets
    .map((d) => `${d.name} (${d.title}). License: ${d.licenses.map((l) => l.title).join('; ')}. ${d.attribution}`)
    .join('\n');
}
