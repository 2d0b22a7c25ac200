// The one test every keyboard shortcut of the page makes before it acts
// (the timeline's keys, the presenter's clicker keys, a menu's Escape): a key
// pressed while the person is typing belongs to what they type into (the
// terminal, a text field, a text area, anything contenteditable), and a key
// a focused control handles itself (Enter on a button, arrows on a slider or
// a list box) belongs to that control. A shortcut that skipped this would
// eat the spaces of `s = socket(AF_LPAR, SOCK_SEQPACKET)` or turn Enter into
// "next step" in the middle of a line.

/** Input types that take no typing: a key pressed on them may be a page shortcut. */
const NOT_TEXT = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image', 'hidden']);

/** Whether the focus at `target` is where a person types: the terminal, a text field or area, a select, a contenteditable. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  // the terminal: xterm's hidden text area and anything inside its pane
  if (el.closest('.terminal-pane, .xterm') !== null) return true;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT.has((el.getAttribute('type') ?? 'text').toLowerCase());
  return false;
}

/** Keys a focused control acts on itself, so a page shortcut on the same key would act twice. */
function ownKey(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  const activates = key === ' ' || key === 'Enter';
  if (activates && el.closest('button, a[href], summary, [role="button"], [role="tab"], [role="link"], input') !== null) return true;
  const moves = /^(Arrow|Page|Home$|End$)/.test(key);
  if (moves && el.closest('input[type="range"], [role="slider"], [role="tablist"], [role="separator"], [role="listbox"], [role="radiogroup"], svg[tabindex], [data-frame], g[tabindex]') !== null) return true;
  return false;
}

/**
 * Whether a page shortcut may act on this key press: no modifier (the
 * browser's and the system's own shortcuts), nobody handled it already,
 * the person is not typing, and the focused control does not use the key.
 */
export function shortcutAllowed(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return false;
  return !isTyping(e.target) && !ownKey(e.target, e.key);
}
