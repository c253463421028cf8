'use client';

import { animate, useMotionValue, useReducedMotion } from 'motion/react';
import { useEffect, useLayoutEffect, useRef, type PointerEvent, type ReactNode, type RefObject } from 'react';
import { Icon } from '../ui/icon';
import { sheetStaysOpen, type LayoutMode } from '@/workspace/layout-mode';

interface ChatPanelProps {
  id: string;
  layout: LayoutMode;
  /** Phones: whether the bottom sheet is up. */
  sheetOpen: boolean;
  onSheetOpenChange: (open: boolean) => void;
  /** Phones: what gets focus back when the sheet closes (the button that opened it). */
  focusOnCloseRef: RefObject<HTMLElement | null>;
  /** Tablets: the Code tab is showing instead. */
  hiddenByTab: boolean;
  children: ReactNode;
}

/** Percent of the sheet's own height it is pushed down: 0 open, 100 closed. */
const OPEN = 0;
const CLOSED = 100;
/** Movement (px) below which a press on the handle is a tap, not a drag. */
const TAP_SLOP_PX = 4;

const SPRING = { type: 'spring', stiffness: 420, damping: 40 } as const;

interface DragState {
  startY: number;
  startOffset: number;
  lastY: number;
  lastTime: number;
  /** px/s, positive downwards. */
  velocity: number;
  moved: boolean;
}

/**
 * The chat's one element in every layout, so its scroll and draft survive a resize: the
 * left 40 % column on desktops, a tab panel on tablets, and on phones a bottom sheet over the code
 * that slides (motion) and can be dragged down by its handle. Its position lives in a CSS variable
 * only the phone classes read, so the other layouts never see a transform.
 */
export function ChatPanel({ id, layout, sheetOpen, onSheetOpenChange, focusOnCloseRef, hiddenByTab, children }: ChatPanelProps) {
  const reducedMotion = useReducedMotion();
  const offset = useMotionValue(sheetOpen ? OPEN : CLOSED);
  const sectionRef = useRef<HTMLElement>(null);
  const handleRef = useRef<HTMLButtonElement>(null);
  const wasOpenRef = useRef(sheetOpen);
  const dragRef = useRef<DragState | null>(null);
  /** A drag ends with a click on the handle, which must not also close the sheet. */
  const draggedRef = useRef(false);
  const mobile = layout === 'mobile';

  // The sheet's position is written straight to its CSS variable, subscribed once: a derived motion
  // value (useTransform) re-subscribes on every render, and each stream batch renders this panel, so
  // each one asked for an extra animation frame just to check its subscribers.
  useLayoutEffect(() => {
    const writeOffset = (value: number) => sectionRef.current?.style.setProperty('--sheet-offset', `${value}%`);
    writeOffset(offset.get());
    return offset.on('change', writeOffset);
  }, [offset]);

  const settle = (open: boolean) => animate(offset, open ? OPEN : CLOSED, reducedMotion ? { duration: 0 } : SPRING);

  useEffect(() => {
    const controls = animate(offset, sheetOpen ? OPEN : CLOSED, reducedMotion ? { duration: 0 } : SPRING);
    return () => controls.stop();
  }, [sheetOpen, offset, reducedMotion]);

  // A sheet is a dialog on phones: focus moves into it when it opens and back out when it closes.
  useEffect(() => {
    const wasOpen = wasOpenRef.current;
    wasOpenRef.current = sheetOpen;
    if (!mobile || wasOpen === sheetOpen) return;
    if (sheetOpen) handleRef.current?.focus();
    else focusOnCloseRef.current?.focus();
  }, [sheetOpen, mobile, focusOnCloseRef]);

  function onHandlePointerDown(event: PointerEvent<HTMLButtonElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = { startY: event.clientY, startOffset: offset.get(), lastY: event.clientY, lastTime: event.timeStamp, velocity: 0, moved: false };
  }

  function onHandlePointerMove(event: PointerEvent<HTMLButtonElement>) {
    const drag = dragRef.current;
    if (!drag) return;
    const height = sectionRef.current?.offsetHeight || 1;
    const distance = event.clientY - drag.startY;
    if (Math.abs(distance) > TAP_SLOP_PX) drag.moved = true;
    const elapsed = event.timeStamp - drag.lastTime;
    if (elapsed > 0) drag.velocity = ((event.clientY - drag.lastY) / elapsed) * 1000;
    drag.lastY = event.clientY;
    drag.lastTime = event.timeStamp;
    offset.set(Math.min(CLOSED, Math.max(OPEN, drag.startOffset + (distance / height) * 100)));
  }

  function onHandlePointerUp(event: PointerEvent<HTMLButtonElement>) {
    const drag = dragRef.current;
    dragRef.current = null;
    draggedRef.current = drag?.moved ?? false;
    if (!drag?.moved) return;
    const height = sectionRef.current?.offsetHeight || 1;
    const open = sheetStaysOpen(event.clientY - drag.startY, drag.velocity, height);
    settle(open);
    onSheetOpenChange(open);
  }

  return (
    <>
      {mobile && sheetOpen && (
        <div aria-hidden="true" onClick={() => onSheetOpenChange(false)} className="fixed inset-0 z-30 bg-black/55 md:hidden" />
      )}
      <section
        ref={sectionRef}
        id={id}
        aria-label="Chat"
        data-testid="chat-panel"
        data-sheet={mobile ? (sheetOpen ? 'open' : 'closed') : undefined}
        role={mobile ? 'dialog' : layout === 'tablet' ? 'tabpanel' : undefined}
        aria-modal={mobile && sheetOpen ? true : undefined}
        aria-labelledby={layout === 'tablet' ? `${id}-tab` : undefined}
        inert={mobile && !sheetOpen}
        onKeyDown={(event) => {
          if (mobile && event.key === 'Escape') onSheetOpenChange(false);
        }}
        className={`flex min-w-0 flex-col bg-zinc-950 max-md:fixed max-md:inset-x-0 max-md:bottom-0 max-md:z-40 max-md:h-[85dvh] max-md:translate-y-[var(--sheet-offset,100%)] max-md:rounded-t-2xl max-md:border-t max-md:border-zinc-700 max-md:shadow-2xl max-md:shadow-black md:flex-1 ${
          hiddenByTab ? 'md:hidden' : ''
        } xl:flex xl:w-2/5 xl:flex-none xl:border-r xl:border-zinc-800`}
      >
        <button
          ref={handleRef}
          type="button"
          data-testid="chat-sheet-handle"
          aria-label="Close the chat"
          onClick={() => {
            if (draggedRef.current) draggedRef.current = false;
            else onSheetOpenChange(false);
          }}
          onPointerDown={onHandlePointerDown}
          onPointerMove={onHandlePointerMove}
          onPointerUp={onHandlePointerUp}
          onPointerCancel={() => {
            dragRef.current = null;
            settle(sheetOpen);
          }}
          className="flex shrink-0 cursor-grab touch-none flex-col items-center gap-1 rounded-t-2xl pt-2 pb-1 text-zinc-500 active:cursor-grabbing md:hidden"
        >
          <span className="h-1 w-10 rounded-full bg-zinc-600" aria-hidden="true" />
          <Icon name="chevronDown" className="size-3.5" />
        </button>
        {children}
      </section>
    </>
  );
}
