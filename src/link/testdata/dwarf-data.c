/* Data that refers to a variable nothing defines, and globals defined here: compiled with -g,
   rust-lld names these places by the variables' declaration lines in .debug_info. */
extern int missing_var;
int *pointer_to_missing = &missing_var;
int shared_counter = 1;

void _start(void) {
  for (;;) {
  }
}
