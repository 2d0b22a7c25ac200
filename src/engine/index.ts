// The engine's public surface: what the page, lparsh and the benchmarks use,
// nothing more (src/imports.test.ts keeps them from reaching past it). Node
// tools that print engine tables may import a module directly (scripts/).
// The engine's own tests import the modules they test.

export type * from './types.js';
export { asPid, asPort, SCP_PID, PAGE_SIZE, RESOURCE_KINDS } from './types.js';
export type { Command, CommandKind } from './command.js';
export type { LabEvent, EventKind, Lane, PatentTag } from './event.js';
export { KERNEL_LANE } from './event.js';
export type { Narration, MessageId } from './narration.js';
export type { UnitPlace } from './machine/processors.js';
export { narrate, frameList } from './narration.js';
export { assertNever } from './assertNever.js';
export type { MapRow, TagStyle } from './patentMap.js';
export { PATENT_MAP, tagLabel, isLabTag, isStep, mapRow, patentMapMarkdown, TAG_STYLES, isTagStyle, tagShown } from './patentMap.js';
export type { Step } from './lab.js';
export { createLab, apply, applyTraced, checkConfig, DEFAULT_CONFIG, MIN_FRAMES, MAX_FRAMES } from './lab.js';
export { checkInvariants } from './invariants.js';
export type { Timeline } from './timeline/timeline.js';
export { startTimeline, record, seek, stepBack, stepForward, stateAt, traceOf, replay, microStates, locateEvent, eventsOf, entryEnd } from './timeline/timeline.js';
export type { CostModel, CostParam } from './costs/costModel.js';
export type { CostPoint } from './costs/costModel.js';
export { DEFAULT_COSTS, COST_PARAMS, costCurve, crossover } from './costs/costModel.js';
export type { FrameCell } from './views/inspect.js';
export type { ShellState, Output, Pending, Effect, Ran, LineTrail, LineOptions } from './shell/shell.js';
export { Lines } from './shell/lines.js';
export { createShell, runLine, interrupt, seekShell, promptOf, completions, contextPid, trailLines } from './shell/shell.js';
export { formatOutput, jsonLine, toJsonLine, transcript } from './shell/format.js';
export { visible, jsonText } from './shell/visible.js';
export { wholeNumber } from './shell/wholeNumber.js';
export { MAX_LINE } from './shell/parser.js';
export { hex } from './hex.js';
export type { ShellValue } from './shell/values.js';
export { show } from './shell/values.js';
export type { Cell, Line, Narrated, Row, Words, WordValue } from './words.js';
export { layRows } from './shell/table.js';
export type { LaidCell } from './shell/table.js';
export { CALLS, CONSTANTS, signature, summaryWords, refWords, signatureWords, paramKey } from './shell/calls.js';
export { PEOPLE_TABLE, usageWords, peopleKey } from './shell/commands.js';
export type { Lesson, LessonStep, Challenge, StepCheck, LineError } from './lessons/lesson.js';
export type { Offer } from './lessons/suggest.js';
export { suggestChecks } from './lessons/suggest.js';
export { checkStep, latch, solutionOf, runSolution, runChallenge, playChallenge, firstError } from './lessons/lesson.js';
export type { Highlight, Rule, RuleResult, Compare } from './lessons/rules.js';
export { asksFor, namesOf, NAME_PARAMS, COUNT_WHAT, callOfLine } from './lessons/rules.js';
export { LESSONS, CHALLENGES, BUILTIN_FILES, findLesson, findChallenge, findBuiltinFile, lessonsIn, challengesIn, findLessonIn, findChallengeIn, addBuiltinLanguage } from './lessons/catalog.js';
export type { AddLanguageResult } from './lessons/catalog.js';
export type { LessonFile, LessonFileResult, LessonLanguage, LessonText } from './lessons/format.js';
export { WHOLE_FILE } from './untrusted.js';
export { LESSON_FORMAT, LESSON_VERSION, LESSON_LANGUAGES, LESSON_LIMITS, isLessonLanguage, languagesOf, textIn, RULE_PARAMS, RULE_NAMES, validateLesson, parseLessonFile, refusal } from './lessons/format.js';
export { lessonFileText, lessonToData } from './lessons/writeLesson.js';
export type { Exercise, ExerciseKind } from './lessons/exercises.js';
export { EXERCISE_KINDS, generateExercise } from './lessons/exercises.js';
// view models: state -> what each view of the page draws
export * from './views/memoryView.js';
export * from './views/sequenceView.js';
export * from './views/machineView.js';
export * from './views/layersView.js';
export * from './views/socketsView.js';
export type { Assignment, AssignmentResult, Task } from './homework/assignment.js';
export { ASSIGNMENT_FORMAT, ASSIGNMENT_VERSION, ASSIGNMENT_LIMITS, parseAssignment, validateAssignment, studentId, variantSeed, taskName, lessonHash } from './homework/assignment.js';
export type { Submission, SubmissionResult, TaskWork, Claimed } from './homework/submission.js';
export { SUBMISSION_FORMAT, SUBMISSION_VERSION, SUBMISSION_LIMITS, HANDIN_CODE_PREFIX, parseSubmission, validateSubmission, submissionData, submissionFileName } from './homework/submission.js';
export type { AcceptAnswers, TaskGrade, SubmissionGrade } from './homework/grade.js';
export { gradeTask, gradeSubmission, canonicalLines, sameAnswer } from './homework/grade.js';
