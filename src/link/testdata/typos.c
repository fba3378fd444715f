/* Three calls to names nothing defines, each one edit away from a defined one (a local, a
   global here, a global in provides.c): rust-lld suggests a spelling for the first two only. */
void kernel_main(void);
void print_lin(void);
void clear_sreen(void);
static void print_line(void) {}
void clear_screen(void) {}
void _start(void) {
  print_line();
  print_lin();
  clear_sreen();
  kernel_main();
  for (;;) {
  }
}
