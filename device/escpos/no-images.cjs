// Stands in for get-pixels in the device bundle (scripts/build-device.ts): escpos's printer.js
// requires it at load for image printing, which Fronta never does, and it costs 22 MiB of memory.
module.exports = function getPixels() {
  throw new Error('escpos image printing is not part of Fronta');
};
