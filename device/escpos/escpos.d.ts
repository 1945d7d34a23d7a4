/** escpos 2.x ships no types; escpos-printer.ts declares the part Fronta uses. */
declare module 'escpos/printer.js' {
  const Printer: unknown;
  export default Printer;
}
