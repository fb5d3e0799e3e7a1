// Advocacy: stories for employees to spread in their own words, their shares and the
// tracked short links that count the clicks each share earned, recognition, measurement
// and the company's aggregate voice.
export { advocacyModule } from './advocacy.module.ts';
export { createTrackedLink, linkStatsOf, shortUrlOf, type TrackedLink, type TrackedLinkInput, type LinkStats } from './links/tracked-links.ts';
export type { UtmTags } from './links/utm-tags.ts';
export { setAdvocacyPaused, advocacySettingsOf, saveAdvocacySettings, type AdvocacySettings } from './shares/advocacy-settings.ts';
export { addStory } from './stories/create-story.ts';
// For insights: shares, reach and clicks per day and sharer to roll up, their earned media value, and tables as CSV for spreadsheets.
export { shareNumbersByDay, type ShareDayNumbers } from './measurement/share-numbers-by-day.ts';
export { earnedMediaValueOf, formulaOf, type EarnedMediaValue, type EarnedMediaValueFormula } from './measurement/earned-media-value.ts';
export { csvTable, type CsvCell } from './measurement/csv-table.ts';
