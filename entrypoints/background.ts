export default defineBackground(() => {
  // wiring added by the reader's-extension work
});
