// The debate's exports (server/export/): their addresses and names, for the debate page's links.

export const DEBATE_EXPORTS = [
  { format: "md", label: "Markdown" },
  { format: "json", label: "JSON" },
  { format: "argdown", label: "Argdown" },
] as const;
export type DebateExportFormat = (typeof DEBATE_EXPORTS)[number]["format"];

export const debateExportPath = (debateSlug: string, format: DebateExportFormat) =>
  `/debates/${debateSlug}/export.${format}`;
