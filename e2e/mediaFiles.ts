// Readers for the files the exports write, so the tests check what was
// written by decoding it, not only by its first bytes: a GIF's blocks walked
// frame by frame, a WebM's packets read back by a demuxer.

import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';

export interface GifFile {
  readonly width: number;
  readonly height: number;
  /** one entry per image: its size and how long it is shown (ms) */
  readonly frames: readonly { readonly width: number; readonly height: number; readonly delayMs: number }[];
  readonly loops: boolean;
}

/** Walk a GIF89a's blocks (header, screen descriptor, extensions, images, trailer); throws on a malformed file. */
export function readGif(bytes: Uint8Array): GifFile {
  const ascii = String.fromCharCode(...bytes.subarray(0, 6));
  if (ascii !== 'GIF89a' && ascii !== 'GIF87a') throw new Error(`not a GIF: ${ascii}`);
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8);
  const width = u16(6);
  const height = u16(8);
  let at = 13;
  const packed = bytes[10]!;
  if (packed & 0x80) at += 3 * (1 << ((packed & 7) + 1));
  const skipSubBlocks = () => {
    for (;;) {
      const size = bytes[at++];
      if (size === undefined) throw new Error('GIF ends inside a block');
      if (size === 0) return;
      at += size;
    }
  };
  const frames: { width: number; height: number; delayMs: number }[] = [];
  let delay = 0;
  let loops = false;
  for (;;) {
    const kind = bytes[at++];
    if (kind === 0x3b) break;
    if (kind === 0x21) {
      const label = bytes[at++];
      if (label === 0xf9) delay = u16(at + 2) * 10;
      if (label === 0xff && String.fromCharCode(...bytes.subarray(at + 1, at + 12)) === 'NETSCAPE2.0') loops = true;
      skipSubBlocks();
    } else if (kind === 0x2c) {
      const w = u16(at + 4);
      const h = u16(at + 6);
      const local = bytes[at + 8]!;
      at += 9;
      if (local & 0x80) at += 3 * (1 << ((local & 7) + 1));
      at++; // LZW minimum code size
      skipSubBlocks();
      frames.push({ width: w, height: h, delayMs: delay });
      delay = 0;
    } else {
      throw new Error(`unexpected GIF block 0x${(kind ?? 0).toString(16)} at ${at - 1}`);
    }
  }
  return { width, height, frames, loops };
}

export interface WebmFile {
  readonly width: number;
  readonly height: number;
  readonly codec: string | null;
  /** the duration the file declares (the Segment's Duration) */
  readonly seconds: number | null;
  /** the encoded frames, with their timestamps and durations (s) */
  readonly packets: readonly { readonly timestamp: number; readonly duration: number }[];
}

/** Demux a WebM file and list every video packet. */
export async function readWebm(bytes: Uint8Array): Promise<WebmFile> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  const packets: { timestamp: number; duration: number }[] = [];
  const sink = new EncodedPacketSink(track);
  for await (const p of sink.packets()) packets.push({ timestamp: p.timestamp, duration: p.duration });
  return {
    width: track.displayWidth, height: track.displayHeight, codec: await track.getCodecParameterString(),
    seconds: await input.getDurationFromMetadata(), packets,
  };
}
