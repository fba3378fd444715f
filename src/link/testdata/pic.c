/* Position-independent C (as a target with relocation-model pic makes): GOT loads of data and
   functions that a static link relaxes, and pointers in .data.rel.ro. */
extern int shared_counter;
int shared_counter = 1;
static const char text[] = "pic";
const char *const pointers[] = { text, text + 1, text + 2 };
int zeroes[64];
int *where(void) { return &shared_counter; }
int (*pick(void))[64] { return &zeroes; }
void _start(void) {
  (*pick())[1] = *where() + pointers[2][0];
  for (;;) {
  }
}
