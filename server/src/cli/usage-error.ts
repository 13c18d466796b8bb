/** An error in how the CLI was called or in reading its input: reported in one line, exit code 2. */
export class UsageError extends Error {}
