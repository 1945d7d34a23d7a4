/** johnny-five ships no types; device/drivers/j5/board.ts declares the few parts Fronta uses. */
declare module 'johnny-five';
