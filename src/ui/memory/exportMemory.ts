// Slide-ready exports of the Memory view (Figs. 4-5): the moment at the
// playhead as an SVG or a PNG, 16:9 at 1920x1080 by default or as large as
// on screen, with a caption and a legend (picture.ts); and animations of a
// range (this command, this lesson step, the whole lesson) as a GIF or a
// WebM video, 1920 px wide, one picture per micro-step held as long as the
// player holds it. Pictures are drawn off the page from the timeline
// (moments.ts): the playhead never moves and nothing on screen flickers.

import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { Lesson } from '../../engine/index.ts';
import { totalEvents, useLab } from '../store/labStore.ts';
import { lessonOf, useLessons } from '../lessons/lessonStore.ts';
import { usePrefs } from '../app/prefs.ts';
import { EVENT_MS } from '../timeline/usePlayer.ts';
import { readPalette } from './colours.ts';
import type { Moment, Span } from './moments.ts';
import { commandSpan, momentReader, playLesson, recordedEvents, spanMoments } from './moments.ts';
import type { MomentLabel, Picture } from './picture.ts';
import { memoryPicture, pngOf, rasterise, SLIDE } from './picture.ts';

/** How large a still picture is: a 16:9 slide at 1920x1080, or the view's size on screen. */
export type PictureSize = 'slide' | 'screen';
/** What an animation shows. */
export type AnimationRange = 'command' | 'step' | 'lesson';
export type AnimationFormat = 'gif' | 'webm';

type Made<T> = { ok: true; value: T } | { ok: false; message: string };

/** The lesson open on the page and its step (0-based), if any. */
function openLesson(): { lesson: Lesson; step: number } | null {
  const { opened, custom } = useLessons.getState();
  if (opened?.kind !== 'lesson') return null;
  const lesson = lessonOf(opened, custom);
  return lesson ? { lesson, step: opened.step } : null;
}

function lessonName(lesson: Lesson): string {
  return lesson.number === undefined ? lesson.title : `Lesson ${lesson.number}: ${lesson.title}`;
}

function stepName(lesson: Lesson, step: number): string {
  return `step ${step + 1} of ${lesson.steps.length}: ${lesson.steps[step]?.title ?? ''}`;
}

/** The view's size on screen and its font scale (null when the view is not on the page). */
function screenBox(): { width: number; height: number; scale: number } | null {
  const stage = document.querySelector<HTMLElement>('[data-testid=memory-view] .mem-stage');
  if (!stage || stage.clientWidth < 40) return null;
  const font = parseFloat(getComputedStyle(stage).fontSize) || 15;
  const scale = font / 15;
  // the caption and the legend are added under and over the drawing
  return { width: Math.round(stage.clientWidth), height: Math.round(stage.clientHeight + 6.8 * font), scale };
}

/** The moment at the page's playhead, with its caption. */
function pageMoment(): { moment: Moment; label: MomentLabel } {
  const { shell, position } = useLab.getState();
  const t = shell.timeline;
  const moment = momentReader(t)(position);
  const open = openLesson();
  const boot = t.bootEvents.length;
  return {
    moment,
    label: {
      lesson: open ? lessonName(open.lesson) : null,
      step: open ? stepName(open.lesson, open.step) : null,
      event: moment.position - boot,
      events: totalEvents(shell) - boot,
      tags: usePrefs.getState().tags,
    },
  };
}

/** The Memory view at the playhead as an SVG document, with its caption and legend. */
export async function memorySvg(size: PictureSize = 'slide'): Promise<Made<Picture>> {
  const box = size === 'screen' ? screenBox() : { ...SLIDE, scale: undefined };
  if (!box) return { ok: false, message: 'The Memory view is not on the page: open it, or export at slide size.' };
  const { moment, label } = pageMoment();
  const picture = await memoryPicture({ moment, label, width: box.width, height: box.height, palette: readPalette(document.documentElement), scale: box.scale });
  return { ok: true, value: picture };
}

/** The Memory view at the playhead as a PNG: a slide at 1920x1080, or the view's size on screen at twice its pixels. */
export async function memoryPng(size: PictureSize = 'slide'): Promise<Made<{ png: Blob; width: number; height: number }>> {
  const made = await memorySvg(size);
  if (!made.ok) return made;
  const canvas = await rasterise(made.value, size === 'screen' ? 2 : 1);
  const png = await pngOf(canvas);
  return png ? { ok: true, value: { png, width: canvas.width, height: canvas.height } } : { ok: false, message: 'The browser could not make a PNG.' };
}

/** The frames of an animation: a span of one timeline, and how to caption each moment. */
interface Reel {
  readonly span: Span;
  readonly label: (m: Moment) => MomentLabel;
  readonly name: string;
}

/** What to animate for a range: the page's command at the playhead, or the open lesson's step or whole lesson as written. */
export function reelFor(range: AnimationRange): Made<Reel> {
  const { shell, position } = useLab.getState();
  const open = openLesson();
  if (range === 'command') {
    const span = commandSpan(shell.timeline, position);
    if (!span) return { ok: false, message: 'Move the playhead into a command first (the flip is @A send(ch, a, "hi")).' };
    const boot = shell.timeline.bootEvents.length;
    return {
      ok: true,
      value: {
        span, name: 'command',
        label: (m) => ({
          lesson: open ? lessonName(open.lesson) : null, step: open ? stepName(open.lesson, open.step) : null,
          event: m.position - boot, events: totalEvents(shell) - boot, tags: usePrefs.getState().tags,
        }),
      },
    };
  }
  if (!open) return { ok: false, message: 'Open a lesson first: this range plays its steps.' };
  // the lesson as written, from a fresh lab of the same size: what the student typed does not change the slides
  const played = playLesson(open.lesson, { ...shell.timeline.config });
  const t = played.shell.timeline;
  const boot = t.bootEvents.length;
  const stepAt = (position: number) => Math.max(0, played.steps.findIndex((s) => position <= s.to && position > s.from));
  const label = (m: Moment): MomentLabel => ({
    lesson: lessonName(open.lesson), step: stepName(open.lesson, stepAt(m.position)), event: m.position - boot, events: recordedEvents(t) - boot,
  });
  if (range === 'step') {
    const s = played.steps[open.step];
    if (!s || s.to === s.from) return { ok: false, message: 'This step records no event to animate.' };
    return { ok: true, value: { span: { timeline: t, from: s.from, to: s.to }, label, name: `${open.lesson.id}-step${open.step + 1}` } };
  }
  return { ok: true, value: { span: { timeline: t, from: boot, to: recordedEvents(t) }, label, name: open.lesson.id } };
}

/**
 * How long the player holds each picture at the page's speed. A GIF loops, so
 * its last picture is held three times as long to be read before it starts
 * again; a video stops on its last picture by itself.
 */
export function frameTimes(count: number, speed: number, holdLast: boolean): number[] {
  const each = Math.round(EVENT_MS / speed);
  return Array.from({ length: count }, (_, i) => (holdLast && i === count - 1 ? each * 3 : each));
}

export interface Animation {
  readonly bytes: Uint8Array;
  readonly frames: number;
  readonly ms: number;
  readonly filename: string;
  readonly type: string;
}

/** The width animations are drawn at: a full-HD slide's. */
export const ANIMATION_WIDTH = SLIDE.width;

/** Draw each moment of the reel onto `canvas` (1920x1080) and hand it to `add` with how long it is held. */
async function drawReel(
  reel: Reel, canvas: HTMLCanvasElement, holdLast: boolean, add: (ms: number, index: number) => Promise<void> | void, onProgress?: (done: number, of: number) => void,
): Promise<number[]> {
  const moments = spanMoments(reel.span);
  const times = frameTimes(moments.length, useLab.getState().speed, holdLast);
  const palette = readPalette(document.documentElement);
  for (let i = 0; i < moments.length; i++) {
    const m = moments[i]!;
    const picture = await memoryPicture({ moment: m, label: reel.label(m), width: SLIDE.width, height: SLIDE.height, palette });
    await rasterise(picture, ANIMATION_WIDTH / SLIDE.width, canvas);
    await add(times[i]!, i);
    onProgress?.(i + 1, moments.length);
  }
  return times;
}

/** Every `step`-th pixel of an RGBA image, for choosing a palette. */
export function samplePixels(rgba: Uint8ClampedArray, step: number): Uint8ClampedArray {
  const n = Math.floor(rgba.length / 4 / step);
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) out.set(rgba.subarray(i * step * 4, i * step * 4 + 4), i * 4);
  return out;
}

/** The range as an animated GIF: one frame per micro-step, looping. */
async function gifOf(reel: Reel, onProgress?: (done: number, of: number) => void): Promise<Animation> {
  const gif = GIFEncoder();
  const canvas = document.createElement('canvas');
  const times = await drawReel(reel, canvas, true, (ms) => {
    const rgba = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height).data;
    // the palette from every 7th pixel: a Memory picture is flat colours, and quantizing
    // two million pixels per frame is most of a 1920 px GIF's time
    const palette = quantize(samplePixels(rgba, 7), 256);
    // GIF delays are in hundredths of a second: gifenc takes milliseconds and rounds
    gif.writeFrame(applyPalette(rgba, palette), canvas.width, canvas.height, { palette, delay: ms, repeat: 0 });
  }, onProgress);
  gif.finish();
  return { bytes: gif.bytes(), frames: times.length, ms: times.reduce((a, b) => a + b, 0), filename: `lparlab-${reel.name}.gif`, type: 'image/gif' };
}

/**
 * The range as a WebM video: WebCodecs encodes each picture with its own
 * timestamp and duration (so the video is timed like the player, however
 * long drawing takes), and Mediabunny writes the WebM file.
 */
async function webmOf(reel: Reel, onProgress?: (done: number, of: number) => void): Promise<Made<Animation>> {
  const { BufferTarget, CanvasSource, getFirstEncodableVideoCodec, Output, QUALITY_HIGH, WebMOutputFormat } = await import('mediabunny');
  const codec = await getFirstEncodableVideoCodec(['vp9', 'vp8'], { width: SLIDE.width, height: SLIDE.height });
  if (!codec) return { ok: false, message: 'This browser cannot encode video (WebCodecs VP8/VP9): save a GIF instead.' };
  const canvas = document.createElement('canvas');
  canvas.width = SLIDE.width;
  canvas.height = SLIDE.height;
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH });
  output.addVideoTrack(source);
  await output.start();
  let at = 0;
  const times = await drawReel(reel, canvas, false, async (ms, i) => {
    await source.add(at / 1000, ms / 1000, i === 0 ? { keyFrame: true } : undefined);
    at += ms;
  }, onProgress);
  await output.finalize();
  if (!target.buffer) return { ok: false, message: 'The video could not be written.' };
  return { ok: true, value: { bytes: new Uint8Array(target.buffer), frames: times.length, ms: at, filename: `lparlab-${reel.name}.webm`, type: 'video/webm' } };
}

/** The chosen range as a GIF or a WebM. */
export async function animation(range: AnimationRange, format: AnimationFormat, onProgress?: (done: number, of: number) => void): Promise<Made<Animation>> {
  const reel = reelFor(range);
  if (!reel.ok) return reel;
  if (format === 'gif') return { ok: true, value: await gifOf(reel.value, onProgress) };
  return webmOf(reel.value, onProgress);
}
