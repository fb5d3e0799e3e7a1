// An author's handle as people write it: one leading "@" (networks store handles with
// or without it), and long fediverse handles allowed to wrap instead of overflowing.
export function AuthorHandle({ handle }: { handle: string }) {
  return <span className="muted author-handle"> {handle.startsWith('@') ? handle : `@${handle}`}</span>;
}
