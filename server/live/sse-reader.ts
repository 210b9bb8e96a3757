// Test helper: reads an event stream (a Response body) as a browser would, frame by frame.

export type Frame = { id?: string; event?: string; data?: string; comment?: string; retry?: string };

export function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let done = false;
  const frames: Frame[] = [];

  function parse() {
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const frame: Frame = {};
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) frame.comment = line.slice(1).trim();
        else {
          const at = line.indexOf(":");
          const field = line.slice(0, at) as keyof Frame;
          frame[field] = line.slice(at + 1).replace(/^ /, "");
        }
      }
      frames.push(frame);
    }
  }

  return {
    frames,
    get done() {
      return done;
    },
    /** Reads until a frame matches (returning it) or the stream ends (returning null). */
    async until(match: (frame: Frame) => boolean): Promise<Frame | null> {
      let seen = 0;
      for (;;) {
        for (; seen < frames.length; seen++) if (match(frames[seen]!)) return frames.splice(0, seen + 1).at(-1)!;
        if (done) return null;
        const chunk = await reader.read();
        if (chunk.done) done = true;
        else buffer += decoder.decode(chunk.value, { stream: true });
        parse();
      }
    },
    /** Reads to the end; what was left. */
    async rest(): Promise<Frame[]> {
      await this.until(() => false);
      return frames.splice(0);
    },
    cancel: () => reader.cancel(),
  };
}
