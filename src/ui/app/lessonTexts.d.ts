// The built-in lesson files in every language, served by scripts/lessonTexts.ts.
declare module 'virtual:lesson-texts' {
  const files: readonly unknown[];
  export default files;
}
