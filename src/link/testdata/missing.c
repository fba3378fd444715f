/* Calls a function that nothing defines: kernel_main (provides.c has kernel_mian). */
void kernel_main(void);
void _start(void) {
  kernel_main();
  for (;;) {
  }
}
