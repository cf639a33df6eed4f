/** Input limits of the engine: anything larger is refused with a clear error instead of being half-read. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;
