// Single-key shortcuts for the inbox, ignored while typing in a field or when a
// modifier key is held (so the browser's own shortcuts keep working).
import { useEffect, useRef } from 'react';

export type ShortcutMap = Record<string, () => void>;

export const shortcutHelp: { keys: string; does: string }[] = [
  { keys: 'j', does: 'Next conversation' },
  { keys: 'k', does: 'Previous conversation' },
  { keys: 'c', does: 'Claim the open conversation' },
  { keys: 'r', does: 'Resolve the open conversation' },
  { keys: 'w', does: 'Set the open conversation to waiting' },
  { keys: 'n', does: 'Write a note' },
  { keys: '/', does: 'Search' },
  { keys: '?', does: 'Show these shortcuts' },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function useShortcuts(shortcuts: ShortcutMap): void {
  const current = useRef(shortcuts);
  useEffect(() => { current.current = shortcuts; });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // An open modal dialog has the keyboard to itself.
      if (document.querySelector('dialog[open]')) return;
      const run = current.current[event.key];
      if (!run) return;
      event.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
