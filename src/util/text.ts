/** Text helpers shared by the loader, the reports and the command line. */

/** Control characters (escape sequences, bells) shown as `\u001b`: they cannot drive the terminal. */
export function escapeControls(s: string, keep = ''): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (keep.includes(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
