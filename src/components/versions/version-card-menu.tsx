'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../ui/icon';
import type { VersionMenuAction, VersionMenuItem } from '@/workspace/version-menu';

const ACTION_ICONS: Record<VersionMenuAction, IconName> = {
  regenerate: 'retry',
  copy: 'copy',
  zip: 'download',
  'compare-previous': 'compare',
  'compare-any': 'compare',
  restore: 'restore',
  branch: 'branch',
};

/** Room the menu needs below its button; with less, it opens upwards. */
const MENU_HEIGHT_PX = 340;

interface VersionCardMenuProps {
  versionNumber: number;
  items: readonly VersionMenuItem[];
  onAction: (action: VersionMenuAction) => void;
}

/**
 * The ⋮ menu of a version card, following the WAI-ARIA menu button pattern: Enter, Space or
 * ArrowDown opens it on the first item, arrows and Home / End move, Escape closes it back onto the
 * button, Tab or a click elsewhere closes it.
 */
export function VersionCardMenu({ versionNumber, items, onAction }: VersionCardMenuProps) {
  const [open, setOpen] = useState(false);
  const [upwards, setUpwards] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const enabledItems = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];

  useEffect(() => {
    if (!open) return;
    enabledItems()[0]?.focus();
    const closeOnOutsidePointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  function toggle() {
    if (!open) {
      const bottom = buttonRef.current?.getBoundingClientRect().bottom ?? 0;
      setUpwards(window.innerHeight - bottom < MENU_HEIGHT_PX && bottom > MENU_HEIGHT_PX);
    }
    setOpen(!open);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const focusable = enabledItems();
    const index = focusable.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (next: number) => focusable[(next + focusable.length) % focusable.length]?.focus();
    if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(focusable.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') return close(false);
    else return;
    event.preventDefault();
  }

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        data-testid="version-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Actions for v${versionNumber}`}
        title="Version actions"
        onClick={toggle}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            toggle();
          }
        }}
        className="flex size-8 items-center justify-center rounded-lg text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100 aria-expanded:bg-zinc-800 aria-expanded:text-zinc-100"
      >
        <Icon name="more" className="size-4" />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={`v${versionNumber} actions`}
          data-testid="version-menu"
          onKeyDown={onMenuKeyDown}
          className={`absolute right-0 z-30 w-64 rounded-xl border border-zinc-700 bg-zinc-900 p-1 shadow-2xl shadow-black/60 ${
            upwards ? 'bottom-full mb-1' : 'top-full mt-1'
          }`}
        >
          {items.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              data-action={item.action}
              disabled={item.disabledReason !== null}
              onClick={() => {
                close(true);
                onAction(item.action);
              }}
              className="flex w-full items-start gap-2.5 rounded-lg px-2.5 py-1.5 text-left text-sm text-zinc-200 hover:bg-zinc-800 focus-visible:bg-zinc-800 focus-visible:outline-1 focus-visible:outline-offset-0 disabled:cursor-not-allowed disabled:text-zinc-500 disabled:hover:bg-transparent"
            >
              <Icon name={ACTION_ICONS[item.action]} className="mt-0.5 size-4 shrink-0 text-zinc-400" />
              <span className="min-w-0">
                {item.label}
                {item.disabledReason && <span className="block text-xs text-zinc-500">{item.disabledReason}</span>}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
