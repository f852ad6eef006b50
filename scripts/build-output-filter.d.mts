/** Types for build-output-filter.mjs (plain JavaScript, run by Node without a build step). */
export const EXPECTED_OUTPUT: readonly RegExp[];
export function withoutExpectedOutput(stream: NodeJS.WriteStream): () => void;
export function isExpectedOutput(text: string): boolean;
