// A draggable divider between two panes; also moves with the arrow keys when focused.
import { useCallback, useRef } from 'react';

interface Props {
  orientation: 'vertical' | 'horizontal'; // vertical: a divider between columns
  /** current size of the pane before the divider, in percent of the container */
  value: number;
  min?: number;
  max?: number;
  onChange: (percent: number) => void;
  label: string;
}

export function Splitter({ orientation, value, min = 15, max = 85, onChange, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const clamp = useCallback((v: number) => Math.min(max, Math.max(min, v)), [min, max]);

  const onPointerDown = (e: React.PointerEvent) => {
    const el = ref.current;
    const container = el?.parentElement;
    if (!el || !container) return;
    e.preventDefault();
    el.setPointerCapture(e.pointerId);
    const rect = container.getBoundingClientRect();
    const move = (ev: PointerEvent) => {
      const pct =
        orientation === 'vertical'
          ? ((ev.clientX - rect.left) / rect.width) * 100
          : ((ev.clientY - rect.top) / rect.height) * 100;
      onChange(clamp(pct));
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      document.body.classList.remove('resizing');
    };
    document.body.classList.add('resizing');
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 2;
    const dec = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const inc = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    if (e.key === dec) onChange(clamp(value - step));
    else if (e.key === inc) onChange(clamp(value + step));
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
