// Reading strings in the matcher's per-character loops without V8 looking anything up
// on them.
//
// Strings come in several representations (flat, sliced, joined; one or two bytes a
// character), each with its own V8 map, and the scanner sees at least five: sliced
// query words, flat one- and two-byte texts, and the joined or sliced results of
// removing a variation selector. Once an expression such as `text.charCodeAt(i)` has
// met more than four maps, V8 stops specializing it and looks `charCodeAt` up on every
// evaluation, the slow, megamorphic way; in the benchmark that was most of the
// scanner's time. Calling the String.prototype methods directly looks nothing up, and
// V8 compiles such a call down to the read itself, whatever the representation.
//
// All callers share the one call inside each helper, so indexes must be inside the
// text: a single read out of range makes V8 stop compiling that call down, for them all.

const stringCharCodeAt = String.prototype.charCodeAt;
const stringCodePointAt = String.prototype.codePointAt;
const stringSlice = String.prototype.slice;

/** text.charCodeAt(i), for 0 <= i < text.length. */
export const charCodeAt = (text: string, i: number): number => stringCharCodeAt.call(text, i);

/** text.codePointAt(i), for 0 <= i < text.length. */
export const codePointAt = (text: string, i: number): number => stringCodePointAt.call(text, i)!;

/** text.slice(start, end). */
export const sliceOf = (text: string, start: number, end: number): string => stringSlice.call(text, start, end);
