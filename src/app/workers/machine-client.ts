// The page's side of the emulator Worker. The Worker (and the machine's code with it) is only
// loaded on the first boot. Frames go straight to whoever draws them (not through React);
// the status goes into a small zustand store for the status line and the buttons.
import * as Comlink from 'comlink';
import { create } from 'zustand';
import type { TextFrame } from '../vga/frame.ts';
import type { MachineStatus } from './machine-runner.ts';
import type { MachineWorkerApi } from './machine.worker.ts';

export const useMachine = create<MachineStatus>(() => ({ state: 'off', image: null, mips: 0 }));

type FrameListener = (frame: TextFrame) => void;
const frameListeners = new Set<FrameListener>();

/** Calls `listener` with every frame the machine posts; returns the function that stops it. */
export function onFrame(listener: FrameListener): () => void {
  frameListeners.add(listener);
  return () => frameListeners.delete(listener);
}

let remote: Comlink.Remote<MachineWorkerApi> | null = null;

type SerialListener = (text: string) => void;
let serialListener: SerialListener | null = null;
/** Whether the running guest's COM1 goes to the terminal (QEMU's `-serial stdio`). */
let serialToTerminal = false;
const serialDecoder = new TextDecoder();

/** Where COM1's text goes when a boot asked for it (the terminal). */
export function onSerialText(listener: SerialListener): void {
  serialListener = listener;
}

/** Rejects when the Worker fails (it could not load, or threw outside the machine's guard). */
let workerFailed: Promise<never> | null = null;
let workerHandle: Worker | null = null;

function worker(): Comlink.Remote<MachineWorkerApi> {
  if (remote) return remote;
  const w = new Worker(new URL('./machine.worker.ts', import.meta.url), { type: 'module', name: 'bootlab-machine' });
  workerHandle = w;
  workerFailed = new Promise<never>((_, reject) => {
    w.addEventListener('error', (e) => {
      const message = `the emulator stopped: ${e.message || 'its worker could not be loaded'}`;
      useMachine.setState({ state: 'error', image: useMachine.getState().image, mips: 0, message }, true);
      reject(new Error(message));
      // the next boot starts a fresh worker
      remote = null;
      w.terminate();
    });
  });
  workerFailed.catch(() => {});
  remote = Comlink.wrap<MachineWorkerApi>(w);
  void remote.onFrame(Comlink.proxy((frame: TextFrame) => {
    for (const l of frameListeners) l(frame);
  }));
  void remote.onStatus(Comlink.proxy((status: MachineStatus) => useMachine.setState(status, true)));
  void remote.onSerial(Comlink.proxy((bytes: Uint8Array) => {
    if (serialToTerminal) serialListener?.(serialDecoder.decode(bytes, { stream: true }));
  }));
  return remote;
}

/** What the shell and the buttons use to drive the PC. */
export const machine = {
  /**
   * Powers on the PC with this disk image (copied: the file system keeps its own bytes);
   * `serial`: COM1's output goes to the terminal.
   */
  async boot(image: Uint8Array | null, name: string, opts: { serial?: boolean } = {}): Promise<void> {
    serialToTerminal = opts.serial ?? false;
    const w = worker();
    if (!image) return Promise.race([w.boot(null, name), workerFailed!]);
    const copy = image.slice();
    await Promise.race([w.boot(Comlink.transfer(copy, [copy.buffer]), name), workerFailed!]);
  },
  async reset(): Promise<void> {
    if (remote) await remote.reset();
  },
  async pause(): Promise<void> {
    if (remote) await remote.pause();
  },
  async resume(): Promise<void> {
    if (remote) await remote.resume();
  },
  /** Switches the PC off; a worker that does not answer within a second is ended outright. */
  async powerOff(): Promise<void> {
    if (!remote) return;
    const answered = await Promise.race([
      remote.powerOff().then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
    ]);
    if (!answered) {
      workerHandle?.terminate();
      remote = null;
      useMachine.setState({ state: 'off', image: null, mips: 0 }, true);
    }
  },
  /** Asks for the whole screen again (a canvas that was just made has nothing on it). */
  repaint(): void {
    if (remote) void remote.repaint();
  },
  key(code: string, key: string, release: boolean): void {
    if (remote) void remote.key(code, key, release);
  },
};
