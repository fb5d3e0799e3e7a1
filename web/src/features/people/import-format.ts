// The CSV layout the import accepts, shown on the import page and offered as a
// template. Lists inside one cell are separated by semicolons, so cells stay unquoted.
export const importColumns = [
  { name: 'name', required: true, meaning: 'Full name.', example: 'Ana Souza' },
  { name: 'email', required: true, meaning: 'E-mail address; an existing person with it is updated.', example: 'ana@example.com' },
  { name: 'title', required: false, meaning: 'Job title.', example: 'Store manager' },
  { name: 'languages', required: false, meaning: 'ISO 639-1 codes, separated by semicolons.', example: 'pt;en' },
  { name: 'skills', required: false, meaning: 'topic:level pairs (level 1–5), separated by semicolons.', example: 'returns:4;loyalty:3' },
  { name: 'time_zone', required: false, meaning: 'IANA time zone.', example: 'Europe/Lisbon' },
  { name: 'capacity', required: false, meaning: 'Open conversations handled at once.', example: '5' },
  { name: 'status', required: false, meaning: 'active, away or left.', example: 'active' },
  { name: 'spoke', required: false, meaning: 'Name of an existing spoke to join.', example: 'Lisbon Store' },
  { name: 'role', required: false, meaning: 'hub_admin, pr_lead, spoke_lead, volunteer or analyst; in the spoke, or organization-wide without one.', example: 'volunteer' },
] as const;

export const importTemplate = [
  importColumns.map((column) => column.name).join(','),
  importColumns.map((column) => column.example).join(','),
  'Ben Okafor,ben@example.com,Returns specialist,en,returns:5,Europe/London,3,active,,volunteer',
].join('\n') + '\n';
