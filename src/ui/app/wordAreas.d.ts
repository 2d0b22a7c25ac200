// The English words of one area of src/i18n/wordAreas.ts, served by scripts/catalogs.ts: message ids to parsed messages.
declare module 'virtual:words/*' {
  const words: Readonly<Record<string, string | import('@formatjs/icu-messageformat-parser').MessageFormatElement[]>>;
  export default words;
}
