// The emulator Worker: one MachineRunner driven in slices of at most 8 ms of guest work. Between
// slices the worker goes back to its event loop (a message to itself, which unlike setTimeout
// is not clamped to 4 ms), so the page's calls (keys, pause, reset) get through promptly.
// The page talks to it through comlink (see machine-client.ts).
import * as Comlink from 'comlink';
import type { TextFrame } from '../vga/frame.ts';
import { MachineRunner, type MachineStatus } from './machine-runner.ts';

type FrameListener = (frame: TextFrame) => void;
type StatusListener = (status: MachineStatus) => void;
type SerialListener = (bytes: Uint8Array) => void;

let frameListener: FrameListener | null = null;
let statusListener: StatusListener | null = null;
let serialListener: SerialListener | null = null;

const runner = new MachineRunner({
  frame(frame) {
    if (!frameListener) return;
    frameListener(frame.cells ? Comlink.transfer(frame, [frame.cells.buffer]) : frame);
  },
  status(status) {
    statusListener?.(status);
  },
  serial(bytes) {
    serialListener?.(Comlink.transfer(bytes, [bytes.buffer]));
  },
});

// At most one slice is ever waiting to run: either a message to ourselves or a timer.
const wake = new MessageChannel();
let messagePending = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function loop(): void {
  const wait = runner.runSlice();
  if (wait !== null) schedule(wait);
}
wake.port1.onmessage = () => {
  messagePending = false;
  loop();
};

function schedule(waitMs: number): void {
  if (messagePending || timer !== undefined) return;
  if (waitMs <= 0) {
    messagePending = true;
    wake.port2.postMessage(null);
  } else {
    timer = setTimeout(() => {
      timer = undefined;
      loop();
    }, waitMs);
  }
}

/** Runs the next slice at once (after a boot, reset or resume), dropping a pending sleep. */
function restart(): void {
  if (timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
  schedule(0);
}

setInterval(() => runner.blink(), MachineRunner.blinkHalfPeriodMs);

const api = {
  onFrame(listener: FrameListener) {
    frameListener = listener;
    runner.repaint();
  },
  onStatus(listener: StatusListener) {
    statusListener = listener;
  },
  onSerial(listener: SerialListener) {
    serialListener = listener;
  },
  boot(image: Uint8Array | null, name: string) {
    runner.boot(image, name);
    restart();
  },
  reset() {
    runner.reset();
    restart();
  },
  pause() {
    runner.pause();
  },
  resume() {
    runner.resume();
    restart();
  },
  powerOff() {
    runner.powerOff();
  },
  key(code: string, key: string, release: boolean) {
    runner.key(code, key, release);
  },
  repaint() {
    runner.repaint();
  },
  screenText() {
    return runner.screenText();
  },
};

export type MachineWorkerApi = typeof api;

Comlink.expose(api);
