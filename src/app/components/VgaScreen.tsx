// The emulated PC's screen: a 720×400 canvas (80×25 cells of 9×16 pixels) drawn from the
// worker's frames by TextModeRenderer, the text mirror beside it (screen readers, tests), the
// status line and the machine's buttons. Keys pressed while the canvas has focus go to the
// guest's PS/2 keyboard (Tab still moves focus on, so the page never traps it). Files dropped
// on the screen are uploaded (see state/upload.ts).
import { useEffect, useRef, useState } from 'react';
import { onFrame, machine, useMachine } from '../workers/machine-client.ts';
import type { MachineStatus } from '../workers/machine-runner.ts';
import { SCREEN_HEIGHT, SCREEN_WIDTH } from '../vga/frame.ts';
import { TextModeRenderer } from '../vga/renderer.ts';
import { screenTextFromCells } from '../vga/text.ts';
import { vgaStats } from '../vga/stats.ts';
import { fitScreen } from '../vga/fit.ts';
import { bootCommand, runCommand } from '../state/shell.ts';
import { uploadFile } from '../state/upload.ts';
import { vfs } from '../state/project.ts';
import { bootableImage } from '../state/disk-image.ts';

function statusText(s: MachineStatus): string {
  const img = s.image ? ` · ${s.image}` : '';
  const mips = s.mips > 0 ? ` · ${s.mips >= 10 ? s.mips.toFixed(0) : s.mips.toFixed(1)} MIPS` : '';
  switch (s.state) {
    case 'off': return 'Powered off';
    case 'running': return `Running${img}${mips}`;
    case 'waiting': return `Waiting for an interrupt${img}`;
    case 'paused': return `Paused${img}`;
    case 'halted': return `Halted (hlt with interrupts off)${img}`;
    case 'triple-fault': return `Triple fault: ${s.message ?? 'the CPU shut down'}${img}`;
    case 'error': return `Stopped: ${s.message ?? 'the emulator failed'}${img}`;
    case 'debug-exit': {
      const code = s.exitCode ?? 0;
      return `Exited through the debug-exit port: ${code} (0x${code.toString(16)}; QEMU would exit with status ${((code << 1) | 1) & 0xff})${img}`;
    }
  }
}

const LED: Record<MachineStatus['state'], string> = {
  off: 'off', running: 'on', waiting: 'on', paused: 'paused', halted: 'stopped', 'triple-fault': 'fault', 'debug-exit': 'stopped', error: 'fault',
};

function useScreen(canvas: React.RefObject<HTMLCanvasElement | null>, mirror: React.RefObject<HTMLPreElement | null>) {
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const renderer = new TextModeRenderer();
    // One ImageData over the renderer's pixels, made once: frames only write into it.
    const image = new ImageData(new Uint8ClampedArray(renderer.pixels.buffer), SCREEN_WIDTH, SCREEN_HEIGHT);
    // The text mirror follows at most every 100 ms (building its text allocates strings; the
    // canvas does not): the newest cells are kept and written when the timer fires.
    let mirrorCells: Uint16Array | null = null;
    let mirrorTimer: ReturnType<typeof setTimeout> | undefined;
    const writeMirror = () => {
      mirrorTimer = undefined;
      if (!mirrorCells || !mirror.current || useMachine.getState().state === 'off') return;
      const text = screenTextFromCells(mirrorCells);
      if (mirror.current.textContent !== text) mirror.current.textContent = text;
    };
    const stop = onFrame((frame) => {
      const started = performance.now();
      const d = renderer.render(frame);
      if (d.width > 0) ctx.putImageData(image, 0, 0, d.x, d.y, d.width, d.height);
      if (frame.cells) {
        mirrorCells = frame.cells;
        mirrorTimer ??= setTimeout(writeMirror, 100);
      }
      const ms = performance.now() - started;
      vgaStats.frames++;
      vgaStats.totalMs += ms;
      if (ms > vgaStats.maxMs) vgaStats.maxMs = ms;
      if (d.width === SCREEN_WIDTH && d.height === SCREEN_HEIGHT) {
        vgaStats.fullFrames++;
        vgaStats.fullMs += ms;
      }
    });
    // Powered off: a dark screen that says so. The renderer forgets what it drew, so the next
    // PC's first frame paints every cell over it.
    const noSignal = () => {
      renderer.invalidate();
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.fillStyle = '#555';
      ctx.font = '28px ui-monospace, "DejaVu Sans Mono", monospace';
      ctx.textAlign = 'center';
      ctx.fillText('— no signal —', c.width / 2, c.height / 2);
      if (mirror.current) mirror.current.textContent = '';
    };
    if (useMachine.getState().state === 'off') noSignal();
    else machine.repaint();
    const unsubscribe = useMachine.subscribe((now, before) => {
      if (now.state === 'off' && before.state !== 'off') noSignal();
    });
    return () => {
      stop();
      unsubscribe();
      clearTimeout(mirrorTimer);
    };
  }, [canvas, mirror]);
}

/**
 * The screen as large as its frame allows (vga/fit.ts: 720:400, a whole scale from 1× up,
 * smoothed below 1× where nearest-neighbour would drop pixel rows). On a phone the pane grows
 * with the screen, so only the width limits it. At 1:1 the stylesheet sets 720×400.
 */
function useScreenFit(frame: React.RefObject<HTMLDivElement | null>, canvas: React.RefObject<HTMLCanvasElement | null>, actualSize: boolean) {
  useEffect(() => {
    const box = frame.current;
    const c = canvas.current;
    if (!box || !c || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      if (actualSize) {
        c.style.width = c.style.height = '';
        c.classList.add('crisp');
        return;
      }
      const style = getComputedStyle(box);
      const width = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const fixedHeight = box.parentElement ? getComputedStyle(box.parentElement).display === 'flex' : true;
      const height = fixedHeight ? box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) : Infinity;
      const size = fitScreen(width, height, devicePixelRatio);
      if (size.width <= 0) return; // hidden (a collapsed pane): keep the last size
      c.style.width = `${size.width}px`;
      c.style.height = `${size.height}px`;
      c.classList.toggle('crisp', size.crisp);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    fit();
    return () => observer.disconnect();
  }, [frame, canvas, actualSize]);
}

/**
 * Keys for the guest. A physical keyboard types on the focused canvas. A phone's on-screen
 * keyboard only opens for a text field, so a touch on the canvas focuses a transparent input
 * laid over it; what the on-screen keyboard types arrives there as text (`beforeinput`: its
 * keydown events carry no key) and is sent as key presses.
 */
function useKeyboard(canvas: React.RefObject<HTMLCanvasElement | null>, softInput: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const c = canvas.current;
    const soft = softInput.current;
    if (!c || !soft) return;
    const held = new Map<string, string>();
    const down = (e: KeyboardEvent) => {
      if (e.key === 'Tab') return; // keep the page navigable by keyboard
      if (e.key === 'Unidentified' || e.isComposing) return; // an on-screen keyboard: see beforeinput
      e.preventDefault();
      e.stopPropagation();
      held.set(e.code, e.key);
      machine.key(e.code, e.key, false);
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === 'Tab' || e.key === 'Unidentified') return;
      e.preventDefault();
      // released as what was pressed ('H' pressed with Shift may come back up as 'h')
      const key = held.get(e.code) ?? e.key;
      held.delete(e.code);
      machine.key(e.code, key, true);
    };
    // Leaving the screen releases what is held, or the guest would see a key stuck down.
    const blur = () => {
      for (const [code, key] of held) machine.key(code, key, true);
      held.clear();
    };
    const stroke = (key: string) => {
      machine.key('', key, false);
      machine.key('', key, true);
    };
    const typed = (e: InputEvent) => {
      e.preventDefault();
      if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText') for (const ch of e.data ?? '') stroke(ch);
      else if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') stroke('Enter');
      else if (e.inputType.startsWith('deleteContentBackward')) stroke('Backspace');
      else if (e.inputType.startsWith('deleteContentForward')) stroke('Delete');
    };
    // After a tap the browser focuses the canvas itself (on the click that follows the touch),
    // so the field takes the focus on that click.
    let lastTouch = false;
    const pointed = (e: PointerEvent) => {
      lastTouch = e.pointerType === 'touch';
    };
    const clicked = () => {
      if (lastTouch) soft.focus();
    };
    const targets: HTMLElement[] = [c, soft];
    for (const el of targets) {
      el.addEventListener('keydown', down);
      el.addEventListener('keyup', up);
      el.addEventListener('blur', blur);
    }
    soft.addEventListener('beforeinput', typed);
    c.addEventListener('pointerdown', pointed);
    c.addEventListener('click', clicked);
    return () => {
      for (const el of targets) {
        el.removeEventListener('keydown', down);
        el.removeEventListener('keyup', up);
        el.removeEventListener('blur', blur);
      }
      soft.removeEventListener('beforeinput', typed);
      c.removeEventListener('pointerdown', pointed);
      c.removeEventListener('click', clicked);
    };
  }, [canvas, softInput]);
}

export function VgaScreen() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const mirror = useRef<HTMLPreElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const softInput = useRef<HTMLInputElement>(null);
  const status = useMachine();
  const [dragging, setDragging] = useState(false);
  // Actual size: 720×400 CSS pixels, scrolled inside the frame when the pane is narrower (phones).
  const [actualSize, setActualSize] = useState(false);
  // Enlarged: the pane covers the page, so the screen can be drawn at 1× or more on a laptop
  // whose machine column only fits it at about half size.
  const [enlarged, setEnlarged] = useState(false);
  useScreen(canvas, mirror);
  useKeyboard(canvas, softInput);
  useScreenFit(frame, canvas, actualSize);
  // 1:1 is offered on phones only (app.css): leaving the phone layout leaves it too
  useEffect(() => {
    if (!actualSize || typeof matchMedia === 'undefined') return;
    const wide = matchMedia('(min-width: 861px)');
    const leave = () => {
      if (wide.matches) setActualSize(false);
    };
    leave();
    wide.addEventListener('change', leave);
    return () => wide.removeEventListener('change', leave);
  }, [actualSize]);

  const on = status.state !== 'off';
  const running = status.state === 'running' || status.state === 'waiting';

  const power = () => {
    if (on) {
      void machine.powerOff();
      return;
    }
    // With no disk image in the project the PC starts anyway, as a real one does: its BIOS
    // finds nothing to boot and says so.
    const image = bootableImage();
    void runCommand(image ? bootCommand(image) : 'qemu-system-x86_64');
  };

  const onFiles = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void uploadFile(file).then(() => canvas.current?.focus());
  };

  return (
    <section
      className={`screen-pane${dragging ? ' dragging' : ''}${enlarged ? ' enlarged' : ''}`}
      aria-label="Screen"
      onKeyDown={(e) => {
        // Escape on the canvas belongs to the guest; anywhere else in the pane it shrinks it back
        if (e.key === 'Escape' && enlarged && e.target !== canvas.current) setEnlarged(false);
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles(e.dataTransfer.files);
      }}
    >
      <div className="pane-header">
        <h2>Screen</h2>
        <div className="machine-buttons">
          <button type="button" className="text-button" onClick={power} aria-pressed={on} title={on ? 'Switch the PC off' : 'Switch the PC on (it boots the first disk image of the project, if there is one)'}>
            Power
          </button>
          <button type="button" className="text-button" onClick={() => void machine.reset()} disabled={!on} title="Reset: boot the same image again">
            Reset
          </button>
          <button
            type="button"
            className="text-button"
            onClick={() => void (status.state === 'paused' ? machine.resume() : machine.pause())}
            disabled={!running && status.state !== 'paused'}
          >
            {status.state === 'paused' ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            className="text-button enlarge-button"
            aria-label="Enlarge"
            aria-pressed={enlarged}
            onClick={() => setEnlarged(!enlarged)}
            title={enlarged ? 'Put the screen back in its pane (Esc)' : 'Show the screen over the whole page, as large as it fits'}
          >
            <span aria-hidden="true">⤢</span>
          </button>
          <button
            type="button"
            className="text-button actual-size-button"
            aria-pressed={actualSize}
            onClick={() => setActualSize(!actualSize)}
            title={actualSize ? 'Fit the screen into the pane' : 'Show the screen at its real 720×400 pixels (scroll to see all of it)'}
          >
            1:1
          </button>
          <button type="button" className="text-button" onClick={() => fileInput.current?.click()} title="Add a disk image (or a kernel ELF) to the project and boot it">
            Upload image
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="Disk image to upload"
            onChange={(e) => {
              onFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </div>
      </div>
      <div className={`screen-frame${actualSize ? ' actual-size' : ''}`} ref={frame}>
        <canvas
          ref={canvas}
          width={SCREEN_WIDTH}
          height={SCREEN_HEIGHT}
          aria-label="VGA screen"
          role="img"
          tabIndex={0}
          aria-describedby="vga-keyboard-hint"
        />
        <input
          ref={softInput}
          className="soft-keyboard"
          aria-label="Keyboard of the PC"
          tabIndex={-1}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="enter"
        />
        {dragging && <div className="drop-hint" aria-hidden="true">Drop a disk image to boot it</div>}
      </div>
      <pre className="sr-only" data-testid="vga-text" aria-label="Screen text" aria-live="off" ref={mirror} />
      <div className={`machine-status ${status.state}`} role="status">
        <span className={`led ${LED[status.state]}`} aria-hidden="true" /> <span className="status-text" title={statusText(status)}>{statusText(status)}</span>
      </div>
      <p className="muted small screen-note" id="vga-keyboard-hint">
        {on
          ? <>
              Click the screen to type to the PC (Tab leaves it).
              <span className="enlarge-hint">{enlarged ? ' ⤢ again, or Esc outside the screen, puts it back in its pane.' : ' ⤢ shows it larger.'}</span>
            </>
          : 'Power switches the PC on. To boot a disk image, drop it here, use "Upload image", or run qemu-system-x86_64 in the terminal.'}
      </p>
    </section>
  );
}
